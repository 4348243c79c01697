package dev.accord.server.clients;

import dev.accord.server.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real npm Schema Registry clients ({@code @confluentinc/schemaregistry}, {@code @kafkajs/confluent-schema-registry})
 * against this test server: {@code clients/js/test/*.test.js}, run by Node's test runner. The build installs the
 * packages from {@code clients/js/package-lock.json} (profile js-clients in this module's POM).
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class JsClientsTest {

    private static final Path CLIENTS = Path.of("..", "clients", "js").toAbsolutePath().normalize();

    @TestHTTPResource("/")
    URL root;

    @Test
    void theNpmClientsPassTheirSuite() throws IOException, InterruptedException {
        runSuite("test/", Map.of("ACCORD_URL", root.toString().replaceAll("/$", "")));
    }

    /** Runs one directory of node:test files against the test server, failing with their output. */
    static void runSuite(String directory, Map<String, String> environment) throws IOException, InterruptedException {
        assertTrue(Files.isDirectory(CLIENTS.resolve("node_modules")),
                "run `npm ci` in " + CLIENTS + " (the build does it unless tests are skipped)");
        Path output = Files.createTempFile("accord-js-clients", ".log");
        ProcessBuilder node = new ProcessBuilder("node", "--test", "--test-reporter=spec", directory)
                .directory(CLIENTS.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        node.environment().putAll(environment);
        node.environment().put("NO_COLOR", "1");
        Process process = node.start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String log = Files.readString(output);
        System.out.println(log);
        assertTrue(finished, "the npm client suite did not finish in 5 minutes:\n" + log);
        assertEquals(0, process.exitValue(), "the npm client suite failed:\n" + log);
        assertTrue(log.contains("ℹ fail 0") && !log.contains("ℹ pass 0"), log);
    }
}
