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
 * One registration check of a large schema against a long history: a candidate with 500 properties (fields)
 * against 50 earlier versions under BACKWARD_TRANSITIVE, where every version is compatible, so all 50 are
 * compared. Schemas are parsed in setup, as the server keeps parsed schemas in memory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CompatibilityBenchmark {

    static final int PROPERTIES = 500;
    static final int VERSIONS = 50;

    private final CompatibilityChecker checker = new CompatibilityChecker();
    private final SchemaParsers parsers = new SchemaParsers();
    private ParsedSchema jsonCandidate;
    private List<VersionedSchema> jsonHistory;
    private ParsedSchema avroCandidate;
    private List<VersionedSchema> avroHistory;

    @Setup
    public void setUp() {
        jsonCandidate = parse(SchemaType.JSON, jsonSchema(PROPERTIES));
        jsonHistory = history(SchemaType.JSON);
        avroCandidate = parse(SchemaType.AVRO, avroRecord(PROPERTIES));
        avroHistory = history(SchemaType.AVRO);
        // a benchmark of an early failure would measure one comparison instead of fifty
        requireCompatible(checkJson());
        requireCompatible(checkAvro());
    }

    @Benchmark
    public CompatibilityResult jsonSchema500PropertiesAgainst50Versions() {
        return checkJson();
    }

    @Benchmark
    public CompatibilityResult avroRecord500FieldsAgainst50Versions() {
        return checkAvro();
    }

    private CompatibilityResult checkJson() {
        return checker.check(CompatibilityLevel.BACKWARD_TRANSITIVE, CompatibilityPolicy.STRICT, jsonCandidate,
                jsonHistory);
    }

    private CompatibilityResult checkAvro() {
        return checker.check(CompatibilityLevel.BACKWARD_TRANSITIVE, CompatibilityPolicy.STRICT, avroCandidate,
                avroHistory);
    }

    private List<VersionedSchema> history(SchemaType type) {
        List<VersionedSchema> versions = new ArrayList<>();
        for (int v = 1; v <= VERSIONS; v++) {
            // each version adds an optional property (a field with a default) to the one before
            int size = PROPERTIES - VERSIONS + v - 1;
            versions.add(new VersionedSchema(v, parse(type, type == SchemaType.JSON ? jsonSchema(size)
                    : avroRecord(size))));
        }
        return versions;
    }

    private ParsedSchema parse(SchemaType type, String text) {
        return parsers.parse(type, text, List.of(), ReferenceResolver.NONE);
    }

    private static void requireCompatible(CompatibilityResult result) {
        if (!result.compatible()) {
            throw new IllegalStateException("benchmark history is not compatible: " + result);
        }
    }

    /** A closed object with a mix of property kinds, so that adding optional properties is compatible. */
    static String jsonSchema(int properties) {
        StringBuilder text = new StringBuilder("{\"$schema\":\"http://json-schema.org/draft-07/schema#\","
                + "\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"p0\"],\"properties\":{");
        for (int i = 0; i < properties; i++) {
            text.append(i == 0 ? "" : ",").append("\"p").append(i).append("\":").append(switch (i % 5) {
                case 0 -> "{\"type\":\"string\",\"maxLength\":100,\"description\":\"property " + i + "\"}";
                case 1 -> "{\"type\":\"integer\",\"minimum\":0}";
                case 2 -> "{\"type\":[\"string\",\"null\"],\"enum\":[\"a\",\"b\",\"c\",null]}";
                case 3 -> "{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"number\"},"
                        + "\"y\":{\"type\":\"number\"}},\"required\":[\"x\"]}";
                default -> "{\"type\":\"array\",\"items\":{\"type\":\"string\",\"format\":\"date-time\"}}";
            });
        }
        return text.append("}}").toString();
    }

    /** A record with a mix of field kinds; fields after the first have defaults. */
    static String avroRecord(int fields) {
        StringBuilder text = new StringBuilder("{\"type\":\"record\",\"name\":\"Big\",\"namespace\":\"bench\","
                + "\"fields\":[");
        for (int i = 0; i < fields; i++) {
            text.append(i == 0 ? "" : ",").append("{\"name\":\"f").append(i).append("\",\"type\":")
                    .append(switch (i % 5) {
                        case 0 -> "\"string\",\"default\":\"\"";
                        case 1 -> "\"long\",\"default\":0";
                        case 2 -> "[\"null\",\"string\"],\"default\":null";
                        case 3 -> "{\"type\":\"record\",\"name\":\"R" + i + "\",\"fields\":[{\"name\":\"x\","
                                + "\"type\":\"double\",\"default\":0}]},\"default\":{\"x\":0}";
                        default -> "{\"type\":\"array\",\"items\":\"string\"},\"default\":[]";
                    }).append('}');
        }
        return text.append("]}").toString();
    }
}
