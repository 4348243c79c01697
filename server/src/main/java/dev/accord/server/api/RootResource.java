package dev.accord.server.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.orm.panache.Panache;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;

/** The root no-ops, contexts, server metadata and the OpenAPI document. */
@Path("/")
@Consumes(MediaType.WILDCARD)
@Produces({MediaTypes.SCHEMA_REGISTRY_V1_JSON, MediaTypes.SCHEMA_REGISTRY_JSON, MediaTypes.JSON})
public class RootResource {

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown")
    String version;

    private volatile String clusterId;

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

    @GET
    @Path("v1/metadata/id")
    public Response clusterId() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode scope = body.putObject("scope");
        scope.putArray("path");
        scope.putObject("clusters").put("schema-registry-cluster", loadClusterId());
        body.put("id", loadClusterId());
        return ApiResponses.ok(body);
    }

    @GET
    @Path("v1/metadata/version")
    public Response version() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("version", version);
        body.put("commitId", "");
        return ApiResponses.ok(body);
    }

    /** The hand-written OpenAPI description of this API. */
    @GET
    @Path("v1/openapi.yaml")
    @Produces("application/yaml")
    public Response openApi() throws IOException {
        try (InputStream in = RootResource.class.getResourceAsStream("/META-INF/accord/openapi.yaml")) {
            if (in == null) {
                return ApiResponses.error(404, 404, "openapi.yaml is not packaged in this build");
            }
            return Response.ok(in.readAllBytes(), "application/yaml").build();
        }
    }

    @Transactional
    String loadClusterId() {
        if (clusterId == null) {
            clusterId = (String) Panache.getEntityManager()
                    .createNativeQuery("select value from registry_info where key = 'cluster_id'").getSingleResult();
        }
        return clusterId;
    }
}
