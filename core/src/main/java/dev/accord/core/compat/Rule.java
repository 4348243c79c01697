package dev.accord.core.compat;

import dev.accord.core.schema.SchemaType;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A named kind of finding with a stable ID: the data every report, the docs page and {@code /v1/rules} show.
 *
 * @param id       stable UPPER_SNAKE_CASE identifier, used in reports, waivers and docs; unique within its format
 * @param kind     what reports it: the compatibility check (today) or the lint policies
 * @param format   the schema format the rule belongs to, or null for a rule of every format
 * @param category what part of a schema the rule is about
 * @param purpose  one sentence: what the rule detects and why it matters
 * @param breaks   per policy, the directions a change of this kind breaks; empty when that depends on where the
 *                 change is found (Avro's resolution errors are found per reading direction)
 * @param message  the sentence of a finding, with {@code {placeholders}} its checker fills in
 * @param hint     how to fix or avoid it, with the same placeholders; null when there is no general advice
 */
public record Rule(String id, RuleKind kind, SchemaType format, RuleCategory category, String purpose,
                   Map<CompatibilityPolicy, Set<Direction>> breaks, String message, String hint) {

    public Rule {
        Objects.requireNonNull(id);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(category);
        breaks = Map.copyOf(breaks);
    }

    /** A compatibility rule whose breaking directions are decided when a change is found. */
    public static Rule compatibility(String id, SchemaType format, RuleCategory category, String purpose,
                                     String message, String hint) {
        return new Rule(id, RuleKind.COMPATIBILITY, format, category, purpose, Map.of(), message, hint);
    }

    /** The directions a change of this kind breaks under the policy (empty: none, or decided per change). */
    public Set<Direction> breaks(CompatibilityPolicy policy) {
        return breaks.getOrDefault(policy, Set.of());
    }

    /** True when the rule applies to schemas of the type. */
    public boolean appliesTo(SchemaType type) {
        return format == null || format == type;
    }

    /** The format's wire name, or "ANY" for a rule of every format. */
    public String formatName() {
        return format == null ? "ANY" : format.name();
    }

    /** The message with its placeholders filled in. */
    public String message(Map<String, String> values) {
        return fill(message, values);
    }

    /** The hint with its placeholders filled in, or null when the rule has none. */
    public String hint(Map<String, String> values) {
        return hint == null ? null : fill(hint, values);
    }

    /**
     * Replaces each {@code {name}} by its value; a placeholder without a value disappears, and so does the double
     * space it would leave, so that a template reads well with and without the details.
     */
    public static String fill(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int close = c == '{' ? template.indexOf('}', i) : -1;
            if (close > i + 1 && template.substring(i + 1, close).matches("[a-zA-Z]+")) {
                String value = values.get(template.substring(i + 1, close));
                out.append(value == null ? "" : value);
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString().replace("  ", " ").strip();
    }
}
