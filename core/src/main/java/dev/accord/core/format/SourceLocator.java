package dev.accord.core.format;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps what a checker or parser says about a schema (a rule's path, an error message) to file:line:column. */
public interface SourceLocator {

    /**
     * The location of a rule's path in this text; when the exact element is not in it, the location of its
     * nearest enclosing element, marked approximate; the start of the file when nothing matches.
     */
    SourceLocation locate(String path);

    /** True when the exact path is in the text. */
    boolean contains(String path);

    /** Where a name (a type, a file, a reference) is written in the text. */
    Optional<SourceLocation> findName(String name);

    /**
     * Where a parse error message points: its "line N, column M" (or "N:M" after a file name) when it has one,
     * else the first quoted name of the message found in the text, else the start of the file.
     */
    default SourceLocation locateError(String message) {
        if (message == null) {
            return SourceLocation.START;
        }
        Matcher lc = LINE_COLUMN.matcher(message);
        if (lc.find()) {
            return new SourceLocation(Integer.parseInt(lc.group(1)), Integer.parseInt(lc.group(2)), false);
        }
        Matcher quoted = QUOTED.matcher(message);
        while (quoted.find()) {
            String name = quoted.group(1) != null ? quoted.group(1) : quoted.group(2);
            Optional<SourceLocation> found = findName(name);
            if (found.isPresent()) {
                return found.get().approximately();
            }
        }
        return SourceLocation.START;
    }

    Pattern LINE_COLUMN = Pattern.compile("line (\\d+), column (\\d+)");
    Pattern QUOTED = Pattern.compile("[\"'`]([A-Za-z_][A-Za-z0-9_.$/-]*)[\"'`]"
            + "|(?:field|name|type|schema|symbol|Undefined name:|Undefined schema:|defined name:)\\s+\"?"
            + "([A-Za-z_][A-Za-z0-9_.]*)");
}
