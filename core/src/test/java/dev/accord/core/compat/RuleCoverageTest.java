package dev.accord.core.compat;

import dev.accord.core.compat.AvroCompatibilityTest.JsonStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.DynamicTest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static dev.accord.core.TestSchemas.avro;
import static dev.accord.core.TestSchemas.field;
import static dev.accord.core.TestSchemas.record;
import static dev.accord.core.TestSchemas.versions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every rule of the catalogue that applies to Avro (format AVRO or ANY) has an example that makes the checker
 * report it. A rule added to the catalogue without an example here fails {@link #everyAvroRuleHasAnExample}.
 */
class RuleCoverageTest {

    private static final CompatibilityChecker CHECKER = new CompatibilityChecker();

    private static List<Change> changes(CompatibilityLevel level, String candidate, String previous) {
        CompatibilityResult result = CHECKER.check(level, CompatibilityPolicy.STRICT, avro(candidate),
                versions(previous));
        return result.incompatibilities().isEmpty() ? List.of() : result.incompatibilities().get(0).changes();
    }

    /** One example per rule id, each producing the changes of one check. */
    private static final Map<String, Supplier<List<Change>>> EXAMPLES = new LinkedHashMap<>();

    /** One example (old, new) per informational rule: reported by the diff, breaking nothing. */
    private static final Map<String, String[]> INFO_EXAMPLES = new LinkedHashMap<>();

    static {
        String base = record("R", field("a", "'int'"));
        INFO_EXAMPLES.put("DOC_CHANGED", new String[]{base,
                "{'type':'record','name':'R','doc':'Orders','fields':[{'name':'a','type':'int'}]}"});
        INFO_EXAMPLES.put("FIELD_ADDED", new String[]{base,
                record("R", field("a", "'int'"), "{'name':'b','type':'int','default':0}")});
        INFO_EXAMPLES.put("FIELD_REMOVED", new String[]{
                record("R", field("a", "'int'"), "{'name':'b','type':'int','default':0}"), base});
        INFO_EXAMPLES.put("FIELD_DEFAULT_CHANGED", new String[]{
                record("R", "{'name':'a','type':'int','default':1}"), record("R", "{'name':'a','type':'int','default':2}")});
        INFO_EXAMPLES.put("ENUM_SYMBOLS_ADDED", new String[]{"{'type':'enum','name':'E','symbols':['A'],'default':'A'}",
                "{'type':'enum','name':'E','symbols':['A','B'],'default':'A'}"});
        INFO_EXAMPLES.put("ENUM_SYMBOLS_REMOVED", new String[]{"{'type':'enum','name':'E','symbols':['A','B'],'default':'A'}",
                "{'type':'enum','name':'E','symbols':['A'],'default':'A'}"});
        INFO_EXAMPLES.put("ALIASES_CHANGED", new String[]{base,
                record("R", "{'name':'a','type':'int','aliases':['alpha']}")});
    }

    static {
        String v1 = record("R", field("a", "'int'"));
        EXAMPLES.put("SCHEMA_TYPE_CHANGED", () -> CHECKER.check(CompatibilityLevel.BACKWARD,
                CompatibilityPolicy.STRICT, avro(v1), List.of(new VersionedSchema(1, new JsonStub())))
                .incompatibilities().get(0).changes());
        EXAMPLES.put("READER_FIELD_MISSING_DEFAULT_VALUE", () -> changes(CompatibilityLevel.BACKWARD,
                record("R", field("a", "'int'"), field("b", "'int'")), v1));
        EXAMPLES.put("TYPE_MISMATCH", () -> changes(CompatibilityLevel.BACKWARD,
                record("R", field("a", "'string'")), v1));
        EXAMPLES.put("NAME_MISMATCH", () -> changes(CompatibilityLevel.BACKWARD,
                record("S", field("a", "'int'")), v1));
        EXAMPLES.put("FIXED_SIZE_MISMATCH", () -> changes(CompatibilityLevel.BACKWARD,
                "{'type':'fixed','name':'F','size':2}", "{'type':'fixed','name':'F','size':3}"));
        EXAMPLES.put("MISSING_ENUM_SYMBOLS", () -> changes(CompatibilityLevel.BACKWARD,
                "{'type':'enum','name':'E','symbols':['A']}", "{'type':'enum','name':'E','symbols':['A','B']}"));
        EXAMPLES.put("MISSING_UNION_BRANCH", () -> changes(CompatibilityLevel.BACKWARD,
                "['null','int']", "['null','int','string']"));
    }

    private static Set<String> avroRuleIds() {
        Set<String> ids = new TreeSet<>();
        for (Rule rule : RuleCatalog.all()) {
            if (rule.formatName().equals("AVRO") || rule.formatName().equals("ANY")) {
                ids.add(rule.id());
            }
        }
        return ids;
    }

    @Test
    void everyAvroRuleHasAnExample() {
        Set<String> missing = new TreeSet<>(avroRuleIds());
        missing.removeAll(EXAMPLES.keySet());
        missing.removeAll(INFO_EXAMPLES.keySet());
        assertTrue(missing.isEmpty(), () -> "rules without an example: " + missing);
        assertTrue(avroRuleIds().contains("SCHEMA_TYPE_CHANGED"));
        assertEquals(14, avroRuleIds().size(), "the catalogue changed: add examples for the new rules");
    }

    @TestFactory
    Stream<DynamicTest> eachExampleProducesItsRule() {
        return avroRuleIds().stream().filter(EXAMPLES::containsKey).map(id -> DynamicTest.dynamicTest(id, () -> {
            List<Change> changes = EXAMPLES.get(id).get();
            assertEquals(List.of(id), changes.stream().filter(c -> !c.breaks().isEmpty()).map(Change::ruleId).toList());
            Change change = changes.stream().filter(c -> c.ruleId().equals(id)).findFirst().orElseThrow();
            assertTrue(!change.message().isBlank() && change.fixHint() != null && !change.breaks().isEmpty(),
                    change::toString);
        }));
    }

    @TestFactory
    Stream<DynamicTest> eachInformationalExampleIsReportedWithoutBreakingAnything() {
        return INFO_EXAMPLES.entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            List<Change> changes = CHECKER.diff(avro(entry.getValue()[0]), avro(entry.getValue()[1]),
                    Set.of(Direction.BACKWARD, Direction.FORWARD), CompatibilityPolicy.STRICT);
            List<Change> matching = changes.stream().filter(c -> c.ruleId().equals(entry.getKey())).toList();
            assertEquals(1, matching.size(), changes::toString);
            assertTrue(matching.get(0).breaks().isEmpty(), matching::toString);
            assertTrue(!matching.get(0).message().isBlank());
            assertTrue(matching.get(0).oldPath() != null || matching.get(0).newPath() != null);
        }));
    }

    @Test
    void catalogueIdsAreUniqueAndLookedUpById() {
        List<Rule> all = RuleCatalog.all();
        assertEquals(all.size(), all.stream().map(rule -> rule.formatName() + "/" + rule.id()).distinct().count());
        for (Rule rule : all) {
            assertEquals(rule, RuleCatalog.find(rule.format(), rule.id()).orElseThrow());
            assertTrue(rule.id().matches("[A-Z][A-Z_]*"), rule.id());
            assertTrue(Set.of("AVRO", "JSON", "PROTOBUF", "ANY").contains(rule.formatName()), rule.formatName());
            assertTrue(!rule.purpose().isBlank());
        }
        assertTrue(RuleCatalog.find(dev.accord.core.schema.SchemaType.AVRO, "NO_SUCH_RULE").isEmpty());
    }
}
