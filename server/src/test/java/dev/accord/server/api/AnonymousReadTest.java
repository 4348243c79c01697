package dev.accord.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;

/** accord.auth.anonymous=read: serializers may read without credentials; every change still needs a key. */
@QuarkusTest
@TestProfile(AnonymousReadTest.Profile.class)
class AnonymousReadTest extends ApiTest {

    public static class Profile extends AuthEnabledProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("accord.auth.anonymous", "read");
            return config;
        }
    }

    @Test
    void anonymousCallersReadButDoNotWrite() {
        String subject = subject("anon") + "-value";
        client().auth().preemptive().basic("admin", AuthEnabledProfile.ADMIN_PASSWORD)
                .body(body(Map.of("schema", "\"string\""))).post("/subjects/{s}/versions", subject).then().statusCode(200);
        int id = client().get("/subjects/{s}/versions/1", subject).then().statusCode(200).extract().path("id");
        client().get("/schemas/ids/{id}", id).then().statusCode(200);
        client().get("/schemas/ids/{id}", id).then().statusCode(200); // the fast route, too
        client().get("/subjects").then().statusCode(200);
        client().body(body(Map.of("schema", "\"int\""))).post("/subjects/{s}/versions", subject).then().statusCode(403)
                .body("error_code", equalTo(40301));
        client().body(body(Map.of("compatibility", "NONE"))).put("/config").then().statusCode(403);
    }
}
