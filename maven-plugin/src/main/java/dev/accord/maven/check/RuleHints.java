package dev.accord.maven.check;

import dev.accord.core.compat.RuleCatalog;

import java.util.Map;

/**
 * Fix hints for rule IDs when only the ID is known (the registry's verbose answers carry no hint). Accord's own
 * offline checks use the hint of each change instead.
 */
public final class RuleHints {

    private static final Map<String, String> HINTS = Map.ofEntries(
            Map.entry("READER_FIELD_MISSING_DEFAULT_VALUE", "give the new field a default value (for an optional"
                    + " field: a union with \"null\" first and \"default\": null)"),
            Map.entry("TYPE_MISMATCH", "keep the old type, widen it only along Avro's promotions (int > long >"
                    + " float > double, string <> bytes), or add a new field with a default instead"),
            Map.entry("NAME_MISMATCH", "keep the old full name, or list it in the reader's \"aliases\""),
            Map.entry("FIXED_SIZE_MISMATCH", "keep the size; a fixed of another size needs a new field and type name"),
            Map.entry("MISSING_ENUM_SYMBOLS", "keep the symbols, or give the reader's enum a \"default\" symbol"),
            Map.entry("MISSING_UNION_BRANCH", "keep every branch of the union that data may have been written with"),
            Map.entry("SCHEMA_TYPE_CHANGED", "register the new format under a new subject"),
            Map.entry(Finding.INVALID_SCHEMA, "fix the schema so that it parses"));

    private RuleHints() {
    }

    /** A hint for the rule: the known one, else the rule's purpose from Accord's catalogue, else null. */
    public static String hint(String ruleId) {
        String hint = HINTS.get(ruleId);
        if (hint != null) {
            return hint;
        }
        return RuleCatalog.byId(ruleId).map(rule -> rule.purpose()).orElse(null);
    }
}
