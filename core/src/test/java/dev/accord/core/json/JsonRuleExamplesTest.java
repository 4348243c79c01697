package dev.accord.core.json;

import dev.accord.core.compat.Change;
import dev.accord.core.compat.CompatibilityChecker;
import dev.accord.core.compat.CompatibilityLevel;
import dev.accord.core.compat.CompatibilityPolicy;
import dev.accord.core.compat.Direction;
import dev.accord.core.compat.Rule;
import dev.accord.core.compat.RuleCatalog;
import dev.accord.core.json.JsonRuleExamples.Example;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static dev.accord.core.json.JsonTestSchemas.schema;
import static dev.accord.core.json.JsonTestSchemas.versions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every JSON rule has an example that produces it, with the directions it breaks under each policy; and the
 * BACKWARD and FORWARD verdicts of {@link CompatibilityChecker} on each example follow from those directions.
 */
class JsonRuleExamplesTest {

    private static final CompatibilityChecker CHECKER = new CompatibilityChecker();

    private static Set<String> jsonRuleIds() {
        Set<String> ids = new TreeSet<>();
        for (Rule rule : RuleCatalog.all()) {
            if (rule.formatName().equals("JSON")) {
                ids.add(rule.id());
            }
        }
        return ids;
    }

    @Test
    void everyJsonRuleHasAnExampleAndEveryExampleARule() {
        Set<String> missing = new TreeSet<>(jsonRuleIds());
        missing.removeAll(JsonRuleExamples.all().keySet());
        assertTrue(missing.isEmpty(), () -> "JSON rules without an example: " + missing);
        Set<String> unknown = new TreeSet<>(JsonRuleExamples.all().keySet());
        unknown.removeAll(jsonRuleIds());
        assertTrue(unknown.isEmpty(), () -> "examples of unknown rules: " + unknown);
        assertEquals(JsonSchemaRules.all().size(), jsonRuleIds().size());
    }

    private static Set<Direction> directions(String code) {
        Set<Direction> directions = EnumSet.noneOf(Direction.class);
        if (code.contains("B")) {
            directions.add(Direction.BACKWARD);
        }
        if (code.contains("F")) {
            directions.add(Direction.FORWARD);
        }
        return directions;
    }

    @TestFactory
    Stream<DynamicTest> eachExampleProducesItsRuleWithItsBreaks() {
        List<DynamicTest> tests = new ArrayList<>();
        for (var entry : JsonRuleExamples.all().entrySet()) {
            for (CompatibilityPolicy policy : CompatibilityPolicy.values()) {
                tests.add(DynamicTest.dynamicTest(entry.getKey() + " " + policy, () ->
                        assertExample(entry.getKey(), entry.getValue(), policy)));
            }
        }
        return tests.stream();
    }

    private static void assertExample(String ruleId, Example example, CompatibilityPolicy policy) {
        Set<Direction> expected = directions(policy == CompatibilityPolicy.STRICT ? example.strictBreaks()
                : example.lenientBreaks());
        List<Change> changes = CHECKER.diff(schema(example.oldSchema()), schema(example.newSchema()),
                EnumSet.allOf(Direction.class), policy);
        Change change = changes.stream().filter(c -> c.ruleId().equals(ruleId)).findFirst()
                .orElseThrow(() -> new AssertionError(ruleId + " not reported; got " + changes));
        assertEquals(expected, change.breaks(), () -> ruleId + ": " + changes);
        Rule rule = RuleCatalog.find(dev.accord.core.schema.SchemaType.JSON, ruleId).orElseThrow();
        for (Change any : changes) {
            Rule anyRule = RuleCatalog.find(dev.accord.core.schema.SchemaType.JSON, any.ruleId()).orElseThrow();
            assertTrue(anyRule.breaks(policy).containsAll(any.breaks()),
                    () -> "the catalogue says " + anyRule.id() + " breaks " + anyRule.breaks(policy) + " but " + any);
            wellFormed(any);
        }
        assertTrue(rule.breaks(policy).containsAll(expected));
        // the verdicts of the levels follow from the changes
        for (Direction direction : Direction.values()) {
            CompatibilityLevel level = direction == Direction.BACKWARD ? CompatibilityLevel.BACKWARD
                    : CompatibilityLevel.FORWARD;
            boolean compatible = CHECKER.check(level, policy, schema(example.newSchema()),
                    versions(example.oldSchema())).compatible();
            boolean anyBreaks = changes.stream().anyMatch(c -> c.breaks(direction));
            assertEquals(!anyBreaks, compatible, () -> ruleId + " " + direction + ": " + changes);
            if (expected.contains(direction)) {
                assertFalse(compatible, () -> ruleId + " should break " + direction);
            }
        }
    }

    /** What every JSON change must carry. */
    static void wellFormed(Change change) {
        assertNotNull(change.oldPath(), change::toString);
        assertNotNull(change.newPath(), change::toString);
        assertTrue(change.oldPath().contains("#"), change::toString);
        assertTrue(change.newPath().contains("#"), change::toString);
        assertFalse(change.message().isBlank());
        assertTrue(change.message().endsWith("."), change::message);
        assertFalse(change.message().contains("{"), change::message);
        if (!change.breaks().isEmpty()) {
            assertNotNull(change.fixHint(), () -> "a breaking change needs a fix hint: " + change);
            assertTrue(change.message().contains("breaks"), change::message);
        }
    }
}
