package dev.accord.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accord.server.auth.Callers;
import dev.accord.server.registry.RemoteImports;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** Migration from another Confluent-compatible registry through its API: a job that runs in the background. */
@Path("/v1/import")
@Consumes(MediaType.WILDCARD)
@Produces({MediaTypes.SCHEMA_REGISTRY_V1_JSON, MediaTypes.SCHEMA_REGISTRY_JSON, MediaTypes.JSON})
public class RemoteImportResource {

    @Inject
    RemoteImports imports;

    @Inject
    Callers callers;

    @Inject
    ObjectMapper json;

    @POST
    @Path("/remote")
    public Response start(String body) {
        return accepted(imports.start(callers.current(), RequestBodies.object(body)));
    }

    @GET
    @Path("/jobs/{id}")
    public Response job(@PathParam("id") String id) {
        return ApiResponses.ok(imports.job(id).view(json));
    }

    @POST
    @Path("/jobs/{id}/resume")
    public Response resume(@PathParam("id") String id, String body) {
        return accepted(imports.resume(callers.current(), id,
                body == null || body.isBlank() ? null : RequestBodies.object(body)));
    }

    private Response accepted(RemoteImports.Job job) {
        return Response.accepted(ApiResponses.bytes(job.view(json)))
                .type(MediaTypes.SCHEMA_REGISTRY_V1_JSON)
                .location(URI.create("/v1/import/jobs/" + job.id()))
                .build();
    }
}
