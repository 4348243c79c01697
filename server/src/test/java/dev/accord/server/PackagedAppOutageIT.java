package dev.accord.server;

import dev.accord.server.store.EmbeddedDatabase;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL goes away under two running instances and comes back: schemas by id and versions by number keep
 * answering from memory, everything else fails fast with 503, Retry-After and 5000x; readiness goes down, liveness
 * does not; once the database is back both recover without a restart, and a change made on one during recovery
 * reaches the other's caches. The database is an embedded PostgreSQL the test stops and starts, or, with
 * {@code ACCORD_TEST_PG_CTL} (e.g. {@code pg_ctlcluster 15 main}) and {@code ACCORD_TEST_JDBC_URL}, the machine's
 * own PostgreSQL server, stopped and started with that command.
 */
class PackagedAppOutageIT {

    private static final String V1 = "application/vnd.schemaregistry.v1+json";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The database under the two instances, which the test takes away and brings back. */
    private interface Database extends AutoCloseable {
        Map<String, String> environment();

        void stop() throws Exception;

        void start() throws Exception;
    }

    private static final class Embedded implements Database {
        private final Path data = Path.of("target", "outage-it-postgres").toAbsolutePath();
        private final int port;
        private EmbeddedDatabase database;

        Embedded() throws Exception {
            PostgresTestResource.deleteRecursively(data);
            port = PackagedServer.freePort();
            database = EmbeddedDatabase.start(data, false, port);
        }

        public Map<String, String> environment() {
            return Map.of("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(),
                    "QUARKUS_DATASOURCE_USERNAME", database.username(), "QUARKUS_DATASOURCE_PASSWORD", database.password());
        }

        public void stop() {
            database.close();
        }

        public void start() {
            database = EmbeddedDatabase.start(data, false, port);
        }

        public void close() throws Exception {
            database.close();
            PostgresTestResource.deleteRecursively(data);
        }
    }

    /** The machine's PostgreSQL server, stopped and started with its control command. */
    private static final class MachineServer implements Database {
        private final String control = System.getenv("ACCORD_TEST_PG_CTL");

        public Map<String, String> environment() {
            return Map.of("QUARKUS_DATASOURCE_JDBC_URL", System.getenv("ACCORD_TEST_JDBC_URL"),
                    "QUARKUS_DATASOURCE_USERNAME", System.getenv("ACCORD_TEST_JDBC_USER"),
                    "QUARKUS_DATASOURCE_PASSWORD", System.getenv("ACCORD_TEST_JDBC_PASSWORD"));
        }

        public void stop() throws Exception {
            run(control + " stop");
        }

        public void start() throws Exception {
            run(control + " start");
        }

        public void close() throws Exception {
            run(control + " start || true"); // leave the machine's server running whatever happened
        }

        private static void run(String command) throws Exception {
            Process process = new ProcessBuilder("sh", "-c", command).inheritIO().start();
            assertEquals(0, process.waitFor(), command);
        }
    }

    @Test
    void readsFromMemoryKeepAnsweringWritesFailFastAndBothInstancesRecover() throws Exception {
        boolean machine = System.getenv("ACCORD_TEST_PG_CTL") != null && System.getenv("ACCORD_TEST_JDBC_URL") != null;
        String run = Long.toString(System.nanoTime(), 36); // the machine's database may hold earlier runs
        try (Database database = machine ? new MachineServer() : new Embedded();
             PackagedServer a = PackagedServer.start("outage-a", database.environment());
             PackagedServer b = PackagedServer.start("outage-b", database.environment())) {
            String subject = "outage-" + run + "-value";
            HttpResponse<String> registered = send(a, "POST", "/subjects/" + subject + "/versions",
                    "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"O\\\",\\\"fields\\\":[{\\\"name\\\":\\\"a\\\",\\\"type\\\":\\\"int\\\"}]}\"}");
            assertEquals(200, registered.statusCode(), registered.body());
            String id = group(Pattern.compile("\"id\":(\\d+)"), registered.body());
            String byId = send(a, "GET", "/schemas/ids/" + id, null).body();
            String version = send(a, "GET", "/subjects/" + subject + "/versions/1", null).body();
            send(b, "GET", "/schemas/ids/" + id, null);
            String level = "/config/" + subject + "?defaultToGlobal=true";
            assertTrue(!send(a, "GET", level, null).body().contains("FULL"), "the subject's level before");

            database.stop();

            // what memory holds is still served
            HttpResponse<String> cached = send(a, "GET", "/schemas/ids/" + id, null);
            assertEquals(200, cached.statusCode());
            assertEquals(byId, cached.body());
            HttpResponse<String> cachedVersion = send(a, "GET", "/subjects/" + subject + "/versions/1", null);
            assertEquals(200, cachedVersion.statusCode(), cachedVersion.body());
            assertEquals(version, cachedVersion.body());
            assertEquals(503, send(a, "GET", "/subjects/" + subject + "/versions/latest", null).statusCode(),
                    "latest may have moved on elsewhere: not answered from memory");
            // everything else: 503 with Retry-After and a 5000x code naming the store, fast, even 8 at once
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < 8; i++) {
                int n = i;
                calls.add(CompletableFuture.supplyAsync(() -> i(n % 2 == 0
                        ? () -> send(a, "POST", "/subjects/outage-" + run + "-" + n + "/versions", "{\"schema\":\"\\\"string\\\"\"}")
                        : () -> send(a, "GET", "/subjects", null))));
            }
            for (CompletableFuture<HttpResponse<String>> call : calls) {
                HttpResponse<String> response = call.get();
                assertEquals(503, response.statusCode(), response.body());
                assertTrue(response.headers().firstValue("Retry-After").isPresent(), "Retry-After");
                assertTrue(response.body().matches(".*\"error_code\":5000[12].*") && response.body().contains("store"),
                        response.body());
            }
            long took = (System.nanoTime() - start) / 1_000_000;
            assertTrue(took < 2_000 + 500, "8 requests during the outage took " + took + " ms");
            assertEquals(503, send(a, "GET", "/q/health/ready", null).statusCode(), "readiness is down");
            assertEquals(200, send(a, "GET", "/q/health/live", null).statusCode(), "liveness is not");

            database.start();

            // both recover by themselves: the pool replaces its broken connections
            until(() -> send(a, "POST", "/subjects/after-" + run + "-value/versions", "{\"schema\":\"\\\"string\\\"\"}").statusCode() == 200,
                    "registration on A after the outage");
            until(() -> send(b, "GET", "/q/health/ready", null).statusCode() == 200, "B ready again");
            // and A's listener is back: a config change on B reaches A's settings cache
            assertEquals(200, send(b, "PUT", "/config/" + subject, "{\"compatibility\":\"FULL\"}").statusCode());
            until(() -> send(a, "GET", level, null).body().contains("FULL"), "B's config change seen on A");
        }
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    private static <T> T i(Call<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void until(Call<Boolean> condition, String what) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.call()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(what + ": not within 30 s");
    }

    private HttpResponse<String> send(PackagedServer server, String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.base() + path)).header("Content-Type", V1)
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertTrue(matcher.find(), text);
        return matcher.group(1);
    }
}
