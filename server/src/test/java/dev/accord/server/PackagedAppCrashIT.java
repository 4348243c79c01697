package dev.accord.server;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kill -9} of the packaged server during a stream of registrations, then a restart on the same data
 * directory, three times: every acknowledged registration is there with its id and version, and the embedded
 * PostgreSQL the killed server left behind does not stop the next one from starting.
 */
class PackagedAppCrashIT {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    @Test
    void everyAcknowledgedRegistrationSurvivesThreeKills() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "crash-it-data").toAbsolutePath();
        List<String[]> acknowledged = Collections.synchronizedList(new ArrayList<>()); // subject, id, version
        AtomicInteger sequence = new AtomicInteger();
        try {
            for (int cycle = 0; cycle < 3; cycle++) {
                PackagedServer server = PackagedServer.start("crash-it-" + cycle, Map.of("ACCORD_DATA_DIR", data.toString()));
                verify(server, acknowledged);
                if (cycle == 0) {
                    http.send(request(server, "PUT", "/config", "{\"compatibility\":\"NONE\"}"),
                            HttpResponse.BodyHandlers.discarding());
                }
                AtomicBoolean writing = new AtomicBoolean(true);
                ExecutorService writers = Executors.newFixedThreadPool(4);
                for (int w = 0; w < 4; w++) {
                    writers.submit(() -> {
                        while (writing.get()) {
                            int n = sequence.incrementAndGet();
                            String subject = "crash-" + (n % 7);
                            String body = "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"C" + n
                                    + "\\\",\\\"fields\\\":[{\\\"name\\\":\\\"a\\\",\\\"type\\\":\\\"int\\\"}]}\"}";
                            try {
                                HttpResponse<String> response = http.send(request(server, "POST",
                                        "/subjects/" + subject + "/versions?normalize=false", body),
                                        HttpResponse.BodyHandlers.ofString());
                                if (response.statusCode() == 200) {
                                    acknowledged.add(new String[]{subject, group(ID, response.body()),
                                            group(VERSION, response.body())});
                                }
                            } catch (Exception e) {
                                // the server died under this request: it was never acknowledged
                            }
                        }
                    });
                }
                int before = acknowledged.size();
                while (acknowledged.size() < before + 50) {
                    Thread.sleep(20);
                }
                server.kill();
                writing.set(false);
                writers.shutdown();
                writers.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
            }
            PackagedServer last = PackagedServer.start("crash-it-last", Map.of("ACCORD_DATA_DIR", data.toString()));
            try {
                verify(last, acknowledged);
            } finally {
                last.close();
            }
            assertTrue(acknowledged.size() >= 150, "registrations acknowledged: " + acknowledged.size());
        } finally {
            PostgresTestResource.deleteRecursively(data);
        }
    }

    /** Every acknowledged registration answers with its id at its version. */
    private void verify(PackagedServer server, List<String[]> acknowledged) throws Exception {
        List<String[]> all;
        synchronized (acknowledged) {
            all = new ArrayList<>(acknowledged);
        }
        for (String[] registration : all) {
            HttpResponse<String> response = http.send(request(server, "GET",
                    "/subjects/" + registration[0] + "/versions/" + registration[2], null), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), registration[0] + " v" + registration[2] + ": " + response.body());
            assertEquals(registration[1], group(ID, response.body()), registration[0] + " v" + registration[2]);
        }
    }

    private static HttpRequest request(PackagedServer server, String method, String path, String body) {
        return HttpRequest.newBuilder(URI.create(server.base() + path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json").timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertTrue(matcher.find(), text);
        return matcher.group(1);
    }
}
