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
 * PostgreSQL goes away under two running instances and comes back: schemas by id keep answering from memory,
 * everything else fails fast with 503, Retry-After and 5000x; readiness goes down, liveness does not; once the
 * database is back both recover without a restart, and a change made on one during recovery reaches the other's
 * caches.
 */
class PackagedAppOutageIT {

    private static final String V1 = "application/vnd.schemaregistry.v1+json";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void readsFromMemoryKeepAnsweringWritesFailFastAndBothInstancesRecover() throws Exception {
        Path data = Path.of("target", "outage-it-postgres").toAbsolutePath();
        PostgresTestResource.deleteRecursively(data);
        int port = PackagedServer.freePort();
        EmbeddedDatabase database = EmbeddedDatabase.start(data, false, port);
        Map<String, String> environment = Map.of("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME", database.username(), "QUARKUS_DATASOURCE_PASSWORD", database.password());
        try (PackagedServer a = PackagedServer.start("outage-a", environment);
             PackagedServer b = PackagedServer.start("outage-b", environment)) {
            HttpResponse<String> registered = send(a, "POST", "/subjects/outage-value/versions",
                    "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"O\\\",\\\"fields\\\":[{\\\"name\\\":\\\"a\\\",\\\"type\\\":\\\"int\\\"}]}\"}");
            assertEquals(200, registered.statusCode(), registered.body());
            String id = group(Pattern.compile("\"id\":(\\d+)"), registered.body());
            String byId = send(a, "GET", "/schemas/ids/" + id, null).body();
            send(b, "GET", "/schemas/ids/" + id, null);

            database.close();

            // what memory holds is still served
            HttpResponse<String> cached = send(a, "GET", "/schemas/ids/" + id, null);
            assertEquals(200, cached.statusCode());
            assertEquals(byId, cached.body());
            // everything else: 503 with Retry-After and a 5000x code naming the store, fast, even 8 at once
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < 8; i++) {
                int n = i;
                calls.add(CompletableFuture.supplyAsync(() -> i(n % 2 == 0
                        ? () -> send(a, "POST", "/subjects/outage-" + n + "/versions", "{\"schema\":\"\\\"string\\\"\"}")
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

            database = EmbeddedDatabase.start(data, false, port);

            // both recover by themselves: the pool replaces its broken connections
            until(() -> send(a, "POST", "/subjects/after-value/versions", "{\"schema\":\"\\\"string\\\"\"}").statusCode() == 200,
                    "registration on A after the outage");
            until(() -> send(b, "GET", "/q/health/ready", null).statusCode() == 200, "B ready again");
            // and A's listener is back: a config change on B reaches A's settings cache
            assertTrue(!send(a, "GET", "/config", null).body().contains("FULL"), "the global level before");
            assertEquals(200, send(b, "PUT", "/config", "{\"compatibility\":\"FULL\"}").statusCode());
            until(() -> send(a, "GET", "/config", null).body().contains("FULL"), "B's config change seen on A");
        } finally {
            database.close();
            PostgresTestResource.deleteRecursively(data);
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
