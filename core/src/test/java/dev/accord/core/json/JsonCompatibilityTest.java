package dev.accord.core.json;

import dev.accord.core.avro.AvroSchemaParser;
import dev.accord.core.compat.Change;
import dev.accord.core.compat.CompatibilityChecker;
import dev.accord.core.compat.CompatibilityLevel;
import dev.accord.core.compat.CompatibilityPolicy;
import dev.accord.core.compat.CompatibilityResult;
import dev.accord.core.compat.ConfluentMessages;
import dev.accord.core.compat.Direction;
import dev.accord.core.compat.VersionedSchema;
import dev.accord.core.schema.ReferenceResolver;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static dev.accord.core.json.JsonTestSchemas.DRAFT_2020;
import static dev.accord.core.json.JsonTestSchemas.object;
import static dev.accord.core.json.JsonTestSchemas.schema;
import static dev.accord.core.json.JsonTestSchemas.versions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JSON Schema compatibility through {@link CompatibilityChecker}: levels, composite schemas, policies, limits. */
class JsonCompatibilityTest {

    private static final CompatibilityChecker CHECKER = new CompatibilityChecker();

    private static CompatibilityResult check(CompatibilityLevel level, CompatibilityPolicy policy, String candidate,
                                             String... previous) {
        for (String old : previous) {
            assertConsistentWithTheCatalogue(old, candidate);
        }
        return CHECKER.check(level, policy, schema(candidate), versions(previous));
    }

    /** Every change is well formed and breaks no direction its rule says it cannot break. */
    private static void assertConsistentWithTheCatalogue(String oldSchema, String newSchema) {
        for (CompatibilityPolicy policy : CompatibilityPolicy.values()) {
            for (Change change : CHECKER.diff(schema(oldSchema), schema(newSchema), EnumSet.allOf(Direction.class),
                    policy)) {
                JsonRuleExamplesTest.wellFormed(change);
                var rule = dev.accord.core.compat.RuleCatalog.find(dev.accord.core.schema.SchemaType.JSON, change.ruleId()).orElseThrow();
                assertTrue(rule.breaks(policy).containsAll(change.breaks()), change::toString);
            }
        }
    }

    private static boolean compatible(CompatibilityLevel level, String oldSchema, String newSchema) {
        return check(level, CompatibilityPolicy.STRICT, newSchema, oldSchema).compatible();
    }

    private static List<Change> changes(String oldSchema, String newSchema) {
        assertConsistentWithTheCatalogue(oldSchema, newSchema);
        return CHECKER.diff(schema(oldSchema), schema(newSchema), EnumSet.allOf(Direction.class),
                CompatibilityPolicy.STRICT);
    }

    private static List<String> breaking(CompatibilityLevel level, CompatibilityPolicy policy, String oldSchema,
                                         String newSchema) {
        CompatibilityResult result = check(level, policy, newSchema, oldSchema);
        return result.compatible() ? List.of()
                : result.incompatibilities().get(0).changes().stream().map(Change::ruleId).toList();
    }

    private static final String V1 = object("'id':{'type':'string'}");
    private static final String V1_CLOSED = object("'id':{'type':'string'}", "'additionalProperties':false");

    // ---- levels -------------------------------------------------------------------------------------------

    @Nested
    class Levels {

        private final String v2 = object("'id':{'type':'string'},'note':{'type':'string'}",
                "'additionalProperties':false");
        private final String v3 = object("'id':{'type':'string'},'note':{'type':'string','maxLength':3}",
                "'additionalProperties':false");

        @Test
        void noneAcceptsAnything() {
            assertTrue(check(CompatibilityLevel.NONE, CompatibilityPolicy.STRICT, "{'type':'integer'}", V1)
                    .compatible());
        }

        @Test
        void nonTransitiveLevelsCheckTheLatestOnly() {
            // v2 -> v3 tightens note: incompatible with v2 (BACKWARD), v1 had no note
            assertFalse(check(CompatibilityLevel.BACKWARD, CompatibilityPolicy.STRICT, v3, V1_CLOSED, v2)
                    .compatible());
            assertTrue(check(CompatibilityLevel.BACKWARD, CompatibilityPolicy.STRICT, v3, v2, V1_CLOSED)
                    .compatible());
        }

        @Test
        void transitiveLevelsCheckEveryVersionNewestFirstAndStopAtTheFirstFailure() {
            String v4 = object("'id':{'type':'string'}", "'additionalProperties':false");
            CompatibilityResult result = check(CompatibilityLevel.BACKWARD_TRANSITIVE, CompatibilityPolicy.STRICT,
                    v4, V1_CLOSED, v2, v3);
            assertFalse(result.compatible());
            assertEquals(1, result.incompatibilities().size());
            assertEquals(3, result.incompatibilities().get(0).previous().version());
            assertEquals("PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL",
                    result.incompatibilities().get(0).changes().get(0).ruleId());
            assertTrue(check(CompatibilityLevel.BACKWARD, CompatibilityPolicy.STRICT, v4, v3, V1_CLOSED)
                    .compatible());
        }

        @Test
        void fullChecksBothDirections() {
            assertTrue(compatible(CompatibilityLevel.BACKWARD, V1_CLOSED, v2));
            assertFalse(compatible(CompatibilityLevel.FORWARD, V1_CLOSED, v2));
            assertFalse(compatible(CompatibilityLevel.FULL, V1_CLOSED, v2));
        }

        @Test
        void aJsonSchemaAfterAnAvroOneIsAnotherSchemaType() {
            VersionedSchema avro = new VersionedSchema(1, new AvroSchemaParser().parse("\"string\"", List.of(),
                    ReferenceResolver.NONE));
            CompatibilityResult result = CHECKER.check(CompatibilityLevel.BACKWARD, CompatibilityPolicy.STRICT,
                    schema("{'type':'string'}"), List.of(avro));
            assertEquals("SCHEMA_TYPE_CHANGED", result.incompatibilities().get(0).changes().get(0).ruleId());
        }

        @Test
        void onlyTheAskedDirectionsAreJudged() {
            List<Change> backwardOnly = CHECKER.diff(schema("{'type':'string','maxLength':3}"),
                    schema("{'type':'string','maxLength':5}"), Set.of(Direction.BACKWARD), CompatibilityPolicy.STRICT);
            assertEquals(1, backwardOnly.size());
            assertEquals("MAX_LENGTH_INCREASED", backwardOnly.get(0).ruleId());
            assertTrue(backwardOnly.get(0).breaks().isEmpty());
            List<Change> forwardOnly = CHECKER.diff(schema("{'type':'string','maxLength':3}"),
                    schema("{'type':'string','maxLength':5}"), Set.of(Direction.FORWARD), CompatibilityPolicy.STRICT);
            assertEquals(Set.of(Direction.FORWARD), forwardOnly.get(0).breaks());
        }

        @Test
        void noDirectionStillListsTheChanges() {
            List<Change> listed = CHECKER.diff(schema("{'type':'string','title':'a'}"),
                    schema("{'type':'string','title':'b'}"), Set.of(), CompatibilityPolicy.STRICT);
            assertEquals(List.of("TITLE_CHANGED"), listed.stream().map(Change::ruleId).toList());
        }
    }

    // ---- content models and policies ------------------------------------------------------------------------

    @Nested
    class ContentModels {

        private final String openAdd = object("'id':{'type':'string'},'note':{'type':'string'}");

        @Test
        void addingAnOptionalPropertyToAnOpenModelBreaksBackwardUnderStrictOnly() {
            assertEquals(List.of("PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL"),
                    breaking(CompatibilityLevel.BACKWARD, CompatibilityPolicy.STRICT, V1, openAdd));
            assertTrue(check(CompatibilityLevel.FULL, CompatibilityPolicy.LENIENT, openAdd, V1).compatible());
        }

        @Test
        void theChangeSaysWhereWhatAndHowToFixIt() {
            Change change = check(CompatibilityLevel.BACKWARD, CompatibilityPolicy.STRICT, openAdd, V1)
                    .incompatibilities().get(0).changes().get(0);
            assertEquals("#/properties/note", change.oldPath());
            assertEquals("#/properties/note", change.newPath());
            assertEquals("note", change.detail());
            assertTrue(change.message().startsWith("Property 'note' was added at '#/properties/note' to an open"
                    + " content model"), change.message());
            assertTrue(change.message().endsWith("(breaks BACKWARD)."), change.message());
            assertTrue(change.fixHint().contains("additionalProperties: false"), change.fixHint());
            assertTrue(change.fixHint().contains("LENIENT"), change.fixHint());
        }

        @Test
        void confluentStyleMessagesRenderJsonChanges() {
            List<String> messages = ConfluentMessages.render(check(CompatibilityLevel.BACKWARD,
                    CompatibilityPolicy.STRICT, openAdd, V1));
            assertTrue(messages.get(0).startsWith("{errorType:'PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL', description:"
                    + "'Property 'note' was added at '#/properties/note'"), messages.get(0));
            assertEquals("{oldSchemaVersion: 1}", messages.get(1));
        }

        @Test
        void aClosedModelAcceptsOptionalAdditionsBackwardButNotForward() {
            String closedAdd = object("'id':{'type':'string'},'note':{'type':'string'}",
                    "'additionalProperties':false");
            assertTrue(compatible(CompatibilityLevel.BACKWARD, V1_CLOSED, closedAdd));
            assertEquals(List.of("OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL"),
                    breaking(CompatibilityLevel.FORWARD, CompatibilityPolicy.STRICT, V1_CLOSED, closedAdd));
            assertTrue(check(CompatibilityLevel.FULL, CompatibilityPolicy.LENIENT, closedAdd, V1_CLOSED)
                    .compatible());
        }

        @Test
        void aPartiallyOpenModelIsFullyCompatibleForCoveredProperties() {
            String partial = object("'id':{'type':'string'}", "'patternProperties':{'^x-':{'type':'string'}}",
                    "'additionalProperties':false");
            String same = object("'id':{'type':'string'},'x-note':{'type':'string'}",
                    "'patternProperties':{'^x-':{'type':'string'}}", "'additionalProperties':false");
            assertTrue(compatible(CompatibilityLevel.FULL, partial, same));
            assertTrue(compatible(CompatibilityLevel.FULL, same, partial));
            // narrower than the pattern: old data may hold longer notes
            String narrower = same.replace("'x-note':{'type':'string'}", "'x-note':{'type':'string','maxLength':10}");
            assertEquals(List.of("PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"),
                    breaking(CompatibilityLevel.BACKWARD, CompatibilityPolicy.STRICT, partial, narrower));
            assertTrue(compatible(CompatibilityLevel.FORWARD, partial, narrower));
            assertTrue(check(CompatibilityLevel.FULL, CompatibilityPolicy.LENIENT, narrower, partial).compatible());
        }

        @Test
        void additionalPropertiesSchemaMakesAModelPartiallyOpen() {
            String typed = object("'id':{'type':'string'}", "'additionalProperties':{'type':'string'}");
            assertTrue(compatible(CompatibilityLevel.FULL, typed,
                    object("'id':{'type':'string'},'note':{'type':'string'}",
                            "'additionalProperties':{'type':'string'}")));
            assertEquals(List.of("PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"),
                    breaking(CompatibilityLevel.BACKWARD, CompatibilityPolicy.STRICT, typed,
                            object("'id':{'type':'string'},'n':{'type':'integer'}",
                                    "'additionalProperties':{'type':'string'}")));
        }

        @Test
        void unevaluatedPropertiesFalseClosesA2020Model() {
            String closed = "{" + DRAFT_2020 + ",'type':'object','properties':{'id':{'type':'string'}},"
                    + "'unevaluatedProperties':false}";
            String added = closed.replace("'id':{'type':'string'}", "'id':{'type':'string'},'n':{'type':'string'}");
            assertTrue(compatible(CompatibilityLevel.BACKWARD, closed, added));
            assertEquals(List.of("PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL"),
                    breaking(CompatibilityLevel.BACKWARD, CompatibilityPolicy.STRICT, added, closed));
        }

        @Test
        void explicitTrueAdditionalPropertiesIsTheOpenDefault() {
            assertTrue(changes(V1, object("'id':{'type':'string'}", "'additionalProperties':true")).isEmpty());
        }

        @Test
        void lenientAllowsRemovingFromClosedModelsAndClosingOpenOnes() {
            String closedWithNote = object("'id':{'type':'string'},'note':{'type':'string'}",
                    "'additionalProperties':false");
            assertFalse(check(CompatibilityLevel.BACKWARD, CompatibilityPolicy.STRICT, V1_CLOSED, closedWithNote)
                    .compatible());
            assertTrue(check(CompatibilityLevel.BACKWARD, CompatibilityPolicy.LENIENT, V1_CLOSED, closedWithNote)
                    .compatible());
            assertTrue(check(CompatibilityLevel.BACKWARD, CompatibilityPolicy.LENIENT, V1_CLOSED, V1).compatible());
            assertFalse(check(CompatibilityLevel.BACKWARD, CompatibilityPolicy.STRICT, V1_CLOSED, V1).compatible());
        }

        @Test
        void lenientStillRejectsARequiredPropertyWithoutDefault() {
            String required = object("'id':{'type':'string'},'note':{'type':'string'}", "'required':['note']");
            // the added property carries its required-ness; required is compared only for properties in both
            assertEquals(List.of("REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL"),
                    breaking(CompatibilityLevel.BACKWARD, CompatibilityPolicy.LENIENT, V1, required));
        }
    }

    // ---- nested, combined and referenced schemas ---------------------------------------------------------------

    @Nested
    class Composite {

        @Test
        void aChangeDeepInNestedObjectsIsReportedWithItsPath() {
            String before = object("'customer':" + object("'address':" + object("'zip':{'type':'string',"
                    + "'maxLength':10}")));
            String after = before.replace("'maxLength':10", "'maxLength':5");
            Change change = check(CompatibilityLevel.BACKWARD, CompatibilityPolicy.STRICT, after, before)
                    .incompatibilities().get(0).changes().get(0);
            assertEquals("MAX_LENGTH_DECREASED", change.ruleId());
            assertEquals("#/properties/customer/properties/address/properties/zip/maxLength", change.newPath());
            assertTrue(change.message().contains("from 10 to 5"), change.message());
        }

        @Test
        void nullableByTypeArrayOrAnyOfWidens() {
            assertTrue(compatible(CompatibilityLevel.BACKWARD, "{'type':'string'}", "{'type':['string','null']}"));
            assertTrue(compatible(CompatibilityLevel.BACKWARD, "{'type':'string'}",
                    "{'anyOf':[{'type':'null'},{'type':'string'}]}"));
            assertFalse(compatible(CompatibilityLevel.FORWARD, "{'type':'string'}", "{'type':['string','null']}"));
            assertTrue(compatible(CompatibilityLevel.FULL, "{'type':['null','string']}",
                    "{'type':['string','null']}"));
            assertTrue(compatible(CompatibilityLevel.BACKWARD, "{'type':['string','integer']}",
                    "{'type':['string','number']}"));
        }

        @Test
        void oneOfBranchesAreMatchedRegardlessOfOrder() {
            String before = "{'oneOf':[" + object("'kind':{'const':'a'},'x':{'type':'string'}",
                    "'additionalProperties':false") + "," + object("'kind':{'const':'b'},'y':{'type':'integer'}",
                    "'additionalProperties':false") + "]}";
            String after = "{'oneOf':[" + object("'kind':{'const':'b'},'y':{'type':'number'}",
                    "'additionalProperties':false") + "," + object("'kind':{'const':'a'},'x':{'type':'string'}",
                    "'additionalProperties':false") + "]}";
            assertTrue(compatible(CompatibilityLevel.BACKWARD, before, after));
            List<String> forward = breaking(CompatibilityLevel.FORWARD, CompatibilityPolicy.STRICT, before, after);
            assertTrue(forward.contains("COMBINED_TYPE_SUBSCHEMAS_CHANGED"), forward::toString);
            assertTrue(forward.contains("TYPE_EXTENDED"), forward::toString);
        }

        @Test
        void aTypedEnumComparesItsEnumAndItsType() {
            assertTrue(compatible(CompatibilityLevel.BACKWARD, "{'type':'string','enum':['a','b']}",
                    "{'type':'string','enum':['a','b','c']}"));
            assertEquals(List.of("ENUM_ARRAY_NARROWED"), breaking(CompatibilityLevel.BACKWARD,
                    CompatibilityPolicy.STRICT, "{'type':'string','enum':['a','b']}",
                    "{'type':'string','enum':['a']}"));
            assertTrue(compatible(CompatibilityLevel.BACKWARD, "{'type':'string','enum':['a']}", "{'type':'string'}"));
            assertEquals(List.of("TYPE_CHANGED"), breaking(CompatibilityLevel.BACKWARD, CompatibilityPolicy.STRICT,
                    "{'type':'string','enum':['a']}", "{'type':'integer','enum':['a']}"));
        }

        @Test
        void aReferenceComparesItsTarget() {
            String before = "{'definitions':{'name':{'type':'string','maxLength':20}},"
                    + "'type':'object','properties':{'first':{'$ref':'#/definitions/name'}}}";
            String after = before.replace("20", "10");
            Change change = check(CompatibilityLevel.BACKWARD, CompatibilityPolicy.STRICT, after, before)
                    .incompatibilities().get(0).changes().get(0);
            assertEquals("#/definitions/name/maxLength", change.newPath());
            assertTrue(compatible(CompatibilityLevel.FULL, before, object("'first':{'type':'string',"
                    + "'maxLength':20}")));
        }

        @Test
        void draft2020DefsAndPrefixItemsCompare() {
            String before = "{" + DRAFT_2020 + ",'$defs':{'p':{'type':'number'}},'type':'array',"
                    + "'prefixItems':[{'$ref':'#/$defs/p'},{'$ref':'#/$defs/p'}],'items':false}";
            String after = before.replace("'items':false", "'items':{'type':'string'}");
            assertTrue(compatible(CompatibilityLevel.BACKWARD, before, after));
            assertEquals(List.of("ADDITIONAL_ITEMS_ADDED"), breaking(CompatibilityLevel.FORWARD,
                    CompatibilityPolicy.STRICT, before, after));
        }

        @Test
        void draft2020DependentRequiredIsAPropertyDependency() {
            String before = "{" + DRAFT_2020 + ",'type':'object','dependentRequired':{'card':['cvv']}}";
            String after = before.replace("['cvv']", "['cvv','expiry']");
            Change change = check(CompatibilityLevel.BACKWARD, CompatibilityPolicy.STRICT, after, before)
                    .incompatibilities().get(0).changes().get(0);
            assertEquals("DEPENDENCY_ARRAY_EXTENDED", change.ruleId());
            assertEquals("#/dependentRequired/card", change.newPath());
        }

        @Test
        void draft4BooleanExclusiveBoundsCompareLikeNumericOnes() {
            String draft4 = "{'$schema':'http://json-schema.org/draft-04/schema#','type':'number','minimum':5,"
                    + "'exclusiveMinimum':true}";
            assertTrue(changes(draft4, "{'type':'number','exclusiveMinimum':5}").isEmpty());
            assertEquals(Set.of("EXCLUSIVE_MINIMUM_REMOVED", "MINIMUM_ADDED"), Set.copyOf(changes(draft4,
                    draft4.replace("true", "false")).stream().map(Change::ruleId).toList()));
        }

        @Test
        void booleanSchemasCompare() {
            assertTrue(compatible(CompatibilityLevel.BACKWARD, "{'type':'string'}", "true"));
            assertTrue(compatible(CompatibilityLevel.BACKWARD, "false", "{'type':'string'}"));
            assertFalse(compatible(CompatibilityLevel.BACKWARD, "true", "{'type':'string'}"));
            assertTrue(compatible(CompatibilityLevel.FULL, "{}", "true"));
            assertTrue(compatible(CompatibilityLevel.FULL, object("'a':{}"), object("'a':true")));
        }
    }

    // ---- recursion and limits -------------------------------------------------------------------------------

    @Nested
    class Recursion {

        private final String tree = "{'type':'object','properties':{'name':{'type':'string'},"
                + "'children':{'type':'array','items':{'$ref':'#'}}}}";

        @Test
        @Timeout(value = 5, unit = TimeUnit.SECONDS)
        void aRecursiveSchemaIsCompatibleWithItself() {
            assertTrue(changes(tree, tree).isEmpty());
        }

        @Test
        @Timeout(value = 5, unit = TimeUnit.SECONDS)
        void aChangeInsideARecursiveSchemaIsFound() {
            String tighter = tree.replace("'name':{'type':'string'}", "'name':{'type':'string','maxLength':3}");
            assertEquals(List.of("MAX_LENGTH_ADDED"), breaking(CompatibilityLevel.BACKWARD,
                    CompatibilityPolicy.STRICT, tree, tighter));
        }

        @Test
        @Timeout(value = 5, unit = TimeUnit.SECONDS)
        void aRecursiveSchemaAgainstAnUnrolledOne() {
            String unrolled = "{'type':'object','properties':{'name':{'type':'string'},'children':{'type':'array',"
                    + "'items':{'type':'object','properties':{'name':{'type':'integer'}}}}}}";
            List<String> rules = changes(tree, unrolled).stream().map(Change::ruleId).toList();
            assertTrue(rules.contains("TYPE_CHANGED"), rules::toString);
        }

        @Test
        @Timeout(value = 5, unit = TimeUnit.SECONDS)
        void mutuallyRecursiveDefinitions() {
            String before = "{'definitions':{'a':{'type':'object','properties':{'b':{'$ref':'#/definitions/b'}}},"
                    + "'b':{'type':'object','properties':{'a':{'$ref':'#/definitions/a'},'v':{'type':'integer'}}}},"
                    + "'$ref':'#/definitions/a'}";
            assertTrue(changes(before, before).isEmpty());
            String after = before.replace("'v':{'type':'integer'}", "'v':{'type':'number'}");
            assertTrue(compatible(CompatibilityLevel.BACKWARD, before, after));
            assertFalse(compatible(CompatibilityLevel.FORWARD, before, after));
        }

        @Test
        @Timeout(value = 10, unit = TimeUnit.SECONDS)
        void nestedCombinatorsDoNotExplode() {
            String level = "{'type':'string'}";
            for (int i = 0; i < 8; i++) {
                level = "{'anyOf':[" + level + ",{'type':'integer','maximum':" + i + "},{'type':'boolean'},"
                        + "{'type':'object','properties':{'l" + i + "':" + level + "}}]}";
            }
            String after = level.replace("'maximum':0", "'maximum':1");
            assertTrue(compatible(CompatibilityLevel.BACKWARD, level, after));
        }

        @Test
        @Timeout(value = 10, unit = TimeUnit.SECONDS)
        void deeplyNestedSchemasCompare() {
            String deep = "{'type':'array','items':".repeat(95) + "{'type':'string'}" + "}".repeat(95);
            String changed = deep.replace("{'type':'string'}", "{'type':'integer'}");
            assertEquals(List.of("TYPE_CHANGED"), breaking(CompatibilityLevel.BACKWARD, CompatibilityPolicy.STRICT,
                    deep, changed));
        }

        @Test
        @Timeout(value = 10, unit = TimeUnit.SECONDS)
        void aHugeEnumComparesInBoundedTimeAndMessage() {
            StringBuilder values = new StringBuilder();
            for (int i = 0; i < 100_000; i++) {
                values.append(i == 0 ? "" : ",").append("'v").append(i).append("'");
            }
            String before = "{'type':'string','enum':[" + values + "]}";
            String after = "{'type':'string','enum':[" + values + ",'extra']}";
            assertTrue(compatible(CompatibilityLevel.BACKWARD, before, after));
            Change change = check(CompatibilityLevel.FORWARD, CompatibilityPolicy.STRICT, after, before)
                    .incompatibilities().get(0).changes().get(0);
            assertEquals("ENUM_ARRAY_EXTENDED", change.ruleId());
            assertTrue(change.message().length() < 1000, () -> "message length " + change.message().length());
            assertTrue(change.detail().contains("extra"), change::detail);
        }

        @ParameterizedTest
        @EnumSource(CompatibilityLevel.class)
        void identicalSchemasAreCompatibleAtEveryLevel(CompatibilityLevel level) {
            String rich = "{" + DRAFT_2020 + ",'type':'object','properties':{'a':{'type':['string','null'],"
                    + "'maxLength':3},'b':{'oneOf':[{'type':'integer'},{'const':'x'}]},'c':{'$ref':'#'}},"
                    + "'required':['a'],'additionalProperties':false}";
            assertTrue(check(level, CompatibilityPolicy.STRICT, rich, rich, rich).compatible());
        }
    }
}
