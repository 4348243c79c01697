package dev.accord.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The hand-written API contract ({@code openapi.yaml} at the repository root), for tests: which operations it
 * documents, which path template a request path belongs to, and whether a response matches what the document
 * promises (status, media type and JSON Schema of the body). Compiled JSON Schemas are cached, so validating
 * every response of a test suite stays cheap.
 */
public final class OpenApiDocument {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head",
            "options", "trace");
    private static final String COMPONENT_SCHEMAS = "#/components/schemas/";
    private static final String DEFS = "#/$defs/";
    private static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    /** Keywords that describe but never reject an instance: a schema made of these only accepts anything. */
    private static final Set<String> ANNOTATIONS = Set.of("description", "title", "examples", "example",
            "$comment", "deprecated", "readOnly", "writeOnly", "default", "externalDocs");
    private static final java.util.regex.Pattern SCHEME_AND_AUTHORITY =
            java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static volatile OpenApiDocument shared;

    private final JsonNode root;
    private final List<Template> templates;
    private final ObjectNode defs;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final ConcurrentMap<String, Optional<Schema>> compiled = new ConcurrentHashMap<>();

    private OpenApiDocument(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("openapi.yaml is not a YAML mapping");
        }
        this.root = root;
        List<Template> list = new ArrayList<>();
        for (Iterator<String> it = root.path("paths").fieldNames(); it.hasNext(); ) {
            list.add(new Template(it.next()));
        }
        this.templates = List.copyOf(list);
        JsonNode schemas = root.path("components").path("schemas");
        this.defs = schemas.isObject() ? (ObjectNode) rewriteRefs(schemas) : JsonNodeFactory.instance.objectNode();
    }

    // ------------------------------------------------------------------------------------------------ loading

    /** The document at the default location, loaded once per JVM. */
    public static OpenApiDocument shared() {
        OpenApiDocument document = shared;
        if (document == null) {
            synchronized (OpenApiDocument.class) {
                document = shared;
                if (document == null) {
                    document = load(defaultPath());
                    shared = document;
                }
            }
        }
        return document;
    }

    /** {@code ../openapi.yaml} seen from the server module, else {@code openapi.yaml} (run from the root). */
    public static Path defaultPath() {
        Path fromModule = Path.of("..", "openapi.yaml");
        return Files.isRegularFile(fromModule) ? fromModule : Path.of("openapi.yaml");
    }

    public static OpenApiDocument load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the OpenAPI document " + file.toAbsolutePath(), e);
        }
    }

    public static OpenApiDocument parse(String yaml) {
        try {
            return new OpenApiDocument(YAML.readTree(yaml));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The OpenAPI document is not valid YAML: " + e.getOriginalMessage(), e);
        }
    }

    /** The parsed document. */
    public JsonNode root() {
        return root;
    }

    // ------------------------------------------------------------------------------------------------ structure

    /** Every documented operation as "METHOD /path/{param}", sorted. */
    public Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<String> keys = path.getValue().fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (HTTP_METHODS.contains(key)) {
                    operations.add(key.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    /** The operation object of "METHOD template", if documented. */
    public Optional<JsonNode> operation(String method, String template) {
        JsonNode operation = root.path("paths").path(template).get(method.toLowerCase(Locale.ROOT));
        return operation == null || !operation.isObject() ? Optional.empty() : Optional.of(operation);
    }

    /**
     * The documented path template that a concrete request path belongs to (raw or URL-decoded; a query string
     * or a scheme and authority are ignored). Templates with more literal segments win.
     */
    public Optional<String> matchPath(String requestPath) {
        List<String> segments = segments(rawPath(requestPath));
        Template best = null;
        for (Template template : templates) {
            if (template.matches(segments) && (best == null || template.literals > best.literals)) {
                best = template;
            }
        }
        return best == null ? Optional.empty() : Optional.of(best.path);
    }

    /** The node a local reference ("#/components/...") points to, or null. */
    public JsonNode pointer(String ref) {
        if (ref == null || !ref.startsWith("#")) {
            return null;
        }
        JsonNode node = root.at(ref.substring(1));
        return node.isMissingNode() ? null : node;
    }

    /** The node itself, or what its {@code $ref} (chain) points to. */
    public JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current != null && current.has("$ref") && hops < 20; hops++) {
            current = pointer(current.get("$ref").asText());
        }
        return current;
    }

    /** Every {@code $ref} in the document that does not resolve, as "location: ref". */
    public List<String> unresolvedRefs() {
        List<String> unresolved = new ArrayList<>();
        collectRefs(root, "#", unresolved);
        return unresolved;
    }

    private void collectRefs(JsonNode node, String location, List<String> unresolved) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String where = location + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
                    if (pointer(field.getValue().asText()) == null) {
                        unresolved.add(where + ": " + field.getValue().asText());
                    }
                } else {
                    collectRefs(field.getValue(), where, unresolved);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectRefs(node.get(i), location + "/" + i, unresolved);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ validation

    /**
     * Checks a response against the document: the status must be documented for the operation (or a
     * {@code default} / {@code 4XX} response exist), the content type must be one the response documents, and a
     * JSON body must validate against its schema. Requests to undocumented routes may only answer 404 or 405
     * with an ErrorMessage. HEAD and OPTIONS requests are not checked.
     *
     * @param path the request path (raw or decoded; query string allowed)
     * @return the violations; empty when the response matches the document
     */
    public List<String> validateResponse(String method, String path, int status, String contentType, String body) {
        String verb = method.toUpperCase(Locale.ROOT);
        if (verb.equals("HEAD") || verb.equals("OPTIONS")) {
            return List.of();
        }
        String where = verb + " " + rawPath(path) + " -> " + status;
        Optional<String> template = matchPath(path);
        Optional<JsonNode> operation = template.flatMap(t -> operation(verb, t));
        if (operation.isEmpty()) {
            String what = template.isEmpty() ? "no documented path matches" : verb + " " + template.get()
                    + " is not documented";
            if (status != 404 && status != 405) {
                return List.of(where + ": " + what + " (only a 404 or 405 error may answer it)");
            }
            return validateBody("undocumented " + status, JsonNodeFactory.instance.objectNode()
                    .put("$ref", COMPONENT_SCHEMAS + "ErrorMessage"), contentType, body, where);
        }
        String operationName = verb + " " + template.get();
        JsonNode responses = operation.get().path("responses");
        String statusKey = String.valueOf(status);
        JsonNode response = responses.get(statusKey);
        if (response == null) {
            statusKey = (status / 100) + "XX";
            response = responses.get(statusKey);
        }
        if (response == null) {
            statusKey = "default";
            response = responses.get(statusKey);
        }
        if (response == null) {
            List<String> documented = new ArrayList<>();
            responses.fieldNames().forEachRemaining(documented::add);
            return List.of(where + ": status " + status + " is not documented for " + operationName
                    + " (documented: " + documented + ")");
        }
        response = resolve(response);
        if (response == null) {
            return List.of(where + ": the response of " + operationName + " " + statusKey + " does not resolve");
        }
        JsonNode content = response.path("content");
        boolean hasBody = body != null && !body.isEmpty();
        if (!content.isObject() || content.isEmpty()) {
            return hasBody ? List.of(where + ": " + operationName + " " + statusKey
                    + " documents no body, but the response has " + body.length() + " characters") : List.of();
        }
        String mediaType = baseType(contentType);
        if (mediaType == null) {
            return List.of(where + ": the response has no Content-Type; documented: " + fieldNames(content));
        }
        JsonNode media = null;
        String mediaKey = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = content.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (mediaMatches(entry.getKey(), mediaType) && (media == null || !entry.getKey().contains("*"))) {
                media = entry.getValue();
                mediaKey = entry.getKey();
            }
        }
        if (media == null) {
            return List.of(where + ": Content-Type " + contentType + " is not documented for " + operationName
                    + " " + statusKey + " (documented: " + fieldNames(content) + ")");
        }
        JsonNode schema = media.get("schema");
        if (schema == null || !constrains(schema)) {
            return List.of();
        }
        if (!hasBody) {
            return List.of(where + ": " + operationName + " " + statusKey + " documents a " + mediaKey
                    + " body, but the response has none");
        }
        if (!isJson(mediaKey)) {
            return List.of(); // YAML / text bodies: nothing to validate beyond the media type
        }
        return validateBody(operationName + " " + statusKey + " " + mediaKey, schema, contentType, body, where);
    }

    /** Validates a JSON text against {@code #/components/schemas/<name>}; returns the violations. */
    public List<String> validateComponent(String name, String json) {
        if (!defs.has(name)) {
            throw new IllegalArgumentException("No component schema " + name);
        }
        return validateBody("component " + name, JsonNodeFactory.instance.objectNode()
                .put("$ref", COMPONENT_SCHEMAS + name), null, json, name);
    }

    private List<String> validateBody(String cacheKey, JsonNode schemaNode, String contentType, String body,
                                      String where) {
        if (contentType != null && !isJson(baseType(contentType))) {
            return List.of(where + ": expected a JSON body, got Content-Type " + contentType);
        }
        JsonNode instance;
        try {
            instance = body == null || body.isEmpty() ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return List.of(where + ": the body is not JSON (" + e.getOriginalMessage() + "): " + abbreviate(body));
        }
        if (instance == null) {
            return List.of(where + ": expected a JSON body, got none");
        }
        Optional<Schema> schema = compiled.computeIfAbsent(cacheKey, key -> compile(schemaNode));
        if (schema.isEmpty()) {
            return List.of();
        }
        List<Error> errors = schema.get().validate(instance);
        if (errors.isEmpty()) {
            return List.of();
        }
        List<String> violations = new ArrayList<>(errors.size());
        for (Error error : errors) {
            String text = String.valueOf(error);
            violations.add(where + ": " + (text.startsWith(":") ? "(root)" + text : text));
        }
        return violations;
    }

    /** A standalone JSON Schema: the given schema with every component schema as {@code $defs}. */
    private Optional<Schema> compile(JsonNode schemaNode) {
        if (schemaNode.isBoolean()) {
            return Optional.empty();
        }
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("$schema", DIALECT);
        document.setAll((ObjectNode) rewriteRefs(schemaNode));
        document.set("$defs", defs);
        Schema schema = registry.getSchema(document);
        schema.initializeValidators();
        return Optional.of(schema);
    }

    /** A copy with {@code #/components/schemas/X} references rewritten to {@code #/$defs/X}. */
    private static JsonNode rewriteRefs(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = field.getValue();
                if (field.getKey().equals("$ref") && value.isTextual() && value.asText().startsWith(COMPONENT_SCHEMAS)) {
                    copy.put("$ref", DEFS + value.asText().substring(COMPONENT_SCHEMAS.length()));
                } else {
                    copy.set(field.getKey(), rewriteRefs(value));
                }
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(rewriteRefs(item)));
            return copy;
        }
        return node;
    }

    /** False for a schema that accepts every instance ({@code true}, {@code {}}, or only annotations). */
    private boolean constrains(JsonNode schema) {
        if (schema.isBoolean()) {
            return !schema.asBoolean();
        }
        if (schema.has("$ref")) {
            JsonNode target = pointer(schema.get("$ref").asText());
            if (target != null && !constrains(target)) {
                for (Iterator<String> it = schema.fieldNames(); it.hasNext(); ) {
                    String key = it.next();
                    if (!key.equals("$ref") && !ANNOTATIONS.contains(key)) {
                        return true;
                    }
                }
                return false;
            }
            return true;
        }
        for (Iterator<String> it = schema.fieldNames(); it.hasNext(); ) {
            if (!ANNOTATIONS.contains(it.next())) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static boolean mediaMatches(String documented, String actual) {
        String type = documented.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (type.equals("*/*") || type.equals(actual)) {
            return true;
        }
        return type.endsWith("/*") && actual.startsWith(type.substring(0, type.length() - 1));
    }

    private static boolean isJson(String mediaType) {
        if (mediaType == null) {
            return false;
        }
        String type = mediaType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json");
    }

    private static String baseType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        return contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    /** The path of a URI or path: no scheme and authority, no query string or fragment. */
    public static String rawPath(String uriOrPath) {
        String path = uriOrPath == null ? "" : uriOrPath;
        if (SCHEME_AND_AUTHORITY.matcher(path).lookingAt()) {
            int slash = path.indexOf('/', path.indexOf("://") + 3);
            path = slash < 0 ? "/" : path.substring(slash);
        }
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        int fragment = path.indexOf('#');
        if (fragment >= 0) {
            path = path.substring(0, fragment);
        }
        return path.isEmpty() ? "/" : path;
    }

    /** The segments of a path: split at '/', empty leading and trailing segments dropped. */
    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>(List.of(path.split("/", -1)));
        if (!segments.isEmpty() && segments.get(0).isEmpty()) {
            segments.remove(0);
        }
        if (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
            segments.remove(segments.size() - 1);
        }
        return segments;
    }

    /** Percent-decodes a path segment ('+' stays '+'); malformed escapes are kept as they are. */
    static String decodeSegment(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < segment.length(); ) {
            char c = segment.charAt(i);
            if (c == '%' && i + 2 < segment.length() && hex(segment.charAt(i + 1)) >= 0
                    && hex(segment.charAt(i + 2)) >= 0) {
                bytes.write(hex(segment.charAt(i + 1)) * 16 + hex(segment.charAt(i + 2)));
                i += 3;
            } else {
                int end = i + Character.charCount(segment.codePointAt(i));
                bytes.writeBytes(segment.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    /** A documented path, split into literal and {param} segments. */
    private static final class Template {
        final String path;
        final List<String> parts;
        final int literals;

        Template(String path) {
            this.path = path;
            this.parts = Collections.unmodifiableList(segments(path));
            int count = 0;
            for (String part : parts) {
                if (!isParam(part)) {
                    count++;
                }
            }
            this.literals = count;
        }

        static boolean isParam(String part) {
            return part.startsWith("{") && part.endsWith("}");
        }

        boolean matches(List<String> segments) {
            if (segments.size() != parts.size()) {
                return false;
            }
            for (int i = 0; i < parts.size(); i++) {
                String part = parts.get(i);
                String segment = segments.get(i);
                if (isParam(part)) {
                    if (segment.isEmpty()) {
                        return false;
                    }
                } else if (!part.equals(segment) && !part.equals(decodeSegment(segment))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Path parameters named in a template, in order. */
    public static List<String> pathParameters(String template) {
        List<String> names = new ArrayList<>();
        for (String part : segments(template)) {
            if (Template.isParam(part)) {
                names.add(part.substring(1, part.length() - 1));
            }
        }
        return names;
    }

    /** The parameters of an operation: path-level ones overridden by operation-level ones (name + in). */
    public List<JsonNode> parameters(String method, String template) {
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        List<JsonNode> sources = new ArrayList<>();
        sources.add(root.path("paths").path(template).path("parameters"));
        operation(method, template).ifPresent(op -> sources.add(op.path("parameters")));
        for (JsonNode list : sources) {
            for (JsonNode parameter : list) {
                JsonNode resolved = resolve(parameter);
                if (resolved != null) {
                    byKey.put(resolved.path("in").asText() + ":" + resolved.path("name").asText(), resolved);
                }
            }
        }
        return List.copyOf(byKey.values());
    }
}
