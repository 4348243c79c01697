package dev.accord.core.format;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonSourceLocatorTest {

    private static final String ORDER = String.join("\n",
            "{",
            "  \"type\": \"record\",",
            "  \"name\": \"Order\",",
            "  \"fields\": [",
            "    {\"name\": \"id\", \"type\": \"string\"},",
            "    {",
            "      \"name\": \"qty\",",
            "      \"type\": [\"null\", {\"type\": \"enum\", \"name\": \"Unit\", \"symbols\": [\"A\", \"B\"]}]",
            "    }",
            "  ]",
            "}");

    @Test
    void objectMembersAreLocatedAtTheirName() {
        JsonSourceLocator index = JsonSourceLocator.of(ORDER);
        assertEquals(new SourceLocation(4, 3, false), index.locate("/fields"));
        assertEquals(new SourceLocation(8, 7, false), index.locate("/fields/1/type"));
        assertEquals(new SourceLocation(5, 20, false), index.locate("/fields/0/type"));
    }

    @Test
    void arrayElementsAreLocatedAtTheirFirstCharacter() {
        JsonSourceLocator index = JsonSourceLocator.of(ORDER);
        assertEquals(new SourceLocation(5, 5, false), index.locate("/fields/0"));
        assertEquals(new SourceLocation(6, 5, false), index.locate("/fields/1"));
        assertEquals(new SourceLocation(8, 24, false), index.locate("/fields/1/type/1"));
        assertEquals(new SourceLocation(8, 74, false), index.locate("/fields/1/type/1/symbols/1"));
    }

    @Test
    void rootAndHashPrefixedPointers() {
        JsonSourceLocator index = JsonSourceLocator.of(ORDER);
        assertEquals(new SourceLocation(1, 1, false), index.locate(""));
        assertEquals(new SourceLocation(1, 1, false), index.locate("/"));
        assertEquals(new SourceLocation(4, 3, false), index.locate("#/fields"));
    }

    @Test
    void aMissingPointerFallsBackToItsNearestAncestorApproximately() {
        JsonSourceLocator index = JsonSourceLocator.of(ORDER);
        SourceLocation location = index.locate("/fields/1/type/1/fields/3/type");
        assertEquals(8, location.line());
        assertEquals(24, location.column());
        assertTrue(location.approximate());
        assertFalse(index.contains("/fields/7"));
        assertEquals(new SourceLocation(4, 3, true), index.locate("/fields/7"));
    }

    @Test
    void escapedPointerSegments() {
        JsonSourceLocator index = JsonSourceLocator.of("{\n \"a/b\": {\"c~d\": 1}\n}");
        assertEquals(new SourceLocation(2, 10, false), index.locate("/a~1b/c~0d"));
    }

    @Test
    void aSyntaxErrorKeepsWhatWasSeenBefore() {
        JsonSourceLocator index = JsonSourceLocator.of("{\n  \"type\": \"record\",\n  \"fields\": [ oops ]\n}");
        assertEquals(new SourceLocation(2, 3, false), index.locate("/type"));
    }

    @Test
    void parseErrorsAreLocatedByLineAndColumnOrByTheNameTheyMention() {
        JsonSourceLocator index = JsonSourceLocator.of(ORDER);
        assertEquals(new SourceLocation(3, 9, false), index.locateError("Invalid JSON at line 3, column 9: unexpected"));
        SourceLocation unit = index.locateError("Invalid schema: Undefined name: \"Unit\"");
        assertEquals(8, unit.line());
        assertEquals(SourceLocation.START, index.locateError("something else entirely"));
        SourceLocation field = index.locateError("Invalid default for field qty of record Order");
        assertEquals(7, field.line());
    }

    @Test
    void findsAvroFullNamesBySimpleName() {
        JsonSourceLocator index = JsonSourceLocator.of("{\"type\": \"com.acme.Money\"}");
        assertTrue(index.findName("Money").isPresent());
        assertTrue(index.findName("com.acme.Money").isPresent());
        assertFalse(index.findName("Other").isPresent());
    }
}
