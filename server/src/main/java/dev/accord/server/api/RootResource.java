package dev.accord.server.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.smallrye.common.annotation.NonBlocking;
import dev.accord.server.registry.ErrorCode;
import dev.accord.server.registry.RegistryException;
import dev.accord.server.registry.RegistryOverview;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;


/** The root no-ops and contexts. */
@Path("/")
@Consumes(MediaType.WILDCARD)
@Produces({MediaTypes.SCHEMA_REGISTRY_V1_JSON, MediaTypes.SCHEMA_REGISTRY_JSON, MediaTypes.JSON})
public class RootResource {

    @Inject
    RegistryOverview overview;

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

    /** Accord stores everything in the default context. */
    @GET
    @Path("contexts")
    public Response contexts() {
        return ApiResponses.ok(java.util.List.of("."));
    }

    /**
     * Only the default context exists (named "." or, qualified, ":.:"; a bare "." segment is normalised away
     * by HTTP path handling); it can be "deleted" only when it holds nothing.
     */
    @DELETE
    @Path("contexts/{context}")
    public Response deleteContext(@PathParam("context") String context) {
        if (!context.equals(".") && !context.equals(":.:")) {
            throw new RegistryException(ErrorCode.SUBJECT_NOT_FOUND, "Context '" + context + "' not found.");
        }
        if (overview.stats().subjects() + overview.stats().deletedSubjects() > 0) {
            throw new RegistryException(ErrorCode.CONTEXT_NOT_EMPTY, "Context '.' is not empty");
        }
        return Response.noContent().build();
    }
}
