package dev.accord.core.compat;

import dev.accord.core.schema.ParsedSchema;
import dev.accord.core.schema.SchemaReference;
import dev.accord.core.schema.SchemaType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Set;

import static dev.accord.core.TestSchemas.avro;
import static dev.accord.core.TestSchemas.field;
import static dev.accord.core.TestSchemas.quoted;
import static dev.accord.core.TestSchemas.record;
import static dev.accord.core.TestSchemas.versions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Avro compatibility through {@link CompatibilityChecker}, level by level and rule by rule. */
class AvroCompatibilityTest {

    private static final CompatibilityChecker CHECKER = new CompatibilityChecker();

    private static final String A_INT = field("a", "'int'");
    private static final String V1 = record("R", A_INT);

    static CompatibilityResult check(CompatibilityLevel level, String candidate, String... previousAscending) {
        return CHECKER.check(level, CompatibilityPolicy.STRICT, avro(candidate), versions(previousAscending));
    }

    /** The only change of the only incompatible version, checked for the fields every change must have. */
    static Change onlyChange(CompatibilityResult result) {
        assertFalse(result.compatible(), "expected an incompatibility");
        assertEquals(1, result.incompatibilities().size());
        List<Change> changes = result.incompatibilities().get(0).changes();
        assertEquals(1, changes.size(), () -> "expected one change: " + changes);
        return wellFormed(changes.get(0));
    }

    /** Asserts the parts a user sees: rule, a path on the reader's side, a message, a hint and a direction. */
    static Change wellFormed(Change change) {
        assertTrue(RuleCatalog.find(dev.accord.core.schema.SchemaType.AVRO, change.ruleId()).isPresent(), change.ruleId());
        assertEquals(1, change.breaks().size(), () -> "an Avro change breaks one direction: " + change);
        assertNotNull(change.message());
        assertFalse(change.message().isBlank());
        assertNotNull(change.fixHint());
        assertFalse(change.fixHint().isBlank());
        if (change.breaks(Direction.BACKWARD)) {
            // the new schema reads: the place is in the new schema
            assertNotNull(change.newPath(), () -> "BACKWARD change without newPath: " + change);
            assertTrue(change.oldPath() == null || change.oldPath().startsWith("/"), change::toString);
            assertTrue(change.newPath().startsWith("/"), change.newPath());
            assertTrue(change.message().contains("new schema") || change.ruleId().equals("NAME_MISMATCH"),
                    change.message());
        } else {
            assertTrue(change.breaks(Direction.FORWARD));
            assertNotNull(change.oldPath(), () -> "FORWARD change without oldPath: " + change);
            assertTrue(change.newPath() == null || change.newPath().startsWith("/"), change::toString);
            assertTrue(change.oldPath().startsWith("/"), change.oldPath());
            assertTrue(change.message().contains("old schema") || change.ruleId().equals("NAME_MISMATCH"),
                    change.message());
        }
        return change;
    }

    static void assertRule(String ruleId, Direction direction, String path, Change change) {
        assertEquals(ruleId, change.ruleId());
        assertEquals(Set.of(direction), change.breaks());
        assertEquals(path, direction == Direction.BACKWARD ? change.newPath() : change.oldPath());
    }

    // ---- levels -----------------------------------------------------------------------------------------

    @Nested
    class Levels {

        /** Adds a required field: breaks BACKWARD only. */
        private final String addRequired = record("R", A_INT, field("b", "'string'"));
        /** Removes field a (which has no default in V1): breaks FORWARD only. */
        private final String removeA = record("R", field("b", "'string'", "''"));

        @Test
        void noneAcceptsAnything() {
            assertTrue(check(CompatibilityLevel.NONE, record("R", field("a", "'string'")), V1).compatible());
            assertTrue(check(CompatibilityLevel.NONE, "'int'", V1).compatible());
            assertTrue(check(CompatibilityLevel.NONE, addRequired, V1).compatible());
        }

        @Test
        void noneAcceptsEvenAnotherSchemaType() {
            CompatibilityResult result = CHECKER.check(CompatibilityLevel.NONE, CompatibilityPolicy.STRICT,
                    avro(V1), List.of(new VersionedSchema(1, new JsonStub())));
            assertTrue(result.compatible());
        }

        @ParameterizedTest
        @EnumSource(CompatibilityLevel.class)
        void anythingIsCompatibleWithNoEarlierVersions(CompatibilityLevel level) {
            CompatibilityResult result = CHECKER.check(level, CompatibilityPolicy.STRICT, avro(V1), List.of());
            assertTrue(result.compatible());
            assertEquals(level, result.level());
        }

        @ParameterizedTest
        @EnumSource(CompatibilityLevel.class)
        void identicalSchemaIsCompatibleAtEveryLevel(CompatibilityLevel level) {
            assertTrue(check(level, V1, V1, V1).compatible());
        }

        @Test
        void backwardFailsOnARequiredNewFieldOnly() {
            Change change = onlyChange(check(CompatibilityLevel.BACKWARD, addRequired, V1));
            assertRule("READER_FIELD_MISSING_DEFAULT_VALUE", Direction.BACKWARD, "/fields/1", change);
            assertTrue(check(CompatibilityLevel.BACKWARD, removeA, V1).compatible());
        }

        @Test
        void forwardFailsOnARemovedRequiredFieldOnly() {
            Change change = onlyChange(check(CompatibilityLevel.FORWARD, removeA, V1));
            assertRule("READER_FIELD_MISSING_DEFAULT_VALUE", Direction.FORWARD, "/fields/0", change);
            assertEquals("a", change.detail());
            assertTrue(check(CompatibilityLevel.FORWARD, addRequired, V1).compatible());
        }

        @Test
        void fullFailsOnBoth() {
            assertEquals(Direction.BACKWARD,
                    onlyChange(check(CompatibilityLevel.FULL, addRequired, V1)).breaks().iterator().next());
            assertEquals(Direction.FORWARD,
                    onlyChange(check(CompatibilityLevel.FULL, removeA, V1)).breaks().iterator().next());
            assertTrue(check(CompatibilityLevel.FULL, record("R", A_INT, field("b", "'string'", "''")), V1)
                    .compatible());
        }

        @Test
        void fullReportsBothDirectionsOfOneChange() {
            CompatibilityResult result = check(CompatibilityLevel.FULL, record("R", field("a", "'string'")), V1);
            List<Change> changes = result.incompatibilities().get(0).changes();
            assertEquals(2, changes.size());
            changes.forEach(AvroCompatibilityTest::wellFormed);
            assertRule("TYPE_MISMATCH", Direction.BACKWARD, "/fields/0/type", changes.get(0));
            assertRule("TYPE_MISMATCH", Direction.FORWARD, "/fields/0/type", changes.get(1));
        }

        // v1 {a:int}; v2 adds b with a default; the candidate makes b required: fine against v2 (which has b),
        // but it cannot read v1 data
        private final String[] backwardHistory = {V1, record("R", A_INT, field("b", "'string'", "''"))};
        private final String backwardCandidate = record("R", A_INT, field("b", "'string'"));

        @Test
        void backwardChecksTheLatestVersionOnly() {
            assertTrue(check(CompatibilityLevel.BACKWARD, backwardCandidate, backwardHistory).compatible());
        }

        @Test
        void backwardTransitiveFindsTheOlderVersion() {
            CompatibilityResult result = check(CompatibilityLevel.BACKWARD_TRANSITIVE, backwardCandidate,
                    backwardHistory);
            assertEquals(1, result.incompatibilities().get(0).previous().version());
            assertRule("READER_FIELD_MISSING_DEFAULT_VALUE", Direction.BACKWARD, "/fields/1", onlyChange(result));
        }

        // v1 {a:int, c:string}; v2 gives c a default; the candidate removes c: v2 can read it, v1 cannot
        private final String[] forwardHistory = {record("R", A_INT, field("c", "'string'")),
                record("R", A_INT, field("c", "'string'", "''"))};
        private final String forwardCandidate = V1;

        @Test
        void forwardChecksTheLatestVersionOnly() {
            assertTrue(check(CompatibilityLevel.FORWARD, forwardCandidate, forwardHistory).compatible());
        }

        @Test
        void forwardTransitiveFindsTheOlderVersion() {
            CompatibilityResult result = check(CompatibilityLevel.FORWARD_TRANSITIVE, forwardCandidate,
                    forwardHistory);
            assertEquals(1, result.incompatibilities().get(0).previous().version());
            assertRule("READER_FIELD_MISSING_DEFAULT_VALUE", Direction.FORWARD, "/fields/1", onlyChange(result));
        }

        // v1 {a:int}, v2 {a:long} (registered while the subject was NONE); candidate {a:long}: identical to v2,
        // and long can read int, but v1 (int) cannot read long
        private final String[] fullHistory = {V1, record("R", field("a", "'long'"))};
        private final String fullCandidate = record("R", field("a", "'long'"));

        @Test
        void fullChecksTheLatestVersionOnly() {
            assertTrue(check(CompatibilityLevel.FULL, fullCandidate, fullHistory).compatible());
        }

        @Test
        void fullTransitiveFindsTheOlderVersion() {
            CompatibilityResult result = check(CompatibilityLevel.FULL_TRANSITIVE, fullCandidate, fullHistory);
            assertEquals(1, result.incompatibilities().get(0).previous().version());
            assertRule("TYPE_MISMATCH", Direction.FORWARD, "/fields/0/type", onlyChange(result));
        }

        @Test
        void transitiveStopsAtTheNewestIncompatibleVersion() {
            // the candidate can read neither v1 nor v2 but can read v3
            String v1 = record("R", field("x", "'int'"));
            String v2 = record("R", field("y", "'int'"));
            String v3 = record("R", field("z", "'int'"), field("w", "'int'"));
            String candidate = record("R", field("z", "'int'"));
            CompatibilityResult result = check(CompatibilityLevel.BACKWARD_TRANSITIVE, candidate, v1, v2, v3);
            assertEquals(1, result.incompatibilities().size());
            assertEquals(2, result.incompatibilities().get(0).previous().version());
            assertEquals("z", onlyChange(result).detail());
        }

        @Test
        void nonTransitiveLevelsUseTheHighestVersionEvenIfItIsNotTheLastOneAdded() {
            // "latest" is the last element of the ascending list: v3
            String v1 = record("R", field("x", "'int'"));
            String v3 = record("R", field("z", "'int'"));
            CompatibilityResult result = CHECKER.check(CompatibilityLevel.BACKWARD, CompatibilityPolicy.STRICT,
                    avro(record("R", field("x", "'int'"))),
                    List.of(new VersionedSchema(1, avro(v1)), new VersionedSchema(3, avro(v3))));
            assertEquals(3, result.incompatibilities().get(0).previous().version());
        }

        @Test
        void levelsHaveTheirDirectionsAndTransitivity() {
            assertEquals(Set.of(), CompatibilityLevel.NONE.directions());
            assertEquals(Set.of(Direction.BACKWARD), CompatibilityLevel.BACKWARD.directions());
            assertEquals(Set.of(Direction.FORWARD), CompatibilityLevel.FORWARD_TRANSITIVE.directions());
            assertEquals(Set.of(Direction.BACKWARD, Direction.FORWARD), CompatibilityLevel.FULL.directions());
            assertTrue(CompatibilityLevel.FULL_TRANSITIVE.transitive());
            assertFalse(CompatibilityLevel.FULL.transitive());
            assertEquals(CompatibilityLevel.BACKWARD_TRANSITIVE,
                    CompatibilityLevel.fromName(" backward_transitive ").orElseThrow());
            assertTrue(CompatibilityLevel.fromName("SIDEWAYS").isEmpty());
            assertTrue(CompatibilityLevel.fromName(null).isEmpty());
        }
    }

    // ---- rules ------------------------------------------------------------------------------------------

    @Nested
    class Rules {

        @Test
        void readerFieldMissingDefaultValueUnderBackward() {
            Change change = onlyChange(check(CompatibilityLevel.BACKWARD,
                    record("R", A_INT, field("x", "'string'")), V1));
            assertRule("READER_FIELD_MISSING_DEFAULT_VALUE", Direction.BACKWARD, "/fields/1", change);
            assertEquals("The field 'x' at path '/fields/1' in the new schema has no default value and is missing"
                    + " in the old schema", change.message());
            assertEquals("x", change.detail());
            assertEquals("x", change.newValue());
            assertTrue(change.fixHint().contains("default"), change.fixHint());
        }

        @Test
        void readerFieldMissingDefaultValueUnderForward() {
            Change change = onlyChange(check(CompatibilityLevel.FORWARD, V1,
                    record("R", A_INT, field("x", "'string'"))));
            assertRule("READER_FIELD_MISSING_DEFAULT_VALUE", Direction.FORWARD, "/fields/1", change);
            assertEquals("The field 'x' at path '/fields/1' in the old schema has no default value and is missing"
                    + " in the new schema", change.message());
            assertEquals("x", change.oldValue());
        }

        @Test
        void addingAFieldWithADefaultIsBackwardCompatible() {
            assertTrue(check(CompatibilityLevel.FULL, record("R", A_INT, field("x", "['null','string']", "null")),
                    V1).compatible());
        }

        @Test
        void typeMismatchIntToString() {
            Change change = onlyChange(check(CompatibilityLevel.BACKWARD, record("R", field("a", "'string'")), V1));
            assertRule("TYPE_MISMATCH", Direction.BACKWARD, "/fields/0/type", change);
            assertEquals("The type (path '/fields/0/type') of a field in the new schema does not match with the old"
                    + " schema", change.message());
            assertEquals("int", change.oldValue());
            assertEquals("string", change.newValue());
            assertTrue(change.detail().contains("STRING") && change.detail().contains("INT"), change.detail());
        }

        @Test
        void typeMismatchDeepInsideArraysAndMaps() {
            String old = record("R", field("m", "{'type':'map','values':{'type':'array','items':'int'}}"));
            String neu = record("R", field("m", "{'type':'map','values':{'type':'array','items':'boolean'}}"));
            assertRule("TYPE_MISMATCH", Direction.BACKWARD, "/fields/0/type/values/items",
                    onlyChange(check(CompatibilityLevel.BACKWARD, neu, old)));
        }

        @Test
        void nameMismatchOnRecordRename() {
            Change change = onlyChange(check(CompatibilityLevel.BACKWARD, record("S", A_INT), V1));
            assertRule("NAME_MISMATCH", Direction.BACKWARD, "/name", change);
            assertEquals("R", change.oldValue());
            assertEquals("S", change.newValue());
            assertTrue(change.message().contains("name of the schema has changed"), change.message());
        }

        @Test
        void renameWithTheOldNameAsAliasIsBackwardCompatible() {
            String renamed = "{'type':'record','name':'S','aliases':['R'],'fields':[" + A_INT + "]}";
            assertTrue(check(CompatibilityLevel.BACKWARD, renamed, V1).compatible());
            // the alias helps the new reader only: old readers still expect R
            assertRule("NAME_MISMATCH", Direction.FORWARD, "/name",
                    onlyChange(check(CompatibilityLevel.FORWARD, renamed, V1)));
        }

        @Test
        void renamedNestedRecordIsANameMismatchAtItsPath() {
            String old = record("R", field("p", record("Point", field("x", "'int'"))));
            String neu = record("R", field("p", record("Spot", field("x", "'int'"))));
            assertRule("NAME_MISMATCH", Direction.BACKWARD, "/fields/0/type/name",
                    onlyChange(check(CompatibilityLevel.BACKWARD, neu, old)));
        }

        @Test
        void namespaceChangeIsNotANameMismatchInAvro() {
            // Avro compares unqualified names of records
            assertTrue(check(CompatibilityLevel.FULL, record("com.acme.R", A_INT), V1).compatible());
        }

        @Test
        void enumAndFixedRenamesAreNameMismatches() {
            assertEquals("NAME_MISMATCH", onlyChange(check(CompatibilityLevel.BACKWARD,
                    "{'type':'enum','name':'F','symbols':['A']}", "{'type':'enum','name':'E','symbols':['A']}"))
                    .ruleId());
            assertEquals("NAME_MISMATCH", onlyChange(check(CompatibilityLevel.BACKWARD,
                    "{'type':'fixed','name':'G','size':4}", "{'type':'fixed','name':'F','size':4}")).ruleId());
        }

        @Test
        void fixedSizeMismatch() {
            Change change = onlyChange(check(CompatibilityLevel.BACKWARD,
                    record("R", field("h", "{'type':'fixed','name':'H','size':32}")),
                    record("R", field("h", "{'type':'fixed','name':'H','size':16}"))));
            assertRule("FIXED_SIZE_MISMATCH", Direction.BACKWARD, "/fields/0/type/size", change);
            assertEquals("16", change.oldValue());
            assertEquals("32", change.newValue());
            assertTrue(change.message().contains("size of FIXED type"), change.message());
        }

        private static final String ABC = "{'type':'enum','name':'E','symbols':['A','B','C']}";
        private static final String AB = "{'type':'enum','name':'E','symbols':['A','B']}";
        private static final String AB_DEFAULT_A = "{'type':'enum','name':'E','symbols':['A','B'],'default':'A'}";
        private static final String ABC_DEFAULT_A = "{'type':'enum','name':'E','symbols':['A','B','C'],'default':'A'}";

        @Test
        void removingAnEnumSymbolBreaksBackward() {
            Change change = onlyChange(check(CompatibilityLevel.BACKWARD, AB, ABC));
            assertRule("MISSING_ENUM_SYMBOLS", Direction.BACKWARD, "/symbols", change);
            assertEquals("[C]", change.detail());
            assertEquals("[A, B, C]", change.oldValue());
            assertEquals("[A, B]", change.newValue());
            assertEquals("The new schema is missing enum symbols '[C]' at path '/symbols' in the old schema",
                    change.message());
            assertTrue(check(CompatibilityLevel.FORWARD, AB, ABC).compatible());
        }

        @Test
        void enumDefaultInTheNewReaderMakesARemovedSymbolBackwardCompatible() {
            assertTrue(check(CompatibilityLevel.BACKWARD, AB_DEFAULT_A, ABC).compatible());
        }

        @Test
        void enumDefaultOnlyInTheOldWriterDoesNotHelpBackward() {
            assertEquals("MISSING_ENUM_SYMBOLS", onlyChange(check(CompatibilityLevel.BACKWARD, AB, ABC_DEFAULT_A))
                    .ruleId());
        }

        @Test
        void addingAnEnumSymbolBreaksForwardUnlessTheOldReaderHasADefault() {
            Change change = onlyChange(check(CompatibilityLevel.FORWARD, ABC, AB));
            assertRule("MISSING_ENUM_SYMBOLS", Direction.FORWARD, "/symbols", change);
            assertEquals("The old schema is missing enum symbols '[C]' at path '/symbols' in the new schema",
                    change.message());
            assertTrue(check(CompatibilityLevel.BACKWARD, ABC, AB).compatible());
            assertTrue(check(CompatibilityLevel.FULL, ABC_DEFAULT_A, AB_DEFAULT_A).compatible());
        }

        @Test
        void enumInsideARecordField() {
            assertRule("MISSING_ENUM_SYMBOLS", Direction.BACKWARD, "/fields/0/type/symbols",
                    onlyChange(check(CompatibilityLevel.BACKWARD, record("R", field("e", AB)),
                            record("R", field("e", ABC)))));
        }

        @Test
        void missingUnionBranchWhenABranchIsRemoved() {
            Change change = onlyChange(check(CompatibilityLevel.BACKWARD,
                    record("R", field("u", "['null','int']")), record("R", field("u", "['null','int','string']"))));
            assertRule("MISSING_UNION_BRANCH", Direction.BACKWARD, "/fields/0/type", change);
            assertEquals("/fields/0/type/2", change.oldPath(), "the old union's branch the new one lacks");
            assertTrue(change.detail().contains("STRING"), change.detail());
            assertEquals("The new schema is missing a type inside a union field at path '/fields/0/type/2' in the"
                    + " old schema", change.message());
        }

        @Test
        void addingAUnionBranchBreaksForwardOnly() {
            String two = record("R", field("u", "['null','int']"));
            String three = record("R", field("u", "['null','int','string']"));
            assertTrue(check(CompatibilityLevel.BACKWARD, three, two).compatible());
            Change change = onlyChange(check(CompatibilityLevel.FORWARD, three, two));
            assertRule("MISSING_UNION_BRANCH", Direction.FORWARD, "/fields/0/type", change);
            assertEquals("/fields/0/type/2", change.newPath(), "the new union's branch the old one lacks");
        }

        @Test
        void makingAFieldNullableIsBackwardButNotForwardCompatible() {
            String nullable = record("R", field("a", "['null','int']", "null"));
            assertTrue(check(CompatibilityLevel.BACKWARD, nullable, V1).compatible());
            // the old reader (int) cannot read the "null" branch the new writer may write
            Change change = onlyChange(check(CompatibilityLevel.FORWARD, nullable, V1));
            assertRule("TYPE_MISMATCH", Direction.FORWARD, "/fields/0/type/0", change);
            assertTrue(change.detail().contains("NULL"), change.detail());
        }

        private String withUnionOf(String recordSchema) {
            return record("Envelope", field("payload", "['null'," + recordSchema + "]", "null"));
        }

        @Test
        void incompatibleChangeOfARecordInsideAUnionIsDetected() {
            String oldInner = record("Payload", A_INT);
            String newInner = record("Payload", A_INT, field("b", "'string'"));
            Change change = onlyChange(check(CompatibilityLevel.BACKWARD, withUnionOf(newInner), withUnionOf(oldInner)));
            // Avro reports that no branch of the new union can read the old record
            assertRule("MISSING_UNION_BRANCH", Direction.BACKWARD, "/fields/0/type", change);
            assertEquals("/fields/0/type/1", change.oldPath());
            assertTrue(change.detail().contains("RECORD"), change.detail());
        }

        @Test
        void typeChangeOfARecordInsideAUnionIsDetectedUnderForwardToo() {
            String oldInner = record("Payload", A_INT);
            String newInner = record("Payload", field("a", "'string'"));
            CompatibilityResult result = check(CompatibilityLevel.FULL, withUnionOf(newInner), withUnionOf(oldInner));
            List<Change> changes = result.incompatibilities().get(0).changes();
            changes.forEach(AvroCompatibilityTest::wellFormed);
            assertEquals(Set.of(Direction.BACKWARD, Direction.FORWARD),
                    Set.of(changes.get(0).breaks().iterator().next(), changes.get(1).breaks().iterator().next()));
        }

        @Test
        void compatibleChangeOfARecordInsideAUnionStaysCompatible() {
            String oldInner = record("Payload", A_INT);
            String newInner = record("Payload", A_INT, field("b", "'string'", "''"));
            assertTrue(check(CompatibilityLevel.FULL, withUnionOf(newInner), withUnionOf(oldInner)).compatible());
        }

        @Test
        void renamingAFieldWithTheOldNameAsAliasIsBackwardCompatible() {
            String renamed = record("R", "{'name':'b','aliases':['a'],'type':'int'}");
            assertTrue(check(CompatibilityLevel.BACKWARD, renamed, V1).compatible());
            // without the alias the new field is simply required and missing from old data
            assertRule("READER_FIELD_MISSING_DEFAULT_VALUE", Direction.BACKWARD, "/fields/0",
                    onlyChange(check(CompatibilityLevel.BACKWARD, record("R", field("b", "'int'")), V1)));
            // old readers know no alias: under FORWARD field a is missing
            assertRule("READER_FIELD_MISSING_DEFAULT_VALUE", Direction.FORWARD, "/fields/0",
                    onlyChange(check(CompatibilityLevel.FORWARD, renamed, V1)));
        }

        @Test
        void everyIncompatibleFieldIsReported() {
            String old = record("R", field("a", "'int'"), field("b", "'int'"));
            String neu = record("R", field("a", "'string'"), field("b", "'boolean'"), field("c", "'int'"));
            List<Change> changes = check(CompatibilityLevel.BACKWARD, neu, old).incompatibilities().get(0).changes();
            assertEquals(List.of("TYPE_MISMATCH", "TYPE_MISMATCH", "READER_FIELD_MISSING_DEFAULT_VALUE"),
                    changes.stream().map(Change::ruleId).toList());
            assertEquals(List.of("/fields/0/type", "/fields/1/type", "/fields/2"),
                    changes.stream().map(Change::newPath).toList());
        }

        @Test
        void schemaTypeChanged() {
            CompatibilityResult result = CHECKER.check(CompatibilityLevel.BACKWARD, CompatibilityPolicy.STRICT,
                    avro(V1), List.of(new VersionedSchema(4, new JsonStub())));
            assertFalse(result.compatible());
            assertEquals(4, result.incompatibilities().get(0).previous().version());
            Change change = result.incompatibilities().get(0).changes().get(0);
            assertEquals("SCHEMA_TYPE_CHANGED", change.ruleId());
            assertEquals(Set.of(Direction.BACKWARD, Direction.FORWARD), change.breaks());
            assertEquals("JSON", change.oldValue());
            assertEquals("AVRO", change.newValue());
            assertEquals("", change.oldPath());
            assertEquals("", change.newPath());
            assertEquals("Incompatible because of different schema type", change.message());
            assertFalse(change.fixHint().isBlank());
        }

        @ParameterizedTest
        @EnumSource(value = CompatibilityLevel.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
        void schemaTypeChangedBreaksEveryLevelButNone(CompatibilityLevel level) {
            CompatibilityResult result = CHECKER.check(level, CompatibilityPolicy.STRICT, avro(V1),
                    List.of(new VersionedSchema(1, new JsonStub())));
            assertEquals("SCHEMA_TYPE_CHANGED", result.incompatibilities().get(0).changes().get(0).ruleId());
        }
    }

    // ---- promotions -------------------------------------------------------------------------------------

    @Nested
    class Promotions {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({"int,long", "int,float", "int,double", "long,float", "long,double", "float,double"})
        void numericWideningIsBackwardCompatibleButNotForward(String from, String to) {
            String old = record("R", field("n", quoted(from)));
            String neu = record("R", field("n", quoted(to)));
            assertTrue(check(CompatibilityLevel.BACKWARD, neu, old).compatible());
            Change forward = onlyChange(check(CompatibilityLevel.FORWARD, neu, old));
            assertRule("TYPE_MISMATCH", Direction.FORWARD, "/fields/0/type", forward);
            assertEquals(from, forward.oldValue());
            assertEquals(to, forward.newValue());
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({"long,int", "float,int", "double,int", "float,long", "double,long", "double,float"})
        void numericNarrowingBreaksBackward(String from, String to) {
            assertRule("TYPE_MISMATCH", Direction.BACKWARD, "/fields/0/type",
                    onlyChange(check(CompatibilityLevel.BACKWARD, record("R", field("n", quoted(to))),
                            record("R", field("n", quoted(from))))));
        }

        @ParameterizedTest(name = "{0} <-> {1}")
        @CsvSource({"string,bytes", "bytes,string"})
        void stringAndBytesPromoteBothWays(String from, String to) {
            assertTrue(check(CompatibilityLevel.FULL_TRANSITIVE, record("R", field("s", quoted(to))),
                    record("R", field("s", quoted(from)))).compatible());
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({"int,string", "string,int", "bytes,long", "boolean,int", "int,boolean", "null,int"})
        void unrelatedPrimitivesDoNotPromote(String from, String to) {
            assertEquals("TYPE_MISMATCH", onlyChange(check(CompatibilityLevel.BACKWARD,
                    record("R", field("v", quoted(to))), record("R", field("v", quoted(from))))).ruleId());
        }

        @Test
        void promotionAppliesInsideArraysAndMaps() {
            String old = record("R", field("xs", "{'type':'array','items':'int'}"));
            String neu = record("R", field("xs", "{'type':'array','items':'long'}"));
            assertTrue(check(CompatibilityLevel.BACKWARD, neu, old).compatible());
            assertRule("TYPE_MISMATCH", Direction.FORWARD, "/fields/0/type/items",
                    onlyChange(check(CompatibilityLevel.FORWARD, neu, old)));
        }
    }

    /** A stand-in for a schema of another format: only its type matters to the checker. */
    static final class JsonStub implements ParsedSchema {
        @Override
        public SchemaType type() {
            return SchemaType.JSON;
        }

        @Override
        public String canonical() {
            return "{\"type\":\"object\"}";
        }

        @Override
        public String fingerprint() {
            return "json-stub";
        }

        @Override
        public List<SchemaReference> references() {
            return List.of();
        }

        @Override
        public String resolved() {
            return canonical();
        }
    }

    @Test
    void unknownRuleWouldBeAProgrammingError() {
        // guard for the helper above: a change not in the catalogue must fail the well-formedness check
        Change bogus = new Change("NOT_A_RULE", null, "/x", null, null, "m", "h", null, Set.of(Direction.BACKWARD));
        try {
            wellFormed(bogus);
        } catch (AssertionError expected) {
            return;
        }
        fail("wellFormed accepted a rule missing from the catalogue");
    }
}
