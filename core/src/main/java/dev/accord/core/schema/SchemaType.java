package dev.accord.core.schema;

import java.util.Locale;
import java.util.Optional;

/** The schema formats Accord knows; AVRO is the default when a request names none. */
public enum SchemaType {
    AVRO,
    JSON,
    PROTOBUF;

    /** Parses a wire name case-insensitively; empty when the name is not a known format. */
    public static Optional<SchemaType> fromName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of(AVRO);
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
