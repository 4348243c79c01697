package dev.accord.maven.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a schema file defines and what it uses from other files, read from its JSON without parsing it as a
 * schema (so that the files can be ordered before any of them is parsed):
 * <ul>
 *   <li>Avro: the full names of the named types it defines, and the names it uses but does not define
 *   (each as the candidates Avro would try: the name qualified with the enclosing namespace, then as given);</li>
 *   <li>JSON Schema: its {@code $id} and {@code title}, and the documents its {@code $ref}s point to (the
 *   reference without its fragment, as written).</li>
 * </ul>
 */
public final class SchemaInspector {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> PRIMITIVES = Set.of("null", "boolean", "int", "long", "float", "double",
            "bytes", "string");
    private static final Set<String> NAMED = Set.of("record", "error", "enum", "fixed");

    /** What one file declares. {@code uses} holds, per used name, its lookup candidates. */
    public record Facts(String topLevelName, Set<String> defines, Map<String, List<String>> uses,
                        String jsonId, String jsonTitle, Set<String> refs) {
    }

    private SchemaInspector() {
    }

    /** Reads the facts; a file that is not JSON has none (its parse error is reported later). */
    public static Facts inspect(SourceFile file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(file.text());
        } catch (Exception e) {
            return new Facts(null, Set.of(), Map.of(), null, null, Set.of());
        }
        if (root == null) {
            return new Facts(null, Set.of(), Map.of(), null, null, Set.of());
        }
        return switch (file.type()) {
            case AVRO -> avro(root);
            case JSON -> json(root);
            default -> new Facts(null, Set.of(), Map.of(), null, null, Set.of());
        };
    }

    private static Facts avro(JsonNode root) {
        Set<String> defines = new LinkedHashSet<>();
        Map<String, List<String>> uses = new java.util.LinkedHashMap<>();
        avroWalk(root, "", defines, uses);
        uses.keySet().removeIf(defines::contains);
        // a use resolved inside the file through its fallback candidate is not a use of another file
        uses.entrySet().removeIf(e -> e.getValue().stream().anyMatch(defines::contains));
        String top = null;
        if (root.isObject()) {
            top = fullName(root, "");
        } else if (root.isArray()) {
            for (JsonNode branch : root) {
                if (branch.isObject() && (top = fullName(branch, "")) != null) {
                    break;
                }
            }
        }
        return new Facts(top, defines, uses, null, null, Set.of());
    }

    private static String fullName(JsonNode node, String namespace) {
        JsonNode type = node.get("type");
        JsonNode name = node.get("name");
        if (type == null || !type.isTextual() || !NAMED.contains(type.asText()) || name == null || !name.isTextual()) {
            return null;
        }
        String simple = name.asText();
        if (simple.contains(".")) {
            return simple;
        }
        String space = node.hasNonNull("namespace") ? node.get("namespace").asText() : namespace;
        return space == null || space.isEmpty() ? simple : space + "." + simple;
    }

    private static String namespaceOf(String fullName) {
        int dot = fullName.lastIndexOf('.');
        return dot < 0 ? "" : fullName.substring(0, dot);
    }

    private static void avroWalk(JsonNode node, String namespace, Set<String> defines,
                                 Map<String, List<String>> uses) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            String name = node.asText();
            if (!PRIMITIVES.contains(name) && !name.isEmpty()) {
                List<String> candidates = name.contains(".") || namespace.isEmpty()
                        ? List.of(name) : List.of(namespace + "." + name, name);
                uses.putIfAbsent(candidates.get(0), candidates);
            }
            return;
        }
        if (node.isArray()) {
            node.forEach(branch -> avroWalk(branch, namespace, defines, uses));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        JsonNode type = node.get("type");
        if (type == null) {
            return;
        }
        if (type.isTextual() && NAMED.contains(type.asText())) {
            String full = fullName(node, namespace);
            String inner = namespace;
            if (full != null) {
                defines.add(full);
                inner = namespaceOf(full);
            }
            JsonNode fields = node.get("fields");
            if (fields != null && fields.isArray()) {
                for (JsonNode field : fields) {
                    avroWalk(field.get("type"), inner, defines, uses);
                }
            }
            return;
        }
        if (type.isTextual() && type.asText().equals("array")) {
            avroWalk(node.get("items"), namespace, defines, uses);
            return;
        }
        if (type.isTextual() && type.asText().equals("map")) {
            avroWalk(node.get("values"), namespace, defines, uses);
            return;
        }
        avroWalk(type, namespace, defines, uses);
    }

    private static Facts json(JsonNode root) {
        Set<String> refs = new LinkedHashSet<>();
        jsonWalk(root, refs);
        String id = root.isObject() && root.path("$id").isTextual() ? root.get("$id").asText()
                : root.isObject() && root.path("id").isTextual() ? root.get("id").asText() : null;
        String title = root.isObject() && root.path("title").isTextual() ? root.get("title").asText() : null;
        return new Facts(id != null ? id : title, Set.of(), Map.of(), id, title, refs);
    }

    private static void jsonWalk(JsonNode node, Set<String> refs) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                if (member.getKey().equals("$ref") && member.getValue().isTextual()) {
                    String ref = member.getValue().asText();
                    int hash = ref.indexOf('#');
                    String document = hash < 0 ? ref : ref.substring(0, hash);
                    if (!document.isEmpty()) {
                        refs.add(document);
                    }
                } else if (!member.getKey().equals("enum") && !member.getKey().equals("const")
                        && !member.getKey().equals("examples") && !member.getKey().equals("default")) {
                    jsonWalk(member.getValue(), refs);
                }
            }
        } else if (node.isArray()) {
            node.forEach(element -> jsonWalk(element, refs));
        }
    }
}
