package dev.accord.server.api;

import dev.accord.server.auth.Caller;
import dev.accord.server.auth.Callers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accord.core.schema.SchemaParsers;
import dev.accord.core.schema.SchemaType;
import dev.accord.server.registry.RegistryException;
import dev.accord.server.registry.SchemaContents;
import dev.accord.server.registry.StoredSchema;
import dev.accord.server.registry.QualifiedSubjects;
import dev.accord.server.registry.SubjectQueries;
import dev.accord.server.registry.SubjectVersion;
import dev.accord.server.store.SubjectVersionEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Schemas by global id, and the list of all schemas. */
@Path("/schemas")
@Produces({MediaTypes.SCHEMA_REGISTRY_V1_JSON, MediaTypes.SCHEMA_REGISTRY_JSON, MediaTypes.JSON})
public class SchemasResource {

    static final int MAX_LIMIT = 1000;

    @Inject
    SubjectQueries queries;

    @Inject
    Callers callers;

    @Inject
    SchemaContents contents;

    @Inject
    SchemaByIdResponses responses;

    @GET
    public Response list(@QueryParam("subjectPrefix") String prefix, @QueryParam("deleted") String deleted,
                         @QueryParam("latestOnly") String latestOnly, @QueryParam("ruleType") String ruleType,
                         @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        Caller caller = callers.current();
        int pageSize = RequestBodies.number(limit, "limit", MAX_LIMIT);
        pageSize = pageSize < 0 || pageSize > MAX_LIMIT ? MAX_LIMIT : pageSize; // Confluent caps the list at 1000
        List<SubjectVersion> versions = queries.schemas(prefix == null || prefix.equals(QualifiedSubjects.ALL_CONTEXTS) ? null : prefix,
                caller.principal().readablePatterns(), RequestBodies.number(offset, "offset", 0), pageSize,
                RequestBodies.flag(deleted, "deleted"), RequestBodies.flag(latestOnly, "latestOnly"), ruleType);
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (SubjectVersion version : versions) {
            array.add(ApiViews.version(version, null));
        }
        return ApiResponses.ok(array);
    }

    @GET
    @Path("/types")
    public Response types() {
        return ApiResponses.ok(SchemaParsers.supportedTypes().stream().map(SchemaType::name).toList());
    }

    /**
     * The hot path of every Kafka deserializer: answered from memory on the I/O thread once the id was seen;
     * the first request for an id (and any with options) loads it on a worker thread.
     */
    @GET
    @Path("/ids/{id}")
    public Uni<Response> byId(@PathParam("id") String id, @QueryParam("fetchMaxId") String fetchMaxId,
                              @QueryParam("format") String format, @QueryParam("subject") String subject,
                              @QueryParam("referenceFormat") String referenceFormat) {
        int schemaId = parseId(id);
        boolean plain = fetchMaxId == null && format == null && subject == null && referenceFormat == null;
        if (plain) {
            byte[] cached = responses.cached(schemaId);
            if (cached != null) {
                return Uni.createFrom().item(ApiResponses.okBytes(cached));
            }
        }
        return Uni.createFrom().item(() -> QuarkusTransaction.requiringNew().call(() -> {
            StoredSchema schema = queries.schema(subject, schemaId);
            if (plain) {
                return ApiResponses.okBytes(responses.render(schema));
            }
            ObjectNode body = ApiViews.withReferenceFormat(ApiViews.schemaById(schema, contents.formatted(schema, format)),
                    referenceFormat, queries.contextOf(schema));
            if (RequestBodies.flag(fetchMaxId, "fetchMaxId")) {
                body.put("maxId", queries.maxId(subject));
            }
            return ApiResponses.ok(body);
        })).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    @GET
    @Path("/ids/{id}/schema")
    public Response rawById(@PathParam("id") String id, @QueryParam("format") String format,
                            @QueryParam("subject") String subject) {
        StoredSchema schema = queries.schema(subject, parseId(id));
        return ApiResponses.okBytes(contents.formatted(schema, format).getBytes(StandardCharsets.UTF_8));
    }

    @GET
    @Path("/ids/{id}/subjects")
    public Response subjects(@PathParam("id") String id, @QueryParam("deleted") String deleted,
                             @QueryParam("subject") String subject, @QueryParam("offset") String offset,
                             @QueryParam("limit") String limit) {
        Caller caller = callers.current();
        List<String> subjects = queries.subjectsOf(subject, parseId(id), RequestBodies.flag(deleted, "deleted")).stream()
                .filter(caller::mayRead).toList();
        return ApiResponses.ok(SubjectQueries.page(subjects, RequestBodies.number(offset, "offset", 0),
                RequestBodies.number(limit, "limit", -1)));
    }

    @GET
    @Path("/ids/{id}/versions")
    public Response versions(@PathParam("id") String id, @QueryParam("deleted") String deleted,
                             @QueryParam("subject") String subject, @QueryParam("offset") String offset,
                             @QueryParam("limit") String limit) {
        Caller caller = callers.current();
        List<SubjectVersionEntity> rows = queries.versionsOf(subject, parseId(id), RequestBodies.flag(deleted, "deleted")).stream()
                .filter(row -> caller.mayRead(row.subject)).toList();
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (SubjectVersionEntity row : SubjectQueries.page(rows, RequestBodies.number(offset, "offset", 0),
                RequestBodies.number(limit, "limit", -1))) {
            array.add(ApiViews.subjectVersion(row.subject, row.version));
        }
        return ApiResponses.ok(array);
    }

    /** A schema by its GUID (Confluent 8). */
    @GET
    @Path("/guids/{guid}")
    public Response byGuid(@PathParam("guid") String guid, @QueryParam("format") String format) {
        StoredSchema schema = queries.schemaOfGuid(guid);
        return ApiResponses.ok(ApiViews.schemaById(schema, contents.formatted(schema, format)));
    }

    /** The ids (with their context) of a GUID. */
    @GET
    @Path("/guids/{guid}/ids")
    public Response idsOfGuid(@PathParam("guid") String guid) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (SubjectQueries.ContextId id : queries.idsOfGuid(guid)) {
            ObjectNode node = array.addObject();
            node.put("context", id.context());
            node.put("id", id.id());
        }
        return ApiResponses.ok(array);
    }

    private static int parseId(String id) {
        try {
            int value = Integer.parseInt(id.trim());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw RegistryException.schemaNotFound("Schema " + id + " not found");
    }
}
