package dev.accord.server.registry;

import java.util.Locale;
import java.util.Optional;

/** What writes a subject (or the whole registry) accepts. */
public enum Mode {
    /** Normal operation: registrations without explicit ids, checked for compatibility. */
    READWRITE,
    /** No writes. */
    READONLY,
    /** Deprecated Confluent alias of READONLY for the global scope. */
    READONLY_OVERRIDE,
    /** Migration: registrations carry explicit ids and versions and skip compatibility checks. */
    IMPORT,
    /**
     * Confluent 8.1's mode for a registry that schema linking feeds from another one: behaves like IMPORT, and is
     * accepted only for the global context {@code :.__GLOBAL:}.
     */
    FORWARD;

    public boolean readOnly() {
        return this == READONLY || this == READONLY_OVERRIDE;
    }

    /** Registrations carry their ids and versions and are not checked for compatibility. */
    public boolean importing() {
        return this == IMPORT || this == FORWARD;
    }

    public static Optional<Mode> fromName(String name) {
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
