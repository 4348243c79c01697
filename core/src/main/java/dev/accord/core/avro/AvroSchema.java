package dev.accord.core.avro;

import dev.accord.core.schema.CanonicalJson;
import dev.accord.core.schema.ParsedSchema;
import dev.accord.core.schema.SchemaReference;
import dev.accord.core.schema.SchemaType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/** A parsed Avro schema, with the named types it imports through references. */
public final class AvroSchema implements ParsedSchema {

    private final Schema schema;
    private final List<SchemaReference> references;
    private final Collection<Schema> referencedTypes;
    private final String canonical;
    private final String fingerprint;
    private final int nodes;

    AvroSchema(Schema schema, List<SchemaReference> references, Collection<Schema> referencedTypes, int nodes) {
        this.schema = schema;
        this.nodes = nodes;
        this.references = List.copyOf(references);
        this.referencedTypes = List.copyOf(referencedTypes);
        // Avro's writer fixes the order of its own keys and drops whitespace; sorting the rest (custom
        // properties, and the keys inside default values) makes key order irrelevant to identity as well.
        this.canonical = sortCustomKeys(schema.toString(this.referencedTypes, false));
        this.fingerprint = CanonicalJson.sha256(SchemaType.AVRO.name(), CanonicalJson.canonical(canonical),
                CanonicalJson.referencesKey(this.references));
    }

    /** Schema nodes (named types counted once): the measure of the work comparing this schema. */
    int nodes() {
        return nodes;
    }

    /** The Apache Avro schema object. */
    public Schema schema() {
        return schema;
    }

    @Override
    public SchemaType type() {
        return SchemaType.AVRO;
    }

    @Override
    public String canonical() {
        return canonical;
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public List<SchemaReference> references() {
        return references;
    }

    @Override
    public String resolved() {
        return schema.toString();
    }

    @Override
    public String toString() {
        return canonical;
    }

    /** Avro's own keys of a named or complex type, which its writer emits first and in a fixed order. */
    private static final Set<String> SCHEMA_KEYS = Set.of("type", "name", "namespace", "doc", "fields", "symbols",
            "items", "values", "size", "default", "aliases");
    /** Avro's own keys of a record field. */
    private static final Set<String> FIELD_KEYS = Set.of("name", "doc", "type", "default", "order", "aliases");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * Avro writes custom properties in the order they were given; sorts them (and any object inside them or
     * inside a default value) after Avro's own keys, which keep their order.
     */
    static String sortCustomKeys(String avroJson) {
        JsonNode sorted = sortSchema(CanonicalJson.parse(avroJson));
        try {
            return MAPPER.writeValueAsString(sorted);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode sortSchema(JsonNode schema) {
        if (schema.isArray()) {
            ArrayNode union = JsonNodeFactory.instance.arrayNode();
            schema.forEach(branch -> union.add(sortSchema(branch)));
            return union;
        }
        if (!schema.isObject()) {
            return schema;
        }
        return sortObject(schema, SCHEMA_KEYS, (key, value) -> switch (key) {
            case "type", "items", "values" -> sortSchema(value);
            case "fields" -> {
                ArrayNode fields = JsonNodeFactory.instance.arrayNode();
                value.forEach(field -> fields.add(field.isObject()
                        ? sortObject(field, FIELD_KEYS, (fieldKey, fieldValue) -> switch (fieldKey) {
                            case "type" -> sortSchema(fieldValue);
                            case "default" -> CanonicalJson.sorted(fieldValue);
                            default -> fieldValue;
                        })
                        : field));
                yield fields;
            }
            case "default" -> CanonicalJson.sorted(value);
            default -> value;
        });
    }

    private static ObjectNode sortObject(JsonNode object, Set<String> ownKeys,
                                         BiFunction<String, JsonNode, JsonNode> ownValue) {
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        List<String> custom = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (ownKeys.contains(key)) {
                copy.set(key, ownValue.apply(key, object.get(key)));
            } else {
                custom.add(key);
            }
        }
        Collections.sort(custom);
        for (String key : custom) {
            copy.set(key, CanonicalJson.sorted(object.get(key)));
        }
        return copy;
    }
}
