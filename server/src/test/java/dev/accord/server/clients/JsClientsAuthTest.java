package dev.accord.server.clients;

import dev.accord.server.PostgresTestResource;
import dev.accord.server.api.AuthEnabledProfile;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * The npm clients with {@code basic.auth} against an Accord with authentication on: {@code clients/js/auth-test},
 * with a writer key on {@code js-auth.*} and a reader key on everything, created here through the admin API.
 */
@QuarkusTest
@TestProfile(AuthEnabledProfile.class)
@WithTestResource(PostgresTestResource.class)
class JsClientsAuthTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void theNpmClientsWorkWithApiKeys() throws Exception {
        String writer = key("writer", "js-auth.*");
        String reader = key("reader", "*");
        JsClientsTest.runSuite("auth-test/", Map.of("ACCORD_URL", root.toString().replaceAll("/$", ""),
                "ACCORD_WRITER", writer, "ACCORD_READER", reader));
    }

    private static String key(String role, String pattern) {
        Response created = given().auth().preemptive().basic("admin", AuthEnabledProfile.ADMIN_PASSWORD)
                .contentType("application/json")
                .body("{\"description\":\"npm clients\",\"role\":\"" + role + "\",\"subjects\":[\"" + pattern + "\"]}")
                .post("/v1/auth/keys");
        created.then().statusCode(200);
        return created.path("key") + ":" + created.path("secret");
    }
}
