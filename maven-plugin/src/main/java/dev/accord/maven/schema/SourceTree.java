package dev.accord.maven.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Files under a root, by '/'-separated relative path: a directory on disk, a git commit's tree or a jar.
 * Finds the schemas of a set of {@link SourceRoot}s in it.
 */
public interface SourceTree {

    /** Every regular file whose path starts with the prefix ("" for all), sorted. */
    List<String> list(String prefix);

    String read(String path);

    /** The schemas of the roots, each file once (the first root that accepts it), sorted by path. */
    default List<SourceFile> schemas(List<SourceRoot> roots) {
        Map<String, SourceFile> found = new TreeMap<>();
        for (SourceRoot root : roots) {
            String prefix = root.path().isEmpty() ? "" : root.path() + "/";
            for (String path : list(prefix)) {
                String relative = path.substring(prefix.length());
                if (!found.containsKey(path) && root.accepts(relative)) {
                    found.put(path, new SourceFile(path, relative, root.type(), read(path)));
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    /**
     * Every schema in the tree, typed by extension (.avsc, .json, .proto), paths relative to the tree's root: for
     * baselines that are plain folders of schemas (a directory, the schemas packaged in an artifact).
     */
    default List<SourceFile> allSchemas(List<Glob> excludes) {
        List<SourceFile> files = new ArrayList<>();
        for (String path : list("")) {
            var type = SourceFile.typeOf(path);
            if (type != null && !Glob.any(excludes, path)) {
                files.add(new SourceFile(path, path, type, read(path)));
            }
        }
        return files;
    }

    /** A directory on disk. */
    static SourceTree directory(Path root) {
        return new SourceTree() {
            @Override
            public List<String> list(String prefix) {
                Path start = prefix.isEmpty() ? root : root.resolve(prefix);
                if (!Files.isDirectory(start)) {
                    return List.of();
                }
                try (Stream<Path> walk = Files.walk(start)) {
                    return walk.filter(Files::isRegularFile)
                            .map(p -> root.relativize(p).toString().replace('\\', '/'))
                            .sorted()
                            .toList();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public String read(String path) {
                try {
                    return Files.readString(root.resolve(path), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read " + root.resolve(path), e);
                }
            }
        };
    }

    /** Files held in memory (a jar's entries, tests). */
    static SourceTree of(Map<String, String> files) {
        TreeMap<String, String> sorted = new TreeMap<>(files);
        return new SourceTree() {
            @Override
            public List<String> list(String prefix) {
                return sorted.keySet().stream().filter(p -> p.startsWith(prefix)).toList();
            }

            @Override
            public String read(String path) {
                return sorted.get(path);
            }
        };
    }
}
