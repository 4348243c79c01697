package dev.accord.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accord.server.store.EmbeddedDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An upgrade from the previous release's schema: a database migrated to V4 and filled as that release wrote it,
 * then the packaged server of this one started on it. The forward-only migrations run at start and the subject
 * summaries (V5) are built from the rows already there; the lists answer as before and follow new writes.
 */
class PackagedAppUpgradeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void theStoreOfThePreviousReleaseIsMigratedAndListedAsBefore() throws Exception {
        Path data = Path.of("target", "upgrade-it-postgres").toAbsolutePath();
        PostgresTestResource.deleteRecursively(data);
        try (EmbeddedDatabase database = EmbeddedDatabase.start(data, false, PackagedServer.freePort())) {
            Flyway.configure().dataSource(database.jdbcUrl(), database.username(), database.password())
                    .locations("filesystem:src/main/resources/db/migration").target("4").load().migrate();
            try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                    database.password()); Statement sql = connection.createStatement()) {
                sql.execute("insert into schema_content (id, fingerprint, content_fingerprint, schema_type, schema_text)"
                        + " values (1, 'f1', 'c1', 'AVRO', '\"string\"'), (2, 'f2', 'c2', 'JSON', '{\"type\":\"object\"}')");
                sql.execute("select setval('schema_id_seq', 2)");
                sql.execute("insert into subject_version (subject, version, schema_id, deleted) values"
                        + " ('kept-value', 1, 1, false), ('kept-value', 2, 2, true), ('gone-value', 1, 2, true)");
            }
            Map<String, String> environment = Map.of("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(),
                    "QUARKUS_DATASOURCE_USERNAME", database.username(), "QUARKUS_DATASOURCE_PASSWORD", database.password());
            try (PackagedServer server = PackagedServer.start("upgrade-it", environment)) {
                assertEquals("[\"kept-value\"]", get(server, "/subjects"));
                assertEquals("[\"gone-value\",\"kept-value\"]", get(server, "/subjects?deleted=true"));
                JsonNode summaries = JSON.readTree(get(server, "/v1/subjects?deleted=true"));
                assertEquals("gone-value", summaries.get(0).get("subject").asText());
                assertEquals(true, summaries.get(0).get("deleted").asBoolean());
                assertEquals(0, summaries.get(0).get("versions").asInt());
                assertEquals("JSON", summaries.get(0).get("schemaType").asText());
                assertEquals(1, summaries.get(1).get("versions").asInt());
                assertEquals(1, summaries.get(1).get("latestVersion").asInt());
                assertEquals("AVRO", summaries.get(1).get("schemaType").asText());
                JsonNode latest = JSON.readTree(get(server, "/schemas?latestOnly=true"));
                assertEquals(1, latest.size());
                assertEquals(1, latest.get(0).get("id").asInt());

                HttpResponse<String> registered = http.send(HttpRequest.newBuilder(URI.create(server.base()
                                + "/subjects/kept-value/versions")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"schema\":\"\\\"string\\\"\",\"schemaType\":\"AVRO\","
                                + "\"metadata\":{\"properties\":{\"after\":\"upgrade\"}}}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, registered.statusCode(), registered.body());
                assertEquals(3, JSON.readTree(registered.body()).get("id").asInt(), "the id sequence continues");
                JsonNode kept = JSON.readTree(get(server, "/v1/subjects/kept-value"));
                assertEquals(2, kept.get("versions").asInt());
                assertEquals(3, kept.get("latestVersion").asInt());
            }
        } finally {
            PostgresTestResource.deleteRecursively(data);
        }
    }

    private String get(PackagedServer server, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.base() + path))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return response.body();
    }
}
