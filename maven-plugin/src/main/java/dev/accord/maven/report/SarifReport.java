package dev.accord.maven.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accord.core.compat.RuleCatalog;
import dev.accord.maven.check.CheckResults;
import dev.accord.maven.check.Finding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0, the format code-scanning UIs (GitHub, GitLab, IDEs) read: one result per finding, located in the
 * schema file relative to the repository root ({@code %SRCROOT%}); waived findings carry a suppression with the
 * ignore's reason.
 */
public final class SarifReport {

    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SarifReport() {
    }

    public static ObjectNode render(CheckResults results, ReportContext context) {
        ObjectNode sarif = MAPPER.createObjectNode();
        sarif.put("$schema", SCHEMA_URI);
        sarif.put("version", "2.1.0");
        ObjectNode run = sarif.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "accord");
        driver.put("fullName", "Accord schema compatibility check (accord-maven-plugin)");
        driver.put("version", context.toolVersion());
        List<Finding> findings = results.all();
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        ArrayNode rules = driver.putArray("rules");
        for (Finding finding : findings) {
            if (!ruleIndex.containsKey(finding.ruleId())) {
                ruleIndex.put(finding.ruleId(), ruleIndex.size());
                ObjectNode rule = rules.addObject();
                rule.put("id", finding.ruleId());
                String purpose = RuleCatalog.find(results.typeOf(finding), finding.ruleId()).map(r -> r.purpose())
                        .orElse(describe(finding));
                rule.putObject("shortDescription").put("text", purpose);
                rule.putObject("defaultConfiguration").put("level",
                        finding.severity() == Finding.Severity.ERROR ? "error" : "warning");
            }
        }
        run.putObject("originalUriBaseIds").putObject("SRCROOT").put("uri", context.rootUri().toString());
        ArrayNode out = run.putArray("results");
        for (Finding finding : findings) {
            ObjectNode result = out.addObject();
            result.put("ruleId", finding.ruleId());
            result.put("ruleIndex", ruleIndex.get(finding.ruleId()));
            result.put("level", finding.severity() == Finding.Severity.ERROR ? "error" : "warning");
            String text = finding.message() + (finding.fixHint() == null ? "" : " Fix: " + finding.fixHint() + ".")
                    + (finding.context().isEmpty() ? "" : " [" + finding.context() + "]");
            result.putObject("message").put("text", text);
            if (finding.path() != null) {
                ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
                physical.putObject("artifactLocation").put("uri", context.rootPath(finding.path()))
                        .put("uriBaseId", "SRCROOT");
                physical.putObject("region").put("startLine", finding.location().line())
                        .put("startColumn", finding.location().column());
            }
            ObjectNode properties = result.putObject("properties");
            if (finding.subject() != null) {
                properties.put("subject", finding.subject());
            }
            if (finding.baseline() != null) {
                properties.put("baseline", finding.baseline());
            }
            if (finding.version() != null) {
                properties.put("version", finding.version());
            }
            if (finding.isWaived()) {
                result.putArray("suppressions").addObject().put("kind", "external").put("status", "accepted")
                        .put("justification", finding.waivedReason());
            }
        }
        return sarif;
    }

    private static String describe(Finding finding) {
        return switch (finding.ruleId()) {
            case Finding.INVALID_SCHEMA -> "The schema does not parse or is not a valid schema.";
            case "UNUSED_IGNORE" -> "An ignore in the build configuration waived nothing.";
            case "SUBJECT_REMOVED" -> "A subject of the baseline has no schema in the project any more.";
            case "BASELINE_INVALID" -> "The baseline's version of a subject is invalid and was not compared.";
            default -> "Incompatible schema change reported as " + finding.ruleId() + ".";
        };
    }

    public static void write(CheckResults results, ReportContext context, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, MAPPER.writeValueAsString(render(results, context)), StandardCharsets.UTF_8);
    }
}
