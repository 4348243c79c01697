package dev.accord.maven.schema;

import dev.accord.core.format.SchemaFormat;
import dev.accord.core.format.SchemaFormats;
import dev.accord.core.schema.SchemaType;

/**
 * A schema file's text, wherever it came from (the work tree, a git commit, a jar, a directory).
 *
 * @param path     '/'-separated path that names it in reports: relative to the project directory for the
 *                 project's own files and a git tree, relative to the baseline root for a directory or an artifact
 * @param relative '/'-separated path relative to its source folder (e.g. "sales/orders.avsc"); Protobuf imports are
 *                 written relative to it
 * @param type     the schema format
 * @param text     the content
 */
public record SourceFile(String path, String relative, SchemaType type, String text) {

    /** The file's format. */
    public SchemaFormat format() {
        return SchemaFormats.of(type);
    }

    /** The file name without folders and without the schema extension ("orders" for "a/orders.schema.json"). */
    public String baseName() {
        return format().baseName(relative.substring(relative.lastIndexOf('/') + 1));
    }

    /** The folder part of {@link #relative()}, "" at the top. */
    public String relativeDirectory() {
        int slash = relative.lastIndexOf('/');
        return slash < 0 ? "" : relative.substring(0, slash);
    }

    /** The source folder the file was found in ("src/main/proto/" for "src/main/proto/a/b.proto"), "" if none. */
    public String root() {
        return path.endsWith(relative) ? path.substring(0, path.length() - relative.length()) : "";
    }

    /** The schema type a file name implies by its extension, or null when no format reads such files. */
    public static SchemaType typeOf(String fileName) {
        return SchemaFormats.forFile(fileName).map(SchemaFormat::type).orElse(null);
    }
}
