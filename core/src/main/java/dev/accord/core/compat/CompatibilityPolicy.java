package dev.accord.core.compat;

import java.util.Locale;
import java.util.Optional;

/**
 * How strictly open content models are judged (JSON Schema). STRICT is Confluent's default; LENIENT allows
 * adding optional properties to, and removing properties from, open content models. Avro ignores it.
 */
public enum CompatibilityPolicy {
    STRICT,
    LENIENT;

    public static Optional<CompatibilityPolicy> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
