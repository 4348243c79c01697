package dev.accord.core.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The locator of JSON texts (Avro and JSON Schema): where each element of a JSON document is in its text, by JSON pointer: the line and column of an object
 * member's name, of an array element's first character, of the root's first character. Built from Jackson's
 * token locations in one streaming pass; a syntax error stops the pass and keeps what was seen before it.
 */
public final class JsonSourceLocator implements SourceLocator {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final Map<String, SourceLocation> byPointer = new HashMap<>();
    private final List<Map.Entry<String, SourceLocation>> strings = new ArrayList<>();

    private JsonSourceLocator() {
    }

    /** Indexes the text; never throws. */
    public static JsonSourceLocator of(String text) {
        JsonSourceLocator index = new JsonSourceLocator();
        index.scan(text);
        return index;
    }

    private static final class Container {
        final String pointer;
        final boolean array;
        int nextIndex;
        String field;

        Container(String pointer, boolean array) {
            this.pointer = pointer;
            this.array = array;
        }
    }

    private void scan(String text) {
        Deque<Container> stack = new ArrayDeque<>();
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                SourceLocation here = location(parser.currentTokenLocation());
                Container parent = stack.peek();
                if (token == JsonToken.FIELD_NAME) {
                    parent.field = parser.currentName();
                    byPointer.putIfAbsent(parent.pointer + "/" + escape(parent.field), here);
                    continue;
                }
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    stack.pop();
                    continue;
                }
                String pointer;
                if (parent == null) {
                    pointer = "";
                    byPointer.putIfAbsent(pointer, here);
                } else if (parent.array) {
                    pointer = parent.pointer + "/" + parent.nextIndex++;
                    byPointer.putIfAbsent(pointer, here);
                } else {
                    pointer = parent.pointer + "/" + escape(parent.field);
                }
                if (token == JsonToken.START_OBJECT) {
                    stack.push(new Container(pointer, false));
                } else if (token == JsonToken.START_ARRAY) {
                    stack.push(new Container(pointer, true));
                } else if (token == JsonToken.VALUE_STRING) {
                    strings.add(Map.entry(parser.getText(), here));
                }
            }
        } catch (IOException | RuntimeException e) {
            // keep the locations found before the syntax error
        }
    }

    private static SourceLocation location(JsonLocation location) {
        return new SourceLocation(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()), false);
    }

    /**
     * The location of a JSON pointer ("/fields/1/type"; a leading "#" is ignored). When the pointer is not in
     * the document, the location of its longest prefix that is, marked approximate.
     */
    @Override
    public SourceLocation locate(String pointer) {
        String p = normalize(pointer);
        SourceLocation exact = byPointer.get(p);
        if (exact != null) {
            return exact;
        }
        while (!p.isEmpty()) {
            p = p.substring(0, p.lastIndexOf('/'));
            SourceLocation found = byPointer.get(p);
            if (found != null) {
                return new SourceLocation(found.line(), found.column(), true);
            }
        }
        return SourceLocation.START;
    }

    /** True when the exact pointer is in the document. */
    @Override
    public boolean contains(String pointer) {
        return byPointer.containsKey(normalize(pointer));
    }

    /**
     * The first string value equal to {@code value}, else ending with "." + value (an Avro full name), else, for a
     * full name, equal to its simple name.
     */
    @Override
    public Optional<SourceLocation> findName(String value) {
        for (Map.Entry<String, SourceLocation> entry : strings) {
            if (entry.getKey().equals(value)) {
                return Optional.of(entry.getValue());
            }
        }
        for (Map.Entry<String, SourceLocation> entry : strings) {
            if (entry.getKey().endsWith("." + value)) {
                return Optional.of(entry.getValue());
            }
        }
        if (value.contains(".") && !value.endsWith(".")) {
            // a full name written as its simple name inside its namespace
            return findName(value.substring(value.lastIndexOf('.') + 1));
        }
        return Optional.empty();
    }

    static String normalize(String pointer) {
        if (pointer == null) {
            return "";
        }
        String p = pointer.trim();
        if (p.startsWith("#")) {
            p = p.substring(1);
        }
        if (p.equals("/")) {
            return "";
        }
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (!p.isEmpty() && !p.startsWith("/")) {
            p = "/" + p;
        }
        return p;
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
