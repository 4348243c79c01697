package dev.accord.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * openapi.yaml documents exactly the routes of the JAX-RS resources, is internally consistent, and its
 * validator really rejects wrong answers. Plain JUnit: no Quarkus application is started.
 */
class OpenApiRoutesTest {

    private static final String PACKAGE = "dev.accord.server.api";
    /** The resources known when this test was written; the package scan must find at least these. */
    private static final List<Class<?>> KNOWN_RESOURCES = List.of(RootResource.class, SubjectsResource.class,
            SchemasResource.class, CompatibilityResource.class, ConfigResource.class, ModeResource.class,
            EventsResource.class, DekRegistryResource.class);
    /** API operations served by plain Vert.x routes, with no JAX-RS method behind them. */
    private static final Set<String> VERTX_ROUTES = Set.of("POST " + RegistryTransferRoutes.IMPORT_PATH);
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head",
            "options", "trace");

    private final OpenApiDocument document = OpenApiDocument.shared();

    // ------------------------------------------------------------------------------------------ routes

    @Test
    void documentsExactlyTheRoutesOfTheResources() throws Exception {
        Set<String> implemented = new TreeSet<>();
        for (Class<?> resource : resourceClasses()) {
            implemented.addAll(routes(resource));
        }
        implemented.addAll(VERTX_ROUTES);
        Set<String> documented = document.operations();

        Set<String> undocumented = new TreeSet<>(implemented);
        undocumented.removeAll(documented);
        Set<String> notImplemented = new TreeSet<>(documented);
        notImplemented.removeAll(implemented);
        if (!undocumented.isEmpty() || !notImplemented.isEmpty()) {
            fail("openapi.yaml and the JAX-RS resources disagree."
                    + "\n  implemented but not documented: " + undocumented
                    + "\n  documented but not implemented: " + notImplemented);
        }
        assertEquals(implemented, documented);
    }

    @Test
    void packageScanFindsTheKnownResources() throws Exception {
        Set<Class<?>> scanned = new java.util.HashSet<>(resourceClasses());
        for (Class<?> known : KNOWN_RESOURCES) {
            assertTrue(scanned.contains(known), "package scan missed " + known.getName());
        }
    }

    /** "METHOD /path" for every resource method of a class (class @Path + method @Path). */
    static Set<String> routes(Class<?> resource) {
        Path classPath = resource.getAnnotation(Path.class);
        Set<String> routes = new TreeSet<>();
        for (Method method : resource.getDeclaredMethods()) {
            String verb = httpMethod(method);
            Path methodPath = method.getAnnotation(Path.class);
            if (verb == null) {
                if (methodPath != null) {
                    fail("Sub-resource locator " + resource.getSimpleName() + "." + method.getName()
                            + " is not supported by this test; document its routes and extend the test");
                }
                continue;
            }
            routes.add(verb + " " + join(classPath == null ? "" : classPath.value(),
                    methodPath == null ? "" : methodPath.value()));
        }
        return routes;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value().toUpperCase(java.util.Locale.ROOT);
            }
        }
        return null;
    }

    /** Joins @Path values: single slashes, a leading slash, no trailing slash, "{name: regex}" as "{name}". */
    static String join(String... parts) {
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            for (String segment : part.split("/")) {
                if (!segment.isBlank()) {
                    path.append('/').append(stripRegex(segment.trim()));
                }
            }
        }
        return path.length() == 0 ? "/" : path.toString();
    }

    private static String stripRegex(String segment) {
        if (segment.startsWith("{") && segment.endsWith("}") && segment.contains(":")) {
            return "{" + segment.substring(1, segment.indexOf(':')).trim() + "}";
        }
        return segment;
    }

    /** Every class of the resource package (main classes on the classpath) annotated with @Path. */
    static List<Class<?>> resourceClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        ClassLoader loader = OpenApiRoutesTest.class.getClassLoader();
        String directory = PACKAGE.replace('.', '/');
        Set<String> classNames = new TreeSet<>();
        Enumeration<URL> urls = loader.getResources(directory);
        while (urls.hasMoreElements()) {
            URL url = urls.nextElement();
            if (url.getProtocol().equals("file")) {
                File[] files = new File(url.toURI()).listFiles();
                if (files != null) {
                    for (File file : files) {
                        String name = file.getName();
                        if (name.endsWith(".class") && !name.contains("$")) {
                            classNames.add(PACKAGE + "." + name.substring(0, name.length() - ".class".length()));
                        }
                    }
                }
            } else if (url.getProtocol().equals("jar")) {
                JarURLConnection connection = (JarURLConnection) url.openConnection();
                try (JarFile jar = connection.getJarFile()) {
                    for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                        String name = entries.nextElement().getName();
                        if (name.startsWith(directory + "/") && name.endsWith(".class") && !name.contains("$")
                                && name.indexOf('/', directory.length() + 1) < 0) {
                            classNames.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
                        }
                    }
                }
            }
        }
        List<Class<?>> resources = new ArrayList<>();
        for (String name : classNames) {
            Class<?> type = Class.forName(name, false, loader);
            if (type.isAnnotationPresent(Path.class)) {
                resources.add(type);
            }
        }
        return resources;
    }

    // ------------------------------------------------------------------------------------------ consistency

    @Test
    void isOpenApi31WithComponentsForTheApiEntities() {
        JsonNode root = document.root();
        assertEquals("3.1.0", root.path("openapi").asText());
        assertFalse(root.path("info").path("title").asText().isBlank(), "info.title");
        assertFalse(root.path("info").path("version").asText().isBlank(), "info.version");
        JsonNode schemas = root.path("components").path("schemas");
        for (String name : List.of("ErrorMessage", "RegisterSchemaRequest", "SchemaReference", "Metadata",
                "RuleSet", "Rule", "Schema", "SchemaString", "RegisterSchemaResponse", "CompatibilityCheckResponse",
                "Config", "ConfigUpdateRequest", "Mode", "SubjectVersion", "Event", "ClusterId")) {
            assertTrue(schemas.has(name), "components/schemas/" + name + " is missing");
        }
        assertEquals(Set.of("error_code", "message"), names(schemas.path("ErrorMessage").path("required")));
        assertTrue(schemas.path("Config").path("properties").has("compatibilityLevel"));
        assertTrue(schemas.path("ConfigUpdateRequest").path("properties").has("compatibility"));
    }

    @Test
    void everyOperationHasAnIdASummaryADescriptionAndResponses() {
        List<String> problems = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.root().path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> it = path.getValue().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (!HTTP_METHODS.contains(entry.getKey())) {
                    continue;
                }
                String name = entry.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                JsonNode operation = entry.getValue();
                String id = operation.path("operationId").asText("");
                if (id.isBlank()) {
                    problems.add(name + ": no operationId");
                } else if (ids.put(id, name) != null) {
                    problems.add(name + ": operationId " + id + " is also used by " + ids.get(id));
                }
                if (operation.path("summary").asText("").isBlank()) {
                    problems.add(name + ": no summary");
                }
                if (operation.path("description").asText("").isBlank()) {
                    problems.add(name + ": no description");
                }
                JsonNode responses = operation.path("responses");
                if (!responses.isObject() || responses.isEmpty()) {
                    problems.add(name + ": no responses");
                }
                for (Iterator<Map.Entry<String, JsonNode>> rs = responses.fields(); rs.hasNext(); ) {
                    Map.Entry<String, JsonNode> response = rs.next();
                    if (!response.getKey().matches("[1-5][0-9][0-9]|[1-5]XX|default")) {
                        problems.add(name + ": response key " + response.getKey() + " is not a status");
                    }
                    JsonNode resolved = document.resolve(response.getValue());
                    if (resolved == null || resolved.path("description").asText("").isBlank()) {
                        problems.add(name + " " + response.getKey() + ": no description");
                    }
                    if (response.getKey().matches("[45][0-9][0-9]") && resolved != null
                            && !resolved.path("content").path(MediaTypes.SCHEMA_REGISTRY_V1_JSON).has("schema")) {
                        problems.add(name + " " + response.getKey() + ": errors must document an ErrorMessage body");
                    }
                }
                if (!responses.has("500")) {
                    problems.add(name + ": 500 (50001) is possible everywhere but not documented");
                }
                checkPathParameters(name, entry.getKey(), path.getKey(), problems);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private void checkPathParameters(String name, String method, String template, List<String> problems) {
        Set<String> declared = new TreeSet<>();
        for (JsonNode parameter : document.parameters(method, template)) {
            if (parameter.path("name").asText("").isBlank() || parameter.path("in").asText("").isBlank()) {
                problems.add(name + ": a parameter has no name or location");
            }
            if (parameter.path("in").asText().equals("path")) {
                declared.add(parameter.path("name").asText());
                if (!parameter.path("required").asBoolean(false)) {
                    problems.add(name + ": path parameter " + parameter.path("name").asText() + " must be required");
                }
            }
        }
        Set<String> inTemplate = new TreeSet<>(OpenApiDocument.pathParameters(template));
        if (!declared.equals(inTemplate)) {
            problems.add(name + ": path parameters declared " + declared + " but the template has " + inTemplate);
        }
    }

    @Test
    void everyRefResolves() {
        List<String> unresolved = document.unresolvedRefs();
        assertTrue(unresolved.isEmpty(), "Unresolved $ref: " + unresolved);
    }

    @Test
    void componentSchemasAreValidJsonSchema202012() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Schema metaSchema = registry.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertFalse(metaSchema.validate(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("type", 5)).isEmpty(),
                "the meta-schema check must be live");
        List<String> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = document.root().path("components").path("schemas").fields();
             it.hasNext(); ) {
            Map.Entry<String, JsonNode> schema = it.next();
            metaSchema.validate(schema.getValue()).forEach(error -> problems.add(schema.getKey() + ": " + error));
            if (schema.getValue().path("additionalProperties").isBoolean()
                    && !schema.getValue().path("additionalProperties").asBoolean()) {
                problems.add(schema.getKey() + ": additionalProperties must stay open (future fields are allowed)");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    // ------------------------------------------------------------------------------------------ the validator

    @Test
    void catchesAWrongRegisterSchemaResponse() {
        assertFalse(document.validateComponent("RegisterSchemaResponse", "{\"id\":\"x\"}").isEmpty(),
                "a string id must be rejected");
        assertFalse(document.validateComponent("RegisterSchemaResponse", "{\"version\":1}").isEmpty(),
                "a missing id must be rejected");
        String good = "{\"id\":1,\"version\":1,\"schemaType\":\"AVRO\",\"schema\":\"\\\"string\\\"\"}";
        assertEquals(List.of(), document.validateComponent("RegisterSchemaResponse", good));
        String withExtras = "{\"id\":1,\"version\":2,\"schemaType\":\"AVRO\",\"schema\":\"{}\",\"guid\":\"g\","
                + "\"references\":[{\"name\":\"a.B\",\"subject\":\"b\",\"version\":1}],"
                + "\"metadata\":{\"properties\":{\"owner\":\"team\"}},"
                + "\"ruleSet\":{\"domainRules\":[{\"name\":\"r\",\"kind\":\"CONDITION\",\"mode\":\"WRITE\"}]}}";
        assertEquals(List.of(), document.validateComponent("RegisterSchemaResponse", withExtras),
                "unknown fields are allowed");
        assertFalse(document.validateComponent("RegisterSchemaResponse",
                "{\"id\":1,\"version\":1,\"schemaType\":\"XML\",\"schema\":\"{}\"}").isEmpty(), "unknown schemaType");
        assertFalse(document.validateComponent("RegisterSchemaResponse",
                "{\"id\":1,\"version\":1,\"schemaType\":\"AVRO\",\"schema\":\"{}\",\"references\":[{\"name\":1}]}")
                .isEmpty(), "a malformed reference");
    }

    @Test
    void validatesWholeResponsesByOperation() {
        String register = "/subjects/orders-value/versions";
        String good = "{\"id\":7,\"version\":1,\"schemaType\":\"AVRO\",\"schema\":\"\\\"int\\\"\"}";
        assertEquals(List.of(), document.validateResponse("POST", register, 200, MediaTypes.SCHEMA_REGISTRY_V1_JSON,
                good));
        assertEquals(List.of(), document.validateResponse("POST", register, 200, "application/json; charset=UTF-8",
                good));
        assertFalse(document.validateResponse("POST", register, 200, MediaTypes.SCHEMA_REGISTRY_V1_JSON,
                "{\"id\":\"x\"}").isEmpty(), "wrong body");
        assertFalse(document.validateResponse("POST", register, 200, "text/html", good).isEmpty(),
                "undocumented media type");
        assertFalse(document.validateResponse("POST", register, 201, MediaTypes.SCHEMA_REGISTRY_V1_JSON, good)
                .isEmpty(), "undocumented status");
        assertFalse(document.validateResponse("POST", register, 200, MediaTypes.SCHEMA_REGISTRY_V1_JSON, "not json")
                .isEmpty(), "not JSON");
        assertEquals(List.of(), document.validateResponse("POST", register, 409, MediaTypes.SCHEMA_REGISTRY_V1_JSON,
                "{\"error_code\":40901,\"message\":\"incompatible\"}"));
        assertFalse(document.validateResponse("POST", register, 409, MediaTypes.SCHEMA_REGISTRY_V1_JSON,
                "{\"message\":\"incompatible\"}").isEmpty(), "an error without error_code");

        // raw schema endpoints answer the schema text itself, which need not be JSON
        assertEquals(List.of(), document.validateResponse("GET", "/schemas/ids/3/schema", 200,
                MediaTypes.SCHEMA_REGISTRY_V1_JSON, "syntax = \"proto3\";"));
        // soft-deleted versions as negative numbers; nullable event fields
        assertEquals(List.of(), document.validateResponse("GET", "/subjects/s/versions?deletedAsNegative=true", 200,
                MediaTypes.SCHEMA_REGISTRY_V1_JSON, "[-1,2]"));
        assertEquals(List.of(), document.validateResponse("GET", "/v1/events", 200,
                MediaTypes.SCHEMA_REGISTRY_V1_JSON, "[{\"seq\":1,\"type\":\"CONFIG_CHANGED\",\"subject\":null,"
                        + "\"version\":null,\"id\":null,\"payload\":{\"config\":{}},\"actor\":null,"
                        + "\"time\":\"2025-01-01T00:00:00Z\"}]"));
        // unknown routes and methods may only answer 404 / 405 errors
        assertEquals(List.of(), document.validateResponse("GET", "/no/such/thing", 404,
                MediaTypes.SCHEMA_REGISTRY_V1_JSON, "{\"error_code\":404,\"message\":\"no such endpoint\"}"));
        assertEquals(List.of(), document.validateResponse("PUT", "/schemas/types", 405,
                MediaTypes.SCHEMA_REGISTRY_V1_JSON, "{\"error_code\":405,\"message\":\"HTTP 405\"}"));
        assertFalse(document.validateResponse("PUT", "/schemas/types", 200, MediaTypes.SCHEMA_REGISTRY_V1_JSON, "[]")
                .isEmpty(), "an undocumented operation that succeeds");
    }

    @Test
    void matchesConcretePathsToTemplates() {
        assertEquals("/subjects/{subject}/versions/{version}",
                document.matchPath("/subjects/orders-value/versions/latest").orElseThrow());
        assertEquals("/subjects/{subject}/versions/{version}",
                document.matchPath("/subjects/a%2Fb%20c/versions/1?deleted=true").orElseThrow(), "URL-encoded");
        assertEquals("/subjects/{subject}/versions/{version}",
                document.matchPath("/subjects/a b:c/versions/1").orElseThrow(), "decoded");
        assertEquals("/subjects/{subject}/versions",
                document.matchPath("http://localhost:8081/subjects/x/versions/").orElseThrow(), "full URL");
        assertEquals("/schemas/types", document.matchPath("/schemas/types").orElseThrow(), "literal beats param");
        assertEquals("/schemas/ids/{id}", document.matchPath("/schemas/ids/12").orElseThrow());
        assertEquals("/", document.matchPath("/").orElseThrow());
        assertEquals("/", document.matchPath("").orElseThrow());
        assertEquals("/compatibility/subjects/{subject}/versions/{version}",
                document.matchPath("/compatibility/subjects/s/versions/latest").orElseThrow());
        assertTrue(document.matchPath("/subjects/x/versions/1/nothing").isEmpty());
        assertTrue(document.matchPath("/subjects//versions").isEmpty());
        assertNotNull(document.operation("GET", "/subjects/{subject}/versions/{version}").orElse(null));
    }

    @Test
    void filterSkipsQuarkusAndUiPaths() {
        assertTrue(OpenApiValidationFilter.skipped("/q/health"));
        assertTrue(OpenApiValidationFilter.skipped("/ui"));
        assertTrue(OpenApiValidationFilter.skipped("/ui/index.html"));
        assertTrue(OpenApiValidationFilter.skipped("/v1/openapi.yaml"));
        assertFalse(OpenApiValidationFilter.skipped("/subjects"));
        assertFalse(OpenApiValidationFilter.skipped("/quality"));
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new TreeSet<>();
        array.forEach(node -> names.add(node.asText()));
        return names;
    }
}
