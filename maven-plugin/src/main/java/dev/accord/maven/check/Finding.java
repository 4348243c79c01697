package dev.accord.maven.check;

import dev.accord.core.compat.RuleCatalog;
import dev.accord.core.format.SourceLocation;
import dev.accord.core.schema.SchemaType;

import java.util.HashMap;
import java.util.Map;

/**
 * One problem found by a check: an incompatible change, an invalid schema, or a warning.
 *
 * @param severity     ERROR fails the build (unless waived or failOn=never); WARNING never does
 * @param path         the schema file, '/'-separated relative to the project directory; null when not about a file
 * @param location     where in the file
 * @param ruleId       stable rule ID (Accord's, the registry's errorType, or INVALID_SCHEMA, ...)
 * @param message      what is wrong
 * @param fixHint      how to fix it, or null
 * @param subject      the subject, or null
 * @param baseline     the baseline it was found against ("git:origin/main"), or null
 * @param version      the baseline's version it breaks (registry versions), or null
 * @param waivedReason the reason of the ignore that waives it, or null
 */
public record Finding(Severity severity, String path, SourceLocation location, String ruleId, String message,
                      String fixHint, String subject, String baseline, Integer version, String waivedReason) {

    public enum Severity { ERROR, WARNING }

    public static final String INVALID_SCHEMA = "INVALID_SCHEMA";

    /**
     * The catalogue's hint for a rule of the format, when only its ID and the registry's detail (a field name) are
     * known; null when the catalogue has no such rule or no hint.
     */
    public static String catalogueHint(SchemaType format, String ruleId, String detail) {
        Map<String, String> values = new HashMap<>();
        if (detail != null && !detail.isBlank()) {
            values.put("info", detail);
            values.put("name", "'" + detail + "'");
        }
        return RuleCatalog.find(format, ruleId).map(rule -> rule.hint(values)).orElse(null);
    }

    public Finding {
        location = location == null ? SourceLocation.START : location;
    }

    public static Finding error(String path, SourceLocation location, String ruleId, String message, String fixHint,
                                String subject, String baseline, Integer version) {
        return new Finding(Severity.ERROR, path, location, ruleId, message, fixHint, subject, baseline, version, null);
    }

    public static Finding warning(String path, SourceLocation location, String ruleId, String message, String subject,
                                  String baseline) {
        return new Finding(Severity.WARNING, path, location, ruleId, message, null, subject, baseline, null, null);
    }

    public Finding waived(String reason) {
        return new Finding(severity, path, location, ruleId, message, fixHint, subject, baseline, version, reason);
    }

    public boolean isWaived() {
        return waivedReason != null;
    }

    /** An error that is not waived: what fails the build. */
    public boolean fails() {
        return severity == Severity.ERROR && !isWaived();
    }

    /**
     * The one-line form: {@code path:line:col: RULE_ID message (fix hint) [subject s, baseline b, version n]}.
     */
    public String format() {
        StringBuilder line = new StringBuilder();
        if (path != null) {
            line.append(path).append(':').append(location.line()).append(':').append(location.column()).append(": ");
        }
        line.append(ruleId).append(' ').append(message);
        if (fixHint != null && !fixHint.isBlank()) {
            line.append(" (").append(fixHint).append(')');
        }
        String context = context();
        if (!context.isEmpty()) {
            line.append(" [").append(context).append(']');
        }
        if (isWaived()) {
            line.append(" waived: ").append(waivedReason);
        }
        return line.toString();
    }

    /** "subject s, baseline b, version n", the parts that are known. */
    public String context() {
        StringBuilder context = new StringBuilder();
        if (subject != null) {
            context.append("subject ").append(subject);
        }
        if (baseline != null) {
            context.append(context.isEmpty() ? "" : ", ").append("baseline ").append(baseline);
        }
        if (version != null) {
            context.append(context.isEmpty() ? "" : ", ").append("version ").append(version);
        }
        return context.toString();
    }
}
