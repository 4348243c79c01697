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

    AvroSchema(Schema schema, List<SchemaReference> references, Collection<Schema> referencedTypes, int nodes,
               boolean normalized) {
        this.schema = schema;
        this.nodes = nodes;
        this.references = List.copyOf(references);
        this.referencedTypes = List.copyOf(referencedTypes);
        // Avro's writer fixes the order of its own keys, writes names relative to their namespace and drops
        // whitespace: as in Confluent, those never matter. Normalising (Confluent's normalize=true) also writes
        // full names, sorts aliases, custom properties and the keys inside default values.
        String written = schema.toString(this.referencedTypes, false);
        this.canonical = normalized ? normalizedForm(written) : written;
        this.fingerprint = CanonicalJson.orderedFingerprint(SchemaType.AVRO.name(), canonical,
                canonical.equals(sortCustomKeys(canonical)), CanonicalJson.referencesKey(this.references));
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

    private static final Set<String> PRIMITIVES = Set.of("null", "boolean", "int", "long", "float", "double", "bytes",
            "string");
    private static final Set<String> NAMED = Set.of("record", "error", "enum", "fixed");

    /**
     * The normalised text of Avro's written form: every name and alias a full name (no {@code namespace} keys),
     * aliases sorted, and custom properties (and any object inside them or inside a default value) sorted after
     * Avro's own keys, which keep their order.
     */
    static String normalizedForm(String avroJson) {
        return write(sortSchema(fullNames(CanonicalJson.parse(avroJson), "")));
    }

    /** Avro's written form with custom properties (and keys inside them and in defaults) sorted. */
    private static String sortCustomKeys(String avroJson) {
        return write(sortSchema(CanonicalJson.parse(avroJson)));
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode fullNames(JsonNode schema, String namespace) {
        if (schema.isTextual()) {
            String name = schema.asText();
            return JsonNodeFactory.instance.textNode(PRIMITIVES.contains(name) ? name : fullName(name, namespace));
        }
        if (schema.isArray()) {
            ArrayNode union = JsonNodeFactory.instance.arrayNode();
            schema.forEach(branch -> union.add(fullNames(branch, namespace)));
            return union;
        }
        if (!schema.isObject()) {
            return schema;
        }
        String type = schema.path("type").asText("");
        boolean named = NAMED.contains(type) && schema.has("name");
        String own = named ? fullName(schema.get("name").asText(),
                schema.has("namespace") ? schema.get("namespace").asText() : namespace) : null;
        String inner = own == null ? namespace : own.contains(".") ? own.substring(0, own.lastIndexOf('.')) : "";
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        for (Iterator<String> it = schema.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            JsonNode value = schema.get(key);
            switch (key) {
                case "namespace" -> {
                    if (!named) {
                        copy.set(key, value);
                    }
                }
                case "name" -> copy.put(key, named ? own : value.asText());
                case "aliases" -> copy.set(key, sortedNames(value, named ? inner : null));
                // "record", "array", "int"... are keywords; anything else here names (or is) a type
                case "type" -> copy.set(key, named || value.isTextual() && (PRIMITIVES.contains(value.asText())
                        || value.asText().equals("array") || value.asText().equals("map"))
                        ? value : fullNames(value, inner));
                case "items", "values" -> copy.set(key, fullNames(value, inner));
                case "fields" -> {
                    ArrayNode fields = copy.putArray(key);
                    for (JsonNode field : value) {
                        ObjectNode fieldCopy = JsonNodeFactory.instance.objectNode();
                        for (Iterator<String> names = field.fieldNames(); names.hasNext(); ) {
                            String fieldKey = names.next();
                            JsonNode fieldValue = field.get(fieldKey);
                            fieldCopy.set(fieldKey, switch (fieldKey) {
                                case "type" -> fullNames(fieldValue, inner);
                                case "aliases" -> sortedNames(fieldValue, null);
                                default -> fieldValue;
                            });
                        }
                        fields.add(fieldCopy);
                    }
                }
                default -> copy.set(key, value);
            }
        }
        return copy;
    }

    private static String fullName(String name, String namespace) {
        return name.contains(".") || namespace == null || namespace.isEmpty() ? name : namespace + "." + name;
    }

    /** Aliases sorted; those of a named type as full names in its namespace ({@code namespace} null: as given). */
    private static JsonNode sortedNames(JsonNode aliases, String namespace) {
        if (!aliases.isArray()) {
            return aliases;
        }
        List<String> names = new ArrayList<>();
        aliases.forEach(alias -> names.add(namespace == null ? alias.asText() : fullName(alias.asText(), namespace)));
        Collections.sort(names);
        ArrayNode sorted = JsonNodeFactory.instance.arrayNode();
        names.forEach(sorted::add);
        return sorted;
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
