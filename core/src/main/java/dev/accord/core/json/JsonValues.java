package dev.accord.core.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** JSON values as JSON Schema compares them: numbers by value (1 equals 1.0), objects regardless of key order. */
final class JsonValues {

    private JsonValues() {
    }

    /** A string equal for two values exactly when JSON Schema considers them equal. */
    static String key(JsonNode value) {
        StringBuilder out = new StringBuilder();
        append(value, out);
        return out.toString();
    }

    private static void append(JsonNode value, StringBuilder out) {
        if (value.isNumber()) {
            BigDecimal number = decimal(value);
            out.append(number == null ? value.asText() : number.stripTrailingZeros().toString());
        } else if (value.isObject()) {
            List<String> names = new ArrayList<>();
            value.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            out.append('{');
            for (String name : names) {
                out.append(quote(name)).append(':');
                append(value.get(name), out);
                out.append(',');
            }
            out.append('}');
        } else if (value.isArray()) {
            out.append('[');
            for (JsonNode element : value) {
                append(element, out);
                out.append(',');
            }
            out.append(']');
        } else if (value.isTextual()) {
            out.append(quote(value.textValue()));
        } else {
            out.append(value.asText());
        }
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** The exact value of a JSON number, or null when the node is not a (finite) number. */
    static BigDecimal decimal(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return new BigDecimal(node.bigIntegerValue());
        }
        try {
            // the text of a parsed double is its shortest exact form ("0.1", not 0.1000000000000000055...)
            return new BigDecimal(node.asText());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A value shortened for messages. */
    static String brief(JsonNode value) {
        if (value == null) {
            return null;
        }
        String text = value.toString();
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }
}
