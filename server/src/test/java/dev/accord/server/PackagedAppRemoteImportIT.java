package dev.accord.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Migration from a running registry through its public API ({@code POST /v1/import/remote}), with a second Accord
 * as the source: the job reports its progress, fails when the source goes away part-way, resumes from where it
 * stopped once the source is back (at a new address), and the target then answers every read as the source does,
 * ids and versions kept.
 */
class PackagedAppRemoteImportIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SUBJECTS = 300;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aMigrationThatLosesItsSourceResumesAndKeepsEveryId() throws Exception {
        Path sourceData = Files.createTempDirectory(Path.of("target"), "remote-it-source").toAbsolutePath();
        Path targetData = Files.createTempDirectory(Path.of("target"), "remote-it-target").toAbsolutePath();
        PackagedServer source = PackagedServer.start("remote-it-source", Map.of("ACCORD_DATA_DIR", sourceData.toString()));
        try (PackagedServer target = PackagedServer.start("remote-it-target",
                Map.of("ACCORD_DATA_DIR", targetData.toString()))) {
            fill(source);
            List<String> before = new ArrayList<>();
            for (String path : readPaths(source)) {
                before.add(path + " -> " + send(source, "GET", path, null).body());
            }

            HttpResponse<String> started = send(target, "POST", "/v1/import/remote",
                    "{\"url\":\"" + source.base() + "\"}");
            assertEquals(202, started.statusCode(), started.body());
            String location = URI.create(started.headers().firstValue("Location").orElseThrow()).getPath();
            assertTrue(location.startsWith("/v1/import/jobs/"), location);

            // the source goes away once the job is part-way through
            JsonNode job = until(target, location, j -> j.path("subjects").path("fetched").asInt() >= 30
                    || !j.path("state").asText().equals("FETCHING"));
            assertEquals("FETCHING", job.path("state").asText(), job.toString());
            source.close();
            job = until(target, location, j -> !j.path("state").asText().equals("FETCHING"));
            assertEquals("FAILED", job.path("state").asText(), job.toString());
            int fetched = job.path("subjects").path("fetched").asInt();
            assertTrue(fetched >= 30 && fetched < SUBJECTS + 4, job.toString());
            assertEquals(SUBJECTS + 4, job.path("subjects").path("total").asInt(), job.toString());
            assertEquals("[]", send(target, "GET", "/subjects?deleted=true", null).body(),
                    "nothing is written before every subject was read");

            source = PackagedServer.start("remote-it-source-again", Map.of("ACCORD_DATA_DIR", sourceData.toString()));
            HttpResponse<String> resumed = send(target, "POST", location + "/resume",
                    "{\"url\":\"" + source.base() + "\"}");
            assertEquals(202, resumed.statusCode(), resumed.body());
            job = until(target, location, j -> !j.path("state").asText().equals("FETCHING")
                    && !j.path("state").asText().equals("LOADING"));
            assertEquals("SUCCEEDED", job.path("state").asText(), job.toString());
            assertEquals(SUBJECTS + 4, job.path("subjects").path("fetched").asInt(), job.toString());
            assertTrue(job.path("imported").path("versions").asInt() >= SUBJECTS + 5, job.toString());

            for (String expected : before) {
                String path = expected.substring(0, expected.indexOf(" -> "));
                String actual = path + " -> " + send(target, "GET", path, null).body();
                if (!expected.equals(actual)) {
                    int at = 0;
                    while (at < Math.min(expected.length(), actual.length()) && expected.charAt(at) == actual.charAt(at)) {
                        at++;
                    }
                    throw new AssertionError(path + " differs at " + at + ": source ..."
                            + expected.substring(Math.max(0, at - 80), Math.min(expected.length(), at + 80))
                            + "... target ..." + actual.substring(Math.max(0, at - 80), Math.min(actual.length(), at + 80)));
                }
            }
            HttpResponse<String> again = send(target, "POST", "/v1/import/remote", "{\"url\":\"" + source.base() + "\"}");
            assertEquals(202, again.statusCode(), again.body());
            job = until(target, URI.create(again.headers().firstValue("Location").orElseThrow()).getPath(),
                    j -> !j.path("state").asText().equals("FETCHING") && !j.path("state").asText().equals("LOADING"));
            assertEquals("FAILED", job.path("state").asText(), "a second import into a full registry is refused");
            assertTrue(job.path("error").asText().contains("not empty"), job.toString());
        } finally {
            source.close();
        }
    }

    private void fill(PackagedServer source) throws Exception {
        expect(200, send(source, "PUT", "/config", "{\"compatibility\":\"NONE\"}"));
        expect(200, send(source, "POST", "/subjects/common/versions", "{\"schema\":\"{\\\"type\\\":\\\"record\\\","
                + "\\\"name\\\":\\\"Money\\\",\\\"fields\\\":[{\\\"name\\\":\\\"amount\\\",\\\"type\\\":\\\"long\\\"}]}\"}"));
        expect(200, send(source, "POST", "/subjects/orders value/versions", "{\"schema\":\"{\\\"type\\\":\\\"record\\\","
                + "\\\"name\\\":\\\"Order\\\",\\\"fields\\\":[{\\\"name\\\":\\\"total\\\",\\\"type\\\":\\\"Money\\\"}]}\","
                + "\"references\":[{\"name\":\"Money\",\"subject\":\"common\",\"version\":1}]}"));
        expect(200, send(source, "POST", "/subjects/customers-value/versions", "{\"schemaType\":\"JSON\","
                + "\"schema\":\"{\\\"type\\\":\\\"object\\\"}\",\"metadata\":{\"properties\":{\"owner\":\"team-a\"}}}"));
        for (int i = 0; i < SUBJECTS; i++) {
            expect(200, send(source, "POST", "/subjects/bulk-" + i + "/versions", "{\"schema\":\"{\\\"type\\\":"
                    + "\\\"enum\\\",\\\"name\\\":\\\"E" + i + "\\\",\\\"symbols\\\":[\\\"A\\\"]}\"}"));
        }
        expect(200, send(source, "POST", "/subjects/bulk-7/versions", "{\"schema\":\"\\\"string\\\"\"}"));
        expect(200, send(source, "DELETE", "/subjects/bulk-7/versions/1", null));
        expect(200, send(source, "PUT", "/config/customers-value", "{\"compatibility\":\"FULL\"}"));
        expect(200, send(source, "PUT", "/mode/legacy", "{\"mode\":\"IMPORT\"}"));
        expect(200, send(source, "POST", "/subjects/legacy/versions", "{\"schema\":\"\\\"bytes\\\"\",\"id\":9000,"
                + "\"version\":4}"));
        expect(200, send(source, "PUT", "/mode/bulk-9", "{\"mode\":\"READONLY\"}"));
    }

    private List<String> readPaths(PackagedServer source) throws Exception {
        List<String> paths = new ArrayList<>(List.of("/subjects", "/subjects?deleted=true", "/config", "/mode",
                "/schemas?deleted=true"));
        for (JsonNode subject : JSON.readTree(send(source, "GET", "/subjects?deleted=true", null).body())) {
            String s = URLEncoder.encode(subject.asText(), StandardCharsets.UTF_8).replace("+", "%20");
            paths.add("/subjects/" + s + "/versions?deleted=true");
            paths.add("/config/" + s);
            paths.add("/mode/" + s);
            for (JsonNode version : JSON.readTree(send(source, "GET", "/subjects/" + s + "/versions?deleted=true",
                    null).body())) {
                paths.add("/subjects/" + s + "/versions/" + version.asInt() + "?deleted=true");
            }
        }
        for (JsonNode schema : JSON.readTree(send(source, "GET", "/schemas?deleted=true", null).body())) {
            paths.add("/schemas/ids/" + schema.get("id").asInt());
        }
        return paths;
    }

    private interface Condition {
        boolean holds(JsonNode job);
    }

    private JsonNode until(PackagedServer server, String location, Condition condition) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        JsonNode job = null;
        while (System.nanoTime() < deadline) {
            job = JSON.readTree(send(server, "GET", location, null).body());
            if (condition.holds(job)) {
                return job;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("job did not get there in 120 s: " + job);
    }

    private static void expect(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.uri() + ": " + response.body());
    }

    private HttpResponse<String> send(PackagedServer server, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.base() + path.replace(" ", "%20")))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/vnd.schemaregistry.v1+json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
