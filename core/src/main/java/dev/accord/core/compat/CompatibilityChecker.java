package dev.accord.core.compat;

import dev.accord.core.format.SchemaFormats;
import dev.accord.core.schema.ParsedSchema;
import dev.accord.core.schema.SchemaType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a compatibility level to a candidate schema and a subject's earlier live versions, with the
 * semantics of Confluent's registry: non-transitive levels check the latest version only, transitive levels
 * check every version newest first and stop at the first incompatible one.
 */
public final class CompatibilityChecker {

    /**
     * Checks {@code candidate} against {@code previous} (ascending by version, soft-deleted versions already
     * removed) under {@code level}.
     */
    public CompatibilityResult check(CompatibilityLevel level, CompatibilityPolicy policy, ParsedSchema candidate,
                                     List<VersionedSchema> previous) {
        if (level == CompatibilityLevel.NONE || previous.isEmpty()) {
            return new CompatibilityResult(level, List.of());
        }
        List<VersionedSchema> newestFirst = new ArrayList<>(previous);
        java.util.Collections.reverse(newestFirst);
        List<VersionedSchema> toCheck = level.transitive() ? newestFirst : newestFirst.subList(0, 1);
        for (VersionedSchema old : toCheck) {
            List<Change> breaking = breakingChanges(old.schema(), candidate, level.directions(), policy);
            if (!breaking.isEmpty()) {
                return new CompatibilityResult(level, List.of(new VersionIncompatibility(old, breaking)));
            }
        }
        return new CompatibilityResult(level, List.of());
    }

    /** The changes from old to new that break at least one of the directions. */
    public List<Change> breakingChanges(ParsedSchema oldSchema, ParsedSchema newSchema, Set<Direction> directions,
                                        CompatibilityPolicy policy) {
        if (oldSchema.type() != newSchema.type()) {
            return diff(oldSchema, newSchema, directions, policy);
        }
        return differ(oldSchema.type()).breakingChanges(oldSchema, newSchema, directions, policy);
    }

    /** Every change between two schemas that matters for the directions, breaking or not. */
    public List<Change> diff(ParsedSchema oldSchema, ParsedSchema newSchema, Set<Direction> directions,
                             CompatibilityPolicy policy) {
        if (oldSchema.type() != newSchema.type()) {
            Rule rule = RuleCatalog.SCHEMA_TYPE_CHANGED;
            return List.of(new Change(rule.id(), "", "", oldSchema.type().name(), newSchema.type().name(),
                    rule.message(Map.of()), rule.hint(Map.of()), null, Set.of(Direction.BACKWARD, Direction.FORWARD)));
        }
        return differ(oldSchema.type()).diff(oldSchema, newSchema, directions, policy);
    }

    private static SchemaDiffer differ(SchemaType type) {
        return SchemaFormats.of(type).differ();
    }
}
