package dev.accord.maven.schema;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonLocationsTest {

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
        JsonLocations index = JsonLocations.of(ORDER);
        assertEquals(new Location(4, 3, false), index.locate("/fields"));
        assertEquals(new Location(8, 7, false), index.locate("/fields/1/type"));
        assertEquals(new Location(5, 20, false), index.locate("/fields/0/type"));
    }

    @Test
    void arrayElementsAreLocatedAtTheirFirstCharacter() {
        JsonLocations index = JsonLocations.of(ORDER);
        assertEquals(new Location(5, 5, false), index.locate("/fields/0"));
        assertEquals(new Location(6, 5, false), index.locate("/fields/1"));
        assertEquals(new Location(8, 24, false), index.locate("/fields/1/type/1"));
        assertEquals(new Location(8, 74, false), index.locate("/fields/1/type/1/symbols/1"));
    }

    @Test
    void rootAndHashPrefixedPointers() {
        JsonLocations index = JsonLocations.of(ORDER);
        assertEquals(new Location(1, 1, false), index.locate(""));
        assertEquals(new Location(1, 1, false), index.locate("/"));
        assertEquals(new Location(4, 3, false), index.locate("#/fields"));
    }

    @Test
    void aMissingPointerFallsBackToItsNearestAncestorApproximately() {
        JsonLocations index = JsonLocations.of(ORDER);
        Location location = index.locate("/fields/1/type/1/fields/3/type");
        assertEquals(8, location.line());
        assertEquals(24, location.column());
        assertTrue(location.approximate());
        assertFalse(index.contains("/fields/7"));
        assertEquals(new Location(4, 3, true), index.locate("/fields/7"));
    }

    @Test
    void escapedPointerSegments() {
        JsonLocations index = JsonLocations.of("{\n \"a/b\": {\"c~d\": 1}\n}");
        assertEquals(new Location(2, 10, false), index.locate("/a~1b/c~0d"));
    }

    @Test
    void aSyntaxErrorKeepsWhatWasSeenBefore() {
        JsonLocations index = JsonLocations.of("{\n  \"type\": \"record\",\n  \"fields\": [ oops ]\n}");
        assertEquals(new Location(2, 3, false), index.locate("/type"));
    }

    @Test
    void parseErrorsAreLocatedByLineAndColumnOrByTheNameTheyMention() {
        JsonLocations index = JsonLocations.of(ORDER);
        assertEquals(new Location(3, 9, false), index.locateError("Invalid JSON at line 3, column 9: unexpected"));
        Location unit = index.locateError("Invalid schema: Undefined name: \"Unit\"");
        assertEquals(8, unit.line());
        assertEquals(Location.START, index.locateError("something else entirely"));
        Location field = index.locateError("Invalid default for field qty of record Order");
        assertEquals(7, field.line());
    }

    @Test
    void findsAvroFullNamesBySimpleName() {
        JsonLocations index = JsonLocations.of("{\"type\": \"com.acme.Money\"}");
        assertTrue(index.findString("Money").isPresent());
        assertTrue(index.findString("com.acme.Money").isPresent());
        assertFalse(index.findString("Other").isPresent());
    }
}
