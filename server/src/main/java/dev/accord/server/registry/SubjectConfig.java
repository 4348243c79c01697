package dev.accord.server.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accord.core.compat.CompatibilityLevel;
import dev.accord.core.compat.CompatibilityPolicy;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A compatibility configuration (global or per subject): only the fields that were set. Stored and returned
 * with Confluent's GET names; PUT bodies and their echo name the level {@code compatibility}.
 */
public final class SubjectConfig {

    static final String LEVEL = "compatibilityLevel";
    static final String POLICY = "compatibilityPolicy";
    static final String GROUP = "compatibilityGroup";
    private static final List<String> BOOLEANS = List.of("normalize", "validateFields", "validateNewSchemas",
            "validateRules");
    private static final List<String> STRINGS = List.of(GROUP, "alias", "aliasForDeks");
    private static final List<String> METADATA = List.of("defaultMetadata", "overrideMetadata");
    private static final List<String> RULE_SETS = List.of("defaultRuleSet", "overrideRuleSet");

    private final ObjectNode fields;

    private SubjectConfig(ObjectNode fields) {
        this.fields = fields;
    }

    public static SubjectConfig empty() {
        return new SubjectConfig(JsonNodeFactory.instance.objectNode());
    }

    public static SubjectConfig ofStored(JsonNode stored) {
        return new SubjectConfig(stored == null ? JsonNodeFactory.instance.objectNode() : ((ObjectNode) stored).deepCopy());
    }

    public static SubjectConfig withLevel(CompatibilityLevel level) {
        SubjectConfig config = empty();
        config.fields.put(LEVEL, level.name());
        return config;
    }

    /** Validates a PUT body (42203 bad level or policy, 42210 bad rule set, 422 wrong field types). */
    public static SubjectConfig fromUpdate(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new RegistryException(ErrorCode.UNPROCESSABLE_ENTITY, "Config update must be a JSON object");
        }
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        JsonNode level = body.has("compatibility") ? body.get("compatibility") : body.get(LEVEL);
        if (level != null && !level.isNull()) {
            String name = level.isTextual() ? level.asText() : level.toString();
            CompatibilityLevel parsed = CompatibilityLevel.fromName(name).orElseThrow(() -> new RegistryException(
                    ErrorCode.INVALID_COMPATIBILITY_LEVEL, "Invalid compatibility level: " + name
                    + ". Valid values are NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL,"
                    + " FULL_TRANSITIVE"));
            fields.put(LEVEL, parsed.name());
        }
        JsonNode policy = body.get(POLICY);
        if (policy != null && !policy.isNull()) {
            String name = policy.isTextual() ? policy.asText() : policy.toString();
            CompatibilityPolicy parsed = CompatibilityPolicy.fromName(name).orElseThrow(() -> new RegistryException(
                    ErrorCode.INVALID_COMPATIBILITY_LEVEL, "Invalid compatibility policy: " + name
                    + ". Valid values are STRICT and LENIENT"));
            fields.put(POLICY, parsed.name());
        }
        for (String name : BOOLEANS) {
            JsonNode value = body.get(name);
            if (value != null && !value.isNull()) {
                if (!value.isBoolean()) {
                    throw new RegistryException(ErrorCode.UNPROCESSABLE_ENTITY, name + " must be true or false");
                }
                fields.set(name, value);
            }
        }
        for (String name : STRINGS) {
            JsonNode value = body.get(name);
            if (value != null && !value.isNull()) {
                if (!value.isTextual()) {
                    throw new RegistryException(ErrorCode.UNPROCESSABLE_ENTITY, name + " must be a string");
                }
                fields.set(name, value);
            }
        }
        for (String name : METADATA) {
            JsonNode value = body.get(name);
            if (value != null && !value.isNull()) {
                DataContracts.validateMetadata(value, name);
                fields.set(name, value);
            }
        }
        for (String name : RULE_SETS) {
            JsonNode value = body.get(name);
            if (value != null && !value.isNull()) {
                DataContracts.validateRules(value, name);
                fields.set(name, DataContracts.withRuleDefaults(value));
            }
        }
        return new SubjectConfig(fields);
    }

    /** This configuration with every field the other sets replaced by the other's value. */
    public SubjectConfig overlay(SubjectConfig other) {
        ObjectNode merged = fields.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = other.fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            merged.set(entry.getKey(), entry.getValue());
        }
        return new SubjectConfig(merged);
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    public CompatibilityLevel level() {
        JsonNode level = fields.get(LEVEL);
        return level == null ? CompatibilityLevel.BACKWARD : CompatibilityLevel.valueOf(level.asText());
    }

    public CompatibilityPolicy policy() {
        JsonNode policy = fields.get(POLICY);
        return policy == null ? CompatibilityPolicy.STRICT : CompatibilityPolicy.valueOf(policy.asText());
    }

    /** The metadata property whose value partitions a subject into independently evolving groups, or null. */
    public String compatibilityGroup() {
        JsonNode group = fields.get(GROUP);
        return group == null ? null : group.asText();
    }

    /** Whether field names must be strict identifiers ({@code validateFields}, off unless true). */
    public boolean validatesFields() {
        JsonNode validate = fields.get("validateFields");
        return validate != null && validate.asBoolean(false);
    }

    /** Whether registrations check their rule sets as Confluent does ({@code validateRules}, on unless false). */
    public boolean validatesRules() {
        JsonNode validate = fields.get("validateRules");
        return validate == null || validate.asBoolean(true);
    }

    public JsonNode field(String name) {
        return fields.get(name);
    }

    /** The stored / GET representation. */
    public ObjectNode toJson() {
        return fields.deepCopy();
    }

    /** The PUT echo representation: the level is named {@code compatibility}. */
    public ObjectNode toUpdateJson() {
        ObjectNode echo = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            echo.set(entry.getKey().equals(LEVEL) ? "compatibility" : entry.getKey(), entry.getValue());
        }
        return echo;
    }

}
