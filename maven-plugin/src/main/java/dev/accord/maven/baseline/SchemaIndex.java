package dev.accord.maven.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accord.core.schema.SchemaType;
import dev.accord.maven.schema.Glob;
import dev.accord.maven.schema.SourceFile;
import dev.accord.maven.schema.SourceTree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * A folder of schema files with an optional {@code index.json} that names each file's subject and type, as
 * written by {@code accord:package-schemas} (into a jar, under {@code META-INF/accord/schemas/}) and by
 * {@code accord:download}. A baseline read from such a folder matches subjects as they were named when it was
 * written; without an index, subjects are named by the current strategy.
 *
 * <pre>{"schemas": [{"path": "orders.avsc", "subject": "orders-value", "schemaType": "AVRO"}, ...]}</pre>
 */
public final class SchemaIndex {

    public static final String FILE = "index.json";
    public static final String JAR_FOLDER = "META-INF/accord/schemas/";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The files of a folder, and the subjects its index gives them (empty without an index). */
    public record Folder(List<SourceFile> files, Map<String, String> subjects) {
    }

    /** One line of an index. */
    public record Line(String path, String subject, SchemaType type, Map<String, Object> extra) {
    }

    private SchemaIndex() {
    }

    /** Reads a folder: the files the index lists, or every .avsc and .json file when there is no index. */
    public static Folder read(SourceTree tree, List<Glob> excludes) {
        String index = tree.list("").contains(FILE) ? tree.read(FILE) : null;
        if (index != null) {
            try {
                JsonNode root = MAPPER.readTree(index);
                if (root.path("schemas").isArray()) {
                    List<SourceFile> files = new ArrayList<>();
                    Map<String, String> subjects = new LinkedHashMap<>();
                    for (JsonNode line : root.path("schemas")) {
                        String path = line.path("path").asText();
                        String text = tree.read(path);
                        if (text == null) {
                            continue;
                        }
                        SchemaType type = line.hasNonNull("schemaType")
                                ? SchemaType.fromName(line.get("schemaType").asText()).orElse(SchemaType.AVRO)
                                : SourceFile.typeOf(path);
                        files.add(new SourceFile(path, path, type, text));
                        if (line.hasNonNull("subject")) {
                            subjects.put(path, line.get("subject").asText());
                        }
                    }
                    return new Folder(files, subjects);
                }
            } catch (IOException e) {
                // not an index of ours: read the files themselves
            }
        }
        // no index of ours: every schema file, index.json included (it may be a JSON schema of that name)
        return new Folder(tree.allSchemas(excludes), Map.of());
    }

    /** The schemas packaged in a jar, or empty when it has none. */
    public static Optional<Folder> readJar(Path jar) {
        Map<String, String> texts = new LinkedHashMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : Collections.list(file.entries())) {
                if (!entry.isDirectory() && entry.getName().startsWith(JAR_FOLDER)) {
                    texts.put(entry.getName().substring(JAR_FOLDER.length()),
                            new String(file.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jar + ": " + e.getMessage(), e);
        }
        if (texts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(read(SourceTree.of(texts), List.of()));
    }

    /** The text of an index. */
    public static String render(List<Line> lines) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode schemas = root.putArray("schemas");
        for (Line line : lines) {
            ObjectNode node = schemas.addObject();
            node.put("path", line.path());
            node.put("subject", line.subject());
            node.put("schemaType", line.type().name());
            if (line.extra() != null) {
                line.extra().forEach((key, value) -> node.set(key, MAPPER.valueToTree(value)));
            }
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
