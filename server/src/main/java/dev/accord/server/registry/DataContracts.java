package dev.accord.server.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validation and merging of a schema's data contract parts: {@code metadata} (tags, properties, sensitive)
 * and {@code ruleSet} (domain, migration and encoding rules). Accord stores both unchanged.
 */
public final class DataContracts {

    private static final Set<String> RULE_LISTS = Set.of("domainRules", "migrationRules", "encodingRules");
    private static final Set<String> RULE_KINDS = Set.of("TRANSFORM", "CONDITION");
    private static final Set<String> RULE_MODES = Set.of("UPGRADE", "DOWNGRADE", "UPDOWN", "WRITE", "READ",
            "WRITEREAD");
    private static final Set<String> MIGRATION_MODES = new LinkedHashSet<>(List.of("UPGRADE", "DOWNGRADE", "UPDOWN"));
    private static final Set<String> DOMAIN_MODES = new LinkedHashSet<>(List.of("WRITE", "READ", "WRITEREAD"));
    private static final Set<String> ENABLE_AT = Set.of("ALL", "CLIENT", "GATEWAY", "SERVER", "NONE");

    /** The metadata property Confluent keeps equal to the version number. */
    public static final String VERSION_PROPERTY = "confluent:version";

    private DataContracts() {
    }

    /** Throws 42201 unless metadata is an object of tags (path to tag list), properties and sensitive names. */
    public static void validateMetadata(JsonNode metadata, String what) {
        if (metadata == null || metadata.isNull()) {
            return;
        }
        if (!metadata.isObject()) {
            throw invalidMetadata(what + " must be an object");
        }
        JsonNode tags = metadata.get("tags");
        if (tags != null && !tags.isNull()) {
            if (!tags.isObject()) {
                throw invalidMetadata(what + ".tags must be an object of path to tag names");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = tags.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                requireStrings(entry.getValue(), what + ".tags['" + entry.getKey() + "']");
            }
        }
        JsonNode properties = metadata.get("properties");
        if (properties != null && !properties.isNull()) {
            if (!properties.isObject()) {
                throw invalidMetadata(what + ".properties must be an object of string values");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (!entry.getValue().isTextual() && !entry.getValue().isNull()) {
                    throw invalidMetadata(what + ".properties['" + entry.getKey() + "'] must be a string");
                }
            }
        }
        JsonNode sensitive = metadata.get("sensitive");
        if (sensitive != null && !sensitive.isNull()) {
            requireStrings(sensitive, what + ".sensitive");
        }
    }

    private static void requireStrings(JsonNode node, String what) {
        if (!node.isArray()) {
            throw invalidMetadata(what + " must be an array of strings");
        }
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw invalidMetadata(what + " must contain only strings");
            }
        }
    }

    private static RegistryException invalidMetadata(String message) {
        return new RegistryException(ErrorCode.INVALID_SCHEMA, "Invalid metadata: " + message);
    }

    /**
     * Throws 42210 unless the rule set is well formed: rule lists of objects whose fields have the right JSON
     * types, and kinds and modes Confluent knows. This is checked on every request that carries a rule set.
     */
    public static void validateRuleSet(JsonNode ruleSet, String what) {
        if (ruleSet == null || ruleSet.isNull()) {
            return;
        }
        if (!ruleSet.isObject()) {
            throw invalidRuleSet(what + " must be an object");
        }
        for (String list : RULE_LISTS) {
            JsonNode rules = ruleSet.get(list);
            if (rules == null || rules.isNull()) {
                continue;
            }
            if (!rules.isArray()) {
                throw invalidRuleSet(what + "." + list + " must be an array of rules");
            }
            int index = 0;
            for (JsonNode rule : rules) {
                String where = what + "." + list + "[" + index++ + "]";
                if (!rule.isObject()) {
                    throw invalidRuleSet(where + " must be an object");
                }
                for (String field : List.of("name", "kind", "mode", "type", "doc", "expr", "onSuccess", "onFailure")) {
                    if (rule.has(field) && !rule.get(field).isNull() && !rule.get(field).isTextual()) {
                        throw invalidRuleSet(where + "." + field + " must be a string");
                    }
                }
                if (rule.has("params") && !rule.get("params").isNull() && !rule.get("params").isObject()) {
                    throw invalidRuleSet(where + ".params must be an object of strings");
                }
                if (rule.has("tags") && !rule.get("tags").isNull() && !rule.get("tags").isArray()) {
                    throw invalidRuleSet(where + ".tags must be an array of strings");
                }
                if (rule.has("disabled") && !rule.get("disabled").isNull() && !rule.get("disabled").isBoolean()) {
                    throw invalidRuleSet(where + ".disabled must be true or false");
                }
                String kind = text(rule, "kind");
                if (kind != null && !RULE_KINDS.contains(kind)) {
                    throw invalidRuleSet(where + " kind '" + kind + "' is not one of " + RULE_KINDS);
                }
                String mode = text(rule, "mode");
                if (mode != null && !RULE_MODES.contains(mode)) {
                    throw invalidRuleSet(where + " mode '" + mode + "' is not one of " + RULE_MODES);
                }
            }
        }
        String enableAt = text(ruleSet, "enableAt");
        if (ruleSet.has("enableAt") && !ruleSet.get("enableAt").isNull()
                && (enableAt == null || !ENABLE_AT.contains(enableAt))) {
            throw invalidRuleSet(what + ".enableAt must be one of " + ENABLE_AT);
        }
    }

    /**
     * Throws 42210 unless every rule of a well-formed rule set is one the clients can run, as Confluent checks
     * (config {@code validateRules}): a name, unique within the set, and a type; an explicit mode that fits the
     * rule's list (migration rules UPGRADE, DOWNGRADE or UPDOWN; domain and encoding rules WRITE, READ or
     * WRITEREAD). Kind and mode left out are filled in first ({@link #withRuleDefaults}).
     */
    public static void validateRules(JsonNode ruleSet, String what) {
        validateRuleSet(ruleSet, what);
        if (ruleSet == null || ruleSet.isNull()) {
            return;
        }
        Set<String> names = new LinkedHashSet<>();
        for (String list : RULE_LISTS) {
            JsonNode rules = ruleSet.get(list);
            if (rules == null || rules.isNull()) {
                continue;
            }
            Set<String> fitting = list.equals("migrationRules") ? MIGRATION_MODES : DOMAIN_MODES;
            int index = 0;
            for (JsonNode rule : rules) {
                String where = what + "." + list + "[" + index++ + "]";
                String name = text(rule, "name");
                if (name == null || name.isBlank()) {
                    throw invalidRuleSet(where + " has no name");
                }
                if (!names.add(name)) {
                    throw invalidRuleSet("Duplicate rule name '" + name + "' in " + what);
                }
                String type = text(rule, "type");
                if (type == null || type.isBlank()) {
                    throw invalidRuleSet("Rule '" + name + "' has no type (for example CEL, CEL_FIELD, JSONATA"
                            + " or ENCRYPT)");
                }
                String mode = text(rule, "mode");
                if (mode != null && !fitting.contains(mode)) {
                    throw invalidRuleSet("Rule '" + name + "' in " + list + " has mode " + mode + "; "
                            + list + " can only be " + String.join(", ", fitting));
                }
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static RegistryException invalidRuleSet(String message) {
        return new RegistryException(ErrorCode.INVALID_RULE_SET, "Invalid ruleSet: " + message);
    }

    /** Metadata with the overlay's tags, properties and sensitive names taking precedence over the base's. */
    public static JsonNode mergeMetadata(JsonNode base, JsonNode overlay) {
        if (isEmpty(base)) {
            return overlay;
        }
        if (isEmpty(overlay)) {
            return base;
        }
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        ObjectNode tags = mergeObjects(base.get("tags"), overlay.get("tags"));
        if (tags != null) {
            merged.set("tags", tags);
        }
        ObjectNode properties = mergeObjects(base.get("properties"), overlay.get("properties"));
        if (properties != null) {
            merged.set("properties", properties);
        }
        Set<String> sensitive = new LinkedHashSet<>();
        for (JsonNode node : new JsonNode[]{base.get("sensitive"), overlay.get("sensitive")}) {
            if (node != null && node.isArray()) {
                node.forEach(item -> sensitive.add(item.asText()));
            }
        }
        if (!sensitive.isEmpty()) {
            ArrayNode array = merged.putArray("sensitive");
            sensitive.forEach(array::add);
        }
        return merged;
    }

    /**
     * A rule set whose lists hold the base's rules that the overlay does not replace (by name), in their order,
     * followed by the overlay's rules: Confluent's merge order.
     */
    public static JsonNode mergeRuleSet(JsonNode base, JsonNode overlay) {
        if (isEmpty(base)) {
            return overlay;
        }
        if (isEmpty(overlay)) {
            return base;
        }
        ObjectNode merged = ((ObjectNode) base).deepCopy();
        for (String list : RULE_LISTS) {
            JsonNode older = base.get(list);
            JsonNode newer = overlay.get(list);
            if (newer == null || !newer.isArray() || newer.isEmpty()) {
                continue;
            }
            Set<String> replaced = new LinkedHashSet<>();
            newer.forEach(rule -> replaced.add(rule.path("name").asText()));
            ArrayNode array = merged.putArray(list);
            if (older != null && older.isArray()) {
                older.forEach(rule -> {
                    if (!replaced.contains(rule.path("name").asText())) {
                        array.add(rule);
                    }
                });
            }
            newer.forEach(array::add);
        }
        if (overlay.has("enableAt")) {
            merged.set("enableAt", overlay.get("enableAt"));
        }
        return merged;
    }

    /**
     * The rule set with each rule's absent kind set to TRANSFORM and, outside the migration rules, its absent
     * mode to WRITEREAD, as Confluent stores and answers them: the clients skip a rule that has no mode.
     */
    public static JsonNode withRuleDefaults(JsonNode ruleSet) {
        if (ruleSet == null || !ruleSet.isObject()) {
            return ruleSet;
        }
        ObjectNode filled = ((ObjectNode) ruleSet).deepCopy();
        for (String list : RULE_LISTS) {
            JsonNode rules = filled.get(list);
            if (rules == null || !rules.isArray()) {
                continue;
            }
            for (JsonNode rule : rules) {
                if (rule instanceof ObjectNode object) {
                    if (text(object, "kind") == null) {
                        object.put("kind", "TRANSFORM");
                    }
                    if (text(object, "mode") == null && !list.equals("migrationRules")) {
                        object.put("mode", "WRITEREAD");
                    }
                }
            }
        }
        return filled;
    }

    /** The metadata with its {@code confluent:version} property set to this version number. */
    public static JsonNode withVersion(JsonNode metadata, int version) {
        ObjectNode copy = metadata == null || !metadata.isObject() ? JsonNodeFactory.instance.objectNode()
                : ((ObjectNode) metadata).deepCopy();
        JsonNode properties = copy.get("properties");
        ObjectNode updated = properties != null && properties.isObject() ? (ObjectNode) properties
                : copy.putObject("properties");
        updated.put(VERSION_PROPERTY, Integer.toString(version));
        return copy;
    }

    private static ObjectNode mergeObjects(JsonNode base, JsonNode overlay) {
        if ((base == null || !base.isObject()) && (overlay == null || !overlay.isObject())) {
            return null;
        }
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        if (base != null && base.isObject()) {
            merged.setAll((ObjectNode) base);
        }
        if (overlay != null && overlay.isObject()) {
            merged.setAll((ObjectNode) overlay);
        }
        return merged;
    }

    static boolean isEmpty(JsonNode node) {
        return node == null || node.isNull() || (node.isObject() && node.isEmpty());
    }
}
