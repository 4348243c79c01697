package dev.accord.core.compat;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.accord.core.TestSchemas.avro;
import static dev.accord.core.TestSchemas.field;
import static dev.accord.core.TestSchemas.record;
import static dev.accord.core.TestSchemas.versions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code messages} of Confluent's verbose compatibility answer, as tools print and parse them. */
class ConfluentMessagesTest {

    private static final CompatibilityChecker CHECKER = new CompatibilityChecker();
    private static final String V1 = record("R", field("a", "'int'"));
    private static final String V1_CANONICAL = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\","
            + "\"type\":\"int\"}]}";

    private static List<String> render(CompatibilityLevel level, String candidate, String... previous) {
        return ConfluentMessages.render(CHECKER.check(level, CompatibilityPolicy.STRICT, avro(candidate),
                versions(previous)));
    }

    @Test
    void backwardMissingDefault() {
        assertEquals(List.of(
                "{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'x' at path '/fields/1' in"
                        + " the new schema has no default value and is missing in the old schema', additionalInfo:'x'}",
                "{oldSchemaVersion: 1}",
                "{oldSchema: '" + V1_CANONICAL + "'}",
                "{validateFields: 'false', compatibility: 'BACKWARD'}"),
                render(CompatibilityLevel.BACKWARD, record("R", field("a", "'int'"), field("x", "'string'")), V1));
    }

    @Test
    void forwardMissingDefaultNamesTheOldSchemaAsReader() {
        List<String> messages = render(CompatibilityLevel.FORWARD, V1,
                record("R", field("a", "'int'"), field("x", "'string'")));
        assertEquals("{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'x' at path"
                + " '/fields/1' in the old schema has no default value and is missing in the new schema',"
                + " additionalInfo:'x'}", messages.get(0));
        assertEquals("{validateFields: 'false', compatibility: 'FORWARD'}", messages.get(messages.size() - 1));
    }

    @Test
    void typeMismatchUnderFullListsBothDirectionsBeforeTheVersion() {
        List<String> messages = render(CompatibilityLevel.FULL, record("R", field("a", "'string'")), V1);
        assertEquals(List.of(
                "{errorType:'TYPE_MISMATCH', description:'The type (path '/fields/0/type') of a field in the new"
                        + " schema does not match with the old schema', additionalInfo:'reader type: STRING not"
                        + " compatible with writer type: INT'}",
                "{errorType:'TYPE_MISMATCH', description:'The type (path '/fields/0/type') of a field in the old"
                        + " schema does not match with the new schema', additionalInfo:'reader type: INT not"
                        + " compatible with writer type: STRING'}",
                "{oldSchemaVersion: 1}",
                "{oldSchema: '" + V1_CANONICAL + "'}",
                "{validateFields: 'false', compatibility: 'FULL'}"), messages);
    }

    @Test
    void transitiveNamesTheOlderVersionThatFailed() {
        List<String> messages = render(CompatibilityLevel.BACKWARD_TRANSITIVE,
                record("R", field("a", "'int'"), field("b", "'string'")),
                V1, record("R", field("a", "'int'"), field("b", "'string'", "''")));
        assertEquals("{oldSchemaVersion: 1}", messages.get(1));
        assertEquals("{oldSchema: '" + V1_CANONICAL + "'}", messages.get(2));
        assertEquals("{validateFields: 'false', compatibility: 'BACKWARD_TRANSITIVE'}", messages.get(3));
    }

    @Test
    void enumAndUnionMessages() {
        assertEquals("{errorType:'MISSING_ENUM_SYMBOLS', description:'The new schema is missing enum symbols '[C]'"
                        + " at path '/symbols' in the old schema', additionalInfo:'[C]'}",
                render(CompatibilityLevel.BACKWARD, "{'type':'enum','name':'E','symbols':['A','B']}",
                        "{'type':'enum','name':'E','symbols':['A','B','C']}").get(0));
        assertEquals("{errorType:'MISSING_UNION_BRANCH', description:'The new schema is missing a type inside a"
                        + " union field at path '/1' in the old schema', additionalInfo:'reader union lacking writer"
                        + " type: STRING'}",
                render(CompatibilityLevel.BACKWARD, "['null']", "['null','string']").get(0));
        assertEquals("{errorType:'NAME_MISMATCH', description:'The name of the schema has changed (path '/name')',"
                        + " additionalInfo:'expected: R'}",
                render(CompatibilityLevel.BACKWARD, record("S", field("a", "'int'")), V1).get(0));
        assertEquals("{errorType:'FIXED_SIZE_MISMATCH', description:'The size of FIXED type field at path '/size'"
                        + " in the new schema does not match with the old schema', additionalInfo:'expected: 3,"
                        + " found: 2'}",
                render(CompatibilityLevel.BACKWARD, "{'type':'fixed','name':'F','size':2}",
                        "{'type':'fixed','name':'F','size':3}").get(0));
    }

    @Test
    void compatibleResultHasNoMessages() {
        assertEquals(List.of(), render(CompatibilityLevel.BACKWARD, V1, V1));
        assertEquals(List.of(), render(CompatibilityLevel.NONE, "'string'", V1));
    }

    @Test
    void changeWithoutDetailHasNoAdditionalInfo() {
        Change change = new Change("SCHEMA_TYPE_CHANGED", "", "", "JSON", "AVRO",
                "Incompatible because of different schema type", "hint", null,
                Set.of(Direction.BACKWARD, Direction.FORWARD));
        assertEquals("{errorType:'SCHEMA_TYPE_CHANGED', description:'Incompatible because of different schema type'}",
                ConfluentMessages.render(change));
    }

    @Test
    void longOldSchemaIsCutAt10KiB() {
        StringBuilder fields = new StringBuilder(field("f0", "'int'"));
        for (int i = 1; i < 600; i++) {
            fields.append(',').append(field("f" + i, "'int'"));
        }
        String big = record("Big", fields.toString());
        assertTrue(avro(big).canonical().length() > ConfluentMessages.MAX_OLD_SCHEMA_CHARS);
        List<String> messages = render(CompatibilityLevel.BACKWARD, record("Big", field("f0", "'string'")), big);
        String oldSchema = messages.stream().filter(m -> m.startsWith("{oldSchema: '")).findFirst().orElseThrow();
        assertEquals("{oldSchema: '".length() + ConfluentMessages.MAX_OLD_SCHEMA_CHARS + "'}".length(),
                oldSchema.length());
        assertTrue(oldSchema.startsWith("{oldSchema: '{\"type\":\"record\",\"name\":\"Big\""), oldSchema);
    }
}
