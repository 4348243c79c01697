package dev.accord.server.scale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accord.core.schema.CanonicalJson;
import dev.accord.core.schema.ParsedSchema;
import dev.accord.core.schema.ReferencedSchema;
import dev.accord.core.schema.SchemaParsers;
import dev.accord.core.schema.SchemaReference;
import dev.accord.core.schema.SchemaType;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an export document of a large registry, for the scale benchmark ({@code bench/scale.sh}) to load with
 * {@code POST /v1/import}: SUBJECTS subjects of VERSIONS versions each, every version a distinct schema parsed
 * and fingerprinted as a registration would be. The first 1,000 subjects ({@code common-k}) are shared Avro
 * records; every tenth Avro subject references one of them; three in ten subjects are JSON Schema; every fiftieth
 * subject has its first version soft-deleted. Version n adds an optional field to version n-1 (backward
 * compatible), as real topics evolve.
 *
 * <pre>java -cp "server/target/test-classes:server/target/quarkus-app/lib/main/*" \
 *     dev.accord.server.scale.ScaleDocument out.ndjson 100000 10</pre>
 */
public final class ScaleDocument {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int COMMON = 1_000;
    private final SchemaParsers parsers = new SchemaParsers();
    private final Map<Integer, String> commonTexts = new HashMap<>();

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int subjects = Integer.parseInt(args[1]);
        int versions = Integer.parseInt(args[2]);
        long start = System.nanoTime();
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            new ScaleDocument().write(file, subjects, versions);
        }
        System.out.printf("%s: %d subjects x %d versions, %d MiB, %.1f s%n", out, subjects, versions,
                Files.size(out) >> 20, (System.nanoTime() - start) / 1e9);
    }

    private void write(OutputStream out, int subjects, int versions) throws IOException {
        ObjectNode header = JSON.createObjectNode();
        header.put("format", "accord-export");
        header.put("version", 1);
        header.put("schemas", (long) subjects * versions);
        header.put("versions", (long) subjects * versions);
        header.put("configs", 0);
        header.put("modes", 0);
        header.put("events", 0);
        line(out, header);
        int id = 0;
        for (int s = 0; s < subjects; s++) {
            for (int v = 1; v <= versions; v++) {
                line(out, schemaLine(++id, s, v));
            }
        }
        id = 0;
        for (int s = 0; s < subjects; s++) {
            for (int v = 1; v <= versions; v++) {
                ObjectNode version = JSON.createObjectNode();
                version.put("type", "version");
                version.put("subject", subject(s));
                version.put("version", v);
                version.put("id", ++id);
                version.put("deleted", v == 1 && s % 50 == 49);
                line(out, version);
            }
        }
    }

    static String subject(int s) {
        return s < COMMON ? "common-" + s : "topic-" + s + "-value";
    }

    private ObjectNode schemaLine(int id, int s, int v) {
        boolean json = s >= COMMON && s % 10 >= 7;
        boolean references = !json && s >= COMMON && s % 10 == 0;
        List<SchemaReference> refs = references
                ? List.of(new SchemaReference("dev.scale.Common" + (s % COMMON), subject(s % COMMON), 1)) : List.of();
        String text = json ? jsonSchema(s, v) : avro(s, v, references);
        SchemaType type = json ? SchemaType.JSON : SchemaType.AVRO;
        ParsedSchema parsed = parsers.parse(type, text, refs, reference -> new ReferencedSchema(reference,
                SchemaType.AVRO, commonTexts.get(Integer.parseInt(reference.subject().substring(7))), List.of()));
        if (s < COMMON && v == 1) {
            commonTexts.put(s, parsed.canonical());
        }
        ObjectNode line = JSON.createObjectNode();
        line.put("type", "schema");
        line.put("id", id);
        line.put("schemaType", type.name());
        line.put("schema", parsed.canonical());
        ArrayNode referenceLines = line.putArray("references");
        for (SchemaReference reference : refs) {
            referenceLines.addObject().put("name", reference.name()).put("subject", reference.subject())
                    .put("version", reference.version());
        }
        line.put("fingerprint", CanonicalJson.sha256(parsed.fingerprint(), "", ""));
        line.put("contentFingerprint", parsed.fingerprint());
        return line;
    }

    private static String avro(int s, int v, boolean references) {
        String name = s < COMMON ? "Common" + s : "Event" + s;
        StringBuilder fields = new StringBuilder("{\"name\":\"id\",\"type\":\"string\"}");
        if (references) {
            fields.append(",{\"name\":\"common\",\"type\":\"dev.scale.Common").append(s % COMMON).append("\"}");
        }
        for (int f = 1; f < v; f++) {
            fields.append(",{\"name\":\"f").append(f).append("\",\"type\":[\"null\",\"long\"],\"default\":null}");
        }
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"namespace\":\"dev.scale\",\"fields\":[" + fields + "]}";
    }

    private static String jsonSchema(int s, int v) {
        StringBuilder properties = new StringBuilder("\"id\":{\"type\":\"string\"}");
        for (int f = 1; f < v; f++) {
            properties.append(",\"f").append(f).append("\":{\"type\":\"integer\"}");
        }
        return "{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"title\":\"Event" + s
                + "\",\"type\":\"object\",\"properties\":{" + properties + "},\"required\":[\"id\"]}";
    }

    private static void line(OutputStream out, ObjectNode node) throws IOException {
        out.write(JSON.writeValueAsBytes(node));
        out.write('\n');
    }
}
