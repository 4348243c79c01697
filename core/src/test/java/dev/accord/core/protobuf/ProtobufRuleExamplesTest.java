package dev.accord.core.protobuf;

import dev.accord.core.compat.Change;
import dev.accord.core.compat.CompatibilityChecker;
import dev.accord.core.compat.CompatibilityLevel;
import dev.accord.core.compat.CompatibilityPolicy;
import dev.accord.core.compat.Direction;
import dev.accord.core.compat.Rule;
import dev.accord.core.compat.RuleCatalog;
import dev.accord.core.protobuf.ProtobufRuleExamples.Example;
import dev.accord.core.schema.SchemaType;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static dev.accord.core.protobuf.ProtoTestSchemas.proto;
import static dev.accord.core.protobuf.ProtoTestSchemas.versions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every Protobuf rule has an example that produces it with the directions it breaks, and the verdicts of every
 * level on each example follow from those directions.
 */
class ProtobufRuleExamplesTest {

    private static final CompatibilityChecker CHECKER = new CompatibilityChecker();

    private static Set<String> ruleIds() {
        Set<String> ids = new TreeSet<>();
        RuleCatalog.of(SchemaType.PROTOBUF).forEach(rule -> ids.add(rule.id()));
        return ids;
    }

    @Test
    void everyRuleHasAnExampleAndEveryExampleARule() {
        Set<String> missing = new TreeSet<>(ruleIds());
        missing.removeAll(ProtobufRuleExamples.all().keySet());
        assertTrue(missing.isEmpty(), () -> "Protobuf rules without an example: " + missing);
        Set<String> unknown = new TreeSet<>(ProtobufRuleExamples.all().keySet());
        unknown.removeAll(ruleIds());
        assertTrue(unknown.isEmpty(), () -> "examples of unknown rules: " + unknown);
        assertEquals(27, ruleIds().size(), "Confluent's 26 difference types and FIELD_MOVED_TO_NEW_ONEOF");
    }

    static Set<Direction> directions(String code) {
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
        return ProtobufRuleExamples.all().entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(),
                () -> assertExample(entry.getKey(), entry.getValue())));
    }

    private static void assertExample(String ruleId, Example example) {
        String oldText = ProtobufRuleExamples.file(example.oldSchema());
        String newText = ProtobufRuleExamples.file(example.newSchema());
        Set<Direction> expected = directions(example.breaks());
        for (CompatibilityPolicy policy : CompatibilityPolicy.values()) {
            List<Change> changes = CHECKER.diff(proto(oldText), proto(newText), EnumSet.allOf(Direction.class), policy);
            Change change = changes.stream().filter(c -> c.ruleId().equals(ruleId)).findFirst()
                    .orElseThrow(() -> new AssertionError(ruleId + " not reported; got " + changes));
            assertEquals(expected, change.breaks(), () -> ruleId + ": " + changes);
            Rule rule = RuleCatalog.find(SchemaType.PROTOBUF, ruleId).orElseThrow();
            assertTrue(rule.breaks(policy).containsAll(expected), rule::toString);
            for (Change any : changes) {
                Rule anyRule = RuleCatalog.find(SchemaType.PROTOBUF, any.ruleId()).orElseThrow();
                assertTrue(anyRule.breaks(policy).containsAll(any.breaks()),
                        () -> "the catalogue says " + anyRule.id() + " breaks " + anyRule.breaks(policy) + " but " + any);
                wellFormed(any);
            }
            for (CompatibilityLevel level : CompatibilityLevel.values()) {
                boolean compatible = CHECKER.check(level, policy, proto(newText), versions(oldText)).compatible();
                boolean anyBreaks = changes.stream().anyMatch(c -> c.breaks().stream()
                        .anyMatch(level.directions()::contains));
                assertEquals(!anyBreaks, compatible, () -> ruleId + " " + level + ": " + changes);
            }
        }
    }

    static void wellFormed(Change change) {
        assertTrue(change.oldPath() != null || change.newPath() != null, change::toString);
        assertFalse(change.message().isBlank());
        assertTrue(change.message().endsWith("."), change::message);
        assertFalse(change.message().contains("{"), change::message);
        if (!change.breaks().isEmpty()) {
            assertNotNull(change.fixHint(), () -> "a breaking change needs a fix hint: " + change);
            assertTrue(change.message().contains("breaks"), change::message);
        }
    }
}
