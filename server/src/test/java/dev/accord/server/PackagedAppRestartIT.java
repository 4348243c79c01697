package dev.accord.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged application (quarkus-run.jar) as an operator runs it: embedded PostgreSQL on a data directory,
 * data that survives a restart, and a clear message when the database cannot start.
 */
class PackagedAppRestartIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process process : started) {
            stop(process);
        }
    }

    @Test
    void schemasIdsAndConfigSurviveARestart() throws Exception {
        Path dataDir = Path.of("target", "restart-it-data").toAbsolutePath();
        PostgresTestResource.deleteRecursively(dataDir);
        int port = freePort();

        Process first = start(dataDir, port);
        waitUntilUp(port, first);
        String schema = "{\"type\":\"record\",\"name\":\"Kept\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";
        String registered = send(port, "POST", "/subjects/kept-value/versions",
                "{\"schema\":" + quote(schema) + "}");
        assertTrue(registered.contains("\"id\":1"), registered);
        send(port, "PUT", "/config/kept-value", "{\"compatibility\":\"FULL_TRANSITIVE\"}");
        send(port, "PUT", "/mode/other-subject", "{\"mode\":\"READONLY\"}");
        stop(first);

        Process second = start(dataDir, port);
        waitUntilUp(port, second);
        assertTrue(send(port, "GET", "/schemas/ids/1", null).contains("Kept"));
        assertTrue(send(port, "GET", "/subjects/kept-value/versions/1", null).contains("\"id\":1"));
        assertTrue(send(port, "GET", "/config/kept-value", null).contains("FULL_TRANSITIVE"));
        assertTrue(send(port, "GET", "/mode/other-subject", null).contains("READONLY"));
        // the id sequence continues after a restart
        String next = send(port, "POST", "/subjects/next-value/versions", "{\"schema\":\"\\\"string\\\"\"}");
        assertTrue(next.contains("\"id\":2"), next);
    }

    @Test
    void anUnusableDataDirectoryStopsTheServerWithAnExplanation() throws Exception {
        Path file = Files.createTempFile("accord-not-a-dir", ".txt");
        ProcessBuilder builder = command(file.resolve("data"), freePort()).redirectErrorStream(true);
        Process process = builder.start();
        started.add(process);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the server should exit");
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(1, process.exitValue(), output);
        assertTrue(output.contains("Accord cannot start"), output);
        assertTrue(output.contains("ACCORD_DATA_DIR"), output);
    }

    private ProcessBuilder command(Path dataDir, int port) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR.toAbsolutePath().toString());
        builder.environment().put("ACCORD_DATA_DIR", dataDir.toString());
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        return builder;
    }

    private Process start(Path dataDir, int port) throws IOException {
        Path log = Path.of("target", "restart-it-" + port + "-" + started.size() + ".log");
        Process process = command(dataDir, port).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        started.add(process);
        return process;
    }

    private void waitUntilUp(int port, Process process) throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("server exited with " + process.exitValue());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("server did not become ready on port " + port);
    }

    private String send(int port, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), method + " " + path + ": " + response.body());
        return response.body();
    }

    private static void stop(Process process) throws InterruptedException {
        if (process.isAlive()) {
            process.destroy(); // SIGTERM: Quarkus and the embedded database shut down cleanly
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
