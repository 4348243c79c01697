package dev.accord.maven.schema;

/**
 * A place in a schema file: 1-based line and column. {@code approximate} when the exact JSON pointer was not
 * in the file and the location is that of its nearest enclosing element (a change found in a referenced type,
 * or a path of the old schema).
 */
public record Location(int line, int column, boolean approximate) {

    public static final Location START = new Location(1, 1, true);

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
