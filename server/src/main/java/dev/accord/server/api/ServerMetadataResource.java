package dev.accord.server.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Confluent's server metadata: cluster id, version, deployment attributes. */
@Path("/v1/metadata")
@Produces({MediaTypes.SCHEMA_REGISTRY_V1_JSON, MediaTypes.SCHEMA_REGISTRY_JSON, MediaTypes.JSON})
public class ServerMetadataResource {

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown")
    String version;

    private volatile String clusterId;

    @GET
    @Path("/id")
    public Response clusterId() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode scope = body.putObject("scope");
        scope.putArray("path");
        scope.putObject("clusters").put("schema-registry-cluster", loadClusterId());
        body.put("id", loadClusterId());
        return ApiResponses.ok(body);
    }

    @GET
    @Path("/version")
    public Response version() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("version", version);
        body.put("commitId", "");
        return ApiResponses.ok(body);
    }

    @GET
    @Path("/deployment")
    public Response deployment() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("attributes").add("accord").add("opensource");
        return ApiResponses.ok(body);
    }

    /** Generated once per installation by the first migration. */
    @Transactional
    String loadClusterId() {
        if (clusterId == null) {
            clusterId = (String) Panache.getEntityManager()
                    .createNativeQuery("select value from registry_info where key = 'cluster_id'").getSingleResult();
        }
        return clusterId;
    }
}
