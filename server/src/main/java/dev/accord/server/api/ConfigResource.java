package dev.accord.server.api;

import dev.accord.server.auth.Callers;

import dev.accord.server.registry.CompatibilityConfigs;
import dev.accord.server.registry.SubjectConfig;
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

/**
 * Compatibility configuration. GET answers name the level {@code compatibilityLevel}; PUT bodies and their
 * echo name it {@code compatibility}, as Confluent's API does.
 */
@Path("/config")
@Consumes(MediaType.WILDCARD)
@Produces({MediaTypes.SCHEMA_REGISTRY_V1_JSON, MediaTypes.SCHEMA_REGISTRY_JSON, MediaTypes.JSON})
public class ConfigResource {

    private static final String GLOBAL = "";

    @Inject
    CompatibilityConfigs configs;

    @Inject
    Callers callers;

    @GET
    public Response global(@QueryParam("defaultToGlobal") String defaultToGlobal) {
        return ApiResponses.ok(configs.global().toJson());
    }

    @PUT
    public Response updateGlobal(String body) {
        SubjectConfig update = SubjectConfig.fromUpdate(RequestBodies.object(body));
        return ApiResponses.ok(configs.update(callers.current(), GLOBAL, update).toUpdateJson());
    }

    @DELETE
    public Response deleteGlobal() {
        return ApiResponses.ok(configs.delete(callers.current(), GLOBAL).toJson());
    }

    @GET
    @Path("/{subject}")
    public Response subject(@PathParam("subject") String subject,
                            @QueryParam("defaultToGlobal") String defaultToGlobal) {
        if (isDefaultContext(subject)) {
            return global(defaultToGlobal);
        }
        return ApiResponses.ok(configs.ofSubject(subject, RequestBodies.flag(defaultToGlobal, "defaultToGlobal"))
                .toJson());
    }

    @PUT
    @Path("/{subject}")
    public Response updateSubject(@PathParam("subject") String subject, String body) {
        SubjectConfig update = SubjectConfig.fromUpdate(RequestBodies.object(body));
        return ApiResponses.ok(configs.update(callers.current(), isDefaultContext(subject) ? GLOBAL : subject, update).toUpdateJson());
    }

    @DELETE
    @Path("/{subject}")
    public Response deleteSubject(@PathParam("subject") String subject) {
        return ApiResponses.ok(configs.delete(callers.current(), isDefaultContext(subject) ? GLOBAL : subject).toJson());
    }

    /** The default context {@code :.:} and the global one {@code :.__GLOBAL:} both address the global settings. */
    static boolean isDefaultContext(String subject) {
        return subject.equals(":.:") || isGlobalContext(subject);
    }

    static boolean isGlobalContext(String subject) {
        return subject.equals(":.__GLOBAL:");
    }
}
