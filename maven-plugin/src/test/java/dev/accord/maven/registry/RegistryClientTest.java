package dev.accord.maven.registry;

import com.sun.net.httpserver.HttpServer;
import dev.accord.core.schema.SchemaReference;
import dev.accord.core.schema.SchemaType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP side of the client against a JDK HttpServer on the loopback interface. */
class RegistryClientTest {

    private HttpServer server;
    private final List<String> requests = new ArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private String start(int status, String body) throws IOException {
        return start(uri -> Map.entry(status, body));
    }

    private String start(java.util.function.Function<String, Map.Entry<Integer, String>> answers) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String requestBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " auth="
                    + exchange.getRequestHeaders().getFirst("Authorization") + " x="
                    + exchange.getRequestHeaders().getFirst("X-Tenant") + " ct="
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " body=" + requestBody);
            Map.Entry<Integer, String> answer = answers.apply(exchange.getRequestURI().toString());
            byte[] bytes = answer.getValue().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.getKey(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static RegistrySettings settings(String url, String user, String token) {
        return new RegistrySettings(List.of(url), user, user == null ? null : "secret", token,
                Map.of("X-Tenant", "blue"), null, null, null, Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    @Test
    void sendsBasicAuthHeadersAndTheSchemaWithReferences() throws Exception {
        String url = start(200, "{\"is_compatible\":false,\"messages\":[\"{errorType:'TYPE_MISMATCH',"
                + " description:'x', additionalInfo:'y'}\"]}");
        RegistryClient client = new RegistryClient(settings(url + "/", "alice", null));
        RegistryClient.CompatibilityAnswer answer = client.testCompatibility("orders value/x",
                new RegistryClient.SchemaPayload("{\"type\":\"string\"}", SchemaType.JSON,
                        List.of(new SchemaReference("a.json", "a-value", 3))));
        assertFalse(answer.compatible());
        assertEquals(1, answer.messages().size());
        String request = requests.get(0);
        assertTrue(request.startsWith("POST /compatibility/subjects/orders%20value%2Fx/versions?verbose=true"), request);
        assertTrue(request.contains("auth=Basic YWxpY2U6c2VjcmV0"), request);
        assertTrue(request.contains("x=blue"), request);
        assertTrue(request.contains("ct=application/vnd.schemaregistry.v1+json"), request);
        assertTrue(request.contains("\"schemaType\":\"JSON\""), request);
        assertTrue(request.contains("\"references\":[{\"name\":\"a.json\",\"subject\":\"a-value\",\"version\":3}]"),
                request);
    }

    @Test
    void sendsABearerToken() throws Exception {
        String url = start(200, "{\"compatibilityLevel\":\"FULL\"}");
        new RegistryClient(settings(url, null, "t0ken")).config("s");
        assertTrue(requests.get(0).contains("auth=Bearer t0ken"), requests.get(0));
        assertTrue(requests.get(0).startsWith("GET /config/s?defaultToGlobal=true"), requests.get(0));
    }

    @Test
    void aSubjectThatDoesNotExistIsCompatible() throws Exception {
        String url = start(404, "{\"error_code\":40401,\"message\":\"Subject 'x' not found.\"}");
        RegistryClient.CompatibilityAnswer answer = new RegistryClient(settings(url, null, null))
                .testCompatibility("x", new RegistryClient.SchemaPayload("\"int\"", SchemaType.AVRO, List.of()));
        assertTrue(answer.compatible());
        assertTrue(answer.newSubject());
    }

    @Test
    void aRegistryWithoutTheAllVersionsEndpointIsAskedAboutTheLatestVersion() throws Exception {
        String url = start(uri -> uri.contains("/versions/latest")
                ? Map.entry(200, "{\"is_compatible\":true}")
                : Map.entry(404, "{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}"));
        RegistryClient.CompatibilityAnswer answer = new RegistryClient(settings(url, null, null))
                .testCompatibility("s", new RegistryClient.SchemaPayload("\"int\"", SchemaType.AVRO, List.of()));
        assertTrue(answer.compatible());
        assertTrue(answer.latestOnly());
        assertFalse(answer.newSubject());
        assertEquals(2, requests.size());
    }

    @Test
    void errorsSayWhatTheRegistryAnswered() throws Exception {
        String url = start(401, "{\"error_code\":40101,\"message\":\"Unauthorized\"}");
        RegistryClient client = new RegistryClient(settings(url, null, null));
        RegistryException e = assertThrows(RegistryException.class, client::subjects);
        assertEquals(401, e.status());
        assertTrue(e.getMessage().contains("refused the credentials"), e.getMessage());
    }

    @Test
    void aConflictKeepsTheRegistrysMessage() throws Exception {
        String url = start(409, "{\"error_code\":40901,\"message\":\"Schema being registered is incompatible with an"
                + " earlier schema for subject \\\"s\\\", details: [{oldSchemaVersion: 1}]\"}");
        RegistryException e = assertThrows(RegistryException.class, () -> new RegistryClient(settings(url, null, null))
                .register("s", new RegistryClient.SchemaPayload("\"int\"", SchemaType.AVRO, List.of())));
        assertEquals(409, e.status());
        assertEquals(40901, e.errorCode());
        assertTrue(e.getMessage().startsWith("Schema being registered is incompatible"), e.getMessage());
    }

    @Test
    void anUnreachableRegistryIsReportedClearlyAndTheNextUrlIsTried() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String dead = "http://127.0.0.1:" + closed;
        RegistryException.Unreachable e = assertThrows(RegistryException.Unreachable.class,
                () -> new RegistryClient(settings(dead, null, null)).subjects());
        assertTrue(e.getMessage().contains("Cannot reach the schema registry at " + dead), e.getMessage());

        String live = start(200, "[\"a\",\"b\"]");
        RegistryClient client = new RegistryClient(new RegistrySettings(List.of(dead, live), null, null, null, Map.of(),
                null, null, null, Duration.ofSeconds(2), Duration.ofSeconds(5)));
        assertEquals(List.of("a", "b"), client.subjects());
        assertEquals(live, client.url());
    }
}
