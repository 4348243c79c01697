package dev.accord.maven.check;

import dev.accord.core.compat.CompatibilityChecker;
import dev.accord.core.compat.CompatibilityLevel;
import dev.accord.core.compat.CompatibilityPolicy;
import dev.accord.core.schema.SchemaParsers;
import dev.accord.core.schema.SchemaType;
import dev.accord.maven.schema.SchemaSet;
import dev.accord.maven.schema.SourceFile;
import dev.accord.maven.schema.SubjectNamer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfflineComparisonTest {

    static final String V1 = "{\n  \"type\": \"record\",\n  \"name\": \"Order\",\n  \"fields\": [\n"
            + "    {\"name\": \"id\", \"type\": \"string\"}\n  ]\n}\n";
    static final String V2_BREAKING = "{\n  \"type\": \"record\",\n  \"name\": \"Order\",\n  \"fields\": [\n"
            + "    {\"name\": \"id\", \"type\": \"string\"},\n    {\"name\": \"qty\", \"type\": \"int\"}\n  ]\n}\n";
    static final String V2_COMPATIBLE = "{\n  \"type\": \"record\",\n  \"name\": \"Order\",\n  \"fields\": [\n"
            + "    {\"name\": \"id\", \"type\": \"string\"},\n    {\"name\": \"qty\", \"type\": \"int\", \"default\": 0}\n"
            + "  ]\n}\n";

    private static SchemaSet set(SourceFile... files) {
        return SchemaSet.of(List.of(files), SubjectNamer.topic(), Map.of()).parse(new SchemaParsers());
    }

    private static OfflineComparison comparison(CompatibilityLevel level) {
        return new OfflineComparison(new CompatibilityChecker(),
                s -> new OfflineComparison.Rules(level, CompatibilityPolicy.STRICT));
    }

    @Test
    void anIncompatibleChangeIsLocatedInTheNewFileEvenWhenTheFileMoved() {
        SchemaSet current = set(new SourceFile("src/main/avro/sales/orders.avsc", "sales/orders.avsc",
                SchemaType.AVRO, V2_BREAKING));
        SchemaSet baseline = set(new SourceFile("src/main/avro/orders.avsc", "orders.avsc", SchemaType.AVRO, V1));
        CheckResults results = new CheckResults();
        comparison(CompatibilityLevel.BACKWARD).compare(current, baseline, "git:v1", results);
        List<Finding> findings = results.all();
        assertEquals(1, findings.size(), findings.toString());
        Finding finding = findings.get(0);
        assertEquals("READER_FIELD_MISSING_DEFAULT_VALUE", finding.ruleId());
        assertEquals("src/main/avro/sales/orders.avsc", finding.path());
        assertEquals(6, finding.location().line());
        assertEquals(5, finding.location().column());
        assertEquals("orders-value", finding.subject());
        assertEquals("git:v1 (src/main/avro/orders.avsc) BACKWARD", finding.baseline());
        assertTrue(finding.fixHint() != null && !finding.fixHint().isBlank());
        assertTrue(finding.format().startsWith("src/main/avro/sales/orders.avsc:6:5: READER_FIELD_MISSING_DEFAULT_VALUE "),
                finding.format());
    }

    @Test
    void compatibleChangesNewSubjectsAndRemovedSubjects() {
        SchemaSet current = set(new SourceFile("a/orders.avsc", "orders.avsc", SchemaType.AVRO, V2_COMPATIBLE),
                new SourceFile("a/fresh.avsc", "fresh.avsc", SchemaType.AVRO, V1));
        SchemaSet baseline = set(new SourceFile("orders.avsc", "orders.avsc", SchemaType.AVRO, V1),
                new SourceFile("gone.avsc", "gone.avsc", SchemaType.AVRO, V1));
        CheckResults results = new CheckResults();
        comparison(CompatibilityLevel.FULL_TRANSITIVE).compare(current, baseline, "directory:old", results);
        assertEquals(0, results.failures());
        assertEquals(1, results.warnings());
        assertEquals("SUBJECT_REMOVED", results.general().get(0).ruleId());
        assertTrue(results.cases().stream().anyMatch(c -> c.notes().contains("new subject: not in directory:old")));
    }

    @Test
    void forwardBreaksAreLocatedApproximatelyInTheNewFile() {
        // FORWARD: the old schema reads the new; removing a field without default breaks it
        SchemaSet current = set(new SourceFile("orders.avsc", "orders.avsc", SchemaType.AVRO, V1));
        SchemaSet baseline = set(new SourceFile("orders.avsc", "orders.avsc", SchemaType.AVRO, V2_BREAKING));
        CheckResults results = new CheckResults();
        comparison(CompatibilityLevel.FORWARD).compare(current, baseline, "b", results);
        Finding finding = results.all().get(0);
        assertEquals("READER_FIELD_MISSING_DEFAULT_VALUE", finding.ruleId());
        assertTrue(finding.location().approximate());
        assertFalse(results.cases().iterator().next().notes().stream().anyMatch(n -> n.startsWith("compatible")));
    }

    @Test
    void aProtobufChangeIsLocatedAtTheFieldInTheProtoFile() {
        String v1 = "syntax = \"proto3\";\npackage acme;\n\nmessage Order {\n  string id = 1;\n  int32 qty = 2;\n}\n";
        String v2 = "syntax = \"proto3\";\npackage acme;\n\nmessage Order {\n  string id = 1;\n  string qty = 2;\n}\n";
        SchemaSet current = set(new SourceFile("src/main/proto/orders.proto", "orders.proto", SchemaType.PROTOBUF, v2));
        SchemaSet baseline = set(new SourceFile("src/main/proto/orders.proto", "orders.proto", SchemaType.PROTOBUF, v1));
        CheckResults results = new CheckResults();
        comparison(CompatibilityLevel.BACKWARD).compare(current, baseline, "git:main", results);
        List<Finding> findings = results.all();
        assertEquals(1, findings.size(), findings.toString());
        assertEquals("FIELD_SCALAR_KIND_CHANGED", findings.get(0).ruleId());
        assertTrue(findings.get(0).format().startsWith("src/main/proto/orders.proto:6:3: FIELD_SCALAR_KIND_CHANGED "),
                findings.get(0).format());
    }
}
