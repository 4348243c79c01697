package dev.accord.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guessing secrets is slowed down: after 10 failed authentications from one address in a minute, that address
 * gets 429 with Retry-After. (Its own server: the block would stop other tests on the same loopback address.)
 */
@QuarkusTest
@TestProfile(LoginThrottleTest.Profile.class)
class LoginThrottleTest extends ApiTest {

    public static class Profile extends AuthEnabledProfile {
    }

    @Test
    void tenFailuresInAMinuteBlockTheAddress() {
        String wrong = "Basic " + Base64.getEncoder().encodeToString("admin:guess".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 10; i++) {
            client().header("Authorization", wrong).get("/subjects").then().statusCode(401);
        }
        Response blocked = client().header("Authorization", wrong).get("/subjects");
        blocked.then().statusCode(429).body("error_code", equalTo(42901));
        long retryAfter = Long.parseLong(blocked.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 60, "Retry-After " + retryAfter);
        // even the right password waits: the address is blocked, not the guess
        String right = "Basic " + Base64.getEncoder().encodeToString(("admin:" + AuthEnabledProfile.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(429, client().header("Authorization", right).get("/subjects").statusCode());
    }
}
