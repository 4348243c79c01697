package dev.accord.server.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.smallrye.common.annotation.NonBlocking;
import dev.accord.server.auth.Callers;
import dev.accord.server.registry.Contexts;
import dev.accord.server.registry.QualifiedSubjects;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;


/** The root no-ops and contexts. */
@Path("/")
@Consumes(MediaType.WILDCARD)
@Produces({MediaTypes.SCHEMA_REGISTRY_V1_JSON, MediaTypes.SCHEMA_REGISTRY_JSON, MediaTypes.JSON})
public class RootResource {

    @Inject
    Contexts contexts;

    @Inject
    Callers callers;

    /** Non-blocking: it is also the constant-answer baseline of the load benchmark. */
    @GET
    @NonBlocking
    public Response root() {
        return ApiResponses.ok(JsonNodeFactory.instance.objectNode());
    }

    /** Confluent's root POST echoes nothing useful; clients use it as a connectivity check. */
    @POST
    public Response rootPost(String body) {
        return ApiResponses.ok(JsonNodeFactory.instance.objectNode());
    }

    /** The contexts in use (Confluent's {@code GET /contexts}), the default one first. */
    @GET
    @Path("contexts")
    public Response contexts(@QueryParam("contextPrefix") String prefix, @QueryParam("offset") String offset,
                             @QueryParam("limit") String limit) {
        return ApiResponses.ok(contexts.list(prefix, RequestBodies.number(offset, "offset", 0),
                RequestBodies.number(limit, "limit", -1)));
    }

    /**
     * Deletes a context that holds no versions. The default context is "." or, qualified, ":.:" (a bare "."
     * segment is normalised away by HTTP path handling); it always exists.
     */
    @DELETE
    @Path("contexts/{context}")
    public Response deleteContext(@PathParam("context") String context) {
        String name = context.equals(":.:") ? QualifiedSubjects.DEFAULT_CONTEXT
                : context.startsWith(":") && context.endsWith(":") && context.length() > 2
                ? context.substring(1, context.length() - 1) : context;
        contexts.delete(callers.current(), name);
        return Response.noContent().build();
    }
}
