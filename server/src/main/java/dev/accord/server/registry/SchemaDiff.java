package dev.accord.server.registry;

import dev.accord.core.compat.Change;
import dev.accord.core.compat.CompatibilityPolicy;
import dev.accord.core.compat.Direction;
import dev.accord.core.schema.SchemaType;

import java.util.List;

/**
 * The semantic diff of two schemas: every change, and whether the new schema is BACKWARD, FORWARD and FULL
 * compatible with the old one under the policy. For a subject diff, the versions and ids compared. The texts are
 * the ones the changes' paths point into (as submitted, or as stored).
 */
public record SchemaDiff(SchemaType schemaType, CompatibilityPolicy policy, List<Change> changes,
                         SubjectVersion from, SubjectVersion to, String oldText, String newText) {

    public SchemaDiff {
        changes = List.copyOf(changes);
    }

    /** Compatible in the direction when no change breaks it. */
    public boolean compatible(Direction direction) {
        return changes.stream().noneMatch(change -> change.breaks(direction));
    }
}
