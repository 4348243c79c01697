package dev.accord.core.compat;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** How a new schema version must relate to earlier ones (Confluent's levels, same meaning). */
public enum CompatibilityLevel {
    NONE(false, EnumSet.noneOf(Direction.class)),
    BACKWARD(false, EnumSet.of(Direction.BACKWARD)),
    BACKWARD_TRANSITIVE(true, EnumSet.of(Direction.BACKWARD)),
    FORWARD(false, EnumSet.of(Direction.FORWARD)),
    FORWARD_TRANSITIVE(true, EnumSet.of(Direction.FORWARD)),
    FULL(false, EnumSet.of(Direction.BACKWARD, Direction.FORWARD)),
    FULL_TRANSITIVE(true, EnumSet.of(Direction.BACKWARD, Direction.FORWARD));

    private final boolean transitive;
    private final EnumSet<Direction> directions;

    CompatibilityLevel(boolean transitive, EnumSet<Direction> directions) {
        this.transitive = transitive;
        this.directions = directions;
    }

    /** True when every earlier live version is checked, not only the latest. */
    public boolean transitive() {
        return transitive;
    }

    /** The directions that must hold between the new schema and each checked version. */
    public Set<Direction> directions() {
        return EnumSet.copyOf(directions);
    }

    /** Parses a level name case-insensitively. */
    public static Optional<CompatibilityLevel> fromName(String name) {
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
