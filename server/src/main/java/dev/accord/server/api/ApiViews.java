package dev.accord.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accord.core.schema.SchemaReference;
import dev.accord.server.registry.QualifiedSubjects;
import dev.accord.server.registry.StoredSchema;
import dev.accord.server.registry.SubjectVersion;

import java.util.List;

/** The JSON shapes of Confluent's entities, with the field names clients expect. */
final class ApiViews {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ApiViews() {
    }

    /** Schema entity: a subject version. {@code schemaText} replaces the stored text (format=resolved). */
    static ObjectNode version(SubjectVersion version, String schemaText) {
        ObjectNode node = NODES.objectNode();
        node.put("subject", version.subject());
        node.put("version", version.version());
        node.put("id", version.schema().id());
        node.put("schemaType", version.schema().type().name());
        addContent(node, version.schema(), schemaText);
        node.put("ts", version.createdAt() == null ? 0 : version.createdAt().toEpochMilli());
        node.put("deleted", version.deleted());
        return node;
    }

    /** SchemaString entity: a schema by id. */
    static ObjectNode schemaById(StoredSchema schema, String schemaText) {
        ObjectNode node = NODES.objectNode();
        node.put("schemaType", schema.type().name());
        addContent(node, schema, schemaText);
        return node;
    }

    /** RegisterSchemaResponse: the id, and (as newer Confluent servers do) what was registered. */
    static ObjectNode registered(SubjectVersion version) {
        ObjectNode node = NODES.objectNode();
        node.put("id", version.schema().id());
        node.put("version", version.version());
        node.put("schemaType", version.schema().type().name());
        addContent(node, version.schema(), null);
        return node;
    }

    private static void addContent(ObjectNode node, StoredSchema schema, String schemaText) {
        node.put("guid", schema.guid());
        node.put("schema", schemaText == null ? schema.schema() : schemaText);
        if (!schema.references().isEmpty()) {
            node.set("references", references(schema.references()));
        }
        if (schema.metadata() != null) {
            node.set("metadata", schema.metadata());
        }
        if (schema.ruleSet() != null) {
            node.set("ruleSet", schema.ruleSet());
        }
    }

    static ArrayNode references(List<SchemaReference> references) {
        ArrayNode array = NODES.arrayNode();
        for (SchemaReference reference : references) {
            ObjectNode ref = array.addObject();
            ref.put("name", reference.name());
            ref.put("subject", reference.subject());
            ref.put("version", reference.version());
        }
        return array;
    }

    /**
     * Confluent's {@code referenceFormat=qualified}: reference subjects written with their context, as seen from
     * the schema's own context (other values leave them as registered).
     */
    static ObjectNode withReferenceFormat(ObjectNode node, String referenceFormat, String context) {
        if ("qualified".equalsIgnoreCase(referenceFormat) && node.get("references") instanceof ArrayNode references) {
            for (var reference : references) {
                ObjectNode ref = (ObjectNode) reference;
                String qualified = QualifiedSubjects.relativeTo(context, ref.path("subject").asText());
                ref.put("subject", qualified.startsWith(":.") ? qualified : ":.:" + qualified);
            }
        }
        return node;
    }

    static ObjectNode subjectVersion(String subject, int version) {
        ObjectNode node = NODES.objectNode();
        node.put("subject", subject);
        node.put("version", version);
        return node;
    }
}
