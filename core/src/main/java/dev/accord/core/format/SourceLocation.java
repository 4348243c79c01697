package dev.accord.core.format;

/**
 * A place in a schema file: 1-based line and column. {@code approximate} when the exact element was not in the
 * file and the location is that of its nearest enclosing element (a change found in a referenced type, or a path
 * of the old schema).
 */
public record SourceLocation(int line, int column, boolean approximate) {

    public static final SourceLocation START = new SourceLocation(1, 1, true);

    /** The same place, marked approximate. */
    public SourceLocation approximately() {
        return approximate ? this : new SourceLocation(line, column, true);
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
