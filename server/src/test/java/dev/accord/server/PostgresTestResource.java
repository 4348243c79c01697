package dev.accord.server;

import dev.accord.server.store.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The database of the tests: the PostgreSQL server named by ACCORD_TEST_JDBC_URL (with ACCORD_TEST_JDBC_USER
 * and ACCORD_TEST_JDBC_PASSWORD) when set, else a fresh embedded PostgreSQL under target/.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase embedded;
    private Path dataDir;

    @Override
    public Map<String, String> start() {
        String external = System.getenv("ACCORD_TEST_JDBC_URL");
        if (external != null && !external.isBlank()) {
            return Map.of("quarkus.datasource.jdbc.url", external,
                    "quarkus.datasource.username", env("ACCORD_TEST_JDBC_USER", "accord"),
                    "quarkus.datasource.password", env("ACCORD_TEST_JDBC_PASSWORD", "accord"));
        }
        dataDir = Path.of("target", "test-postgres-" + ProcessHandle.current().pid()).toAbsolutePath();
        deleteRecursively(dataDir);
        embedded = EmbeddedDatabase.start(dataDir, false);
        return Map.of("quarkus.datasource.jdbc.url", embedded.jdbcUrl(),
                "quarkus.datasource.username", embedded.username(),
                "quarkus.datasource.password", embedded.password());
    }

    @Override
    public void stop() {
        if (embedded != null) {
            embedded.close();
            deleteRecursively(dataDir);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot delete " + dir, e);
        }
    }
}
