package dev.accord.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.core.json.SchemaNode.Annotations;
import dev.accord.core.json.SchemaNode.Anything;
import dev.accord.core.json.SchemaNode.ArrayShape;
import dev.accord.core.json.SchemaNode.BooleanShape;
import dev.accord.core.json.SchemaNode.Combined;
import dev.accord.core.json.SchemaNode.Conditional;
import dev.accord.core.json.SchemaNode.ConstShape;
import dev.accord.core.json.SchemaNode.Criterion;
import dev.accord.core.json.SchemaNode.EnumShape;
import dev.accord.core.json.SchemaNode.NotShape;
import dev.accord.core.json.SchemaNode.NullShape;
import dev.accord.core.json.SchemaNode.NumberShape;
import dev.accord.core.json.SchemaNode.ObjectShape;
import dev.accord.core.json.SchemaNode.Reference;
import dev.accord.core.json.SchemaNode.StringShape;
import dev.accord.core.json.SchemaResources.Location;
import dev.accord.core.json.SchemaResources.Target;
import dev.accord.core.schema.CanonicalJson;
import dev.accord.core.schema.InvalidSchemaException;
import dev.accord.core.schema.WorkBudget;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Loads schema JSON into {@link SchemaNode}s. Each schema object is loaded once; {@code $ref}s are resolved
 * after the tree is built, so recursive schemas become cycles instead of infinite recursion.
 */
final class SchemaModelLoader {

    private static final Set<String> STRING_KEYWORDS = Set.of("minLength", "maxLength", "pattern", "format");
    private static final Set<String> NUMBER_KEYWORDS = Set.of("minimum", "maximum", "exclusiveMinimum",
            "exclusiveMaximum", "multipleOf");
    private static final Set<String> OBJECT_KEYWORDS = Set.of("properties", "required", "minProperties",
            "maxProperties", "dependencies", "patternProperties", "additionalProperties", "propertyNames",
            "dependentRequired", "dependentSchemas", "unevaluatedProperties");
    private static final Set<String> ARRAY_KEYWORDS = Set.of("items", "additionalItems", "minItems", "maxItems",
            "uniqueItems", "contains", "minContains", "maxContains", "prefixItems", "unevaluatedItems");

    private final SchemaResources resources;
    private final Map<JsonNode, SchemaNode> loaded = new IdentityHashMap<>();
    private final Deque<Pending> pending = new ArrayDeque<>();
    private final List<Reference> references = new ArrayList<>();

    private record Pending(Reference reference, Location location) {
    }

    SchemaModelLoader(SchemaResources resources) {
        this.resources = resources;
    }

    /** Loads a document's root and everything its references reach. */
    SchemaNode loadRoot(JsonNode root, Location location) {
        SchemaNode node = load(root, location);
        while (!pending.isEmpty()) {
            Pending next = pending.pop();
            Target target = resources.resolve(next.reference().ref, next.location());
            next.reference().target = load(target.node(), target.location());
        }
        for (Reference reference : references) {
            rejectReferenceLoop(reference);
        }
        return node;
    }

    /** A chain of {@code $ref}s that only leads back to itself describes no schema at all. */
    private static void rejectReferenceLoop(Reference start) {
        Set<SchemaNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        SchemaNode node = start;
        while (node instanceof Reference reference) {
            if (!seen.add(reference)) {
                throw new InvalidSchemaException("Invalid schema at '" + start.path + "/$ref': the $ref '"
                        + start.ref + "' only leads back to itself");
            }
            node = reference.target;
        }
    }

    SchemaNode load(JsonNode json, Location given) {
        WorkBudget.checkpoint();
        Location location = resources.locationOf(json) != null ? resources.locationOf(json) : given;
        String path = location.display();
        if (json.isBoolean()) {
            return json.booleanValue() ? new Anything(path, Annotations.NONE) : new SchemaNode.Nothing(path,
                    Annotations.NONE);
        }
        if (!json.isObject()) {
            throw new InvalidSchemaException("Invalid schema at '" + path + "': a schema must be an object or a"
                    + " boolean, not " + json.getNodeType().name().toLowerCase());
        }
        SchemaNode known = loaded.get(json);
        if (known != null) {
            return known;
        }
        JsonSchemaDraft draft = location.document().draft();
        Annotations annotations = annotations(json, draft);
        SchemaNode node;
        if (!draft.atLeast2019() && json.path("$ref").isTextual()) {
            // up to draft 7, keywords next to $ref are ignored
            node = reference(json.get("$ref").textValue(), path, annotations, location);
        } else {
            List<SchemaNode> parts = parts(json, location, path, annotations, draft);
            if (parts.isEmpty()) {
                node = new Anything(path, annotations);
            } else if (parts.size() == 1) {
                node = parts.get(0);
            } else {
                Combined all = new Combined(path, annotations, Criterion.ALL, "");
                all.subschemas.addAll(parts);
                node = all;
            }
        }
        ContentHash hash = contentHash(json);
        if (hash != null) {
            node.identity = new SchemaNode.Identity(draft, hash.high() * 31 + draft.ordinal(), hash.low());
        }
        loaded.put(json, node);
        return node;
    }

    /** 128 bits of content hash: equal for equal JSON, and for different JSON equal only by a 2^-128 chance. */
    private record ContentHash(long high, long low) {
    }

    /** Stands for JSON whose meaning depends on what a reference points to. */
    private static final ContentHash NOT_SELF_CONTAINED = new ContentHash(0, 0);
    private final Map<JsonNode, ContentHash> hashes = new IdentityHashMap<>();

    /**
     * A hash of JSON content, independent of key order and of how a number is written, or null when a
     * reference keyword occurs inside. Each node is hashed once, so hashing a document is linear in its size.
     */
    private ContentHash contentHash(JsonNode json) {
        if (!json.isContainerNode()) {
            String text = json.isNumber() ? JsonValues.key(json) : json.getNodeType() + ":" + json.asText();
            return new ContentHash(mix(text.hashCode()), mix(text.hashCode() * 0xC2B2AE3D27D4EB4FL + text.length()
                    + stringHash(text)));
        }
        ContentHash known = hashes.get(json);
        if (known != null) {
            return known == NOT_SELF_CONTAINED ? null : known;
        }
        long high = json.isObject() ? 17 : 19;
        long low = json.isObject() ? 23 : 29;
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext() && json.isObject(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            ContentHash value = name.equals("$ref") || name.equals("$dynamicRef") || name.equals("$recursiveRef")
                    ? null : contentHash(field.getValue());
            if (value == null) {
                hashes.put(json, NOT_SELF_CONTAINED);
                return null;
            }
            // sums, so that key order does not matter
            high += mix(name.hashCode() * 0x9E3779B97F4A7C15L + value.high());
            low += mix(stringHash(name) * 0xC2B2AE3D27D4EB4FL + value.low());
        }
        for (int i = 0; json.isArray() && i < json.size(); i++) {
            ContentHash value = contentHash(json.get(i));
            if (value == null) {
                hashes.put(json, NOT_SELF_CONTAINED);
                return null;
            }
            high = mix(high * 31 + value.high());
            low = mix(low * 37 + value.low());
        }
        ContentHash hash = new ContentHash(high, low);
        hashes.put(json, hash);
        return hash;
    }

    /** A 64-bit string hash independent of {@link String#hashCode()}. */
    private static long stringHash(String text) {
        long hash = 0xCBF29CE484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash = (hash ^ text.charAt(i)) * 0x100000001B3L;
        }
        return hash;
    }

    private static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private List<SchemaNode> parts(JsonNode json, Location location, String path, Annotations annotations,
                                   JsonSchemaDraft draft) {
        List<SchemaNode> parts = new ArrayList<>();
        JsonNode type = json.get("type");
        if (type != null && type.isTextual()) {
            parts.add(typed(type.textValue(), json, location, path, annotations, draft));
        } else if (type != null && type.isArray() && type.size() == 1) {
            parts.add(typed(type.get(0).asText(), json, location, path, annotations, draft));
        } else if (type != null && type.isArray() && type.size() > 1) {
            Combined anyType = new Combined(path, annotations, Criterion.ANY, "type");
            for (JsonNode name : type) {
                anyType.subschemas.add(typed(name.asText(), json, location, path, annotations, draft));
                anyType.subschemaKeys.add(name.asText());
            }
            parts.add(anyType);
        } else if (type == null) {
            // without "type", each group of type-specific keywords constrains only values of its type
            if (hasAny(json, OBJECT_KEYWORDS)) {
                parts.add(typed("object", json, location, path, annotations, draft));
            }
            if (hasAny(json, ARRAY_KEYWORDS)) {
                parts.add(typed("array", json, location, path, annotations, draft));
            }
            if (hasAny(json, NUMBER_KEYWORDS)) {
                parts.add(typed("number", json, location, path, annotations, draft));
            }
            if (hasAny(json, STRING_KEYWORDS)) {
                parts.add(typed("string", json, location, path, annotations, draft));
            }
        }
        if (draft.atLeast2019()) {
            // $recursiveRef and $dynamicRef are resolved statically, like $ref (no dynamic scope)
            for (String keyword : new String[] {"$ref", "$recursiveRef", "$dynamicRef"}) {
                if (json.path(keyword).isTextual()) {
                    parts.add(reference(json.get(keyword).textValue(), path, annotations, location));
                }
            }
        }
        JsonNode enumValues = json.get("enum");
        if (enumValues != null && enumValues.isArray()) {
            List<JsonNode> values = new ArrayList<>(enumValues.size());
            Set<String> keys = new LinkedHashSet<>();
            enumValues.forEach(value -> {
                values.add(value);
                keys.add(JsonValues.key(value));
            });
            parts.add(new EnumShape(path, annotations, values, keys));
        }
        if (json.has("const") && draft != JsonSchemaDraft.DRAFT_4) {
            parts.add(new ConstShape(path, annotations, json.get("const"), JsonValues.key(json.get("const"))));
        }
        if (json.has("not")) {
            NotShape not = new NotShape(path, annotations);
            not.negated = load(json.get("not"), location.child("not"));
            parts.add(not);
        }
        for (Criterion criterion : Criterion.values()) {
            JsonNode subschemas = json.get(criterion.keyword);
            if (subschemas != null && subschemas.isArray()) {
                Combined combined = new Combined(path, annotations, criterion, criterion.keyword);
                for (int i = 0; i < subschemas.size(); i++) {
                    combined.subschemas.add(load(subschemas.get(i), location.child(criterion.keyword,
                            Integer.toString(i))));
                    combined.subschemaKeys.add(CanonicalJson.canonical(subschemas.get(i)));
                }
                parts.add(combined);
            }
        }
        if (json.has("if") && draft != JsonSchemaDraft.DRAFT_4 && draft != JsonSchemaDraft.DRAFT_6) {
            Conditional conditional = new Conditional(path, annotations);
            conditional.ifSchema = load(json.get("if"), location.child("if"));
            conditional.ifKey = CanonicalJson.canonical(json.get("if"));
            conditional.thenSchema = optional(json, "then", location);
            conditional.elseSchema = optional(json, "else", location);
            parts.add(conditional);
        }
        return parts;
    }

    private Reference reference(String ref, String path, Annotations annotations, Location location) {
        Reference reference = new Reference(path, annotations, ref);
        pending.add(new Pending(reference, location));
        references.add(reference);
        return reference;
    }

    private SchemaNode typed(String type, JsonNode json, Location location, String path, Annotations annotations,
                             JsonSchemaDraft draft) {
        return switch (type) {
            case "string" -> string(json, path, annotations);
            case "integer", "number" -> number(json, path, annotations, type.equals("integer"), draft);
            case "boolean" -> new BooleanShape(path, annotations);
            case "null" -> new NullShape(path, annotations);
            case "object" -> object(json, location, path, annotations, draft);
            case "array" -> array(json, location, path, annotations, draft);
            default -> throw new InvalidSchemaException("Invalid schema at '" + path + "/type': unknown type '"
                    + type + "'");
        };
    }

    private static StringShape string(JsonNode json, String path, Annotations annotations) {
        StringShape shape = new StringShape(path, annotations);
        shape.minLength = JsonValues.decimal(json.get("minLength"));
        shape.maxLength = JsonValues.decimal(json.get("maxLength"));
        shape.pattern = json.path("pattern").isTextual() ? json.get("pattern").textValue() : null;
        shape.format = json.path("format").isTextual() ? json.get("format").textValue() : null;
        return shape;
    }

    private static NumberShape number(JsonNode json, String path, Annotations annotations, boolean integer,
                                      JsonSchemaDraft draft) {
        NumberShape shape = new NumberShape(path, annotations);
        shape.integer = integer;
        shape.minimum = JsonValues.decimal(json.get("minimum"));
        shape.maximum = JsonValues.decimal(json.get("maximum"));
        shape.multipleOf = JsonValues.decimal(json.get("multipleOf"));
        if (draft == JsonSchemaDraft.DRAFT_4) {
            // draft 4's boolean form is read as the numeric form of later drafts, so both compare alike
            if (json.path("exclusiveMinimum").asBoolean(false) && shape.minimum != null) {
                shape.exclusiveMinimum = shape.minimum;
                shape.minimum = null;
            }
            if (json.path("exclusiveMaximum").asBoolean(false) && shape.maximum != null) {
                shape.exclusiveMaximum = shape.maximum;
                shape.maximum = null;
            }
        } else {
            shape.exclusiveMinimum = JsonValues.decimal(json.get("exclusiveMinimum"));
            shape.exclusiveMaximum = JsonValues.decimal(json.get("exclusiveMaximum"));
        }
        return shape;
    }

    private ObjectShape object(JsonNode json, Location location, String path, Annotations annotations,
                               JsonSchemaDraft draft) {
        ObjectShape shape = new ObjectShape(path, annotations);
        JsonNode properties = json.get("properties");
        if (properties != null && properties.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                shape.properties.put(property.getKey(), load(property.getValue(),
                        location.child("properties", property.getKey())));
                shape.propertySources.put(property.getKey(), property.getValue());
            }
        }
        JsonNode required = json.get("required");
        if (required != null && required.isArray()) {
            required.forEach(name -> shape.required.add(name.asText()));
        }
        JsonNode patterns = json.get("patternProperties");
        if (patterns != null && patterns.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = patterns.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> pattern = it.next();
                shape.compiledPatterns.put(pattern.getKey(), compile(pattern.getKey(),
                        location.child("patternProperties", pattern.getKey())));
                shape.patternProperties.put(pattern.getKey(), load(pattern.getValue(),
                        location.child("patternProperties", pattern.getKey())));
            }
        }
        JsonNode additional = json.get("additionalProperties");
        if (additional != null) {
            if (additional.isBoolean()) {
                shape.permitsAdditional = additional.booleanValue();
            } else {
                shape.additionalSchema = load(additional, location.child("additionalProperties"));
            }
        }
        JsonNode unevaluated = draft.atLeast2019() ? json.get("unevaluatedProperties") : null;
        if (unevaluated != null) {
            if (unevaluated.isBoolean()) {
                shape.permitsUnevaluated = unevaluated.booleanValue();
            } else {
                shape.unevaluatedSchema = load(unevaluated, location.child("unevaluatedProperties"));
            }
        }
        if (json.has("propertyNames")) {
            shape.propertyNames = load(json.get("propertyNames"), location.child("propertyNames"));
        }
        shape.minProperties = JsonValues.decimal(json.get("minProperties"));
        shape.maxProperties = JsonValues.decimal(json.get("maxProperties"));
        JsonNode dependencies = json.get("dependencies");
        if (dependencies != null && dependencies.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = dependencies.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> dependency = it.next();
                if (dependency.getValue().isArray()) {
                    shape.dependentRequired.put(dependency.getKey(), names(dependency.getValue()));
                } else {
                    shape.dependentSchemas.put(dependency.getKey(), load(dependency.getValue(),
                            location.child("dependencies", dependency.getKey())));
                }
            }
        }
        if (draft.atLeast2019()) {
            JsonNode dependentRequired = json.get("dependentRequired");
            if (dependentRequired != null && dependentRequired.isObject()) {
                shape.dependentRequiredKeyword = "dependentRequired";
                dependentRequired.fields().forEachRemaining(entry ->
                        shape.dependentRequired.put(entry.getKey(), names(entry.getValue())));
            }
            JsonNode dependentSchemas = json.get("dependentSchemas");
            if (dependentSchemas != null && dependentSchemas.isObject()) {
                shape.dependentSchemasKeyword = "dependentSchemas";
                for (Iterator<Map.Entry<String, JsonNode>> it = dependentSchemas.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> dependency = it.next();
                    shape.dependentSchemas.put(dependency.getKey(), load(dependency.getValue(),
                            location.child("dependentSchemas", dependency.getKey())));
                }
            }
        }
        return shape;
    }

    private ArrayShape array(JsonNode json, Location location, String path, Annotations annotations,
                             JsonSchemaDraft draft) {
        ArrayShape shape = new ArrayShape(path, annotations);
        JsonNode items = json.get("items");
        JsonNode prefixItems = draft == JsonSchemaDraft.DRAFT_2020_12 ? json.get("prefixItems") : null;
        if (prefixItems != null && prefixItems.isArray()) {
            shape.tupleItems = list(prefixItems, "prefixItems", location);
            shape.tupleKeyword = "prefixItems";
            shape.additionalItemsKeyword = "items";
            additionalItems(shape, items, location.child("items"));
        } else {
            if (items != null && items.isArray()) {
                shape.tupleItems = list(items, "items", location);
            } else if (items != null) {
                shape.allItems = load(items, location.child("items"));
            }
            if (draft != JsonSchemaDraft.DRAFT_2020_12) {
                additionalItems(shape, json.get("additionalItems"), location.child("additionalItems"));
            }
        }
        shape.minItems = JsonValues.decimal(json.get("minItems"));
        shape.maxItems = JsonValues.decimal(json.get("maxItems"));
        shape.uniqueItems = json.path("uniqueItems").asBoolean(false);
        if (json.has("contains") && draft != JsonSchemaDraft.DRAFT_4) {
            shape.contains = load(json.get("contains"), location.child("contains"));
            if (draft.atLeast2019()) {
                // without contains, minContains and maxContains are ignored
                shape.minContains = JsonValues.decimal(json.get("minContains"));
                shape.maxContains = JsonValues.decimal(json.get("maxContains"));
            }
        }
        if (json.has("unevaluatedItems") && draft.atLeast2019()) {
            shape.unevaluatedItems = load(json.get("unevaluatedItems"), location.child("unevaluatedItems"));
        }
        return shape;
    }

    private void additionalItems(ArrayShape shape, JsonNode additional, Location location) {
        if (additional == null) {
            return;
        }
        if (additional.isBoolean()) {
            shape.permitsAdditionalItems = additional.booleanValue();
        } else {
            shape.additionalItemsSchema = load(additional, location);
        }
    }

    private List<SchemaNode> list(JsonNode array, String keyword, Location location) {
        List<SchemaNode> nodes = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            nodes.add(load(array.get(i), location.child(keyword, Integer.toString(i))));
        }
        return nodes;
    }

    private SchemaNode optional(JsonNode json, String keyword, Location location) {
        return json.has(keyword) ? load(json.get(keyword), location.child(keyword)) : null;
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new LinkedHashSet<>();
        array.forEach(name -> names.add(name.asText()));
        return names;
    }

    private static Pattern compile(String regex, Location location) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new InvalidSchemaException("Invalid schema at '" + location.display() + "': '" + regex
                    + "' is not a valid regular expression: " + e.getDescription());
        }
    }

    private static boolean hasAny(JsonNode json, Set<String> keywords) {
        for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
            if (keywords.contains(it.next())) {
                return true;
            }
        }
        return false;
    }

    private static Annotations annotations(JsonNode json, JsonSchemaDraft draft) {
        JsonNode id = json.get(draft.idKeyword());
        return new Annotations(id != null && id.isTextual() ? id.textValue() : null, text(json, "title"),
                text(json, "description"), json.get("default"));
    }

    private static String text(JsonNode json, String keyword) {
        JsonNode value = json.get(keyword);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

}
