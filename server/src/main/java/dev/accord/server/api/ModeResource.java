package dev.accord.server.api;

import dev.accord.server.auth.Callers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accord.server.registry.ErrorCode;
import dev.accord.server.registry.Mode;
import dev.accord.server.registry.Modes;
import dev.accord.server.registry.RegistryException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The registry's mode (READWRITE, READONLY, IMPORT), globally and per subject. */
@Path("/mode")
@Consumes(MediaType.WILDCARD)
@Produces({MediaTypes.SCHEMA_REGISTRY_V1_JSON, MediaTypes.SCHEMA_REGISTRY_JSON, MediaTypes.JSON})
public class ModeResource {

    private static final String GLOBAL = "";

    @Inject
    Modes modes;

    @Inject
    Callers callers;

    @GET
    public Response global(@QueryParam("defaultToGlobal") String defaultToGlobal) {
        return ApiResponses.ok(mode(modes.global()));
    }

    @PUT
    public Response updateGlobal(@QueryParam("force") String force, String body) {
        Mode mode = parse(body);
        if (mode == Mode.FORWARD) {
            throw new RegistryException(ErrorCode.INVALID_MODE, "Mode FORWARD can only be set for the global context:"
                    + " PUT /mode/:.__GLOBAL:");
        }
        return ApiResponses.ok(mode(modes.update(callers.current(), GLOBAL, mode, RequestBodies.flag(force, "force"))));
    }

    @DELETE
    public Response deleteGlobal(@QueryParam("recursive") String recursive) {
        return ApiResponses.ok(mode(modes.delete(callers.current(), GLOBAL)));
    }

    @GET
    @Path("/{subject}")
    public Response subject(@PathParam("subject") String subject,
                            @QueryParam("defaultToGlobal") String defaultToGlobal) {
        if (ConfigResource.isDefaultContext(subject)) {
            return global(defaultToGlobal);
        }
        return ApiResponses.ok(mode(modes.ofSubject(subject, RequestBodies.flag(defaultToGlobal, "defaultToGlobal"))));
    }

    @PUT
    @Path("/{subject}")
    public Response updateSubject(@PathParam("subject") String subject, @QueryParam("force") String force,
                                  String body) {
        Mode mode = parse(body);
        if (mode == Mode.FORWARD && !ConfigResource.isGlobalContext(subject)) {
            throw new RegistryException(ErrorCode.INVALID_MODE, "Mode FORWARD can only be set for the global context"
                    + " ':.__GLOBAL:', not for '" + subject + "'");
        }
        String scope = ConfigResource.isDefaultContext(subject) ? GLOBAL : subject;
        return ApiResponses.ok(mode(modes.update(callers.current(), scope, mode, RequestBodies.flag(force, "force"))));
    }

    @DELETE
    @Path("/{subject}")
    public Response deleteSubject(@PathParam("subject") String subject, @QueryParam("recursive") String recursive) {
        return ApiResponses.ok(mode(modes.delete(callers.current(), ConfigResource.isDefaultContext(subject) ? GLOBAL : subject)));
    }

    private static Mode parse(String body) {
        JsonNode mode = RequestBodies.object(body).get("mode");
        String name = mode == null || mode.isNull() ? null : mode.asText();
        return Mode.fromName(name).orElseThrow(() -> new RegistryException(ErrorCode.INVALID_MODE,
                "Invalid mode: " + name + ". Valid values are READWRITE, READONLY, READONLY_OVERRIDE, IMPORT and FORWARD"));
    }

    private static ObjectNode mode(Mode mode) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("mode", mode.name());
        return node;
    }
}
