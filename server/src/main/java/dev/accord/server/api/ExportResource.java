package dev.accord.server.api;

import dev.accord.server.registry.RegistryTransfer;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * {@code GET /v1/export}: the whole registry as one JSON-lines document, streamed from one database snapshot while it
 * is written, so its size is not bounded by memory. {@code POST /v1/import} ({@link RegistryTransferRoutes}) takes it
 * back unchanged.
 */
@Path("/v1/export")
public class ExportResource {

    public static final String NDJSON = "application/x-ndjson";

    @Inject
    RegistryTransfer transfer;

    @GET
    @Produces(NDJSON)
    public Response export(@QueryParam("events") String events) {
        boolean withEvents = RequestBodies.flag(events, "events");
        StreamingOutput body = out -> transfer.export(out, withEvents);
        return Response.ok(body, NDJSON)
                .header("Content-Disposition", "attachment; filename=\"accord-export.ndjson\"")
                .build();
    }
}
