package dev.accord.core.compat;

import java.util.List;

/** The changes that make a new schema incompatible with one earlier version. */
public record VersionIncompatibility(VersionedSchema previous, List<Change> changes) {
    public VersionIncompatibility {
        changes = List.copyOf(changes);
    }
}
