package dev.accord.core.compat;

/**
 * A named kind of change with a stable ID.
 *
 * @param id      stable UPPER_SNAKE_CASE identifier, used in reports, waivers and docs
 * @param format  the schema format the rule applies to ("AVRO", "JSON" or "ANY")
 * @param purpose one sentence: what the rule detects and why it matters
 */
public record Rule(String id, String format, String purpose) {
}
