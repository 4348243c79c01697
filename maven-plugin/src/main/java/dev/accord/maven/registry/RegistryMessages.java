package dev.accord.maven.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code messages} of a verbose compatibility answer (Accord's and Confluent's, which share a format)
 * and the details of a 409 answer into issues with a rule ID and a JSON pointer:
 * <pre>
 * {errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'qty' at path '/fields/1' in the new
 *   schema has no default value and is missing in the old schema', additionalInfo:'qty'}
 * {oldSchemaVersion: 3}
 * {oldSchema: '{...}'}
 * {validateFields: 'false', compatibility: 'BACKWARD'}
 * </pre>
 * Older Confluent servers say {@code Incompatibility{type:TYPE_MISMATCH, location:/fields/0/type, message:...}};
 * other texts become issues of rule {@code INCOMPATIBLE} (or {@code SCHEMA_TYPE_CHANGED}).
 */
public final class RegistryMessages {

    /** One incompatibility the registry reported. */
    public record Issue(String ruleId, String path, String description, String additionalInfo, Integer oldVersion) {
    }

    /** The issues and the level the registry applied (null when it did not say). */
    public record Parsed(List<Issue> issues, String level) {
    }

    private static final Pattern ERROR_TYPE = Pattern.compile("errorType:\\s*['\"]([A-Za-z0-9_]+)['\"]");
    private static final Pattern DESCRIPTION = Pattern.compile("description:\\s*(['\"])");
    private static final Pattern ADDITIONAL = Pattern.compile("['\"],\\s*additionalInfo:\\s*['\"]");
    private static final Pattern OLD_VERSION = Pattern.compile("^\\{\\s*oldSchemaVersion:\\s*(\\d+)\\s*}$");
    private static final Pattern LEVEL = Pattern.compile("compatibility:\\s*['\"]([A-Z_]+)['\"]");
    private static final Pattern PATH = Pattern.compile("(?:path|at)\\s+['\"]((?:[^'\"#\\s]*#)?/[^'\"]*)['\"]");
    private static final Pattern LEGACY = Pattern.compile(
            "Incompatibility\\{type:([A-Z_]+), location:([^,}]*)(?:, message:([^,}]*))?");

    private RegistryMessages() {
    }

    public static Parsed parse(List<String> messages) {
        List<Issue> issues = new ArrayList<>();
        List<Issue> pending = new ArrayList<>();
        String level = null;
        for (String raw : messages) {
            String message = raw.trim();
            Matcher version = OLD_VERSION.matcher(message);
            if (version.matches()) {
                int v = Integer.parseInt(version.group(1));
                for (Issue issue : pending) {
                    issues.add(new Issue(issue.ruleId(), issue.path(), issue.description(), issue.additionalInfo(), v));
                }
                pending.clear();
                continue;
            }
            if (message.startsWith("{oldSchema:")) {
                continue;
            }
            if (message.startsWith("{validateFields:") || message.startsWith("{compatibility:")) {
                Matcher l = LEVEL.matcher(message);
                if (l.find()) {
                    level = l.group(1);
                }
                continue;
            }
            pending.add(issue(message));
        }
        issues.addAll(pending);
        return new Parsed(issues, level);
    }

    /** Reads one message. */
    static Issue issue(String message) {
        Matcher type = ERROR_TYPE.matcher(message);
        if (type.find()) {
            String description = null;
            String additional = null;
            Matcher d = DESCRIPTION.matcher(message);
            if (d.find()) {
                int start = d.end();
                Matcher a = ADDITIONAL.matcher(message);
                int additionalAt = -1;
                int additionalStart = -1;
                while (a.find(additionalAt < 0 ? start : additionalAt + 1)) {
                    additionalAt = a.start();
                    additionalStart = a.end();
                }
                int end = additionalAt >= 0 ? additionalAt : closingQuote(message, start);
                description = message.substring(start, Math.max(start, end));
                if (additionalStart >= 0) {
                    additional = message.substring(additionalStart, Math.max(additionalStart, closingQuote(message,
                            additionalStart)));
                }
            }
            return new Issue(type.group(1), pathIn(description), description == null ? message : description,
                    additional, null);
        }
        Matcher legacy = LEGACY.matcher(message);
        if (legacy.find()) {
            String location = legacy.group(2).trim();
            return new Issue(legacy.group(1), location.isEmpty() ? null : location, message,
                    legacy.group(3) == null ? null : legacy.group(3).trim(), null);
        }
        if (message.contains("different schema type")) {
            return new Issue("SCHEMA_TYPE_CHANGED", null, message, null, null);
        }
        return new Issue("INCOMPATIBLE", pathIn(message), message, null, null);
    }

    /** The index of the quote that closes a value running to the end of the message ("...'}" or "...\"}"). */
    private static int closingQuote(String message, int from) {
        int end = message.length();
        if (message.endsWith("}")) {
            end--;
        }
        if (end > from && (message.charAt(end - 1) == '\'' || message.charAt(end - 1) == '"')) {
            end--;
        }
        return end;
    }

    /** The first JSON pointer a description names ("at path '/fields/1'", "at path '#/properties/x'"). */
    static String pathIn(String description) {
        if (description == null) {
            return null;
        }
        Matcher m = PATH.matcher(description);
        if (!m.find()) {
            return null;
        }
        String path = m.group(1);
        return path.startsWith("#") ? path.substring(1) : path;
    }

    /**
     * The messages inside a 409 answer: "Schema being registered is incompatible with an earlier schema for
     * subject "s", details: [{errorType:...}, {oldSchemaVersion: 1}, ...]".
     */
    public static List<String> splitDetails(String conflictMessage) {
        List<String> messages = new ArrayList<>();
        if (conflictMessage == null) {
            return messages;
        }
        int start = conflictMessage.indexOf("details: [");
        if (start < 0) {
            messages.add(conflictMessage);
            return messages;
        }
        String details = conflictMessage.substring(start + "details: [".length());
        if (details.endsWith("]")) {
            details = details.substring(0, details.length() - 1);
        }
        String[] parts = details.split(", (?=\\{(?:errorType|oldSchemaVersion|oldSchema|validateFields|compatibility)"
                + ":)|, (?=Incompatibility\\{)");
        for (String part : parts) {
            if (!part.isBlank()) {
                messages.add(part.trim());
            }
        }
        return messages;
    }
}
