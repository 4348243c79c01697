package dev.accord.core.schema;

import dev.accord.core.compat.CompatibilityChecker;
import dev.accord.core.compat.CompatibilityLevel;
import dev.accord.core.compat.CompatibilityPolicy;
import dev.accord.core.compat.VersionedSchema;
import dev.accord.core.schema.WorkBudget.WorkBudgetExceededException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A comparison stops when its budget is spent or its caller has gone, in every format, and only then. */
class WorkBudgetTest {

    private final SchemaParsers parsers = new SchemaParsers();
    private final CompatibilityChecker checker = new CompatibilityChecker();

    @ParameterizedTest
    @EnumSource(value = SchemaType.class, names = {"AVRO", "JSON", "PROTOBUF"})
    void aSpentBudgetStopsTheComparisonWithTheBudgetNamed(SchemaType type) {
        ParsedSchema original = parsers.parse(type, wide(type, 3_000), List.of(), ReferenceResolver.NONE);
        ParsedSchema update = parsers.parse(type, wide(type, 2_999), List.of(), ReferenceResolver.NONE);

        WorkBudgetExceededException stopped = assertThrows(WorkBudgetExceededException.class,
                () -> WorkBudget.within(Duration.ZERO, () -> false, () -> compare(original, update)));
        assertFalse(stopped.abandoned());
        assertTrue(stopped.getMessage().contains("accord.limits.request-budget"), stopped.getMessage());

        // the budget ends with its work: the same comparison outside any budget runs to the end
        assertDoesNotThrow(() -> compare(original, update));
    }

    @ParameterizedTest
    @EnumSource(value = SchemaType.class, names = {"AVRO", "JSON", "PROTOBUF"})
    void aCallerThatWentAwayStopsTheComparison(SchemaType type) {
        ParsedSchema original = parsers.parse(type, wide(type, 3_000), List.of(), ReferenceResolver.NONE);
        ParsedSchema update = parsers.parse(type, wide(type, 2_999), List.of(), ReferenceResolver.NONE);

        WorkBudgetExceededException stopped = assertThrows(WorkBudgetExceededException.class,
                () -> WorkBudget.within(Duration.ofMinutes(1), () -> true, () -> compare(original, update)));
        assertTrue(stopped.abandoned());
        // a generous budget with the caller still there lets the same work finish
        assertDoesNotThrow(() -> WorkBudget.within(Duration.ofMinutes(1), () -> false, () -> compare(original, update)));
    }

    private Object compare(ParsedSchema original, ParsedSchema update) {
        return checker.check(CompatibilityLevel.FULL, CompatibilityPolicy.STRICT, update,
                List.of(new VersionedSchema(1, original)));
    }

    /** A record, object or message with {@code fields} fields, each of them a nested one-field structure. */
    private static String wide(SchemaType type, int fields) {
        StringBuilder out = new StringBuilder();
        switch (type) {
            case AVRO -> {
                out.append("{\"type\":\"record\",\"name\":\"Wide\",\"fields\":[");
                for (int i = 0; i < fields; i++) {
                    out.append(i == 0 ? "" : ",").append("{\"name\":\"f").append(i)
                            .append("\",\"type\":{\"type\":\"record\",\"name\":\"R").append(i)
                            .append("\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]},\"default\":{\"x\":0}}");
                }
                out.append("]}");
            }
            case JSON -> {
                out.append("{\"type\":\"object\",\"properties\":{");
                for (int i = 0; i < fields; i++) {
                    out.append(i == 0 ? "" : ",").append("\"f").append(i)
                            .append("\":{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"integer\"}}}");
                }
                out.append("}}");
            }
            default -> {
                out.append("syntax = \"proto3\";\nmessage Wide {\n");
                for (int i = 0; i < fields; i++) {
                    out.append("  message R").append(i).append(" { int32 x = 1; }\n  R").append(i).append(" f")
                            .append(i).append(" = ").append(i + 1).append(";\n");
                }
                out.append("}\n");
            }
        }
        return out.toString();
    }
}
