package dev.accord.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CanonicalJsonTest {

    @Test
    void sortsKeysAtEveryLevelAndDropsWhitespace() {
        assertEquals("{\"a\":null,\"b\":[{\"c\":2,\"d\":1},3],\"e\":{\"f\":\"x y\",\"g\":true}}",
                CanonicalJson.canonical("{ \"e\": {\"g\": true, \"f\": \"x y\"},\n \"b\": [ {\"d\":1, \"c\":2}, 3 ],"
                        + " \"a\": null }"));
    }

    @Test
    void arrayOrderIsKept() {
        assertEquals("[3,1,2]", CanonicalJson.canonical("[3, 1, 2]"));
        assertNotEquals(CanonicalJson.canonical("[1,2]"), CanonicalJson.canonical("[2,1]"));
    }

    @Test
    void scalarsAreTheirOwnCanonicalForm() {
        assertEquals("\"int\"", CanonicalJson.canonical("  \"int\"  "));
        assertEquals("12", CanonicalJson.canonical("12"));
    }

    @Test
    void sortedDoesNotChangeItsInput() {
        JsonNode node = CanonicalJson.parse("{\"b\":1,\"a\":2}");
        JsonNode sorted = CanonicalJson.sorted(node);
        assertEquals("b", node.fieldNames().next());
        assertEquals("a", sorted.fieldNames().next());
        assertEquals(node, sorted); // same content
    }

    @Test
    void syntaxErrorHasLineAndColumn() {
        InvalidSchemaException e = assertThrows(InvalidSchemaException.class,
                () -> CanonicalJson.parse("{\n  \"a\": 1,\n  \"b\" 2\n}"));
        assertTrue(e.getMessage().startsWith("Invalid JSON at line 3, column 7"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\n"})
    void emptyTextIsAnEmptySchema(String text) {
        assertEquals("Empty schema", assertThrows(InvalidSchemaException.class, () -> CanonicalJson.parse(text))
                .getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1} xyz", "{\"a\":1} {}", "[1,2]]", "1 2"})
    void contentAfterTheDocumentIsAnError(String text) {
        InvalidSchemaException e = assertThrows(InvalidSchemaException.class, () -> CanonicalJson.parse(text));
        assertTrue(e.getMessage().startsWith("Invalid JSON at line 1"), e.getMessage());
    }

    @Test
    void nestingUpToTheLimitParses() {
        String text = "[".repeat(CanonicalJson.MAX_DEPTH) + "]".repeat(CanonicalJson.MAX_DEPTH);
        assertEquals(text, CanonicalJson.canonical(text));
    }

    @Test
    void nestingBeyondTheLimitIsRefused() {
        String text = "[".repeat(CanonicalJson.MAX_DEPTH + 1) + "]".repeat(CanonicalJson.MAX_DEPTH + 1);
        InvalidSchemaException e = assertThrows(InvalidSchemaException.class, () -> CanonicalJson.parse(text));
        assertTrue(e.getMessage().contains("nested deeper than " + CanonicalJson.MAX_DEPTH), e.getMessage());
    }

    @Test
    void veryDeepNestingIsRefusedWithoutStackOverflow() {
        String objects = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
        assertThrows(InvalidSchemaException.class, () -> CanonicalJson.parse(objects));
        // unterminated deep input as well: the depth check fires before the syntax error
        assertThrows(InvalidSchemaException.class, () -> CanonicalJson.checkDepth("[".repeat(10_000)));
    }

    @Test
    void checkDepthLeavesSyntaxErrorsToTheParser() {
        assertDoesNotThrow(() -> CanonicalJson.checkDepth("{\"a\": ]"));
        assertDoesNotThrow(() -> CanonicalJson.checkDepth("[[[1]]], [[[2]]]"));
    }

    @Test
    void sha256IsHexOfTheTerminatedParts() throws Exception {
        assertEquals(64, CanonicalJson.sha256("x").length());
        assertEquals(CanonicalJson.sha256("a", "b"), CanonicalJson.sha256("a", "b"));
        assertNotEquals(CanonicalJson.sha256("ab", "c"), CanonicalJson.sha256("a", "bc"));
        assertNotEquals(CanonicalJson.sha256("a"), CanonicalJson.sha256("a", ""));
        assertEquals(CanonicalJson.sha256("a", null), CanonicalJson.sha256("a", ""));
        assertEquals(HexFormat.of().formatHex(digest("abc\0")), CanonicalJson.sha256("abc"));
        assertEquals(HexFormat.of().formatHex(digest("a\0b\0")), CanonicalJson.sha256("a", "b"));
    }

    private static byte[] digest(String text) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void referencesKeyDependsOnEveryPartAndOnOrder() {
        SchemaReference a = new SchemaReference("A", "a", 1);
        SchemaReference b = new SchemaReference("B", "b", 2);
        assertEquals("", CanonicalJson.referencesKey(List.of()));
        assertNotEquals(CanonicalJson.referencesKey(List.of(a, b)), CanonicalJson.referencesKey(List.of(b, a)));
        assertNotEquals(CanonicalJson.referencesKey(List.of(a)),
                CanonicalJson.referencesKey(List.of(new SchemaReference("A", "a", 2))));
        assertNotEquals(CanonicalJson.referencesKey(List.of(a)),
                CanonicalJson.referencesKey(List.of(new SchemaReference("A", "x", 1))));
        assertNotEquals(CanonicalJson.referencesKey(List.of(new SchemaReference("A1", "a", 1))),
                CanonicalJson.referencesKey(List.of(new SchemaReference("A", "1a", 1))));
    }
}
