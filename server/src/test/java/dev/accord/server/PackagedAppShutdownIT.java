package dev.accord.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM while a registration is being checked: the request finishes and is answered before the server and its
 * embedded database stop, and the version is there after a restart. The server runs with JSON logs: every line of
 * its output is a JSON object, and none carries a schema body.
 */
class PackagedAppShutdownIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    // HTTP/1.1 as the Kafka clients speak it (JDK 17's client fails every stream on an HTTP/2 GOAWAY)
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aRequestInFlightAtSigtermIsAnsweredAndKeptAndTheLogIsJsonLines() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "shutdown-it-data").toAbsolutePath();
        Map<String, String> environment = Map.of("ACCORD_DATA_DIR", data.toString(),
                "QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true");
        try {
            CompletableFuture<HttpResponse<String>> inFlight;
            PackagedServer server = PackagedServer.start("shutdown-it", environment);
            try {
                assertEquals(200, send(server, "/config", "PUT", "{\"compatibility\":\"NONE\"}").statusCode());
                // hundreds of milliseconds of parsing: the signal arrives while it runs
                inFlight = http.sendAsync(request(server, "/subjects/slow-value/versions", "POST",
                        "{\"schemaType\":\"JSON\",\"schema\":" + JSON.writeValueAsString(TestSchemas.wideJsonObject(14_000)) + "}"),
                        HttpResponse.BodyHandlers.ofString());
                Thread.sleep(150);
            } finally {
                server.close(); // SIGTERM, then waits for the process to exit
            }
            HttpResponse<String> answered = inFlight.get();
            assertEquals(200, answered.statusCode(), answered.body());
            assertTrue(answered.body().contains("\"version\":1"), answered.body());

            List<String> lines = Files.readAllLines(server.log());
            assertFalse(lines.isEmpty());
            for (String line : lines) {
                assertTrue(JSON.readTree(line).isObject(), "not a JSON line: " + line);
                assertFalse(line.contains("p13999"), "a schema body in the log: " + line);
            }

            try (PackagedServer again = PackagedServer.start("shutdown-it-again", environment)) {
                HttpResponse<String> kept = send(again, "/subjects/slow-value/versions", "GET", null);
                assertEquals("[1]", kept.body());
            }
        } finally {
            PostgresTestResource.deleteRecursively(data);
        }
    }

    private HttpResponse<String> send(PackagedServer server, String path, String method, String body) throws Exception {
        return http.send(request(server, path, method, body), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(PackagedServer server, String path, String method, String body) {
        return HttpRequest.newBuilder(URI.create(server.base() + path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json").timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
