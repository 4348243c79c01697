package dev.accord.server.api;

import dev.accord.server.fuzz.HostileTraffic;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The project's own REST fuzzer ({@link HostileTraffic}) against the test server, bounded: fails on any 5xx, any
 * answer slower than the budget, any error body not in the API's shape and any 200 for an impossible id. The count
 * is {@code -Daccord.fuzz.requests} (default 2,000 in the build); {@code bench/fuzz.sh} runs the long one against
 * the packaged server and measures its memory.
 */
@QuarkusTest
class RestFuzzTest extends ApiTest {

    @Test
    void hostileRequestsGetA4xxInTheApisShapeWithinTheBudget() throws Exception {
        int total = Integer.getInteger("accord.fuzz.requests", 2_000);
        long seed = Long.getLong("accord.fuzz.seed", 20261203L);
        HostileTraffic.Outcome outcome = HostileTraffic.run(RestAssured.baseURI + ":" + RestAssured.port, total, seed);
        System.out.println("fuzz: " + outcome);
        assertTrue(outcome.failures().isEmpty(), outcome + ", for example:\n"
                + String.join("\n", outcome.failures().subList(0, Math.min(20, outcome.failures().size()))));
    }
}
