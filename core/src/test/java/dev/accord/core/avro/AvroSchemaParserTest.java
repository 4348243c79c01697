package dev.accord.core.avro;

import dev.accord.core.schema.CanonicalJson;
import dev.accord.core.schema.InvalidSchemaException;
import dev.accord.core.schema.ParsedSchema;
import dev.accord.core.schema.ReferenceResolver;
import dev.accord.core.schema.SchemaParsers;
import dev.accord.core.schema.SchemaType;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.accord.core.TestSchemas.avro;
import static dev.accord.core.TestSchemas.field;
import static dev.accord.core.TestSchemas.json;
import static dev.accord.core.TestSchemas.quoted;
import static dev.accord.core.TestSchemas.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parsing and validation of single Avro schemas (references: {@link AvroReferencesTest}). */
class AvroSchemaParserTest {

    private final AvroSchemaParser parser = new AvroSchemaParser();

    private InvalidSchemaException rejects(String text) {
        return assertThrows(InvalidSchemaException.class,
                () -> parser.parse(text, List.of(), ReferenceResolver.NONE));
    }

    private static void assertContains(String expected, String actual) {
        assertTrue(actual != null && actual.contains(expected),
                () -> "expected to contain <" + expected + "> but was <" + actual + ">");
    }

    // ---- valid schemas ------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"null", "boolean", "int", "long", "float", "double", "bytes", "string"})
    void parsesEveryPrimitive(String primitive) {
        AvroSchema schema = avro(quoted(primitive));
        assertEquals(Schema.Type.valueOf(primitive.toUpperCase()), schema.schema().getType());
        assertEquals("\"" + primitive + "\"", schema.canonical());
        assertEquals(SchemaType.AVRO, schema.type());
        assertTrue(schema.references().isEmpty());
    }

    @Test
    void primitiveInObjectFormIsTheSameSchemaAsTheBareName() {
        assertEquals(avro("'long'").canonical(), avro("{'type':'long'}").canonical());
        assertEquals(avro("'long'").fingerprint(), avro("{'type':'long'}").fingerprint());
    }

    @Test
    void parsesARecordWithEveryKindOfType() {
        AvroSchema schema = avro("""
                {'type':'record','name':'Order','namespace':'com.acme','doc':'An order',
                 'fields':[
                   {'name':'id','type':'string'},
                   {'name':'amount','type':{'type':'bytes','logicalType':'decimal','precision':9,'scale':2}},
                   {'name':'status','type':{'type':'enum','name':'Status','symbols':['NEW','PAID'],'default':'NEW'}},
                   {'name':'hash','type':{'type':'fixed','name':'Md5','size':16}},
                   {'name':'tags','type':{'type':'array','items':'string'},'default':[]},
                   {'name':'attrs','type':{'type':'map','values':'long'},'default':{}},
                   {'name':'note','type':['null','string'],'default':null},
                   {'name':'at','type':{'type':'long','logicalType':'timestamp-millis'}},
                   {'name':'next','type':['null','Order'],'default':null}
                 ]}""");
        Schema avro = schema.schema();
        assertEquals("com.acme.Order", avro.getFullName());
        assertEquals(9, avro.getFields().size());
        assertEquals(Schema.Type.ENUM, avro.getField("status").schema().getType());
        assertEquals(16, avro.getField("hash").schema().getFixedSize());
        assertEquals("decimal", avro.getField("amount").schema().getLogicalType().getName());
        // the recursive reference resolves to the record itself
        assertSame(avro, avro.getField("next").schema().getTypes().get(1));
    }

    @Test
    void schemaParsersDispatchesAvroAndTreatsNullReferencesAsNone() {
        ParsedSchema parsed = new SchemaParsers().parse(SchemaType.AVRO, json(record("R", field("a", "'int'"))),
                null, ReferenceResolver.NONE);
        assertEquals(SchemaType.AVRO, parsed.type());
        assertTrue(parsed.references().isEmpty());
        assertEquals(avro(record("R", field("a", "'int'"))).fingerprint(), parsed.fingerprint());
        assertEquals(List.of(SchemaType.AVRO, SchemaType.JSON, SchemaType.PROTOBUF), SchemaParsers.supportedTypes());
    }

    @Test
    void anAvroSchemaGivenAsAnotherTypeIsInvalidForThatType() {
        InvalidSchemaException e = assertThrows(InvalidSchemaException.class, () -> new SchemaParsers()
                .parse(SchemaType.PROTOBUF, "{}", List.of(), ReferenceResolver.NONE));
        assertContains("Invalid Protobuf schema at line 1, column 1", e.getMessage());
    }

    // ---- invalid JSON and empty text ----------------------------------------------------------------------

    @Test
    void invalidJsonReportsLineAndColumn() {
        InvalidSchemaException e = rejects("{\"type\": \"record\",\n  \"name\": \"R\",\n  \"fields\": [,]}");
        assertContains("line 3, column 14", e.getMessage());
    }

    @Test
    void truncatedJsonReportsWhereTheInputEnded() {
        InvalidSchemaException e = rejects("{\"type\":\"record\",\"name\":\"R\",\"fields\":[");
        assertContains("invalid JSON at line 1", e.getMessage());
    }

    @Test
    void bareWordIsInvalidJsonNotATypeName() {
        InvalidSchemaException e = rejects("string");
        assertContains("line 1, column 1", e.getMessage());
    }

    @Test
    void contentAfterTheSchemaIsRejected() {
        InvalidSchemaException e = rejects("\"int\" \"long\"");
        assertContains("dangling content", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\t  \r\n"})
    void emptyOrBlankTextIsAnEmptySchema(String text) {
        assertEquals("Empty schema", rejects(text).getMessage());
    }

    @Test
    void nullTextIsAnEmptySchema() {
        assertEquals("Empty schema", rejects(null).getMessage());
    }

    // ---- unknown names ------------------------------------------------------------------------------------

    @Test
    void undefinedTypeNameInAFieldIsRejectedWithTheName() {
        InvalidSchemaException e = rejects(json(record("R", field("x", "'Undefined'"))));
        assertContains("Undefined schema: Undefined", e.getMessage());
    }

    @Test
    void undefinedNameAsTheWholeSchemaIsRejectedWithTheName() {
        // Avro 1.12 fails this one with a NullPointerException about an internal class
        InvalidSchemaException e = rejects("\"com.acme.Missing\"");
        assertContains("Undefined schema: com.acme.Missing", e.getMessage());
        assertFalse(e.getMessage().contains("UnresolvedSchema"), e.getMessage());
    }

    @Test
    void misspelledPrimitiveIsAnUndefinedName() {
        InvalidSchemaException e = rejects(json("{'type':'strin'}"));
        assertContains("Undefined schema: strin", e.getMessage());
        assertFalse(e.getMessage().contains("NullPointerException"), e.getMessage());
    }

    @Test
    void undefinedNameInsideUnionArrayAndMapIsRejected() {
        assertContains("Nope", rejects(json("['null','Nope']")).getMessage());
        assertContains("Nope", rejects(json("{'type':'array','items':'Nope'}")).getMessage());
        assertContains("Nope", rejects(json("{'type':'map','values':'Nope'}")).getMessage());
    }

    @Test
    void nameUsedBeforeItsDefinitionInTheSameSchemaResolves() {
        // Avro 1.12 resolves names after the whole text is read
        AvroSchema schema = avro(record("A", field("x", "['null','B']"),
                field("y", record("B", field("v", "'int'")))));
        assertEquals("B", schema.schema().getField("x").schema().getTypes().get(1).getFullName());
    }

    // ---- structural errors --------------------------------------------------------------------------------

    @Test
    void structuralErrorsAreInvalidSchemaExceptions() {
        assertContains("Duplicate field x", rejects(json(record("R", field("x", "'int'"), field("x", "'long'"))))
                .getMessage());
        assertContains("Record has no fields", rejects(json("{'type':'record','name':'R'}")).getMessage());
        assertContains("Illegal initial character", rejects(json(record("1R"))).getMessage());
        assertContains("Duplicate in union", rejects(json("['int','int']")).getMessage());
        assertContains("Nested union", rejects(json("['int',['string']]")).getMessage());
        assertContains("Duplicate enum symbol", rejects(json("{'type':'enum','name':'E','symbols':['A','A']}"))
                .getMessage());
        assertContains("size", rejects(json("{'type':'fixed','name':'F'}")).getMessage());
        assertContains("No type", rejects(json("{'type':5}")).getMessage());
        assertContains("Can't redefine", rejects(json(record("R", field("a", record("R", field("b", "'int'"))))))
                .getMessage());
        assertContains("not yet supported", rejects("null").getMessage());
    }

    // ---- nesting depth ------------------------------------------------------------------------------------

    private static String nestedArrays(int levels) {
        return "{\"type\":\"array\",\"items\":".repeat(levels) + "\"int\"" + "}".repeat(levels);
    }

    private static String nestedRecords(int levels) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < levels; i++) {
            text.append("{\"type\":\"record\",\"name\":\"R").append(i).append("\",\"fields\":[{\"name\":\"f\",\"type\":");
        }
        text.append("\"int\"");
        text.append("}]}".repeat(levels));
        return text.toString();
    }

    @Test
    void tenThousandNestedArraysAreRejectedWithoutStackOverflow() {
        InvalidSchemaException e = rejects(nestedArrays(10_000));
        assertContains("nested deeper than " + CanonicalJson.MAX_DEPTH, e.getMessage());
    }

    @Test
    void tenThousandNestedRecordsAreRejectedWithoutStackOverflow() {
        InvalidSchemaException e = rejects(nestedRecords(10_000));
        assertContains("nested deeper than", e.getMessage());
    }

    @Test
    void tenThousandNestedUnionBracketsAreRejectedWithoutStackOverflow() {
        InvalidSchemaException e = rejects("[".repeat(10_000) + "\"int\"" + "]".repeat(10_000));
        assertContains("nested deeper than", e.getMessage());
    }

    @Test
    void nestingUpToTheLimitIsAccepted() {
        AvroSchema schema = parser.parse(nestedArrays(CanonicalJson.MAX_DEPTH), List.of(), ReferenceResolver.NONE);
        assertEquals(Schema.Type.ARRAY, schema.schema().getType());
        rejects(nestedArrays(CanonicalJson.MAX_DEPTH + 1));
    }

    // ---- default values -----------------------------------------------------------------------------------

    @Test
    void defaultOfTheWrongPrimitiveTypeIsRejected() {
        InvalidSchemaException e = rejects(json(record("R", field("x", "'int'", "'abc'"))));
        assertContains("Invalid default for field x", e.getMessage());
    }

    @Test
    void intDefaultOutOfRangeIsRejected() {
        assertContains("Invalid default for field x", rejects(json(record("R", field("x", "'int'", "3000000000"))))
                .getMessage());
        // the same number is a fine long
        avro(record("R", field("x", "'long'", "3000000000")));
    }

    @Test
    void nullDefaultForANonNullableFieldIsRejected() {
        assertContains("Invalid default for field x", rejects(json(record("R", field("x", "'string'", "null"))))
                .getMessage());
    }

    @Test
    void arrayDefaultWithElementsOfTheWrongTypeIsRejected() {
        assertContains("Invalid default for field x",
                rejects(json(record("R", field("x", "{'type':'array','items':'int'}", "['a']")))).getMessage());
    }

    @Test
    void recordDefaultMissingARequiredFieldIsRejected() {
        assertContains("Invalid default for field x",
                rejects(json(record("R", field("x", record("Inner", field("y", "'int'")), "{}")))).getMessage());
    }

    @Test
    void enumTypeDefaultThatIsNotASymbolIsRejected() {
        assertContains("C", rejects(json("{'type':'enum','name':'E','symbols':['A','B'],'default':'C'}"))
                .getMessage());
    }

    @Test
    void enumFieldDefaultThatIsNotASymbolIsRejected() {
        // Avro only checks that the default is a string, then fails when a reader needs the default
        InvalidSchemaException e = rejects(json(record("R",
                field("e", "{'type':'enum','name':'E','symbols':['A','B']}", "'Z'"))));
        assertContains("Invalid default for field e", e.getMessage());
        assertContains("enum E", e.getMessage());
        avro(record("R", field("e", "{'type':'enum','name':'E','symbols':['A','B']}", "'B'")));
    }

    @Test
    void enumDefaultNestedInARecordDefaultIsChecked() {
        String inner = record("Inner", field("e", "{'type':'enum','name':'E','symbols':['A','B']}"));
        rejects(json(record("R", field("x", inner, "{'e':'Z'}"))));
        avro(record("R", field("x", inner, "{'e':'A'}")));
    }

    @Test
    void enumDefaultInsideAnArrayOrMapDefaultIsChecked() {
        String e = "{'type':'enum','name':'E','symbols':['A']}";
        rejects(json(record("R", field("x", "{'type':'array','items':" + e + "}", "['A','Z']"))));
        rejects(json(record("R", field("x", "{'type':'map','values':" + e + "}", "{'k':'Z'}"))));
        avro(record("R", field("x", "{'type':'array','items':" + e + "}", "['A','A']")));
    }

    @Test
    void fixedDefaultOfTheWrongSizeIsRejected() {
        String fixed = "{'type':'fixed','name':'F','size':2}";
        InvalidSchemaException e = rejects(json(record("R", field("f", fixed, "'abc'"))));
        assertContains("Invalid default for field f", e.getMessage());
        assertContains("2 bytes", e.getMessage());
        avro(record("R", field("f", fixed, "'ab'")));
        // one byte per character: U+00FF is one byte, as Avro encodes fixed defaults in ISO-8859-1
        avro(record("R", field("f", fixed, "'a\u00ff'")));
    }

    @Test
    void unionDefaultMayMatchAnyBranchInAvro112() {
        // the Avro 1.12 spec relaxed "the default must match the first branch" (Avro 1.11 and older
        // libraries reject this schema); parsing follows the Avro version in use, and keeps the default
        AvroSchema schema = avro(record("R", field("x", "['null','string']", "'abc'")));
        assertTrue(schema.canonical().contains("\"default\":\"abc\""), schema.canonical());
        // but a default that matches no branch is still wrong
        rejects(json(record("R", field("x", "['null','string']", "5"))));
        // and an enum branch only matches its symbols
        rejects(json(record("R", field("x", "['null',{'type':'enum','name':'E','symbols':['A']}]", "'Z'"))));
        avro(record("R", field("x", "['null',{'type':'enum','name':'E','symbols':['A']}]", "'A'")));
    }
}
