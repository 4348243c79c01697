package dev.accord.server;

import dev.accord.server.store.EmbeddedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three packaged Accord processes on one PostgreSQL, as behind a load balancer: concurrent writers spread over
 * them never get a duplicate id or version, one content keeps one id, a change made on one is seen by the others
 * within 100 ms, and a delete on one racing registrations on another never answers 500.
 */
class PackagedAppInstancesIT {

    private static final String V1 = "application/vnd.schemaregistry.v1+json";
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static Path dataDir;
    private static EmbeddedDatabase database;
    private static final List<PackagedServer> SERVERS = new ArrayList<>();

    @BeforeAll
    static void startThreeInstances() throws Exception {
        dataDir = Path.of("target", "instances-it-postgres").toAbsolutePath();
        PostgresTestResource.deleteRecursively(dataDir);
        database = EmbeddedDatabase.start(dataDir, false);
        Map<String, String> environment = Map.of("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME", database.username(),
                "QUARKUS_DATASOURCE_PASSWORD", database.password());
        for (int i = 0; i < 3; i++) {
            SERVERS.add(PackagedServer.start("instance-" + i, environment));
        }
        send(0, "PUT", "/config", "{\"compatibility\":\"NONE\"}");
    }

    @AfterAll
    static void stopAll() throws Exception {
        for (PackagedServer server : SERVERS) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
        PostgresTestResource.deleteRecursively(dataDir);
    }

    @Test
    void fortyEightWritersOverThreeInstancesGetNoDuplicateIdOrVersionAndOneIdPerContent() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(48);
        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>()); // subject|content|id|version
        List<Future<?>> work = new ArrayList<>();
        for (int w = 0; w < 48; w++) {
            int writer = w;
            work.add(writers.submit(() -> {
                for (int i = 0; i < 10; i++) {
                    // shared subjects and shared contents, and subjects and contents of this writer alone
                    String subject = i % 2 == 0 ? "shared-" + (i % 4) : "own-" + writer + "-" + i;
                    String content = i % 3 == 0 ? "Shared" + (i % 5) : "W" + writer + "C" + i;
                    String answer = send(writer % 3, "POST", "/subjects/" + subject + "/versions",
                            "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"" + content
                                    + "\\\",\\\"fields\\\":[{\\\"name\\\":\\\"a\\\",\\\"type\\\":\\\"int\\\"}]}\"}");
                    acknowledged.add(subject + "|" + content + "|" + number(ID, answer) + "|" + number(VERSION, answer));
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        writers.shutdown();

        Map<String, Integer> idOfContent = new HashMap<>();
        for (String line : acknowledged) {
            String[] parts = line.split("\\|");
            Integer earlier = idOfContent.putIfAbsent(parts[1], Integer.parseInt(parts[2]));
            assertTrue(earlier == null || earlier == Integer.parseInt(parts[2]),
                    "content " + parts[1] + " has ids " + earlier + " and " + parts[2]);
        }
        assertEquals(idOfContent.size(), new HashSet<>(idOfContent.values()).size(), "two contents share an id");
        Map<String, String> contentOfVersion = new HashMap<>();
        for (String line : acknowledged) {
            String[] parts = line.split("\\|");
            String earlier = contentOfVersion.putIfAbsent(parts[0] + " v" + parts[3], parts[1]);
            assertTrue(earlier == null || earlier.equals(parts[1]),
                    parts[0] + " v" + parts[3] + " acknowledged for " + earlier + " and " + parts[1]);
        }
        // every subject's versions, as each instance lists them: 1..n without gaps or repeats, the same everywhere
        for (String subject : List.of("shared-0", "shared-2")) {
            String versions = send(0, "GET", "/subjects/" + subject + "/versions", null);
            for (int s = 1; s < 3; s++) {
                assertEquals(versions, send(s, "GET", "/subjects/" + subject + "/versions", null));
            }
            String[] listed = versions.replaceAll("[\\[\\]]", "").split(",");
            for (int v = 0; v < listed.length; v++) {
                assertEquals(v + 1, Integer.parseInt(listed[v]), subject + ": " + versions);
            }
        }
    }

    @Test
    void aChangeOnOneInstanceIsVisibleOnTheOthersWithin100MillisecondsAtTheP99() throws Exception {
        List<Long> lags = new ArrayList<>();
        for (int round = 0; round < 30; round++) {
            String subject = "visible-" + round;
            int writer = round % 3;
            send(writer, "POST", "/subjects/" + subject + "/versions", "{\"schema\":\"\\\"string\\\"\"}");
            long written = System.nanoTime();
            lags.add(until(writer, "/subjects/" + subject + "/versions/latest", "\"version\":1", written));

            send(writer, "PUT", "/config/" + subject, "{\"compatibility\":\"FULL\"}");
            written = System.nanoTime();
            lags.add(until(writer, "/config/" + subject, "FULL", written));

            send(writer, "PUT", "/mode/" + subject, "{\"mode\":\"READONLY\"}");
            written = System.nanoTime();
            lags.add(until(writer, "/mode/" + subject, "READONLY", written));
        }
        Collections.sort(lags);
        long p99 = lags.get((int) Math.ceil(lags.size() * 0.99) - 1);
        System.out.println("instances: visibility lag over " + lags.size() + " changes: median "
                + lags.get(lags.size() / 2) / 1_000 + " us, p99 " + p99 / 1_000 + " us");
        assertTrue(p99 < 100_000_000L, "p99 " + p99 / 1_000_000 + " ms: " + lags);
    }

    @Test
    void aDeleteOnOneInstanceRacingRegistrationsOnAnotherNeverAnswers500() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        for (int round = 0; round < 20; round++) {
            String subject = "race-" + round;
            String body = "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Race" + round
                    + "\\\",\\\"fields\\\":[{\\\"name\\\":\\\"a\\\",\\\"type\\\":\\\"int\\\"}]}\"}";
            send(0, "POST", "/subjects/" + subject + "/versions", body);
            List<Future<?>> calls = new ArrayList<>();
            calls.add(pool.submit(() -> {
                status(1, "DELETE", "/subjects/" + subject, null, failures);
                status(1, "DELETE", "/subjects/" + subject + "?permanent=true", null, failures);
                return null;
            }));
            for (int i = 0; i < 4; i++) {
                String target = i % 2 == 0 ? subject : subject + "-other-" + i;
                int instance = i % 2 == 0 ? 2 : 0;
                calls.add(pool.submit(() -> {
                    HttpResponse<String> registered = status(instance, "POST", "/subjects/" + target + "/versions",
                            body, failures);
                    if (registered.statusCode() == 200) {
                        int id = number(ID, registered.body());
                        // what was acknowledged can be read, on every instance
                        for (int s = 0; s < 3; s++) {
                            HttpResponse<String> read = status(s, "GET", "/schemas/ids/" + id, null, failures);
                            if (read.statusCode() != 200 && target.contains("-other-")) {
                                failures.add("id " + id + " acknowledged on " + target + ", then " + read.statusCode()
                                        + " on instance " + s);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        }
        pool.shutdown();
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** Nanoseconds from {@code since} until both other instances answer {@code path} with {@code expected}. */
    private static long until(int writer, String path, String expected, long since) throws Exception {
        for (int s = 0; s < 3; s++) {
            if (s == writer) {
                continue;
            }
            while (true) {
                HttpResponse<String> response = HTTP.send(request(s, "GET", path, null), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains(expected)) {
                    break;
                }
                if (System.nanoTime() - since > 5_000_000_000L) {
                    throw new AssertionError(path + " not visible on instance " + s + " after 5 s: " + response.body());
                }
            }
        }
        return System.nanoTime() - since;
    }

    private static HttpResponse<String> status(int server, String method, String path, String body,
                                               List<String> failures) throws Exception {
        HttpResponse<String> response = HTTP.send(request(server, method, path, body), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 500) {
            failures.add(method + " " + path + " on instance " + server + ": " + response.statusCode() + " "
                    + response.body());
        }
        return response;
    }

    private static String send(int server, String method, String path, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(request(server, method, path, body), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), method + " " + path + " on instance " + server + ": " + response.body());
        return response.body();
    }

    private static HttpRequest request(int server, String method, String path, String body) {
        return HttpRequest.newBuilder(URI.create(SERVERS.get(server).base() + path)).header("Content-Type", V1)
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static int number(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertTrue(matcher.find(), text);
        return Integer.parseInt(matcher.group(1));
    }
}
