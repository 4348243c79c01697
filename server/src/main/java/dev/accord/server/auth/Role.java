package dev.accord.server.auth;

import java.util.Locale;
import java.util.Optional;

/** What a principal may do; each role includes the ones before it. */
public enum Role {
    /** All reads, lookups and compatibility checks. */
    READER,
    /** Register, soft delete, subject config, mode and metadata. */
    WRITER,
    /** Permanent deletes, global config and mode, IMPORT, keys and users. */
    ADMIN;

    public boolean includes(Role other) {
        return ordinal() >= other.ordinal();
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (Role role : values()) {
            if (role.name().equalsIgnoreCase(name.trim())) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
