package dev.accord.core.avro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accord.core.compat.Rule;
import dev.accord.core.compat.SchemaDiffer;
import dev.accord.core.format.JsonSourceLocator;
import dev.accord.core.format.SchemaFormat;
import dev.accord.core.format.SourceFacts;
import dev.accord.core.format.SourceLocator;
import dev.accord.core.schema.ParsedSchema;
import dev.accord.core.schema.ReferenceResolver;
import dev.accord.core.schema.SchemaReference;
import dev.accord.core.schema.SchemaType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Avro: {@code .avsc} files, Apache Avro's parser and resolution rules, named types shared through references. */
public final class AvroFormat implements SchemaFormat {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> PRIMITIVES = Set.of("null", "boolean", "int", "long", "float", "double",
            "bytes", "string");
    private static final Set<String> NAMED = Set.of("record", "error", "enum", "fixed");

    private final AvroSchemaParser parser = new AvroSchemaParser();
    private final AvroSchemaDiffer differ = new AvroSchemaDiffer();

    @Override
    public SchemaType type() {
        return SchemaType.AVRO;
    }

    @Override
    public String displayName() {
        return "Avro";
    }

    @Override
    public List<String> fileExtensions() {
        return List.of(".avsc");
    }

    @Override
    public String defaultSourceDirectory() {
        return "src/main/avro";
    }

    @Override
    public List<String> defaultIncludes() {
        return List.of("**/*.avsc");
    }

    @Override
    public String highlightLanguage() {
        return "json";
    }

    @Override
    public ParsedSchema parse(String text, List<SchemaReference> references, ReferenceResolver resolver,
                              boolean normalize) {
        return parser.parse(text, references == null ? List.of() : references, resolver, normalize);
    }

    @Override
    public List<String> renderings() {
        return List.of("resolved");
    }

    /** The Avro specification's name grammar: [A-Za-z_][A-Za-z0-9_]* (Avro's parser also takes Unicode letters). */
    private static final java.util.regex.Pattern STRICT_NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    @Override
    public List<String> invalidFieldNames(ParsedSchema schema) {
        Set<String> invalid = new LinkedHashSet<>();
        collectInvalidFieldNames(((AvroSchema) schema).schema(), new java.util.HashSet<>(), invalid);
        return List.copyOf(invalid);
    }

    private static void collectInvalidFieldNames(org.apache.avro.Schema schema, Set<String> seen, Set<String> invalid) {
        switch (schema.getType()) {
            case RECORD -> {
                if (!seen.add(schema.getFullName())) {
                    return;
                }
                for (org.apache.avro.Schema.Field field : schema.getFields()) {
                    if (!STRICT_NAME.matcher(field.name()).matches()) {
                        invalid.add(schema.getFullName() + "." + field.name());
                    }
                    collectInvalidFieldNames(field.schema(), seen, invalid);
                }
            }
            case ARRAY -> collectInvalidFieldNames(schema.getElementType(), seen, invalid);
            case MAP -> collectInvalidFieldNames(schema.getValueType(), seen, invalid);
            case UNION -> schema.getTypes().forEach(branch -> collectInvalidFieldNames(branch, seen, invalid));
            default -> {
            }
        }
    }

    @Override
    public Optional<String> render(ParsedSchema schema, String rendering) {
        return "resolved".equalsIgnoreCase(rendering) ? Optional.of(schema.resolved()) : Optional.empty();
    }

    @Override
    public Optional<String> selfContained(ParsedSchema schema) {
        return Optional.of(schema.resolved());
    }

    @Override
    public SchemaDiffer differ() {
        return differ;
    }

    @Override
    public List<Rule> rules() {
        return AvroRules.all();
    }

    @Override
    public String recordNameRequirement() {
        return "the record strategy needs a named top-level type (record, enum or fixed)";
    }

    @Override
    public SourceLocator locator(String text) {
        return JsonSourceLocator.of(text);
    }

    /**
     * The full names of the named types the file defines, and the names it uses but does not define (each with
     * the candidates Avro would try: the name qualified with the enclosing namespace, then as given).
     */
    @Override
    public SourceFacts inspect(String text) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (Exception e) {
            return SourceFacts.NONE;
        }
        if (root == null) {
            return SourceFacts.NONE;
        }
        Set<String> defines = new LinkedHashSet<>();
        Map<String, List<String>> uses = new LinkedHashMap<>();
        walk(root, "", defines, uses);
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
        List<SourceFacts.Need> needs = new ArrayList<>();
        uses.forEach((name, candidates) -> needs.add(new SourceFacts.Need(name, candidates, null, false, true)));
        return SourceFacts.dotted(top, defines, needs);
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

    private static void walk(JsonNode node, String namespace, Set<String> defines, Map<String, List<String>> uses) {
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
            node.forEach(branch -> walk(branch, namespace, defines, uses));
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
                    walk(field.get("type"), inner, defines, uses);
                }
            }
            return;
        }
        if (type.isTextual() && type.asText().equals("array")) {
            walk(node.get("items"), namespace, defines, uses);
            return;
        }
        if (type.isTextual() && type.asText().equals("map")) {
            walk(node.get("values"), namespace, defines, uses);
            return;
        }
        walk(type, namespace, defines, uses);
    }
}
