package dev.accord.core.compat;

import java.util.Set;

/**
 * One difference between an old and a new schema, named by a stable rule ID.
 *
 * @param ruleId   stable UPPER_SNAKE_CASE rule ID from the {@link RuleCatalog}
 * @param oldPath  JSON pointer into the old schema, or null when the change has no place there
 * @param newPath  JSON pointer into the new schema, or null when the change has no place there
 * @param oldValue the value in the old schema (a name, type or symbol list), or null
 * @param newValue the value in the new schema, or null
 * @param message  one sentence a person can act on
 * @param fixHint  how to make the change compatible, or null when there is no general advice
 * @param detail   the format checker's own short detail (a field name, expected type, missing symbols), or null
 * @param breaks   the directions this change breaks; empty for a change that breaks nothing
 */
public record Change(String ruleId, String oldPath, String newPath, String oldValue, String newValue,
                     String message, String fixHint, String detail, Set<Direction> breaks) {

    public Change {
        breaks = Set.copyOf(breaks);
    }

    /** True when this change breaks the given direction. */
    public boolean breaks(Direction direction) {
        return breaks.contains(direction);
    }
}
