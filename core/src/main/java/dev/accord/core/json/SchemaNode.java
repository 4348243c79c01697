package dev.accord.core.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A JSON Schema loaded into the shapes the compatibility comparison works on. Like the loader behind
 * Confluent's check, a schema object becomes one shape per group of keywords it uses (its type, its enum, each
 * combinator, ...); a schema with several groups is a synthetic {@code allOf} of them. Shapes reached through
 * {@code $ref} are shared, so a recursive schema is a graph with cycles.
 */
abstract sealed class SchemaNode {

    /** Where the node is, shown as "#/properties/a" (or "name#/..." inside a referenced schema). */
    final String path;
    /** The annotations of the schema object the node was loaded from. */
    final Annotations annotations;
    /**
     * The content identity of the schema object the node was loaded from, when its meaning is all in that JSON
     * (no {@code $ref} inside): two nodes of equal identity cannot differ. Null otherwise.
     */
    Identity identity;

    /** A draft and a 128-bit hash of a self-contained schema object's JSON. */
    record Identity(JsonSchemaDraft draft, long high, long low) {
        boolean sameAs(Identity other) {
            return other != null && high == other.high && low == other.low && draft == other.draft;
        }
    }

    SchemaNode(String path, Annotations annotations) {
        this.path = path;
        this.annotations = annotations;
    }

    /** A short name of the shape for messages: "string", "object", "anyOf", "enum", "true"... */
    abstract String describe();

    /** The keywords that do not constrain values but that changes are reported for. */
    record Annotations(String id, String title, String description, JsonNode defaultValue) {
        static final Annotations NONE = new Annotations(null, null, null, null);
    }

    /** {@code true}, {@code {}} or a schema with annotations only: every value is valid. */
    static final class Anything extends SchemaNode {
        Anything(String path, Annotations annotations) {
            super(path, annotations);
        }

        @Override
        String describe() {
            return "true";
        }
    }

    /** {@code false}: no value is valid. */
    static final class Nothing extends SchemaNode {
        Nothing(String path, Annotations annotations) {
            super(path, annotations);
        }

        @Override
        String describe() {
            return "false";
        }
    }

    /** The keywords of one JSON type ("string", "number"/"integer", "object", ...). */
    abstract static sealed class Typed extends SchemaNode {
        Typed(String path, Annotations annotations) {
            super(path, annotations);
        }
    }

    static final class StringShape extends Typed {
        BigDecimal minLength;
        BigDecimal maxLength;
        String pattern;
        String format;

        StringShape(String path, Annotations annotations) {
            super(path, annotations);
        }

        @Override
        String describe() {
            return "string";
        }
    }

    static final class NumberShape extends Typed {
        boolean integer;
        BigDecimal minimum;
        BigDecimal maximum;
        BigDecimal exclusiveMinimum;
        BigDecimal exclusiveMaximum;
        BigDecimal multipleOf;

        NumberShape(String path, Annotations annotations) {
            super(path, annotations);
        }

        @Override
        String describe() {
            return integer ? "integer" : "number";
        }
    }

    static final class BooleanShape extends Typed {
        BooleanShape(String path, Annotations annotations) {
            super(path, annotations);
        }

        @Override
        String describe() {
            return "boolean";
        }
    }

    static final class NullShape extends Typed {
        NullShape(String path, Annotations annotations) {
            super(path, annotations);
        }

        @Override
        String describe() {
            return "null";
        }
    }

    static final class ObjectShape extends Typed {
        final Map<String, SchemaNode> properties = new LinkedHashMap<>();
        /** The raw property schemas, for their own {@code default} (a property may be a {@code $ref}). */
        final Map<String, JsonNode> propertySources = new LinkedHashMap<>();
        final Set<String> required = new LinkedHashSet<>();
        final Map<String, SchemaNode> patternProperties = new LinkedHashMap<>();
        final Map<String, Pattern> compiledPatterns = new LinkedHashMap<>();
        /** {@code additionalProperties}: false when it is {@code false}. */
        boolean permitsAdditional = true;
        /** {@code additionalProperties} as a schema object (not a boolean), or null. */
        SchemaNode additionalSchema;
        boolean permitsUnevaluated = true;
        SchemaNode unevaluatedSchema;
        SchemaNode propertyNames;
        BigDecimal minProperties;
        BigDecimal maxProperties;
        /** {@code dependencies} (array form) or {@code dependentRequired}, by property. */
        final Map<String, Set<String>> dependentRequired = new LinkedHashMap<>();
        /** {@code dependencies} (schema form) or {@code dependentSchemas}, by property. */
        final Map<String, SchemaNode> dependentSchemas = new LinkedHashMap<>();
        /** The keyword the dependencies were written with, for paths. */
        String dependentRequiredKeyword = "dependencies";
        String dependentSchemasKeyword = "dependencies";

        ObjectShape(String path, Annotations annotations) {
            super(path, annotations);
        }

        @Override
        String describe() {
            return "object";
        }

        /** Open: any additional property is allowed with any value. */
        boolean isOpen() {
            return patternProperties.isEmpty() && additionalSchema == null && permitsAdditional
                    && unevaluatedSchema == null && permitsUnevaluated;
        }

        /** The schema an undeclared property of this name must match, when the model is partially open; or null. */
        SchemaNode schemaForUndeclared(String name) {
            for (Map.Entry<String, Pattern> pattern : compiledPatterns.entrySet()) {
                if (pattern.getValue().matcher(name).find()) {
                    return patternProperties.get(pattern.getKey());
                }
            }
            if (additionalSchema != null) {
                return additionalSchema;
            }
            return permitsAdditional ? unevaluatedSchema : null;
        }

        /** True when the property's own schema declares a default. */
        boolean hasDefault(String property) {
            JsonNode source = propertySources.get(property);
            return source != null && source.isObject() && source.has("default");
        }
    }

    static final class ArrayShape extends Typed {
        /** {@code items} as one schema for every item, or null. */
        SchemaNode allItems;
        /** Positional item schemas ({@code prefixItems}, or {@code items} as an array), or null. */
        List<SchemaNode> tupleItems;
        /** The keyword of the positional schemas, for paths. */
        String tupleKeyword = "items";
        boolean permitsAdditionalItems = true;
        /** The schema of items after the positional ones, or null. */
        SchemaNode additionalItemsSchema;
        /** The keyword of the items after the positional ones, for paths. */
        String additionalItemsKeyword = "additionalItems";
        BigDecimal minItems;
        BigDecimal maxItems;
        boolean uniqueItems;
        SchemaNode contains;
        /** {@code minContains} / {@code maxContains} (2019-09 on, only with {@code contains}), or null. */
        BigDecimal minContains;
        BigDecimal maxContains;
        SchemaNode unevaluatedItems;

        ArrayShape(String path, Annotations annotations) {
            super(path, annotations);
        }

        @Override
        String describe() {
            return "array";
        }

        /** Open: items after the positional ones may be anything. */
        boolean isOpen() {
            return additionalItemsSchema == null && permitsAdditionalItems;
        }
    }

    /** {@code enum}: the value must be one of these. */
    static final class EnumShape extends SchemaNode {
        final List<JsonNode> values;
        /** The values in comparable form (numbers normalized, keys sorted), for set operations on large enums. */
        final Set<String> keys;

        EnumShape(String path, Annotations annotations, List<JsonNode> values, Set<String> keys) {
            super(path, annotations);
            this.values = values;
            this.keys = keys;
        }

        @Override
        String describe() {
            return "enum";
        }
    }

    /** {@code const}: the value must equal this one. */
    static final class ConstShape extends SchemaNode {
        final JsonNode value;
        final String key;

        ConstShape(String path, Annotations annotations, JsonNode value, String key) {
            super(path, annotations);
            this.value = value;
            this.key = key;
        }

        @Override
        String describe() {
            return "const";
        }
    }

    /** {@code not}. */
    static final class NotShape extends SchemaNode {
        SchemaNode negated;

        NotShape(String path, Annotations annotations) {
            super(path, annotations);
        }

        @Override
        String describe() {
            return "not";
        }
    }

    /** How a combined schema's subschemas must match. */
    enum Criterion {
        ALL("allOf"), ANY("anyOf"), ONE("oneOf");

        final String keyword;

        Criterion(String keyword) {
            this.keyword = keyword;
        }
    }

    /**
     * {@code allOf}/{@code anyOf}/{@code oneOf}; also a type array (an {@code anyOf} of one shape per type) and
     * the synthetic {@code allOf} of a schema object that uses several keyword groups.
     */
    static final class Combined extends SchemaNode {
        final Criterion criterion;
        final List<SchemaNode> subschemas = new ArrayList<>();
        /** The subschemas' canonical JSON, to drop duplicates as the comparison does. */
        final List<String> subschemaKeys = new ArrayList<>();
        /** "allOf", "anyOf", "oneOf", "type" (a type array) or "" (synthetic). */
        final String keyword;

        Combined(String path, Annotations annotations, Criterion criterion, String keyword) {
            super(path, annotations);
            this.criterion = criterion;
            this.keyword = keyword;
        }

        boolean synthetic() {
            return keyword.isEmpty();
        }

        @Override
        String describe() {
            return synthetic() ? "allOf" : keyword.equals("type") ? "type array" : keyword;
        }
    }

    /** {@code $ref} (and {@code $recursiveRef}/{@code $dynamicRef}); the target is set once resolved. */
    static final class Reference extends SchemaNode {
        final String ref;
        SchemaNode target;

        Reference(String path, Annotations annotations, String ref) {
            super(path, annotations);
            this.ref = ref;
        }

        @Override
        String describe() {
            return "$ref";
        }
    }

    /** {@code if}/{@code then}/{@code else}. */
    static final class Conditional extends SchemaNode {
        SchemaNode ifSchema;
        /** Canonical JSON of the {@code if} schema, to tell whether the condition changed. */
        String ifKey;
        SchemaNode thenSchema;
        SchemaNode elseSchema;

        Conditional(String path, Annotations annotations) {
            super(path, annotations);
        }

        @Override
        String describe() {
            return "if";
        }
    }
}
