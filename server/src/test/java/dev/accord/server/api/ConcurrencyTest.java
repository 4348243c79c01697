package dev.accord.server.api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Concurrent registrations never produce two ids for one content or two rows for one subject version. */
@QuarkusTest
class ConcurrencyTest extends ApiTest {

    static final int CLIENTS = 24;

    @TestHTTPResource("/")
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void sameSchemaConcurrentlyOnOneSubjectIsOneVersionAndOneId() throws Exception {
        String subject = subject("race-same");
        String schema = record("Race" + System.nanoTime(), "a:int");
        List<Registration> results = fire(IntStream.range(0, CLIENTS).mapToObj(i -> schema).toList(),
                i -> subject);
        assertEquals(1, results.stream().map(Registration::id).distinct().count(), results.toString());
        assertEquals(Set.of(1), new HashSet<>(results.stream().map(Registration::version).toList()));
        assertEquals(List.of(1), versions(subject));
    }

    @Test
    void differentSchemasConcurrentlyOnOneSubjectGetDistinctConsecutiveVersions() throws Exception {
        String subject = subject("race-many");
        setCompatibility(subject, "NONE");
        List<String> schemas = IntStream.range(0, CLIENTS)
                .mapToObj(i -> record("Many" + i + "x" + System.nanoTime(), "f" + i + ":int")).toList();
        List<Registration> results = fire(schemas, i -> subject);
        assertEquals(CLIENTS, results.stream().map(Registration::id).distinct().count());
        List<Integer> expected = IntStream.rangeClosed(1, CLIENTS).boxed().toList();
        assertEquals(expected, results.stream().map(Registration::version).sorted().toList());
        assertEquals(expected, versions(subject));
    }

    @Test
    void sameSchemaConcurrentlyOnManySubjectsSharesOneId() throws Exception {
        String prefix = subject("race-subjects");
        String schema = record("Everywhere" + System.nanoTime(), "a:int");
        List<Registration> results = fire(IntStream.range(0, CLIENTS).mapToObj(i -> schema).toList(),
                i -> prefix + "-" + i);
        assertEquals(1, results.stream().map(Registration::id).distinct().count(), results.toString());
        for (int i = 0; i < CLIENTS; i++) {
            assertEquals(List.of(1), versions(prefix + "-" + i));
        }
    }

    record Registration(int id, int version) {
    }

    interface SubjectFor {
        String subject(int index);
    }

    /** Sends all registrations at once (released together by a latch) and returns the answers. */
    private List<Registration> fire(List<String> schemas, SubjectFor subjects) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(schemas.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Registration>> futures = new ArrayList<>();
            for (int i = 0; i < schemas.size(); i++) {
                String subject = subjects.subject(i);
                String schema = schemas.get(i);
                Callable<Registration> call = () -> {
                    start.await();
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString() + "subjects/"
                                    + URLEncoder.encode(subject, StandardCharsets.UTF_8) + "/versions"))
                            .header("Content-Type", V1)
                            .POST(HttpRequest.BodyPublishers.ofString(body(schema))).build();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, response.statusCode(), response.body());
                    var json = JSON.readTree(response.body());
                    return new Registration(json.get("id").asInt(), json.get("version").asInt());
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<Registration> results = new ArrayList<>();
            for (Future<Registration> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
