package dev.accord.core.compat;

import dev.accord.core.schema.ParsedSchema;

import java.util.List;
import java.util.Set;

/** Finds the changes between two schemas of one format. */
public interface SchemaDiffer {

    /**
     * The changes from {@code oldSchema} to {@code newSchema} that matter for the given directions. A differ
     * may skip work for directions not asked for; it never omits a change that breaks one that was asked for.
     */
    List<Change> diff(ParsedSchema oldSchema, ParsedSchema newSchema, Set<Direction> directions,
                      CompatibilityPolicy policy);

    /**
     * Only the changes that break one of the directions: what a compatibility check needs. A differ that can
     * skip its non-breaking notes (documentation, added fields, ...) overrides this to save the work.
     */
    default List<Change> breakingChanges(ParsedSchema oldSchema, ParsedSchema newSchema, Set<Direction> directions,
                                         CompatibilityPolicy policy) {
        return diff(oldSchema, newSchema, directions, policy).stream()
                .filter(change -> change.breaks().stream().anyMatch(directions::contains)).toList();
    }
}
