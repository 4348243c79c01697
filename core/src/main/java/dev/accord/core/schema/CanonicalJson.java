package dev.accord.core.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * JSON in canonical form (object keys sorted, no whitespace) and SHA-256 fingerprints of it.
 * Parsing refuses documents nested deeper than {@link #MAX_DEPTH}, so that no recursive parser or checker
 * behind it can overflow the stack.
 */
public final class CanonicalJson {

    /** Deeper than any real schema; deep enough for the recursive code behind it to stay on the stack. */
    public static final int MAX_DEPTH = 200;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 10).build())
            .build();
    // trailing tokens: "{} x" is not a JSON document, and must not pass as "{}"
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private CanonicalJson() {
    }

    /** Parses JSON text, with the line and column of the first syntax error in the message. */
    public static JsonNode parse(String text) {
        checkDepth(text);
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new InvalidSchemaException("Empty schema");
            }
            return node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new InvalidSchemaException("Invalid JSON" + where + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Throws when the text nests objects/arrays deeper than {@link #MAX_DEPTH}. Syntax errors pass through. */
    public static void checkDepth(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            int depth = 0;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    if (++depth > MAX_DEPTH) {
                        throw new InvalidSchemaException("Schema is nested deeper than " + MAX_DEPTH
                                + " levels (line " + parser.currentLocation().getLineNr() + ")");
                    }
                } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    depth--;
                }
            }
        } catch (IOException e) {
            // syntax errors are reported, with their location, by the real parse
        }
    }

    /** The canonical text of a JSON value: keys sorted, no insignificant whitespace. */
    public static String canonical(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(sorted(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The canonical text of JSON text. */
    public static String canonical(String text) {
        return canonical(parse(text));
    }

    /** A copy of the value with every object's keys in sorted order. */
    public static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (String name : names) {
                copy.set(name, sorted(node.get(name)));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                copy.add(sorted(it.next()));
            }
            return copy;
        }
        return node;
    }

    /** Hex SHA-256 of the parts, each terminated so that ("ab","c") and ("a","bc") differ. */
    public static String sha256(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update((part == null ? "" : part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The identity of a compact schema text of a format: its key-sorted form, and the text itself when its keys
     * are not in the format's sorted order. Key order is part of Confluent's identity until a schema is
     * normalised; hashing the sorted form alone for a sorted text keeps the fingerprints of the schemas stored
     * before order counted (they were stored sorted).
     */
    public static String orderedFingerprint(String type, String compactText, boolean inSortedOrder,
                                            String referencesKey) {
        String sorted = canonical(compactText);
        return inSortedOrder ? sha256(type, sorted, referencesKey)
                : sha256(type, sorted, referencesKey, "order", compactText);
    }

    /** Fingerprint of a list of references, in their given order (order matters for Avro parsing). */
    public static String referencesKey(List<SchemaReference> references) {
        StringBuilder key = new StringBuilder();
        for (SchemaReference ref : references) {
            key.append(ref.name()).append('\u0001').append(ref.subject()).append('\u0001')
                    .append(ref.version()).append('\u0002');
        }
        return key.toString();
    }

}
