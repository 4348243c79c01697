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
 * Backup and migration with ids kept: a registry with references, metadata, every format, a soft-deleted version,
 * an imported id far above the others, configs and modes is exported; a second, fresh registry refuses a truncated
 * and a tampered copy without writing anything, then takes the document and answers every read byte for byte as
 * the first one does.
 */
class PackagedAppExportImportIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void anExportLoadedIntoAFreshRegistryAnswersEveryReadIdentically() throws Exception {
        Path dataA = Files.createTempDirectory(Path.of("target"), "export-it-a").toAbsolutePath();
        Path dataB = Files.createTempDirectory(Path.of("target"), "export-it-b").toAbsolutePath();
        try (PackagedServer source = PackagedServer.start("export-it-source", Map.of("ACCORD_DATA_DIR", dataA.toString()));
             PackagedServer target = PackagedServer.start("export-it-target", Map.of("ACCORD_DATA_DIR", dataB.toString()))) {
            fill(source);
            HttpResponse<String> exported = send(source, "GET", "/v1/export?events=true", null, null);
            assertEquals(200, exported.statusCode(), exported.body());
            assertEquals("application/x-ndjson", exported.headers().firstValue("Content-Type").orElse(""));
            String document = exported.body();
            List<String> lines = document.lines().toList();
            assertTrue(lines.get(0).contains("\"format\":\"accord-export\""), lines.get(0));

            String truncated = String.join("\n", lines.subList(0, lines.size() - 1)) + "\n";
            HttpResponse<String> refused = importInto(target, truncated);
            assertEquals(422, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("truncated"), refused.body());

            String tampered = document.replaceFirst("amount", "amounX");
            refused = importInto(target, tampered);
            assertEquals(422, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("fingerprint"), refused.body());

            refused = importInto(target, "{\"format\":\"something-else\"}\n");
            assertEquals(422, refused.statusCode(), refused.body());
            assertEquals("[]", send(target, "GET", "/subjects?deleted=true", null, null).body(),
                    "a refused import writes nothing");

            HttpResponse<String> imported = importInto(target, document);
            assertEquals(200, imported.statusCode(), imported.body());
            JsonNode counts = JSON.readTree(imported.body());
            assertEquals(JSON.readTree(lines.get(0)).get("versions").asLong(), counts.get("versions").asLong());

            for (String path : readPaths(source)) {
                HttpResponse<String> expected = send(source, "GET", path, null, null);
                HttpResponse<String> actual = send(target, "GET", path, null, null);
                assertEquals(expected.statusCode(), actual.statusCode(), path);
                assertEquals(expected.body(), actual.body(), path);
            }

            HttpResponse<String> again = importInto(target, document);
            assertEquals(409, again.statusCode(), again.body());

            HttpResponse<String> registered = send(target, "POST", "/subjects/after-import/versions",
                    "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"After\\\",\\\"fields\\\":[]}\"}", null);
            assertEquals(200, registered.statusCode(), registered.body());
            assertTrue(JSON.readTree(registered.body()).get("id").asInt() > 5000,
                    "a new schema gets an id above every imported one: " + registered.body());
            HttpResponse<String> inContext = send(target, "POST", "/subjects/:.team:after-import/versions",
                    "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"After\\\",\\\"fields\\\":[]}\"}", null);
            assertEquals(200, inContext.statusCode(), inContext.body());
            assertEquals(3, JSON.readTree(inContext.body()).get("id").asInt(),
                    "the context's ids continue after its own imported ones: " + inContext.body());

            JsonNode sourceEvents = JSON.readTree(send(source, "GET", "/v1/events?limit=1000", null, null).body());
            JsonNode targetEvents = JSON.readTree(send(target, "GET", "/v1/events?limit=1000", null, null).body());
            JsonNode sourceList = sourceEvents.isArray() ? sourceEvents : sourceEvents.path("events");
            JsonNode targetList = targetEvents.isArray() ? targetEvents : targetEvents.path("events");
            for (int i = 0; i < sourceList.size(); i++) {
                assertEquals(sourceList.get(i).get("seq"), targetList.get(i).get("seq"));
                assertEquals(sourceList.get(i).get("type"), targetList.get(i).get("type"));
            }
            assertEquals("REGISTRY_IMPORTED", targetList.get(sourceList.size()).get("type").asText());
        }
    }

    private void fill(PackagedServer source) throws Exception {
        expect(200, send(source, "PUT", "/config", "{\"compatibility\":\"NONE\"}", null));
        expect(200, send(source, "POST", "/subjects/common/versions", "{\"schema\":\"{\\\"type\\\":\\\"record\\\","
                + "\\\"name\\\":\\\"Money\\\",\\\"fields\\\":[{\\\"name\\\":\\\"amount\\\",\\\"type\\\":\\\"long\\\"}]}\"}", null));
        expect(200, send(source, "POST", "/subjects/orders-value/versions", "{\"schema\":\"{\\\"type\\\":\\\"record\\\","
                + "\\\"name\\\":\\\"Order\\\",\\\"fields\\\":[{\\\"name\\\":\\\"total\\\",\\\"type\\\":\\\"Money\\\"}]}\","
                + "\"references\":[{\"name\":\"Money\",\"subject\":\"common\",\"version\":1}]}", null));
        expect(200, send(source, "POST", "/subjects/customers-value/versions", "{\"schemaType\":\"JSON\","
                + "\"schema\":\"{\\\"type\\\":\\\"object\\\",\\\"properties\\\":{\\\"name\\\":{\\\"type\\\":\\\"string\\\"}}}\","
                + "\"metadata\":{\"properties\":{\"owner\":\"team-a\"}}}", null));
        expect(200, send(source, "POST", "/subjects/payments-value/versions", "{\"schemaType\":\"PROTOBUF\","
                + "\"schema\":\"syntax = \\\"proto3\\\";\\nmessage Payment { int64 cents = 1; }\\n\"}", null));
        for (int i = 1; i <= 2; i++) {
            expect(200, send(source, "POST", "/subjects/shrinking/versions", "{\"schema\":\"{\\\"type\\\":\\\"enum\\\","
                    + "\\\"name\\\":\\\"E\\\",\\\"symbols\\\":[\\\"A" + i + "\\\"]}\"}", null));
        }
        expect(200, send(source, "DELETE", "/subjects/shrinking/versions/1", null, null));
        expect(200, send(source, "PUT", "/config/customers-value", "{\"compatibility\":\"FULL\"}", null));
        expect(200, send(source, "PUT", "/mode/legacy", "{\"mode\":\"IMPORT\"}", null));
        expect(200, send(source, "POST", "/subjects/legacy/versions", "{\"schema\":\"\\\"string\\\"\",\"id\":5000,"
                + "\"version\":7}", null));
        expect(200, send(source, "PUT", "/mode/payments-value", "{\"mode\":\"READONLY\"}", null));
        // a context: its ids restart at 1, and its unqualified reference resolves to the context's "common"
        expect(200, send(source, "POST", "/subjects/:.team:common/versions", "{\"schema\":\"{\\\"type\\\":\\\"record\\\","
                + "\\\"name\\\":\\\"Money\\\",\\\"fields\\\":[{\\\"name\\\":\\\"cents\\\",\\\"type\\\":\\\"int\\\"}]}\"}", null));
        expect(200, send(source, "POST", "/contexts/.team/subjects/orders-value/versions", "{\"schema\":\"{\\\"type\\\":"
                + "\\\"record\\\",\\\"name\\\":\\\"Order\\\",\\\"fields\\\":[{\\\"name\\\":\\\"total\\\",\\\"type\\\":"
                + "\\\"Money\\\"}]}\",\"references\":[{\"name\":\"Money\",\"subject\":\"common\",\"version\":1}]}", null));
        expect(200, send(source, "PUT", "/config/:.team:", "{\"compatibility\":\"FULL\"}", null));
        // the DEK registry: without these keys, encrypted fields of every message written would be lost
        expect(200, send(source, "POST", "/dek-registry/v1/keks", "{\"name\":\"pii\",\"kmsType\":\"local-kms\","
                + "\"kmsKeyId\":\"k1\",\"kmsProps\":{\"region\":\"eu\"},\"doc\":\"customer data\"}", null));
        expect(200, send(source, "POST", "/dek-registry/v1/keks/pii/deks/customers-value",
                "{\"encryptedKeyMaterial\":\"c2VjcmV0\"}", null));
        expect(200, send(source, "POST", "/dek-registry/v1/keks/pii/deks/customers-value",
                "{\"version\":2,\"encryptedKeyMaterial\":\"djI=\"}", null));
        expect(204, send(source, "DELETE", "/dek-registry/v1/keks/pii/deks/customers-value/versions/1", null, null));
    }

    /** Every read a client of the source could make of what it holds. */
    private List<String> readPaths(PackagedServer source) throws Exception {
        List<String> paths = new ArrayList<>(List.of("/subjects", "/subjects?deleted=true", "/schemas",
                "/schemas?deleted=true", "/config", "/mode", "/schemas/types", "/contexts", "/config/:.team:",
                "/contexts/.team/subjects", "/subjects?subjectPrefix=:.:"));
        for (JsonNode subject : JSON.readTree(send(source, "GET", "/subjects?deleted=true", null, null).body())) {
            String s = URLEncoder.encode(subject.asText(), StandardCharsets.UTF_8);
            paths.add("/subjects/" + s + "/versions?deleted=true");
            paths.add("/config/" + s);
            paths.add("/mode/" + s);
            for (JsonNode version : JSON.readTree(send(source, "GET", "/subjects/" + s + "/versions?deleted=true",
                    null, null).body())) {
                paths.add("/subjects/" + s + "/versions/" + version.asInt() + "?deleted=true");
                paths.add("/subjects/" + s + "/versions/" + version.asInt() + "/schema?deleted=true");
                paths.add("/subjects/" + s + "/versions/" + version.asInt() + "/referencedby");
            }
        }
        for (JsonNode schema : JSON.readTree(send(source, "GET", "/schemas?deleted=true", null, null).body())) {
            int id = schema.get("id").asInt();
            paths.add("/schemas/ids/" + id + "?subject=" + URLEncoder.encode(schema.get("subject").asText(),
                    StandardCharsets.UTF_8));
            paths.add("/schemas/ids/" + id);
            paths.add("/schemas/ids/" + id + "/versions?deleted=true");
            paths.add("/schemas/ids/" + id + "/schema");
        }
        paths.addAll(List.of("/dek-registry/v1/keks", "/dek-registry/v1/keks/pii",
                "/dek-registry/v1/keks/pii/deks?deleted=true",
                "/dek-registry/v1/keks/pii/deks/customers-value/versions?deleted=true",
                "/dek-registry/v1/keks/pii/deks/customers-value/versions/1?deleted=true",
                "/dek-registry/v1/keks/pii/deks/customers-value/versions/2"));
        assertTrue(paths.size() > 40, "the source holds enough to compare: " + paths.size());
        return paths;
    }

    private HttpResponse<String> importInto(PackagedServer target, String document) throws Exception {
        return send(target, "POST", "/v1/import", document, "application/x-ndjson");
    }

    private static void expect(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.uri() + ": " + response.body());
    }

    private HttpResponse<String> send(PackagedServer server, String method, String path, String body, String type)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.base() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", type == null ? "application/vnd.schemaregistry.v1+json" : type);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
