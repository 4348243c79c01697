package dev.accord.maven.schema;

import dev.accord.core.format.SourceFacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Names the subject of a schema file: an explicit file-to-subject mapping first, then a strategy.
 * <ul>
 *   <li>{@code topic}: the file name without extension, plus "-value" unless it already ends with "-key" or
 *   "-value" ({@code orders.avsc} is {@code orders-value}, {@code orders-key.avsc} is {@code orders-key});</li>
 *   <li>{@code record}: the Avro full name of the top-level type, the JSON Schema {@code $id} or else its
 *   {@code title}, the full name of the first Protobuf message (as Confluent's RecordNameStrategy);</li>
 *   <li>{@code pattern}: a pattern with the placeholders {@code {file}} (file name without extension),
 *   {@code {dir}} (folder relative to the source folder, '/'-separated), {@code {record}} (as for the record
 *   strategy), {@code {name}} and {@code {namespace}} (the two parts of an Avro or Protobuf full name).</li>
 * </ul>
 */
public final class SubjectNamer {

    public enum Strategy { TOPIC, RECORD, PATTERN }

    private final Strategy strategy;
    private final String pattern;
    private final String suffix;
    private final Map<String, String> explicit;

    /**
     * @param strategy topic, record or pattern
     * @param pattern  the pattern of the pattern strategy
     * @param suffix   what the topic strategy appends ("value" or "key")
     * @param explicit file path (relative to the project, or to its source folder) to subject
     */
    public SubjectNamer(String strategy, String pattern, String suffix, Map<String, String> explicit) {
        this.strategy = parse(strategy);
        this.pattern = pattern;
        this.suffix = suffix == null || suffix.isBlank() ? "value" : suffix.trim();
        this.explicit = explicit == null ? Map.of() : Map.copyOf(explicit);
        if (this.strategy == Strategy.PATTERN && (pattern == null || pattern.isBlank())) {
            throw new IllegalArgumentException("subjectStrategy 'pattern' needs a subjectPattern, e.g. {file}-value");
        }
    }

    public static SubjectNamer topic() {
        return new SubjectNamer("topic", null, "value", Map.of());
    }

    private static Strategy parse(String name) {
        if (name == null || name.isBlank()) {
            return Strategy.TOPIC;
        }
        String n = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (n.startsWith("TOPIC")) {
            return Strategy.TOPIC;
        }
        if (n.startsWith("RECORD")) {
            return Strategy.RECORD;
        }
        try {
            return Strategy.valueOf(n);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown subjectStrategy '" + name + "': use topic, record or pattern");
        }
    }

    /** The explicit subject of a file, or null. */
    public String explicitSubject(SourceFile file) {
        for (Map.Entry<String, String> entry : explicit.entrySet()) {
            String key = SourceRoot.trimSlashes(entry.getKey().replace('\\', '/'));
            if (key.equals(file.path()) || key.equals(file.relative()) || file.path().endsWith("/" + key)
                    || key.endsWith("/" + file.relative())) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** The subject, or throws {@link IllegalArgumentException} saying why none can be derived. */
    public String subjectOf(SourceFile file, SourceFacts facts) {
        String given = explicitSubject(file);
        if (given != null) {
            return given;
        }
        return switch (strategy) {
            case TOPIC -> {
                String base = file.baseName();
                yield base.endsWith("-key") || base.endsWith("-value") ? base : base + "-" + suffix;
            }
            case RECORD -> {
                String record = facts == null ? null : facts.recordName();
                if (record == null) {
                    throw new IllegalArgumentException(file.format().recordNameRequirement());
                }
                yield record;
            }
            case PATTERN -> expand(file, facts);
        };
    }

    private String expand(SourceFile file, SourceFacts facts) {
        String record = facts == null ? null : facts.recordName();
        String name = facts == null ? null : facts.recordSimpleName();
        String namespace = facts == null ? "" : facts.recordNamespace();
        List<String> missing = new ArrayList<>();
        if (record == null && (pattern.contains("{record}") || pattern.contains("{name}")
                || pattern.contains("{namespace}"))) {
            missing.add("a record name");
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the subject pattern '" + pattern + "' needs " + missing.get(0));
        }
        String dir = file.relativeDirectory();
        return pattern.replace("{file}", file.baseName())
                .replace("{dir}", dir)
                .replace("{record}", record == null ? "" : record)
                .replace("{name}", name == null ? "" : name)
                .replace("{namespace}", namespace);
    }
}
