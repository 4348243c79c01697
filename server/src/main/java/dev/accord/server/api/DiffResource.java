package dev.accord.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accord.core.compat.Change;
import dev.accord.core.compat.CompatibilityPolicy;
import dev.accord.core.compat.Direction;
import dev.accord.core.format.SchemaFormat;
import dev.accord.core.format.SchemaFormats;
import dev.accord.core.format.SourceLocation;
import dev.accord.core.format.SourceLocator;
import dev.accord.core.schema.SchemaReference;
import dev.accord.core.schema.SchemaType;
import dev.accord.server.registry.Diffs;
import dev.accord.server.registry.ErrorCode;
import dev.accord.server.registry.RegistryException;
import dev.accord.server.registry.SchemaDiff;
import dev.accord.server.registry.SchemaSubmission;
import dev.accord.server.registry.VersionId;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** Accord's semantic diff: every change with its rule, place and effect, and the verdict per level. */
@Path("/v1")
@Consumes(MediaType.WILDCARD)
@Produces({MediaTypes.SCHEMA_REGISTRY_V1_JSON, MediaTypes.SCHEMA_REGISTRY_JSON, MediaTypes.JSON})
@WithinWorkBudget
public class DiffResource {

    @Inject
    Diffs diffs;

    /** Diffs two schemas sent in the body: {schemaType, old, new, references?, oldReferences?, newReferences?, policy?}. */
    @POST
    @Path("/diff")
    public Response diff(String body) {
        JsonNode request = RequestBodies.object(body);
        SchemaType type = SchemaType.AVRO;
        JsonNode typeNode = request.get("schemaType");
        if (typeNode != null && !typeNode.isNull()) {
            type = SchemaType.fromName(typeNode.asText()).orElseThrow(() -> RegistryException.invalidSchema(
                    "Invalid schemaType '" + typeNode.asText() + "': use AVRO, JSON or PROTOBUF"));
        }
        CompatibilityPolicy policy = CompatibilityPolicy.STRICT;
        JsonNode policyNode = request.get("policy");
        if (policyNode != null && !policyNode.isNull()) {
            policy = CompatibilityPolicy.fromName(policyNode.asText()).orElseThrow(() -> new RegistryException(
                    ErrorCode.INVALID_COMPATIBILITY_LEVEL, "Invalid compatibility policy: " + policyNode.asText()
                    + ". Valid values are STRICT and LENIENT"));
        }
        List<SchemaReference> shared = references(request, "references");
        List<SchemaReference> oldReferences = request.has("oldReferences") ? references(request, "oldReferences") : shared;
        List<SchemaReference> newReferences = request.has("newReferences") ? references(request, "newReferences") : shared;
        SchemaDiff diff = diffs.diff(type, text(request, "old"), oldReferences, text(request, "new"), newReferences,
                policy);
        return ApiResponses.ok(view(diff, null));
    }

    /** Diffs two versions of a subject under the subject's policy. */
    @GET
    @Path("/subjects/{subject}/diff")
    public Response subjectDiff(@PathParam("subject") String subject, @QueryParam("from") String from,
                                @QueryParam("to") String to) {
        SchemaDiff diff = diffs.subjectDiff(subject, from == null || from.isEmpty() ? null : VersionId.parse(from),
                to == null || to.isEmpty() ? null : VersionId.parse(to));
        return ApiResponses.ok(view(diff, subject));
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            throw RegistryException.invalidSchema("The request has no \"" + field + "\" schema");
        }
        if (!value.isTextual()) {
            throw RegistryException.invalidSchema("\"" + field + "\" must be a string holding the schema text");
        }
        return value.asText();
    }

    private static List<SchemaReference> references(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        // the same rules as a registration request's references
        ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
        wrapper.put("schema", "\"string\"");
        wrapper.set("references", value);
        SchemaSubmission submission = RequestBodies.schemaSubmission(wrapper.toString());
        return submission.references();
    }

    static ObjectNode view(SchemaDiff diff, String subject) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("schemaType", diff.schemaType().name());
        node.put("policy", diff.policy().name());
        if (subject != null) {
            node.put("subject", subject);
            node.put("from", diff.from().version());
            node.put("to", diff.to().version());
            node.put("fromId", diff.from().schema().id());
            node.put("toId", diff.to().schema().id());
        }
        ObjectNode compatible = node.putObject("compatible");
        boolean backward = diff.compatible(Direction.BACKWARD);
        boolean forward = diff.compatible(Direction.FORWARD);
        compatible.put("BACKWARD", backward);
        compatible.put("FORWARD", forward);
        compatible.put("FULL", backward && forward);
        ArrayNode changes = node.putArray("changes");
        SchemaFormat format = SchemaFormats.of(diff.schemaType());
        SourceLocator oldText = format.locator(diff.oldText());
        SourceLocator newText = format.locator(diff.newText());
        for (Change change : diff.changes()) {
            ObjectNode view = change(change);
            location(view, "oldLocation", oldText, change.oldPath());
            location(view, "newLocation", newText, change.newPath());
            changes.add(view);
        }
        return node;
    }

    /** Where a change's path is in the text compared (the format's locator, the one the build plugin uses). */
    private static void location(ObjectNode view, String field, SourceLocator text, String path) {
        if (path == null) {
            view.putNull(field);
            return;
        }
        SourceLocation location = text.locate(path);
        ObjectNode node = view.putObject(field);
        node.put("line", location.line());
        node.put("column", location.column());
        node.put("exact", !location.approximate());
    }

    static ObjectNode change(Change change) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("ruleId", change.ruleId());
        node.put("oldPath", pointer(change.oldPath()));
        node.put("newPath", pointer(change.newPath()));
        node.put("oldValue", change.oldValue());
        node.put("newValue", change.newValue());
        node.put("message", change.message());
        node.put("fixHint", change.fixHint());
        ArrayNode breaks = node.putArray("breaks");
        for (Direction direction : Direction.values()) {
            if (change.breaks(direction)) {
                breaks.add(direction.name());
            }
        }
        return node;
    }

    /** Paths as plain JSON pointers ("/fields/1"), whatever notation the checker used. */
    static String pointer(String path) {
        if (path == null) {
            return null;
        }
        String pointer = path.startsWith("#") ? path.substring(1) : path;
        return pointer.isEmpty() ? "/" : pointer;
    }

}
