package dev.accord.core.compat;

import dev.accord.core.avro.AvroRules;
import dev.accord.core.json.JsonSchemaRules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every rule Accord can report: the format-independent ones here, the format rules in their own catalogues.
 * The documentation page of rules is checked against this list.
 */
public final class RuleCatalog {

    public static final Rule SCHEMA_TYPE_CHANGED = new Rule("SCHEMA_TYPE_CHANGED", "ANY",
            "The new version has a different schema type (for example AVRO and JSON), so no reader of one can"
                    + " decode data written with the other.");

    private static final Map<String, Rule> BY_ID = new LinkedHashMap<>();

    static {
        register(List.of(SCHEMA_TYPE_CHANGED));
        register(AvroRules.all());
        register(JsonSchemaRules.all());
    }

    private RuleCatalog() {
    }

    private static void register(List<Rule> rules) {
        for (Rule rule : rules) {
            if (BY_ID.put(rule.id(), rule) != null) {
                throw new IllegalStateException("Duplicate rule id " + rule.id());
            }
        }
    }

    /** All rules, in catalogue order. */
    public static List<Rule> all() {
        return List.copyOf(BY_ID.values());
    }

    public static Optional<Rule> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }
}
