package dev.accord.server.api;

import dev.accord.server.auth.Callers;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accord.server.registry.ErrorCode;
import dev.accord.server.registry.RegistryException;
import dev.accord.server.store.EventLog;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/** The event log as a change feed: page through it with {@code after} = the last seq you saw. */
@Path("/v1/events")
@Produces({MediaTypes.SCHEMA_REGISTRY_V1_JSON, MediaTypes.SCHEMA_REGISTRY_JSON, MediaTypes.JSON})
public class EventsResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EventLog events;

    @Inject
    Callers callers;

    @GET
    @Transactional
    public Response list(@QueryParam("after") String after, @QueryParam("limit") String limit,
                         @QueryParam("actor") String actor) {
        long afterSeq;
        try {
            afterSeq = after == null || after.isEmpty() ? 0 : Long.parseLong(after.trim());
        } catch (NumberFormatException e) {
            throw new RegistryException(ErrorCode.UNPROCESSABLE_ENTITY, "after must be an event sequence number");
        }
        int size = RequestBodies.number(limit, "limit", DEFAULT_LIMIT);
        if (size < 1 || size > MAX_LIMIT) {
            throw new RegistryException(ErrorCode.UNPROCESSABLE_ENTITY, "limit must be between 1 and " + MAX_LIMIT);
        }
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        List<String> readable = callers.current().principal().readablePatterns();
        for (EventLog.LoggedEvent event : events.after(afterSeq, size, actor == null || actor.isEmpty() ? null : actor,
                readable)) {
            ObjectNode node = array.addObject();
            node.put("seq", event.seq());
            node.put("type", event.type());
            node.put("subject", event.subject());
            if (event.version() == null) {
                node.putNull("version");
            } else {
                node.put("version", event.version());
            }
            if (event.schemaId() == null) {
                node.putNull("id");
            } else {
                node.put("id", event.schemaId());
            }
            try {
                node.set("payload", JSON.readTree(event.payload()));
            } catch (JsonProcessingException e) {
                node.put("payload", event.payload());
            }
            node.put("actor", event.actor());
            node.put("remoteAddress", event.remoteAddress());
            node.put("time", event.createdAt().toString());
        }
        return ApiResponses.ok(array);
    }
}
