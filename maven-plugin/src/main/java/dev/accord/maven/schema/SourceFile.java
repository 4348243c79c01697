package dev.accord.maven.schema;

import dev.accord.core.schema.SchemaType;

/**
 * A schema file's text, wherever it came from (the work tree, a git commit, a jar, a directory).
 *
 * @param path     '/'-separated path that names it in reports: relative to the project directory for the
 *                 project's own files and a git tree, relative to the baseline root for a directory or an artifact
 * @param relative '/'-separated path relative to its source folder (e.g. "sales/orders.avsc")
 * @param type     AVRO or JSON
 * @param text     the content
 */
public record SourceFile(String path, String relative, SchemaType type, String text) {

    /** The file name without folders and without the schema extension ("orders" for "a/orders.schema.json"). */
    public String baseName() {
        String name = relative.substring(relative.lastIndexOf('/') + 1);
        for (String extension : new String[]{".schema.json", ".avsc", ".json", ".avro"}) {
            if (name.endsWith(extension) && name.length() > extension.length()) {
                return name.substring(0, name.length() - extension.length());
            }
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The folder part of {@link #relative()}, "" at the top. */
    public String relativeDirectory() {
        int slash = relative.lastIndexOf('/');
        return slash < 0 ? "" : relative.substring(0, slash);
    }

    /** The schema type a file name implies: .avsc is Avro, .json is JSON Schema; null otherwise. */
    public static SchemaType typeOf(String fileName) {
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".avsc")) {
            return SchemaType.AVRO;
        }
        if (lower.endsWith(".json")) {
            return SchemaType.JSON;
        }
        return null;
    }
}
