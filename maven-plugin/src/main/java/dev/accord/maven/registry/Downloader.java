package dev.accord.maven.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.accord.core.schema.SchemaReference;
import dev.accord.core.format.SchemaFormats;
import dev.accord.core.schema.SchemaType;
import dev.accord.maven.baseline.SchemaIndex;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Downloads the subjects matching regular expressions into a folder, with every schema they reference, and an
 * {@code index.json} naming each file's subject, version, id and references (so that the folder can serve as
 * a {@code directory:} baseline or be registered elsewhere). A subject's file is {@code <subject>.avsc} (or
 * {@code .json}, {@code .proto}); a second version of the same subject gets {@code -v<version>}.
 */
public final class Downloader {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One written file. */
    public record Written(String subject, int version, int id, SchemaType type, Path file, boolean referenced) {
    }

    private final RegistryClient client;
    private final Map<String, Written> bySubjectVersion = new LinkedHashMap<>();
    private final Map<String, Integer> fileVersion = new HashMap<>();
    private final Set<String> requested = new HashSet<>();

    public Downloader(RegistryClient client) {
        this.client = client;
    }

    /**
     * @param patterns regular expressions a subject must match as a whole
     * @param versions per pattern: "latest" (default when missing), a version number, or "all"
     */
    public List<Written> download(List<String> patterns, List<String> versions, Path folder) throws IOException {
        Files.createDirectories(folder);
        List<String> subjects = client.subjects();
        for (int i = 0; i < patterns.size(); i++) {
            Pattern pattern = Pattern.compile(patterns.get(i).trim());
            String version = versions != null && i < versions.size() && !versions.get(i).isBlank()
                    ? versions.get(i).trim() : "latest";
            for (String subject : subjects) {
                if (!pattern.matcher(subject).matches()) {
                    continue;
                }
                if (version.equalsIgnoreCase("all")) {
                    for (int v : client.versions(subject)) {
                        fetch(subject, Integer.toString(v), folder, false);
                    }
                } else {
                    fetch(subject, version, folder, false);
                }
            }
        }
        List<SchemaIndex.Line> lines = new ArrayList<>();
        for (Written written : bySubjectVersion.values()) {
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("version", written.version());
            extra.put("id", written.id());
            lines.add(new SchemaIndex.Line(folder.relativize(written.file()).toString().replace('\\', '/'),
                    written.subject(), written.type(), extra));
        }
        Files.writeString(folder.resolve(SchemaIndex.FILE), SchemaIndex.render(lines), StandardCharsets.UTF_8);
        return new ArrayList<>(bySubjectVersion.values());
    }

    private Written fetch(String subject, String version, Path folder, boolean referenced) throws IOException {
        RegistryClient.StoredSchema stored = client.get(subject, version);
        String key = stored.subject() + "@" + stored.version();
        Written known = bySubjectVersion.get(key);
        if (known != null) {
            return known;
        }
        if (!referenced) {
            requested.add(key);
        }
        String base = fileName(stored.subject());
        Integer taken = fileVersion.putIfAbsent(base, stored.version());
        String name = taken == null || taken == stored.version() ? base : base + "-v" + stored.version();
        Path file = folder.resolve(name + extension(stored.type()));
        Files.writeString(file, pretty(stored.schema()), StandardCharsets.UTF_8);
        Written written = new Written(stored.subject(), stored.version(), stored.id(), stored.type(), file, referenced);
        bySubjectVersion.put(key, written);
        for (SchemaReference reference : stored.references()) {
            fetch(reference.subject(), reference.version() < 0 ? "latest" : Integer.toString(reference.version()),
                    folder, true);
        }
        return written;
    }

    static String extension(SchemaType type) {
        return SchemaFormats.of(type).downloadExtension();
    }

    /** A file name for a subject: characters other than letters, digits, '.', '_' and '-' as _xHH. */
    static String fileName(String subject) {
        StringBuilder name = new StringBuilder();
        for (char c : subject.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '_' || c == '-') {
                name.append(c);
            } else {
                name.append(String.format("_x%02X", (int) c));
            }
        }
        String result = name.toString();
        return result.startsWith(".") ? "_x2E" + result.substring(1) : result;
    }

    private static String pretty(String schema) {
        try {
            JsonNode node = MAPPER.readTree(schema);
            return MAPPER.writeValueAsString(node) + "\n";
        } catch (IOException e) {
            return schema;
        }
    }
}
