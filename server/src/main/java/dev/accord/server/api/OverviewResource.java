package dev.accord.server.api;

import dev.accord.server.auth.Caller;
import dev.accord.server.auth.Callers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accord.core.compat.CompatibilityPolicy;
import dev.accord.core.compat.Direction;
import dev.accord.core.compat.Rule;
import dev.accord.core.compat.RuleCatalog;
import dev.accord.core.format.SchemaFormat;
import dev.accord.core.format.SchemaFormats;
import dev.accord.server.registry.RegistryOverview;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** Accord's whole-registry views: the subject list with its facts, counts, the rule catalogue, the API contract. */
@Path("/v1")
@Produces({MediaTypes.SCHEMA_REGISTRY_V1_JSON, MediaTypes.SCHEMA_REGISTRY_JSON, MediaTypes.JSON})
public class OverviewResource {

    @Inject
    RegistryOverview overview;

    @Inject
    Callers callers;

    /** Every subject with its latest version, type and compatibility, in one answer. */
    @GET
    @Path("/subjects")
    public Response subjects(@QueryParam("deleted") String deleted, @QueryParam("search") String search,
                             @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        Caller caller = callers.current();
        for (RegistryOverview.SubjectSummary summary : overview.subjects(search, caller.principal().readablePatterns(),
                RequestBodies.number(offset, "offset", 0), RequestBodies.number(limit, "limit", -1),
                RequestBodies.flag(deleted, "deleted"))) {
            array.add(summary(summary));
        }
        return ApiResponses.ok(array);
    }

    /** One subject's facts, soft-deleted subjects included. */
    @GET
    @Path("/subjects/{subject}")
    public Response subject(@PathParam("subject") String subject) {
        return ApiResponses.ok(summary(overview.subject(subject)));
    }

    private static ObjectNode summary(RegistryOverview.SubjectSummary summary) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("subject", summary.subject());
        node.put("versions", summary.versions());
        node.put("latestVersion", summary.latestVersion());
        node.put("latestId", summary.latestId());
        node.put("schemaType", summary.schemaType());
        node.put("compatibilityLevel", summary.compatibilityLevel());
        node.put("effectiveCompatibilityLevel", summary.effectiveCompatibilityLevel());
        node.put("ownCompatibilityPolicy", summary.ownCompatibilityPolicy());
        node.put("compatibilityPolicy", summary.compatibilityPolicy());
        node.put("deleted", summary.deleted());
        node.put("updatedAt", summary.updatedAt() == null ? null : summary.updatedAt().toString());
        return node;
    }

    @GET
    @Path("/stats")
    public Response stats() {
        RegistryOverview.Stats stats = overview.stats();
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("subjects", stats.subjects());
        node.put("deletedSubjects", stats.deletedSubjects());
        node.put("versions", stats.versions());
        node.put("schemas", stats.schemas());
        ObjectNode schemas = node.putObject("schemasByType");
        stats.schemasByType().forEach(schemas::put);
        ObjectNode versions = node.putObject("versionsByType");
        stats.versionsByType().forEach(versions::put);
        node.put("lastEventSeq", stats.lastEventSeq());
        return ApiResponses.ok(node);
    }

    /** The hand-written OpenAPI description of this API. */
    @GET
    @Path("/openapi.yaml")
    @Produces("application/yaml")
    public Response openApi() throws IOException {
        try (InputStream in = OverviewResource.class.getResourceAsStream("/META-INF/accord/openapi.yaml")) {
            if (in == null) {
                return ApiResponses.error(404, 404, "openapi.yaml is not packaged in this build");
            }
            return Response.ok(in.readAllBytes(), "application/yaml").build();
        }
    }

    /** The rule catalogue: every rule ID Accord reports, its format, kind, category and what it breaks per policy. */
    @GET
    @Path("/rules")
    public Response rules() {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Rule rule : RuleCatalog.all()) {
            ObjectNode node = array.addObject();
            node.put("id", rule.id());
            node.put("format", rule.formatName());
            node.put("kind", rule.kind().name().toLowerCase(java.util.Locale.ROOT));
            node.put("category", rule.category().name());
            node.put("purpose", rule.purpose());
            ObjectNode breaks = node.putObject("breaks");
            for (Map.Entry<CompatibilityPolicy, java.util.Set<Direction>> entry : rule.breaks().entrySet()) {
                ArrayNode directions = breaks.putArray(entry.getKey().name());
                entry.getValue().stream().sorted().forEach(direction -> directions.add(direction.name()));
            }
            if (rule.hint() != null) {
                node.put("hint", rule.hint(Map.of()));
            }
        }
        return ApiResponses.ok(array);
    }

    /** The schema formats this registry accepts: their file extensions, highlighting and {@code format=} renderings. */
    @GET
    @Path("/formats")
    public Response formats() {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (SchemaFormat format : SchemaFormats.all()) {
            ObjectNode node = array.addObject();
            node.put("schemaType", format.type().name());
            node.put("name", format.displayName());
            format.fileExtensions().forEach(node.putArray("fileExtensions")::add);
            node.put("highlight", format.highlightLanguage());
            format.renderings().forEach(node.putArray("renderings")::add);
        }
        return ApiResponses.ok(array);
    }
}
