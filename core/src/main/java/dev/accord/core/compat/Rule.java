package dev.accord.core.compat;

import java.util.Map;
import java.util.Set;

/**
 * A named kind of change with a stable ID.
 *
 * @param id      stable UPPER_SNAKE_CASE identifier, used in reports, waivers and docs
 * @param format  the schema format the rule applies to ("AVRO", "JSON" or "ANY")
 * @param purpose one sentence: what the rule detects and why it matters
 * @param breaks  per policy, the directions a change of this kind breaks; empty when that depends on where
 *                the change is found (Avro's resolution errors are found per reading direction)
 */
public record Rule(String id, String format, String purpose, Map<CompatibilityPolicy, Set<Direction>> breaks) {

    public Rule {
        breaks = Map.copyOf(breaks);
    }

    /** A rule whose breaking directions are decided when a change is found. */
    public Rule(String id, String format, String purpose) {
        this(id, format, purpose, Map.of());
    }

    /** The directions a change of this kind breaks under the policy (empty: none, or decided per change). */
    public Set<Direction> breaks(CompatibilityPolicy policy) {
        return breaks.getOrDefault(policy, Set.of());
    }
}
