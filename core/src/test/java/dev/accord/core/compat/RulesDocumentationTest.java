package dev.accord.core.compat;

import dev.accord.core.format.SchemaFormats;
import dev.accord.core.json.JsonRuleExamples;
import dev.accord.core.json.JsonRuleExamples.Example;
import dev.accord.core.protobuf.ProtobufRuleExamples;
import dev.accord.core.schema.SchemaType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/rules.md lists every rule of {@link RuleCatalog} with its purpose, word for word; this test fails when the
 * page and the catalogue differ. Run it with {@code -Daccord.rules.write=true} to regenerate the page from the
 * catalogue, the JSON examples ({@link JsonRuleExamples}) and the Avro examples below.
 */
class RulesDocumentationTest {

    private static final Path PAGE = Path.of(System.getProperty("accord.rules.page", "../docs/rules.md"));

    /** Avro examples for the page (old, new, what breaks); Avro decides the directions per change. */
    private static final Map<String, String[]> AVRO_EXAMPLES = new LinkedHashMap<>();

    static {
        AVRO_EXAMPLES.put("SCHEMA_TYPE_CHANGED", new String[] {"\"string\" (AVRO)", "{\"type\":\"string\"} (JSON)",
                "BACKWARD and FORWARD"});
        AVRO_EXAMPLES.put("READER_FIELD_MISSING_DEFAULT_VALUE", new String[] {
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}",
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},"
                        + "{\"name\":\"b\",\"type\":\"int\"}]}", "BACKWARD"});
        AVRO_EXAMPLES.put("TYPE_MISMATCH", new String[] {
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}",
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}",
                "BACKWARD and FORWARD"});
        AVRO_EXAMPLES.put("NAME_MISMATCH", new String[] {
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}",
                "{\"type\":\"record\",\"name\":\"S\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}",
                "BACKWARD and FORWARD"});
        AVRO_EXAMPLES.put("FIXED_SIZE_MISMATCH", new String[] {"{\"type\":\"fixed\",\"name\":\"F\",\"size\":3}",
                "{\"type\":\"fixed\",\"name\":\"F\",\"size\":2}", "BACKWARD and FORWARD"});
        AVRO_EXAMPLES.put("MISSING_ENUM_SYMBOLS", new String[] {
                "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"B\"]}",
                "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\"]}", "BACKWARD"});
        AVRO_EXAMPLES.put("MISSING_UNION_BRANCH", new String[] {"[\"null\",\"int\",\"string\"]", "[\"null\",\"int\"]",
                "BACKWARD"});
    }

    @Test
    void thePageListsEveryRuleWithItsPurpose() throws IOException {
        if (Boolean.getBoolean("accord.rules.write")) {
            Files.writeString(PAGE, render(), StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(PAGE), () -> PAGE.toAbsolutePath() + " is missing");
        Map<String, String> documented = documentedPurposes(Files.readString(PAGE, StandardCharsets.UTF_8));
        Set<String> catalogued = new TreeSet<>();
        RuleCatalog.all().forEach(rule -> catalogued.add(key(rule)));
        Set<String> undocumented = new TreeSet<>(catalogued);
        undocumented.removeAll(documented.keySet());
        Set<String> unknown = new TreeSet<>(documented.keySet());
        unknown.removeAll(catalogued);
        assertTrue(undocumented.isEmpty(), () -> "rules missing from docs/rules.md: " + undocumented
                + " (regenerate with -Daccord.rules.write=true)");
        assertTrue(unknown.isEmpty(), () -> "docs/rules.md documents rules the catalogue lacks: " + unknown);
        for (Rule rule : RuleCatalog.all()) {
            assertEquals(rule.purpose(), documented.get(key(rule)), () -> "purpose of " + key(rule)
                    + " differs between the catalogue and docs/rules.md");
        }
    }

    /** A rule's key on the page: the section (format) it is listed in, and its ID. */
    private static String key(Rule rule) {
        return sectionTitle(rule.format()) + "/" + rule.id();
    }

    private static String sectionTitle(SchemaType format) {
        return format == null ? "Any format" : SchemaFormats.of(format).displayName();
    }

    @Test
    void theParserOfThePageFindsSectionsAndPurposes() {
        Map<String, String> found = documentedPurposes("# T\n\n## Avro\n\n### A_RULE\n\nIt does a thing.\n\n- x\n\n"
                + "## Protobuf\n\n### A_RULE\nOther.\n");
        assertEquals(Map.of("Avro/A_RULE", "It does a thing.", "Protobuf/A_RULE", "Other."), found);
    }

    /** Each "### RULE_ID" heading (keyed "Section/RULE_ID" by its "## Section") and the first line after it. */
    static Map<String, String> documentedPurposes(String page) {
        Map<String, String> purposes = new LinkedHashMap<>();
        String section = "";
        String current = null;
        for (String line : page.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("### ")) {
                current = section + "/" + trimmed.substring(4).strip();
                purposes.put(current, null);
            } else if (trimmed.startsWith("## ")) {
                section = trimmed.substring(3).strip();
                current = null;
            } else if (current != null && purposes.get(current) == null && !trimmed.isEmpty()) {
                purposes.put(current, trimmed);
            }
        }
        return purposes;
    }

    // ---- generating the page ----------------------------------------------------------------------------------

    private static String render() {
        StringBuilder page = new StringBuilder();
        page.append("""
                # Compatibility rules

                Every change Accord reports carries a stable rule ID. This page lists every rule of the catalogue
                (`RuleCatalog.all()` in `core`): what it detects, which directions it breaks, and a small example.
                A test (`RulesDocumentationTest`) fails when this page and the catalogue differ; run it with
                `-Daccord.rules.write=true` to regenerate the page after adding a rule (add a JSON example to
                `JsonRuleExamples`, a Protobuf one to `ProtobufRuleExamples`, an Avro one to
                `RulesDocumentationTest`), or edit the page by hand.

                **Directions.** A change from an old to a new version *breaks BACKWARD* when the new schema cannot
                read (accept) some data written with the old one: consumers cannot be upgraded first. It *breaks
                FORWARD* when the old schema cannot read data written with the new one: producers cannot be upgraded
                first. BACKWARD and BACKWARD_TRANSITIVE need no change to break BACKWARD, FORWARD(_TRANSITIVE) none
                to break FORWARD, FULL(_TRANSITIVE) neither. Each reported change lists the directions it actually
                breaks (among those the check asked for).

                **Paths.** `oldPath` and `newPath` are JSON pointers written as URI fragments: `#/properties/a` in
                JSON Schemas (`address.json#/definitions/zip` inside a referenced schema), `/fields/1/type` in Avro;
                Protobuf paths name messages and fields (`/Order/fields/3`, see its section).

                Rule IDs are unique within a format: Avro and Protobuf both have FIELD_ADDED, as in Confluent's
                names. `GET /v1/rules` lists the same catalogue with each rule's format and category.

                """);
        page.append("## Any format\n\n");
        for (Rule rule : RuleCatalog.all()) {
            if (rule.format() == null) {
                avroLike(page, rule);
            }
        }
        page.append("## Avro\n\n");
        page.append("""
                Avro's rules are Apache Avro's schema resolution errors (and Confluent's names for them). They are
                found per reading direction: BACKWARD reads old data with the new schema, FORWARD reads new data
                with the old one, so the same rule can break either direction depending on the change.

                """);
        for (Rule rule : RuleCatalog.all()) {
            if (rule.format() == SchemaType.AVRO) {
                avroLike(page, rule);
            }
        }
        page.append("## JSON Schema\n\n");
        page.append("""
                JSON Schema compatibility is inclusion of valid documents, judged the way Confluent Schema Registry
                judges it (its rule names are used wherever it has one): comparing the old schema to the new one
                decides BACKWARD, comparing the new one to the old decides FORWARD, and a direction breaks when a
                difference found for it is outside the compatible set of the policy. **STRICT** (the default) is
                Confluent's rule set. **LENIENT** additionally accepts property additions to open content models
                (unless required without a default), property removals from closed ones, closing a model
                (`additionalProperties`/`unevaluatedProperties` false or narrowed), and properties not covered by a
                partially open model.

                Content models: *open* = no `additionalProperties`/`unevaluatedProperties` restriction and no
                `patternProperties` (any other property may appear with any value); *closed* =
                `additionalProperties: false` (or `unevaluatedProperties: false`); *partially open* =
                `patternProperties` or an `additionalProperties` schema, which constrain undeclared properties.
                The same holds for tuples (`items` array or `prefixItems`) with `additionalItems`/`items`.

                "Can break" lists every direction a change of that kind may break under the policy; whether a
                particular change does can depend on details (a removed property that was required, a subschema
                that another matches), and each reported change says which it breaks. Format is an annotation and
                never breaks (Confluent does not compare it).

                """);
        Map<String, Example> examples = JsonRuleExamples.all();
        for (Rule rule : RuleCatalog.all()) {
            if (rule.format() != SchemaType.JSON) {
                continue;
            }
            page.append("### ").append(rule.id()).append("\n\n").append(rule.purpose()).append("\n\n");
            page.append("- Can break: STRICT ").append(directions(rule.breaks(CompatibilityPolicy.STRICT)))
                    .append(" · LENIENT ").append(directions(rule.breaks(CompatibilityPolicy.LENIENT))).append('\n');
            Example example = examples.get(rule.id());
            if (example != null) {
                page.append("- Example: `").append(example.oldSchema().replace('\'', '"')).append("` → `")
                        .append(example.newSchema().replace('\'', '"')).append("` breaks STRICT ")
                        .append(code(example.strictBreaks())).append(" · LENIENT ")
                        .append(code(example.lenientBreaks())).append('\n');
            }
            page.append('\n');
        }
        page.append("## Protobuf\n\n");
        page.append("""
                Protobuf compatibility follows Confluent's Protobuf differ: messages and enums are matched by their
                name in the file, fields by number (the wire carries numbers, so a renamed field is the same field),
                oneofs by name. Comparing the old file to the new one decides BACKWARD, comparing the new one to the
                old decides FORWARD, and both use the same set of compatible difference types, so some additions
                (a message, a field in an existing oneof) break FORWARD. Scalars change compatibly within their wire
                group: int32, int64, uint32, uint64, bool and enums; sint32 and sint64; fixed32 and sfixed32; fixed64
                and sfixed64; string and bytes. Message types a field uses from an imported file are compared too
                when both versions use the same one. STRICT and LENIENT judge alike.

                Paths name messages by their names (`/Order/Line`), fields by number (`/Order/fields/3`), oneofs by
                name (`/Order/oneofs/payment`), enum values by number (`/Status/values/2`), and start with the
                import path inside an imported file (`common/money.proto#/Money/fields/1`). Examples are proto3 in
                package `acme` unless they say otherwise.

                """);
        Map<String, ProtobufRuleExamples.Example> protoExamples = ProtobufRuleExamples.all();
        for (Rule rule : RuleCatalog.of(SchemaType.PROTOBUF)) {
            page.append("### ").append(rule.id()).append("\n\n").append(rule.purpose()).append("\n\n");
            page.append("- Can break: ").append(directions(rule.breaks(CompatibilityPolicy.STRICT)))
                    .append(" (both policies)\n");
            ProtobufRuleExamples.Example example = protoExamples.get(rule.id());
            if (example != null) {
                page.append("- Example: `").append(example.oldSchema()).append("` → `").append(example.newSchema())
                        .append("` breaks ").append(code(example.breaks())).append('\n');
            }
            page.append('\n');
        }
        return page.toString().replaceAll("\n+$", "\n");
    }

    private static void avroLike(StringBuilder page, Rule rule) {
        page.append("### ").append(rule.id()).append("\n\n").append(rule.purpose()).append("\n\n");
        if (rule.breaks().isEmpty()) {
            page.append("- Breaks: decided per change (a resolution error breaks the direction whose reader fails;"
                    + " a change both readers resolve breaks nothing); same under STRICT and LENIENT\n");
        } else {
            page.append("- Can break: STRICT ").append(directions(rule.breaks(CompatibilityPolicy.STRICT)))
                    .append(" · LENIENT ").append(directions(rule.breaks(CompatibilityPolicy.LENIENT))).append('\n');
        }
        String[] example = AVRO_EXAMPLES.get(rule.id());
        if (example != null) {
            page.append("- Example: `").append(example[0]).append("` → `").append(example[1]).append("` breaks ")
                    .append(example[2]).append('\n');
        }
        page.append('\n');
    }

    private static String directions(Set<Direction> directions) {
        if (directions.isEmpty()) {
            return "nothing";
        }
        return String.join(" and ", directions.stream().sorted().map(Enum::name).toList());
    }

    private static String code(String breaks) {
        List<String> names = new java.util.ArrayList<>();
        if (breaks.contains("B")) {
            names.add("BACKWARD");
        }
        if (breaks.contains("F")) {
            names.add("FORWARD");
        }
        return names.isEmpty() ? "nothing" : String.join(" and ", names);
    }
}
