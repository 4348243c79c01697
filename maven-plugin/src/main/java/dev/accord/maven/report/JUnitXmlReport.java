package dev.accord.maven.report;

import dev.accord.maven.check.CheckResults;
import dev.accord.maven.check.Finding;
import dev.accord.maven.check.SchemaCase;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * JUnit XML (the surefire format CI servers read): one test case per schema file, named by its path, in the
 * class of its subject. An incompatible change is a failure, an invalid schema an error; waived findings,
 * warnings and what passed are in the case's system-out.
 */
public final class JUnitXmlReport {

    private JUnitXmlReport() {
    }

    public static String render(CheckResults results, String suiteName) {
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element suite = doc.createElement("testsuite");
            doc.appendChild(suite);
            long failures = results.cases().stream().filter(c -> c.failed() && !c.invalid()).count();
            long errors = results.cases().stream().filter(SchemaCase::invalid).count();
            suite.setAttribute("name", suiteName);
            suite.setAttribute("tests", Integer.toString(results.cases().size()));
            suite.setAttribute("failures", Long.toString(failures));
            suite.setAttribute("errors", Long.toString(errors));
            suite.setAttribute("skipped", "0");
            suite.setAttribute("time", seconds(results.millis()));
            suite.setAttribute("timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            Element properties = doc.createElement("properties");
            suite.appendChild(properties);
            Element baselines = doc.createElement("property");
            baselines.setAttribute("name", "baselines");
            baselines.setAttribute("value", String.join(",", results.baselines()));
            properties.appendChild(baselines);
            for (SchemaCase schemaCase : results.cases()) {
                Element testcase = doc.createElement("testcase");
                testcase.setAttribute("classname", schemaCase.subject() == null ? "accord" : schemaCase.subject());
                testcase.setAttribute("name", schemaCase.path());
                testcase.setAttribute("time", "0");
                List<Finding> failing = schemaCase.findings().stream().filter(Finding::fails).toList();
                if (!failing.isEmpty()) {
                    Element failure = doc.createElement(schemaCase.invalid() ? "error" : "failure");
                    failure.setAttribute("type", failing.get(0).ruleId());
                    failure.setAttribute("message", failing.size() == 1 ? failing.get(0).ruleId() + " "
                            + failing.get(0).message() : failing.size() + " problems: " + failing.stream()
                            .map(Finding::ruleId).distinct().collect(Collectors.joining(", ")));
                    failure.setTextContent(failing.stream().map(Finding::format).collect(Collectors.joining("\n")));
                    testcase.appendChild(failure);
                }
                StringBuilder out = new StringBuilder();
                schemaCase.notes().forEach(n -> out.append(n).append('\n'));
                schemaCase.findings().stream().filter(f -> !f.fails())
                        .forEach(f -> out.append(f.severity().name().toLowerCase(Locale.ROOT)).append(": ")
                                .append(f.format()).append('\n'));
                if (out.length() > 0) {
                    Element systemOut = doc.createElement("system-out");
                    systemOut.setTextContent(out.toString());
                    testcase.appendChild(systemOut);
                }
                suite.appendChild(testcase);
            }
            if (!results.general().isEmpty()) {
                Element systemOut = doc.createElement("system-out");
                systemOut.setTextContent(results.general().stream().map(Finding::format)
                        .collect(Collectors.joining("\n")));
                suite.appendChild(systemOut);
            }
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            StringWriter writer = new StringWriter();
            transformer.transform(new DOMSource(doc), new StreamResult(writer));
            return writer.toString();
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("Cannot write the JUnit report", e);
        }
    }

    public static void write(CheckResults results, String suiteName, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, render(results, suiteName), StandardCharsets.UTF_8);
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
