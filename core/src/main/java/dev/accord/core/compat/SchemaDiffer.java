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
}
