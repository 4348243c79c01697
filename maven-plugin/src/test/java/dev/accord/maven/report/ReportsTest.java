package dev.accord.maven.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accord.core.schema.SchemaType;
import dev.accord.maven.check.CheckResults;
import dev.accord.maven.check.Finding;
import dev.accord.maven.check.SchemaCase;
import dev.accord.core.format.SourceLocation;
import dev.accord.maven.schema.SchemaSet;
import dev.accord.maven.schema.SourceFile;
import dev.accord.maven.schema.SubjectNamer;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportsTest {

    static final ReportContext CONTEXT = new ReportContext("services/orders/", URI.create("file:///repo/"), "1.0");

    /** Two schemas: one with an incompatible change, a waived one and a warning; one invalid. Plus a general warning. */
    static CheckResults sample() {
        SchemaSet set = SchemaSet.of(List.of(
                new SourceFile("src/main/avro/orders.avsc", "orders.avsc", SchemaType.AVRO, "{\"type\":\"string\"}"),
                new SourceFile("src/main/avro/bad.avsc", "bad.avsc", SchemaType.AVRO, "{"),
                new SourceFile("src/main/avro/fine.avsc", "fine.avsc", SchemaType.AVRO, "\"int\"")),
                SubjectNamer.topic(), Map.of());
        CheckResults results = new CheckResults();
        results.baselines().add("git:main");
        SchemaCase orders = results.caseFor(set.bySubject("orders-value"));
        orders.findings().add(Finding.error("src/main/avro/orders.avsc", new SourceLocation(7, 5, false),
                "READER_FIELD_MISSING_DEFAULT_VALUE", "The field 'qty' at path '/fields/1' has no default <&>",
                "give it a default", "orders-value", "git:main BACKWARD", null));
        orders.findings().add(Finding.error("src/main/avro/orders.avsc", new SourceLocation(9, 3, false), "TYPE_MISMATCH",
                "type changed, 100% sure: a,b", null, "orders-value", "registry", 2).waived("agreed with consumers"));
        SchemaCase bad = results.caseFor(set.bySubject("bad-value"));
        bad.findings().add(Finding.error("src/main/avro/bad.avsc", new SourceLocation(1, 2, false), Finding.INVALID_SCHEMA,
                "Invalid JSON at line 1, column 2", null, "bad-value", null, null));
        results.caseFor(set.bySubject("fine-value")).notes().add("compatible with git:main (BACKWARD)");
        results.general().add(Finding.warning(null, null, "UNUSED_IGNORE", "The ignore matched nothing", null, null));
        results.millis(1234);
        return results;
    }

    @Test
    void junitXmlHasOneTestCasePerSchemaAndParses() throws Exception {
        String xml = JUnitXmlReport.render(sample(), "accord.check");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element suite = doc.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("3", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("errors"));
        assertEquals("1.234", suite.getAttribute("time"));
        NodeList cases = suite.getElementsByTagName("testcase");
        assertEquals(3, cases.getLength());
        Element orders = find(cases, "src/main/avro/orders.avsc");
        assertEquals("orders-value", orders.getAttribute("classname"));
        Element failure = (Element) orders.getElementsByTagName("failure").item(0);
        assertEquals("READER_FIELD_MISSING_DEFAULT_VALUE", failure.getAttribute("type"));
        assertTrue(failure.getTextContent().contains("src/main/avro/orders.avsc:7:5: READER_FIELD_MISSING_DEFAULT_VALUE"
                + " The field 'qty' at path '/fields/1' has no default <&> (give it a default)"));
        assertTrue(orders.getElementsByTagName("system-out").item(0).getTextContent().contains("agreed with consumers"));
        Element bad = find(cases, "src/main/avro/bad.avsc");
        assertEquals(1, bad.getElementsByTagName("error").getLength());
        Element fine = find(cases, "src/main/avro/fine.avsc");
        assertEquals(0, fine.getElementsByTagName("failure").getLength());
    }

    private static Element find(NodeList cases, String name) {
        for (int i = 0; i < cases.getLength(); i++) {
            Element element = (Element) cases.item(i);
            if (element.getAttribute("name").equals(name)) {
                return element;
            }
        }
        throw new AssertionError("no test case " + name);
    }

    @Test
    void sarifIsValidAgainstTheSarif210Schema() throws Exception {
        JsonNode sarif = SarifReport.render(sample(), CONTEXT);
        assertEquals(List.of(), sarifSchemaErrors(sarif));
        JsonNode run = sarif.get("runs").get(0);
        JsonNode results = run.get("results");
        assertEquals(4, results.size());
        JsonNode first = results.get(0);
        assertEquals("READER_FIELD_MISSING_DEFAULT_VALUE", first.get("ruleId").asText());
        assertEquals("error", first.get("level").asText());
        JsonNode physical = first.get("locations").get(0).get("physicalLocation");
        assertEquals("services/orders/src/main/avro/orders.avsc", physical.get("artifactLocation").get("uri").asText());
        assertEquals("SRCROOT", physical.get("artifactLocation").get("uriBaseId").asText());
        assertEquals(7, physical.get("region").get("startLine").asInt());
        assertEquals(5, physical.get("region").get("startColumn").asInt());
        assertEquals("agreed with consumers", results.get(1).get("suppressions").get(0).get("justification").asText());
        assertEquals("file:///repo/", run.get("originalUriBaseIds").get("SRCROOT").get("uri").asText());
        int ruleIndex = first.get("ruleIndex").asInt();
        assertEquals("READER_FIELD_MISSING_DEFAULT_VALUE", run.get("tool").get("driver").get("rules").get(ruleIndex)
                .get("id").asText());
        assertEquals("warning", results.get(3).get("level").asText());
    }

    static List<String> sarifSchemaErrors(JsonNode sarif) throws Exception {
        return SarifSchema.errors(sarif);
    }

    @Test
    void sarifSchemaCheckRejectsAnInvalidDocument() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        assertTrue(!sarifSchemaErrors(mapper.readTree("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{}}]}")).isEmpty());
        assertTrue(!sarifSchemaErrors(mapper.readTree("{\"version\":\"9\",\"runs\":[]}")).isEmpty());
    }

    @Test
    void githubAnnotationsEscapeDataAndProperties() {
        List<String> lines = GitHubAnnotations.render(sample(), CONTEXT);
        assertEquals(3, lines.size()); // the waived finding is not annotated
        assertEquals("::error file=services/orders/src/main/avro/orders.avsc,line=7,col=5,"
                + "title=READER_FIELD_MISSING_DEFAULT_VALUE (orders-value)::The field 'qty' at path '/fields/1' has no"
                + " default <&> (give it a default) [baseline git:main BACKWARD]", lines.get(0));
        assertTrue(lines.get(2).startsWith("::warning title=UNUSED_IGNORE::"));
        assertEquals("a%25b%0Ac", GitHubAnnotations.data("a%b\nc"));
        assertEquals("a%3Ab%2Cc", GitHubAnnotations.property("a:b,c"));
    }

    @Test
    void findingsFormatAsFileLineColumnRuleMessageHint() {
        Finding finding = sample().all().get(0);
        assertEquals("src/main/avro/orders.avsc:7:5: READER_FIELD_MISSING_DEFAULT_VALUE The field 'qty' at path"
                + " '/fields/1' has no default <&> (give it a default) [subject orders-value, baseline git:main BACKWARD]",
                finding.format());
        CheckResults results = sample();
        assertEquals("2 problems in 2 of 3 schemas against git:main (1 waived, 1 warning)", results.summary());
    }
}
