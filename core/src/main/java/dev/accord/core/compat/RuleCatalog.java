package dev.accord.core.compat;

import dev.accord.core.format.SchemaFormat;
import dev.accord.core.format.SchemaFormats;
import dev.accord.core.schema.SchemaType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every rule Accord can report: the format-independent ones here, each format's own from its
 * {@link SchemaFormat}. A rule ID is unique within its format (Avro and Protobuf both have FIELD_ADDED, as in
 * Confluent's names), so a rule is looked up by format and ID. The documentation page of rules is checked against
 * this list.
 */
public final class RuleCatalog {

    public static final Rule SCHEMA_TYPE_CHANGED = Rule.compatibility("SCHEMA_TYPE_CHANGED", null, RuleCategory.FORMAT,
            "The new version has a different schema type (for example AVRO and JSON), so no reader of one can"
                    + " decode data written with the other.",
            "Incompatible because of different schema type", "register the new format under a new subject");

    private static final List<Rule> COMMON = List.of(SCHEMA_TYPE_CHANGED);
    private static final List<Rule> ALL;
    private static final Map<String, Rule> BY_KEY = new LinkedHashMap<>();

    static {
        List<Rule> all = new ArrayList<>(COMMON);
        for (SchemaFormat format : SchemaFormats.all()) {
            for (Rule rule : format.rules()) {
                if (rule.format() != format.type()) {
                    throw new IllegalStateException(rule.id() + " is not a " + format.type() + " rule");
                }
                all.add(rule);
            }
        }
        for (Rule rule : all) {
            if (BY_KEY.put(key(rule.format(), rule.id()), rule) != null) {
                throw new IllegalStateException("Duplicate rule id " + rule.formatName() + "/" + rule.id());
            }
        }
        ALL = List.copyOf(all);
    }

    private RuleCatalog() {
    }

    private static String key(SchemaType format, String id) {
        return (format == null ? "ANY" : format.name()) + "/" + id;
    }

    /** All rules, in catalogue order: the common ones, then each format's. */
    public static List<Rule> all() {
        return ALL;
    }

    /** The rule with this ID that applies to schemas of the format (its own, or a common one). */
    public static Optional<Rule> find(SchemaType format, String id) {
        Rule rule = format == null ? null : BY_KEY.get(key(format, id));
        return Optional.ofNullable(rule != null ? rule : BY_KEY.get(key(null, id)));
    }

    /** The rules of one format (its own, without the common ones). */
    public static List<Rule> of(SchemaType format) {
        return ALL.stream().filter(rule -> rule.format() == format).toList();
    }
}
