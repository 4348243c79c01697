package dev.accord.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;

/** accord.http.allowed-hosts: a request naming another host (DNS rebinding) is refused before any route. */
@QuarkusTest
@TestProfile(AllowedHostsTest.Profile.class)
class AllowedHostsTest extends ApiTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("accord.http.allowed-hosts", "localhost,registry.internal");
        }
    }

    @Test
    void onlyTheConfiguredHostNamesAreAnswered() {
        client().get("/schemas/types").then().statusCode(200); // rest-assured sends Host: localhost:port
        client().header("Host", "registry.internal:8080").get("/schemas/types").then().statusCode(200);
        client().header("Host", "attacker.example").get("/schemas/types").then().statusCode(400)
                .body("message", containsString("accord.http.allowed-hosts"));
        client().header("Host", "attacker.example").get("/schemas/ids/1").then().statusCode(400);
    }
}
