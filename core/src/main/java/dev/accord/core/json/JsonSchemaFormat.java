package dev.accord.core.json;

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

import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** JSON Schema: drafts 4 to 2020-12, {@code $ref}s to other subjects by URL, set-inclusion compatibility. */
public final class JsonSchemaFormat implements SchemaFormat {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonSchemaParser parser = new JsonSchemaParser();
    private final JsonSchemaDiffer differ = new JsonSchemaDiffer();

    @Override
    public SchemaType type() {
        return SchemaType.JSON;
    }

    @Override
    public String displayName() {
        return "JSON Schema";
    }

    @Override
    public List<String> fileExtensions() {
        return List.of(".schema.json", ".json");
    }

    @Override
    public String defaultSourceDirectory() {
        return "src/main/json-schema";
    }

    @Override
    public List<String> defaultIncludes() {
        return List.of("**/*.json");
    }

    @Override
    public String highlightLanguage() {
        return "json";
    }

    @Override
    public ParsedSchema parse(String text, List<SchemaReference> references, ReferenceResolver resolver,
                              boolean normalize) {
        return parser.parse(text, references, resolver, normalize);
    }

    @Override
    public List<String> renderings() {
        return List.of("resolved");
    }

    @Override
    public Optional<String> render(ParsedSchema schema, String rendering) {
        return "resolved".equalsIgnoreCase(rendering) ? Optional.of(schema.resolved()) : Optional.empty();
    }

    @Override
    public SchemaDiffer differ() {
        return differ;
    }

    @Override
    public List<Rule> rules() {
        return JsonSchemaRules.all();
    }

    @Override
    public String recordNameRequirement() {
        return "the record strategy needs a top-level \"$id\" or \"title\"";
    }

    @Override
    public SourceLocator locator(String text) {
        return JsonSourceLocator.of(text);
    }

    /** The schema's {@code $id} (or else {@code title}) and the documents its {@code $ref}s point to. */
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
        Set<String> refs = new LinkedHashSet<>();
        collectRefs(root, refs);
        String id = root.isObject() && root.path("$id").isTextual() ? root.get("$id").asText()
                : root.isObject() && root.path("id").isTextual() ? root.get("id").asText() : null;
        String title = root.isObject() && root.path("title").isTextual() ? root.get("title").asText() : null;
        String record = id != null ? id : title;
        URI base = null;
        if (id != null) {
            try {
                URI candidate = URI.create(stripFragment(id));
                base = candidate.isAbsolute() ? candidate : null;
            } catch (IllegalArgumentException e) {
                // not a URI: refs are then only relative to the file
            }
        }
        List<SourceFacts.Need> needs = new ArrayList<>();
        for (String ref : refs) {
            List<String> names = new ArrayList<>(List.of(ref));
            String path = null;
            try {
                URI uri = URI.create(ref);
                if (!uri.isAbsolute()) {
                    if (base != null) {
                        names.add(base.resolve(uri).toString());
                    }
                    path = uri.getPath();
                }
            } catch (IllegalArgumentException e) {
                // not a URI: leave it to the parser
            }
            needs.add(new SourceFacts.Need(ref, names, path, false, false));
        }
        Set<String> provides = id == null ? Set.of() : Set.of(stripFragment(id));
        return new SourceFacts(record, record, "", provides, needs);
    }

    private static void collectRefs(JsonNode node, Set<String> refs) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                if (member.getKey().equals("$ref") && member.getValue().isTextual()) {
                    String document = stripFragment(member.getValue().asText());
                    if (!document.isEmpty()) {
                        refs.add(document);
                    }
                } else if (!member.getKey().equals("enum") && !member.getKey().equals("const")
                        && !member.getKey().equals("examples") && !member.getKey().equals("default")) {
                    collectRefs(member.getValue(), refs);
                }
            }
        } else if (node.isArray()) {
            node.forEach(element -> collectRefs(element, refs));
        }
    }

    private static String stripFragment(String uri) {
        int hash = uri.indexOf('#');
        return hash < 0 ? uri : uri.substring(0, hash);
    }
}
