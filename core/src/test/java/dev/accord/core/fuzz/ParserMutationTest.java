package dev.accord.core.fuzz;

import dev.accord.core.compat.CompatibilityChecker;
import dev.accord.core.compat.CompatibilityLevel;
import dev.accord.core.compat.CompatibilityPolicy;
import dev.accord.core.compat.VersionedSchema;
import dev.accord.core.schema.InvalidSchemaException;
import dev.accord.core.schema.ParsedSchema;
import dev.accord.core.schema.ReferenceResolver;
import dev.accord.core.schema.SchemaParsers;
import dev.accord.core.schema.SchemaType;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Mutation fuzzing of every format's parser and differ (seeded, so a failure replays): thousands of damaged
 * variants of valid schemas must either parse or fail with the documented {@link InvalidSchemaException}, and every
 * pair that parses must compare under every level without another exception. The timeout only guards against a
 * hang; speed is measured by the JMH benchmarks.
 */
class ParserMutationTest {

    private static final int MUTANTS = 3_000;

    private static final Map<SchemaType, List<String>> SEEDS = Map.of(
            SchemaType.AVRO, List.of(
                    "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"acme\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},"
                            + "{\"name\":\"qty\",\"type\":[\"null\",\"int\"],\"default\":null},{\"name\":\"s\",\"type\":{\"type\":\"enum\","
                            + "\"name\":\"S\",\"symbols\":[\"A\",\"B\"],\"default\":\"A\"}},{\"name\":\"m\",\"type\":{\"type\":\"map\",\"values\":"
                            + "{\"type\":\"array\",\"items\":\"long\"}}},{\"name\":\"d\",\"type\":{\"type\":\"bytes\",\"logicalType\":\"decimal\","
                            + "\"precision\":4,\"scale\":2}}]}",
                    "{\"type\":\"record\",\"name\":\"Node\",\"fields\":[{\"name\":\"next\",\"type\":[\"null\",\"Node\"],\"default\":null}]}"),
            SchemaType.JSON, List.of(
                    "{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"type\":\"object\",\"properties\":{\"id\":{\"type\":"
                            + "\"string\",\"maxLength\":10},\"n\":{\"type\":\"integer\",\"minimum\":0},\"e\":{\"enum\":[\"a\",\"b\"]},\"l\":"
                            + "{\"type\":\"array\",\"items\":{\"$ref\":\"#/definitions/x\"}}},\"required\":[\"id\"],\"additionalProperties\":false,"
                            + "\"definitions\":{\"x\":{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"number\"}]}}}",
                    "{\"type\":\"object\",\"properties\":{\"self\":{\"$ref\":\"#\"}}}"),
            SchemaType.PROTOBUF, List.of(
                    "syntax = \"proto3\";\npackage acme;\nimport \"google/protobuf/timestamp.proto\";\nmessage Order {\n  string id = 1;\n"
                            + "  int32 qty = 2;\n  oneof pay { string card = 3; bytes token = 4; }\n  map<string, Line> lines = 5;\n"
                            + "  google.protobuf.Timestamp at = 6;\n  enum Status { UNKNOWN = 0; DONE = 1; }\n  Status status = 7;\n"
                            + "  message Line { int64 units = 1; }\n  reserved 9 to 11;\n}\n",
                    "syntax = \"proto2\";\nmessage A { required string id = 1; optional group G = 2 { optional int32 x = 3; } "
                            + "extensions 100 to 200; }\nextend A { optional string tag = 100; }\n"));

    private final SchemaParsers parsers = new SchemaParsers();
    private final CompatibilityChecker checker = new CompatibilityChecker();

    @ParameterizedTest
    @EnumSource(value = SchemaType.class, names = {"AVRO", "JSON", "PROTOBUF"})
    @Timeout(120)
    void damagedSchemasParseOrFailWithTheDocumentedErrorAndCompare(SchemaType type) {
        Random random = new Random(20261203L + type.ordinal());
        List<ParsedSchema> valid = new ArrayList<>();
        for (String seed : SEEDS.get(type)) {
            valid.add(parse(type, seed));
        }
        int parsed = 0;
        for (int i = 0; i < MUTANTS; i++) {
            String seed = SEEDS.get(type).get(random.nextInt(SEEDS.get(type).size()));
            String mutant = mutate(random, seed);
            ParsedSchema schema;
            try {
                schema = parsers.parse(type, mutant, List.of(), ReferenceResolver.NONE);
            } catch (InvalidSchemaException expected) {
                continue;
            } catch (RuntimeException | StackOverflowError e) {
                fail(type + " mutant #" + i + " threw " + e + " instead of InvalidSchemaException:\n" + mutant, e);
                return;
            }
            parsed++;
            ParsedSchema other = valid.get(random.nextInt(valid.size()));
            for (CompatibilityLevel level : CompatibilityLevel.values()) {
                try {
                    checker.check(level, CompatibilityPolicy.STRICT, schema, List.of(new VersionedSchema(1, other)));
                    checker.check(level, CompatibilityPolicy.LENIENT, other, List.of(new VersionedSchema(1, schema)));
                } catch (RuntimeException | StackOverflowError e) {
                    fail(type + " mutant #" + i + " failed to compare under " + level + ": " + e + "\n" + mutant, e);
                }
            }
        }
        // the mutations must also produce schemas that parse, or the differ would not be exercised
        assertTrue(parsed > MUTANTS / 50, type + ": only " + parsed + " of " + MUTANTS + " mutants parsed");
    }

    private ParsedSchema parse(SchemaType type, String text) {
        return parsers.parse(type, text, List.of(), ReferenceResolver.NONE);
    }

    /** One to three edits: delete, duplicate a span, swap in a token of the format, or change a number. */
    static String mutate(Random random, String text) {
        StringBuilder out = new StringBuilder(text);
        String[] tokens = {"{", "}", "[", "]", "\"", ",", ":", ";", "=", "null", "\"int\"", "\"string\"", "-1", "0",
                "2147483648", "\"$ref\":\"#\"", "message X {}", "repeated ", "optional ", "\\u0000", "\u00e9", "1e400"};
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && out.length() > 1; e++) {
            int at = random.nextInt(out.length());
            switch (random.nextInt(4)) {
                case 0 -> out.delete(at, Math.min(out.length(), at + 1 + random.nextInt(6)));
                case 1 -> out.insert(at, out.substring(at, Math.min(out.length(), at + 1 + random.nextInt(40))));
                case 2 -> out.insert(at, tokens[random.nextInt(tokens.length)]);
                default -> {
                    for (int i = at; i < out.length(); i++) {
                        if (Character.isDigit(out.charAt(i))) {
                            out.setCharAt(i, (char) ('0' + random.nextInt(10)));
                            break;
                        }
                    }
                }
            }
        }
        return out.toString();
    }
}
