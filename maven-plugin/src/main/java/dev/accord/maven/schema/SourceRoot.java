package dev.accord.maven.schema;

import dev.accord.core.schema.SchemaType;

import java.util.List;

/**
 * A folder of schemas of one type.
 *
 * @param path     '/'-separated, relative to the project directory ("src/main/avro")
 * @param type     the type of every matching file
 * @param includes patterns of files to take, relative to the folder
 * @param excludes patterns of files to leave out
 */
public record SourceRoot(String path, SchemaType type, List<Glob> includes, List<Glob> excludes) {

    public SourceRoot {
        path = trimSlashes(path.replace('\\', '/'));
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
    }

    /** True when a path relative to this folder is one of its schemas. */
    public boolean accepts(String relative) {
        return Glob.any(includes, relative) && !Glob.any(excludes, relative);
    }

    static String trimSlashes(String path) {
        String p = path;
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.equals(".") ? "" : p;
    }
}
