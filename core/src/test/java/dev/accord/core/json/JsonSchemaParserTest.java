package dev.accord.core.json;

import dev.accord.core.schema.CanonicalJson;
import dev.accord.core.schema.InvalidSchemaException;
import dev.accord.core.schema.ParsedSchema;
import dev.accord.core.schema.ReferenceResolver;
import dev.accord.core.schema.SchemaParsers;
import dev.accord.core.schema.SchemaType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.accord.core.TestSchemas.json;
import static dev.accord.core.json.JsonTestSchemas.DRAFT_2020;
import static dev.accord.core.json.JsonTestSchemas.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parsing and validating JSON Schemas: drafts, meta-schema errors, canonical form, local references. */
class JsonSchemaParserTest {

    private static InvalidSchemaException rejects(String singleQuoted) {
        return assertThrows(InvalidSchemaException.class, () -> schema(singleQuoted));
    }

    private static void assertContains(String expected, String actual) {
        assertTrue(actual.contains(expected), () -> "expected '" + expected + "' in: " + actual);
    }

    // ---- drafts ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({
            "http://json-schema.org/draft-04/schema#, DRAFT_4",
            "http://json-schema.org/draft-06/schema#, DRAFT_6",
            "http://json-schema.org/draft-07/schema#, DRAFT_7",
            "http://json-schema.org/draft-07/schema, DRAFT_7",
            "https://json-schema.org/draft-07/schema#, DRAFT_7",
            "https://json-schema.org/draft/2019-09/schema, DRAFT_2019_09",
            "https://json-schema.org/draft/2020-12/schema, DRAFT_2020_12"})
    void theDeclaredDraftIsUsed(String uri, JsonSchemaDraft draft) {
        assertEquals(draft, schema("{'$schema':'" + uri + "','type':'string'}").draft());
    }

    @Test
    void draft7WhenNoneIsDeclared() {
        assertEquals(JsonSchemaDraft.DRAFT_7, schema("{'type':'string'}").draft());
    }

    @Test
    void anUnknownMetaSchemaIsInvalid() {
        InvalidSchemaException e = rejects("{'$schema':'https://example.com/my-schema','type':'string'}");
        assertContains("'#/$schema'", e.getMessage());
        assertContains("unknown meta-schema 'https://example.com/my-schema'", e.getMessage());
    }

    @Test
    void aNonStringSchemaKeywordIsInvalid() {
        assertContains("'#/$schema'", rejects("{'$schema':7}").getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "false"})
    void booleanSchemasAreValid(String text) {
        JsonSchema parsed = schema(text);
        assertEquals(text, parsed.canonical());
        assertEquals(text, parsed.resolved());
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "'string'", "[]", "null"})
    void aSchemaIsAnObjectOrABoolean(String text) {
        assertContains("object or a boolean", rejects(text).getMessage());
    }

    @Test
    void emptyTextIsInvalid() {
        assertThrows(InvalidSchemaException.class, () -> new JsonSchemaParser().parse("  ", List.of(),
                ReferenceResolver.NONE));
    }

    @Test
    void invalidJsonSaysWhere() {
        assertContains("line 1", rejects("{'type':").getMessage());
    }

    // ---- meta-schema validation -------------------------------------------------------------------------------

    @Test
    void anUnknownTypeNamePointsAtTheKeyword() {
        InvalidSchemaException e = rejects("{'type':'object','properties':{'a':{'type':'strin'}}}");
        assertContains("'#/properties/a/type'", e.getMessage());
        assertContains("draft-07", e.getMessage());
    }

    @Test
    void aNegativeLengthIsInvalid() {
        assertContains("'#/properties/a/minLength'",
                rejects("{'properties':{'a':{'minLength':-1}}}").getMessage());
    }

    @Test
    void duplicateRequiredNamesAreInvalid() {
        assertContains("'#/required'", rejects("{'required':['a','a']}").getMessage());
    }

    @Test
    void anInvalidPatternIsInvalid() {
        assertContains("'#/pattern'", rejects("{'type':'string','pattern':'[a-'}").getMessage());
        assertContains("patternProperties", rejects("{'patternProperties':{'(':{}}}").getMessage());
    }

    @Test
    void draft4BooleanExclusiveMinimumIsValidThereAndInvalidLater() {
        schema("{'$schema':'http://json-schema.org/draft-04/schema#','minimum':1,'exclusiveMinimum':true}");
        assertContains("exclusiveMinimum", rejects("{'minimum':1,'exclusiveMinimum':true}").getMessage());
    }

    @Test
    void draft2020KeywordsAreValidated() {
        assertContains("'#/$defs/x/type'", rejects("{" + DRAFT_2020 + ",'$defs':{'x':{'type':5}}}").getMessage());
        assertContains("'#/prefixItems'", rejects("{" + DRAFT_2020 + ",'prefixItems':{}}").getMessage());
    }

    // ---- canonical form and identity ----------------------------------------------------------------------

    @Test
    void canonicalFormDropsWhitespaceAndKeepsKeyOrderUntilNormalised() {
        String text = "{ \"type\" : \"object\",\n \"properties\": {\"b\": {}, \"a\": {\"type\": \"string\"}}}";
        JsonSchema parsed = new JsonSchemaParser().parse(text, List.of(), ReferenceResolver.NONE);
        assertEquals(json("{'type':'object','properties':{'b':{},'a':{'type':'string'}}}"), parsed.canonical());
        assertEquals(parsed.canonical(), parsed.resolved());
        assertEquals(SchemaType.JSON, parsed.type());
        JsonSchema normalized = new JsonSchemaParser().parse(text, List.of(), ReferenceResolver.NONE, true);
        assertEquals(json("{'properties':{'a':{'type':'string'},'b':{}},'type':'object'}"), normalized.canonical());
    }

    @Test
    void fingerprintIgnoresWhitespaceAndKeyOrderOnlyOnceNormalisedAsInConfluent() {
        JsonSchema a = schema("{'type':'string','maxLength':3}");
        JsonSchema spaced = new JsonSchemaParser().parse("{\n\"type\": \"string\",  \"maxLength\": 3}", List.of(),
                ReferenceResolver.NONE);
        assertEquals(a.fingerprint(), spaced.fingerprint());
        String reordered = "{\n\"maxLength\": 3, \"type\": \"string\"}";
        assertNotEquals(a.fingerprint(), new JsonSchemaParser().parse(reordered, List.of(), ReferenceResolver.NONE)
                .fingerprint());
        assertEquals(new JsonSchemaParser().parse(json("{'type':'string','maxLength':3}"), List.of(),
                        ReferenceResolver.NONE, true).fingerprint(),
                new JsonSchemaParser().parse(reordered, List.of(), ReferenceResolver.NONE, true).fingerprint());
        assertNotEquals(a.fingerprint(), schema("{'type':'string','maxLength':4}").fingerprint());
        // the same text as an Avro schema is another content
        assertNotEquals(a.fingerprint(), CanonicalJson.sha256("AVRO", a.canonical(), ""));
    }

    @Test
    void schemaParsersDispatchesJson() {
        ParsedSchema parsed = new SchemaParsers().parse(SchemaType.JSON, json("{'type':'string'}"), null,
                ReferenceResolver.NONE);
        assertEquals(SchemaType.JSON, parsed.type());
        assertTrue(parsed instanceof JsonSchema);
        assertTrue(SchemaParsers.supportedTypes().contains(SchemaType.JSON));
    }

    @Test
    void jsonGivesACopy() {
        JsonSchema parsed = schema("{'type':'string'}");
        ((com.fasterxml.jackson.databind.node.ObjectNode) parsed.json()).put("type", "integer");
        assertEquals(json("{'type':'string'}"), parsed.canonical());
    }

    // ---- size limits --------------------------------------------------------------------------------------

    @Test
    void deepNestingIsACleanError() {
        String deep = "{'items':".repeat(300) + "{}" + "}".repeat(300);
        InvalidSchemaException e = rejects(deep);
        assertContains("nested deeper than " + CanonicalJson.MAX_DEPTH, e.getMessage());
    }

    @Test
    void nestingWithinTheLimitParses() {
        String deep = "{'items':".repeat(90) + "{'type':'string'}" + "}".repeat(90);
        schema(deep);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aHugeEnumParsesQuickly() {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            values.append(i == 0 ? "" : ",").append("'v").append(i).append("'");
        }
        JsonSchema parsed = schema("{'type':'string','enum':[" + values + "]}");
        assertTrue(parsed.canonical().length() > 600_000);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aHugeEnumOfObjectsUnderDraft4ParsesQuickly() {
        // draft 4 requires unique enum values, which a naive check compares pair by pair
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            values.append(i == 0 ? "" : ",").append("{'k':").append(i).append('}');
        }
        schema("{'$schema':'http://json-schema.org/draft-04/schema#','enum':[" + values + "]}");
    }

    // ---- local references ---------------------------------------------------------------------------------

    @Test
    void localReferencesResolve() {
        schema("{'definitions':{'a':{'type':'string'}},'properties':{'x':{'$ref':'#/definitions/a'}}}");
        schema("{" + DRAFT_2020 + ",'$defs':{'a':{'type':'string'}},'properties':{'x':{'$ref':'#/$defs/a'}}}");
        schema("{'properties':{'a':{'type':'string'},'b':{'$ref':'#/properties/a'}}}");
        schema("{'items':[{'type':'string'},{'$ref':'#/items/0'}]}");
    }

    @Test
    void escapedPointersResolve() {
        schema("{'properties':{'a b':{'type':'string'},'c/d':{},'e~f':{}},'allOf':[{'$ref':'#/properties/a%20b'},"
                + "{'$ref':'#/properties/c~1d'},{'$ref':'#/properties/e~0f'}]}");
    }

    @Test
    void aReferenceToNothingIsInvalidEvenInAnUnusedDefinition() {
        InvalidSchemaException e = rejects("{'properties':{'x':{'$ref':'#/definitions/missing'}}}");
        assertContains("'#/properties/x/$ref'", e.getMessage());
        assertContains("#/definitions/missing", e.getMessage());
        assertContains("'#/definitions/unused/$ref'",
                rejects("{'definitions':{'unused':{'$ref':'#/nowhere'}}}").getMessage());
    }

    @Test
    void aReferenceToAnUnknownDocumentIsInvalid() {
        assertContains("other.json", rejects("{'properties':{'x':{'$ref':'other.json'}}}").getMessage());
    }

    @Test
    void aReferenceThatOnlyLeadsToItselfIsInvalid() {
        assertContains("only leads back to itself", rejects("{'$ref':'#'}").getMessage());
        assertContains("only leads back to itself", rejects("{'definitions':{'a':{'$ref':'#/definitions/b'},"
                + "'b':{'$ref':'#/definitions/a'}},'properties':{'x':{'$ref':'#/definitions/a'}}}").getMessage());
    }

    @Test
    void recursiveSchemasParse() {
        schema("{'type':'object','properties':{'name':{'type':'string'},'children':{'type':'array',"
                + "'items':{'$ref':'#'}}}}");
        schema("{" + DRAFT_2020 + ",'$defs':{'node':{'type':'object','properties':{'next':{'$ref':'#/$defs/node'}}}},"
                + "'$ref':'#/$defs/node'}");
        schema("{'allOf':[{'$ref':'#'}],'type':'object'}");
    }

    @Test
    void embeddedIdsAndAnchorsResolve() {
        schema("{'$id':'https://example.com/root.json','properties':{'a':{'$ref':'item.json'}},"
                + "'definitions':{'i':{'$id':'item.json','type':'integer'}}}");
        schema("{'$id':'https://example.com/schemas/root.json','properties':{'a':{'$ref':'https://example.com/"
                + "schemas/item.json#/definitions/x'}},'definitions':{'i':{'$id':'item.json','definitions':"
                + "{'x':{'type':'integer'}}}}}");
        schema("{'properties':{'a':{'$ref':'#foo'}},'definitions':{'i':{'$id':'#foo','type':'integer'}}}");
        schema("{" + DRAFT_2020 + ",'properties':{'a':{'$ref':'#foo'}},'$defs':{'i':{'$anchor':'foo',"
                + "'type':'integer'}}}");
    }

    @Test
    void anUnknownAnchorIsInvalid() {
        assertContains("anchor 'bar'",
                rejects("{'properties':{'a':{'$ref':'#bar'}},'definitions':{'i':{'$id':'#foo'}}}").getMessage());
    }
}
