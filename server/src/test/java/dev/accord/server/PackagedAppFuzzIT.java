package dev.accord.server;

import dev.accord.server.fuzz.HostileTraffic;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fuzzer against the packaged server from outside its process, as bench/fuzz.sh runs the long one: no bad
 * answer, and the server's resident memory back under the 512 MiB ceiling once the burst is over.
 */
class PackagedAppFuzzIT {

    private static final long CEILING_MIB = 512;

    @Test
    void hostileTrafficGetsOnlyGoodAnswersAndMemoryReturnsUnderTheCeiling() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "fuzz-it-data");
        try (PackagedServer server = PackagedServer.start("fuzz-it", Map.of("ACCORD_DATA_DIR", data.toString()))) {
            long atStart = server.residentMib();
            HostileTraffic.Outcome outcome = HostileTraffic.run(server.base(),
                    Integer.getInteger("accord.fuzz.requests", 2_000), 20261203L);
            long afterRun = server.residentMib();
            long settled = afterRun;
            for (int i = 0; i < 40 && settled > CEILING_MIB; i++) {
                Thread.sleep(1_000); // the JVM returns memory at its next idle collection (every 15 s)
                settled = server.residentMib();
            }
            String figures = outcome + "; server RSS " + atStart + " MiB at start, " + afterRun
                    + " MiB after the run, " + settled + " MiB when idle";
            System.out.println("fuzz (packaged): " + figures);
            assertTrue(outcome.failures().isEmpty(), figures + "\n"
                    + String.join("\n", outcome.failures().subList(0, Math.min(20, outcome.failures().size()))));
            assertTrue(settled <= CEILING_MIB, figures);
        } finally {
            PostgresTestResource.deleteRecursively(data);
        }
    }
}
