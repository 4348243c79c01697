package dev.accord.core.protobuf;

import dev.accord.core.compat.Change;
import dev.accord.core.compat.CompatibilityChecker;
import dev.accord.core.compat.CompatibilityLevel;
import dev.accord.core.compat.CompatibilityPolicy;
import dev.accord.core.compat.CompatibilityResult;
import dev.accord.core.compat.ConfluentMessages;
import dev.accord.core.compat.Direction;
import dev.accord.core.compat.VersionedSchema;
import dev.accord.core.format.SchemaFormats;
import dev.accord.core.format.SourceLocation;
import dev.accord.core.format.SourceLocator;
import dev.accord.core.schema.SchemaReference;
import dev.accord.core.schema.SchemaType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static dev.accord.core.protobuf.ProtoTestSchemas.files;
import static dev.accord.core.protobuf.ProtoTestSchemas.proto;
import static dev.accord.core.protobuf.ProtoTestSchemas.proto3;
import static dev.accord.core.protobuf.ProtoTestSchemas.versions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProtobufCompatibilityTest {

    private static final CompatibilityChecker CHECKER = new CompatibilityChecker();

    private static List<Change> diff(String oldText, String newText) {
        return CHECKER.diff(proto(oldText), proto(newText), EnumSet.allOf(Direction.class),
                CompatibilityPolicy.STRICT);
    }

    private static boolean compatible(CompatibilityLevel level, String candidate, String... previous) {
        return CHECKER.check(level, CompatibilityPolicy.STRICT, proto(candidate), versions(previous)).compatible();
    }

    @Nested
    class Levels {

        static final String V1 = proto3("message Order { string id = 1; }");
        static final String V2 = proto3("message Order { string id = 1; int32 qty = 2; }");
        static final String V3 = proto3("message Order { string id = 1; string qty = 2; }");
        static final String V4 = proto3("message Order { string id = 1; }");

        @Test
        void aFieldAddedIsCompatibleEveryWay() {
            for (CompatibilityLevel level : CompatibilityLevel.values()) {
                assertTrue(compatible(level, V2, V1), level::name);
            }
        }

        @Test
        void nonTransitiveLevelsCheckOnlyTheLatestVersion() {
            // v4 drops qty (fine against v3), but v2 wrote qty as int32 and v3 as string: transitive levels see v2 and v3
            assertTrue(compatible(CompatibilityLevel.BACKWARD, V4, V1, V2, V3));
            assertTrue(compatible(CompatibilityLevel.BACKWARD_TRANSITIVE, V4, V1, V2, V3));
            String v5 = proto3("message Order { string id = 1; int64 qty = 2; }");
            assertTrue(compatible(CompatibilityLevel.BACKWARD, v5, V1, V2, V4));
            assertFalse(compatible(CompatibilityLevel.BACKWARD_TRANSITIVE, v5, V1, V2, V3, V4));
            assertFalse(compatible(CompatibilityLevel.FULL_TRANSITIVE, v5, V1, V2, V3, V4));
            assertTrue(compatible(CompatibilityLevel.FULL, v5, V1, V2, V4));
        }

        @Test
        void transitiveLevelsReportTheNewestIncompatibleVersion() {
            String v5 = proto3("message Order { string id = 1; int64 qty = 2; }");
            CompatibilityResult result = CHECKER.check(CompatibilityLevel.BACKWARD_TRANSITIVE,
                    CompatibilityPolicy.STRICT, proto(v5), versions(V1, V2, V3, V4));
            assertEquals(3, result.incompatibilities().get(0).previous().version());
            Change change = result.incompatibilities().get(0).changes().get(0);
            assertEquals("FIELD_SCALAR_KIND_CHANGED", change.ruleId());
            assertEquals("/Order/fields/2", change.oldPath());
            assertEquals("/Order/fields/2", change.newPath());
            assertEquals("string", change.oldValue());
            assertEquals("int64", change.newValue());
            assertTrue(change.fixHint().contains("within its group"), change.fixHint());
        }

        @ParameterizedTest
        @EnumSource(CompatibilityLevel.class)
        void addingAMessageBreaksOnlyTheLevelsThatCheckForward(CompatibilityLevel level) {
            String more = V1 + " message Extra { string x = 1; }";
            boolean forward = level.directions().contains(Direction.FORWARD);
            assertEquals(!forward, compatible(level, more, V1), level::name);
        }

        @Test
        void noneAcceptsAnything() {
            assertTrue(compatible(CompatibilityLevel.NONE, "syntax = \"proto3\"; package other; message X {}", V1));
        }
    }

    @Nested
    class WireGroups {

        private boolean backward(String oldType, String newType) {
            return compatible(CompatibilityLevel.BACKWARD, proto3("message M { " + newType + " f = 1; }"),
                    proto3("message M { " + oldType + " f = 1; }"));
        }

        @Test
        void typesChangeWithinTheirWireGroup() {
            String[][] groups = {{"int32", "int64", "uint32", "uint64", "bool"}, {"sint32", "sint64"},
                    {"fixed32", "sfixed32"}, {"fixed64", "sfixed64"}, {"string", "bytes"}};
            for (String[] group : groups) {
                for (String a : group) {
                    for (String b : group) {
                        assertTrue(backward(a, b), a + " -> " + b);
                    }
                }
            }
            assertFalse(backward("int32", "sint32"));
            assertFalse(backward("fixed32", "fixed64"));
            assertFalse(backward("float", "double"));
            assertFalse(backward("int64", "string"));
        }

        @Test
        void enumsAreNumbersOnTheWire() {
            String withEnum = proto3("enum E { A = 0; } message M { E f = 1; }");
            String withInt = proto3("enum E { A = 0; } message M { int32 f = 1; }");
            assertTrue(compatible(CompatibilityLevel.FULL, withInt, withEnum));
            String withString = proto3("enum E { A = 0; } message M { string f = 1; }");
            assertFalse(compatible(CompatibilityLevel.BACKWARD, withString, withEnum));
        }

        @Test
        void mapKeysAndValuesAreCompared() {
            String v1 = proto3("message M { map<string, int32> m = 1; }");
            assertTrue(compatible(CompatibilityLevel.FULL, proto3("message M { map<string, int64> m = 1; }"), v1));
            List<Change> changes = diff(v1, proto3("message M { map<int32, int32> m = 1; }"));
            assertEquals("FIELD_SCALAR_KIND_CHANGED", changes.get(0).ruleId());
            changes = diff(v1, proto3("message M { repeated int32 m = 1; }"));
            assertEquals("FIELD_KIND_CHANGED", changes.get(0).ruleId());
            assertEquals("map<string, int32>", changes.get(0).oldValue());
        }
    }

    @Nested
    class Imports {

        static final String MONEY_V1 = "syntax = \"proto3\"; package acme.common; message Money { int64 units = 1; }";
        static final String MONEY_V2 = "syntax = \"proto3\"; package acme.common; message Money { string units = 1; }";
        static final String ORDER = "syntax = \"proto3\"; package acme; import \"acme/common/money.proto\";"
                + " message Order { acme.common.Money total = 1; }";

        private ProtobufSchema order(String money) {
            return new ProtobufSchemaParser().parse(ORDER,
                    List.of(new SchemaReference("acme/common/money.proto", "money", 1)),
                    files(Map.of("money", money), Map.of()), false);
        }

        @Test
        void aChangeInsideAnImportedMessageIsFoundWithTheImportInItsPath() {
            CompatibilityResult result = CHECKER.check(CompatibilityLevel.BACKWARD, CompatibilityPolicy.STRICT,
                    order(MONEY_V2), List.of(new VersionedSchema(1, order(MONEY_V1))));
            assertFalse(result.compatible());
            Change change = result.incompatibilities().get(0).changes().get(0);
            assertEquals("FIELD_SCALAR_KIND_CHANGED", change.ruleId());
            assertEquals("acme/common/money.proto#/Money/fields/1", change.newPath());
        }

        @Test
        void theSameImportIsCompatible() {
            assertTrue(CHECKER.check(CompatibilityLevel.FULL_TRANSITIVE, CompatibilityPolicy.STRICT, order(MONEY_V1),
                    List.of(new VersionedSchema(1, order(MONEY_V1)))).compatible());
        }

        @Test
        void wellKnownTypesAreComparedByName() {
            String v1 = proto3("import \"google/protobuf/timestamp.proto\"; message M { google.protobuf.Timestamp t = 1; }");
            String v2 = proto3("import \"google/protobuf/duration.proto\"; message M { google.protobuf.Duration t = 1; }");
            List<Change> changes = diff(v1, v2);
            assertEquals("FIELD_NAMED_TYPE_CHANGED", changes.get(0).ruleId());
            assertEquals("google.protobuf.Timestamp", changes.get(0).oldValue());
        }
    }

    @Test
    void aPackageChangeShowsOnceAndNotAsEveryMessageRemoved() {
        List<Change> changes = diff(proto3("message A { int32 x = 1; }"),
                "syntax = \"proto3\"; package acme.v2; message A { int32 x = 1; }");
        assertEquals(List.of("PACKAGE_CHANGED"), changes.stream().map(Change::ruleId).toList());
        assertEquals("acme", changes.get(0).oldValue());
        assertEquals("acme.v2", changes.get(0).newValue());
    }

    @Test
    void renamingAFieldIsCompatibleBecauseTheWireCarriesNumbers() {
        String v1 = proto3("message A { int32 count = 1; }");
        String v2 = proto3("message A { int32 quantity = 1; }");
        assertTrue(compatible(CompatibilityLevel.FULL_TRANSITIVE, v2, v1));
        assertEquals("FIELD_NAME_CHANGED", diff(v1, v2).get(0).ruleId());
    }

    @Test
    void confluentMessagesNameTheDifferenceType() {
        CompatibilityResult result = CHECKER.check(CompatibilityLevel.BACKWARD, CompatibilityPolicy.STRICT,
                proto(proto3("message A { string x = 1; }")), versions(proto3("message A { int32 x = 1; }")));
        List<String> messages = ConfluentMessages.render(result);
        assertTrue(messages.get(0).startsWith("{errorType:'FIELD_SCALAR_KIND_CHANGED', description:'Field 'x' at"
                + " '/A/fields/1' changed its type from int32 to string"), messages.get(0));
        assertTrue(messages.get(messages.size() - 1).contains("compatibility: 'BACKWARD'"));
    }

    @Test
    void theLocatorFindsEveryPathInTheText() {
        String text = """
                syntax = "proto3";
                package acme;

                message Order {
                  string id = 1;
                  oneof pay {
                    string card = 2;
                  }
                  message Line {
                    int32 n = 1;
                  }
                }
                enum Status {
                  UNKNOWN = 0;
                  DONE = 1;
                }
                """;
        SourceLocator locator = SchemaFormats.of(SchemaType.PROTOBUF).locator(text);
        assertEquals(new SourceLocation(2, 1, false), locator.locate("/package"));
        assertEquals(new SourceLocation(4, 1, false), locator.locate("/Order"));
        assertEquals(new SourceLocation(5, 3, false), locator.locate("/Order/fields/1"));
        assertEquals(new SourceLocation(7, 5, false), locator.locate("/Order/fields/2"));
        assertEquals(new SourceLocation(6, 3, false), locator.locate("/Order/oneofs/pay"));
        assertEquals(new SourceLocation(10, 5, false), locator.locate("/Order/Line/fields/1"));
        assertEquals(new SourceLocation(15, 3, false), locator.locate("/Status/values/1"));
        SourceLocation missing = locator.locate("/Order/fields/9");
        assertEquals(4, missing.line());
        assertTrue(missing.approximate());
        assertEquals(new SourceLocation(7, 12, true), locator.locateError(
                "Invalid Protobuf schema: field 'card' = 2 of message Order: number 2 is reserved"));
        assertEquals(new SourceLocation(3, 7, false), SchemaFormats.of(SchemaType.PROTOBUF)
                .locator("syntax = \"proto3\";\nmessage A {\n  strin g x = 1;\n}\n")
                .locateError("Invalid Protobuf schema at line 3, column 7: expected '='"));
    }
}
