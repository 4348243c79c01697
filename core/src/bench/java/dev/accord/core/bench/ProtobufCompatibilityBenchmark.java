package dev.accord.core.bench;

import dev.accord.core.compat.CompatibilityChecker;
import dev.accord.core.compat.CompatibilityLevel;
import dev.accord.core.compat.CompatibilityPolicy;
import dev.accord.core.compat.CompatibilityResult;
import dev.accord.core.compat.VersionedSchema;
import dev.accord.core.schema.ParsedSchema;
import dev.accord.core.schema.ReferenceResolver;
import dev.accord.core.schema.SchemaParsers;
import dev.accord.core.schema.SchemaType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Protobuf registration check under FULL_TRANSITIVE: a file of 200 messages (scalars, a nested enum, a
 * oneof, a map, repeated fields and references to other messages) against 50 earlier versions, each of which
 * lacks some of the latest fields, so all 50 are compared in both directions. Schemas are parsed in setup, as
 * the server keeps parsed schemas in memory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ProtobufCompatibilityBenchmark {

    static final int MESSAGES = 200;
    static final int VERSIONS = 50;

    private final CompatibilityChecker checker = new CompatibilityChecker();
    private final SchemaParsers parsers = new SchemaParsers();
    private ParsedSchema candidate;
    private List<VersionedSchema> history;

    @Setup
    public void setUp() {
        candidate = parse(protoFile(VERSIONS));
        history = new ArrayList<>();
        for (int v = 1; v <= VERSIONS; v++) {
            history.add(new VersionedSchema(v, parse(protoFile(v - 1))));
        }
        CompatibilityResult result = check();
        // a benchmark of an early failure would measure one comparison instead of a hundred
        if (!result.compatible()) {
            throw new IllegalStateException("benchmark history is not compatible: " + result);
        }
    }

    @Benchmark
    public CompatibilityResult protobuf200MessagesAgainst50VersionsFullTransitive() {
        return check();
    }

    private CompatibilityResult check() {
        return checker.check(CompatibilityLevel.FULL_TRANSITIVE, CompatibilityPolicy.STRICT, candidate, history);
    }

    private ParsedSchema parse(String text) {
        return parsers.parse(SchemaType.PROTOBUF, text, List.of(), ReferenceResolver.NONE);
    }

    /** 200 messages; version {@code added} has {@code added} extra optional fields spread over the messages. */
    static String protoFile(int added) {
        StringBuilder text = new StringBuilder("syntax = \"proto3\";\npackage bench.orders;\n\n");
        for (int m = 0; m < MESSAGES; m++) {
            text.append("message M").append(m).append(" {\n")
                    .append("  enum Kind { KIND_UNKNOWN = 0; KIND_A = 1; KIND_B = 2; }\n")
                    .append("  string id = 1;\n")
                    .append("  int64 count = 2;\n")
                    .append("  Kind kind = 3;\n")
                    .append("  repeated string tags = 4;\n")
                    .append("  map<string, int32> totals = 5;\n")
                    .append("  oneof choice {\n    string text = 6;\n    bytes blob = 7;\n  }\n");
            if (m > 0) {
                text.append("  M").append(m - 1).append(" previous = 8;\n");
            }
            text.append("  optional double ratio = 9;\n");
            // extra fields: the k-th added field lands in message k % MESSAGES
            for (int k = 0; k < added; k++) {
                if (k % MESSAGES == m) {
                    text.append("  string extra").append(k).append(" = ").append(100 + k).append(";\n");
                }
            }
            text.append("}\n\n");
        }
        return text.toString();
    }
}
