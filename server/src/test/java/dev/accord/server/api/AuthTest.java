package dev.accord.server.api;


import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Authentication on: who may do what on every route family, key lifecycle, tokens, the audit trail, secrets. */
@QuarkusTest
@TestProfile(AuthEnabledProfile.class)
class AuthTest extends ApiTest {

    @Inject
    AgroalDataSource database;

    static final String AVRO = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}";

    record Key(String id, String secret) {
        String basic() {
            return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
        }
    }

    static String admin() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + AuthEnabledProfile.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    static RequestSpecification as(String authorization) {
        RequestSpecification spec = client();
        return authorization == null ? spec : spec.header("Authorization", authorization);
    }

    Key createKey(String role, List<String> subjects, Instant expiresAt) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("description", "test " + role, "role", role,
                "subjects", subjects));
        if (expiresAt != null) {
            body.put("expiresAt", expiresAt.toString());
        }
        Response created = as(admin()).body(body(body)).post("/v1/auth/keys");
        created.then().statusCode(200);
        return new Key(created.path("key"), created.path("secret"));
    }

    /** One row of the matrix: a request and the least a caller needs for it. */
    record Route(String method, String path, String body, String needs) {
    }

    @Test
    void everyRouteFamilyAnswersEachRoleAsItsGrantsSay() {
        String prefix = subject("team");
        String mine = prefix + ".orders-value";
        String theirs = subject("other") + "-value";
        as(admin()).body(body(Map.of("schema", AVRO))).post("/subjects/{s}/versions", theirs).then().statusCode(200);
        int theirId = as(admin()).get("/subjects/{s}/versions/1", theirs).then().statusCode(200).extract().path("id");
        // the id is now in the fast route's cache
        as(admin()).get("/schemas/ids/" + theirId).then().statusCode(200);

        Key reader = createKey("reader", List.of(prefix + ".*"), null);
        Key writer = createKey("writer", List.of(prefix + ".*"), null);
        Map<String, String> callers = new java.util.LinkedHashMap<>();
        callers.put("anonymous", null);
        callers.put("reader", reader.basic());
        callers.put("writer", writer.basic());
        callers.put("admin", admin());

        // needs: "public", "reader-any" (some read grant), "reader-mine", "writer-mine", "admin"
        List<Route> routes = List.of(
                new Route("GET", "/q/health", null, "public"),
                new Route("GET", "/ui/", null, "public"),
                new Route("GET", "/v1/openapi.yaml", null, "public"),
                new Route("GET", "/v1/auth/me", null, "public"),
                new Route("GET", "/subjects", null, "reader-any"),
                new Route("GET", "/schemas", null, "reader-any"),
                new Route("GET", "/schemas/ids/" + theirId, null, "reader-any"),
                new Route("GET", "/schemas/types", null, "reader-any"),
                new Route("GET", "/config", null, "reader-any"),
                new Route("GET", "/v1/subjects", null, "reader-any"),
                new Route("GET", "/v1/events", null, "reader-any"),
                new Route("GET", "/v1/rules", null, "reader-any"),
                new Route("POST", "/v1/diff", body(Map.of("old", AVRO, "new", AVRO)), "reader-any"),
                new Route("GET", "/subjects/" + theirs + "/versions", null, "admin"),
                new Route("POST", "/subjects/" + mine + "/versions", body(Map.of("schema", AVRO)), "writer-mine"),
                new Route("GET", "/subjects/" + mine + "/versions", null, "reader-mine"),
                new Route("POST", "/subjects/" + mine, body(Map.of("schema", AVRO)), "reader-mine"),
                new Route("POST", "/compatibility/subjects/" + mine + "/versions/latest", body(Map.of("schema", AVRO)), "reader-mine"),
                new Route("GET", "/v1/subjects/" + mine, null, "reader-mine"),
                new Route("PUT", "/config/" + mine, body(Map.of("compatibility", "FULL")), "writer-mine"),
                new Route("GET", "/config/" + mine, null, "reader-mine"),
                new Route("PUT", "/mode/" + mine, body(Map.of("mode", "READWRITE")), "writer-mine"),
                new Route("PUT", "/mode/" + mine, body(Map.of("mode", "IMPORT")), "admin"),
                new Route("DELETE", "/mode/" + mine, null, "writer-mine"),
                new Route("POST", "/subjects/" + theirs + "/versions", body(Map.of("schema", AVRO)), "admin"),
                new Route("PUT", "/config", body(Map.of("compatibility", "BACKWARD")), "admin"),
                new Route("PUT", "/mode", body(Map.of("mode", "READWRITE")), "admin"),
                new Route("GET", "/v1/auth/keys", null, "admin"),
                new Route("GET", "/v1/auth/users", null, "admin"),
                new Route("GET", "/v1/export", null, "admin"),
                new Route("POST", "/v1/import", "{\"format\":\"accord-export\",\"version\":1}", "admin"),
                new Route("GET", "/dek-registry/v1/keks", null, "reader-any"),
                new Route("POST", "/dek-registry/v1/keks", body(Map.of("name", prefix + "-kek", "kmsType", "local-kms",
                        "kmsKeyId", "k1")), "writer-mine"),
                new Route("GET", "/dek-registry/v1/keks/" + prefix + "-kek", null, "reader-any"),
                new Route("PUT", "/dek-registry/v1/keks/" + prefix + "-kek", body(Map.of("doc", "orders")), "admin"),
                new Route("POST", "/dek-registry/v1/keks/" + prefix + "-kek/deks/" + mine,
                        body(Map.of("encryptedKeyMaterial", "AAEC")), "writer-mine"),
                new Route("GET", "/dek-registry/v1/keks/" + prefix + "-kek/deks/" + mine + "/versions", null,
                        "reader-mine"),
                new Route("POST", "/dek-registry/v1/keks/" + prefix + "-kek/deks/" + theirs,
                        body(Map.of("encryptedKeyMaterial", "AAEC")), "admin"),
                new Route("DELETE", "/dek-registry/v1/keks/" + prefix + "-kek/deks/" + mine + "?permanent=true", null,
                        "admin"),
                new Route("DELETE", "/subjects/" + mine + "/versions/1", null, "writer-mine"),
                new Route("DELETE", "/subjects/" + mine + "/versions/1?permanent=true", null, "admin"));

        List<String> wrong = new ArrayList<>();
        for (Route route : routes) {
            for (Map.Entry<String, String> caller : callers.entrySet()) {
                boolean allowed = switch (route.needs()) {
                    case "public" -> true;
                    case "reader-any", "reader-mine" -> !caller.getKey().equals("anonymous");
                    case "writer-mine" -> caller.getKey().equals("writer") || caller.getKey().equals("admin");
                    default -> caller.getKey().equals("admin");
                };
                RequestSpecification spec = as(caller.getValue());
                if (route.body() != null) {
                    spec = spec.body(route.body());
                }
                Response response = spec.request(route.method(), route.path());
                int status = response.statusCode();
                String expected = allowed ? "not 401/403" : caller.getKey().equals("anonymous") ? "401" : "403";
                boolean ok = allowed ? status != 401 && status != 403
                        : status == (caller.getKey().equals("anonymous") ? 401 : 403);
                if (!ok) {
                    wrong.add(route.method() + " " + route.path() + " as " + caller.getKey() + ": " + status
                            + " (expected " + expected + ") " + response.asString());
                }
                if (!allowed && status == 401) {
                    assertNotNull(response.header("WWW-Authenticate"), route.path());
                    assertEquals(40101, (Integer) response.path("error_code"));
                }
                if (!allowed && status == 403) {
                    assertEquals(40301, (Integer) response.path("error_code"));
                    assertTrue(response.<String>path("message").contains("needs the"), response.asString());
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void listsShowOnlyWhatTheCallerMayRead() {
        String prefix = subject("list");
        String mine = prefix + ".a-value";
        String theirs = subject("hidden") + "-value";
        for (String s : List.of(mine, theirs)) {
            as(admin()).body(body(Map.of("schema", AVRO))).post("/subjects/{s}/versions", s).then().statusCode(200);
        }
        Key reader = createKey("reader", List.of(prefix + ".*"), null);
        as(reader.basic()).get("/subjects").then().statusCode(200)
                .body("", hasItem(mine)).body("", not(hasItem(theirs)));
        as(reader.basic()).get("/v1/subjects").then().statusCode(200)
                .body("subject", hasItem(mine)).body("subject", not(hasItem(theirs)));
        as(reader.basic()).get("/schemas").then().statusCode(200)
                .body("subject", hasItem(mine)).body("subject", not(hasItem(theirs)));
        as(reader.basic()).get("/v1/events?limit=1000").then().statusCode(200)
                .body("subject", not(hasItem(theirs)));

        // pages are cut from what the caller may read: a hidden subject between two readable ones takes no place
        String first = prefix + ".a1", hidden = prefix + ".b2", last = prefix + ".c3";
        for (String s : List.of(first, hidden, last)) {
            as(admin()).body(body(Map.of("schema", AVRO))).post("/subjects/{s}/versions", s).then().statusCode(200);
        }
        Key exact = createKey("reader", List.of(first, last), null);
        as(exact.basic()).get("/subjects?subjectPrefix=" + prefix + "&offset=1&limit=1").then().statusCode(200)
                .body("", equalTo(List.of(last)));
        as(exact.basic()).get("/v1/subjects?search=" + prefix + "&offset=1&limit=1").then().statusCode(200)
                .body("subject", equalTo(List.of(last)));
        as(exact.basic()).get("/schemas?subjectPrefix=" + prefix + "&offset=1&limit=1").then().statusCode(200)
                .body("subject", equalTo(List.of(last)));
    }

    @Test
    void aKeyWorksWithItsSecretOnlyAndARevokedKeyIsRefusedAtOnce() {
        String subject = subject("revoke") + "-value";
        Key key = createKey("writer", List.of(subject), null);
        // the listing never shows a secret
        String listed = as(admin()).get("/v1/auth/keys").then().statusCode(200).extract().asString();
        assertTrue(listed.contains(key.id()));
        assertFalse(listed.contains(key.secret()), "the key list shows no secret");

        as(key.basic()).body(body(Map.of("schema", AVRO))).post("/subjects/{s}/versions", subject).then().statusCode(200);
        as(new Key(key.id(), key.secret() + "x").basic()).get("/subjects").then().statusCode(401)
                .body("error_code", equalTo(40101));

        as(admin()).delete("/v1/auth/keys/{k}", key.id()).then().statusCode(200).body("revokedAt", not(equalTo(null)));
        // the key was verified a moment ago (and cached): refused anyway
        as(key.basic()).get("/subjects").then().statusCode(401);
        as(admin()).delete("/v1/auth/keys/{k}", key.id()).then().statusCode(404);
    }

    @Test
    void anExpiredKeyIsRefused() throws InterruptedException {
        Key key = createKey("reader", List.of("*"), Instant.now().plusSeconds(2));
        as(key.basic()).get("/subjects").then().statusCode(200);
        Thread.sleep(2_500);
        as(key.basic()).get("/subjects").then().statusCode(401).body("message", containsString("expired"));
    }

    @Test
    void aKeyRevokedByAnotherInstanceIsRefusedAtOnce() throws Exception {
        Key key = createKey("reader", List.of("*"), null);
        as(key.basic()).get("/subjects").then().statusCode(200);
        // what another instance sharing the database does: revoke the row and append the event, whose NOTIFY
        // reaches this instance's listener
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("update auth_credential set revoked_at = now() where id = '" + key.id() + "'");
            s.execute("select pg_notify('accord_events', '0 AUTH_KEY_REVOKED ')");
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (as(key.basic()).get("/subjects").statusCode() != 401) {
            if (System.nanoTime() > deadline) {
                fail("the key revoked elsewhere is still accepted after 5 s");
            }
            Thread.sleep(50);
        }
    }

    @Test
    void everyChangeCarriesItsActorAndAddress() {
        String subject = subject("audit") + "-value";
        Key key = createKey("writer", List.of(subject), null);
        as(key.basic()).body(body(Map.of("schema", AVRO))).post("/subjects/{s}/versions", subject).then().statusCode(200);
        as(key.basic()).body(body(Map.of("compatibility", "FULL"))).put("/config/{s}", subject).then().statusCode(200);

        List<Map<String, Object>> events = as(admin()).get("/v1/events?limit=1000&actor=key:" + key.id())
                .then().statusCode(200).extract().jsonPath().getList("");
        assertEquals(List.of("SCHEMA_REGISTERED", "CONFIG_CHANGED"), events.stream().map(e -> e.get("type")).toList());
        for (Map<String, Object> event : events) {
            assertEquals("key:" + key.id(), event.get("actor"));
            assertEquals("127.0.0.1", event.get("remoteAddress"));
        }
        // the key's creation is the admin's event
        as(admin()).get("/v1/events?limit=1000&actor=user:admin").then().statusCode(200)
                .body("type", hasItem("AUTH_KEY_CREATED"));
    }

    @Test
    void bearerTokensFromTheIdentityProviderCarryTheirGrants() throws Exception {
        String prefix = subject("jwt");
        String token = token(Map.of("iss", AuthEnabledProfile.ISSUER, "sub", "ci-bot",
                "exp", Instant.now().plusSeconds(300).getEpochSecond(), "accord_grants", List.of("writer:" + prefix + ".*")));
        as("Bearer " + token).body(body(Map.of("schema", AVRO))).post("/subjects/{s}/versions", prefix + ".x-value")
                .then().statusCode(200);
        as("Bearer " + token).body(body(Map.of("schema", AVRO))).post("/subjects/{s}/versions", "elsewhere-value")
                .then().statusCode(403).body("message", containsString("token:ci-bot"));
        as("Bearer " + token).get("/v1/auth/me").then().statusCode(200).body("actor", equalTo("token:ci-bot"))
                .body("grants[0].role", equalTo("writer"));

        String otherIssuer = token(Map.of("iss", "https://evil.test", "sub", "x",
                "exp", Instant.now().plusSeconds(300).getEpochSecond()));
        as("Bearer " + otherIssuer).get("/subjects").then().statusCode(401).body("message", containsString("issuer"));
        String expired = token(Map.of("iss", AuthEnabledProfile.ISSUER, "sub", "x",
                "exp", Instant.now().minusSeconds(600).getEpochSecond()));
        as("Bearer " + expired).get("/subjects").then().statusCode(401).body("message", containsString("expired"));
        String unsigned = b64("{\"alg\":\"none\"}") + "." + b64("{\"iss\":\"" + AuthEnabledProfile.ISSUER
                + "\",\"sub\":\"x\",\"exp\":9999999999}") + ".";
        as("Bearer " + unsigned).get("/subjects").then().statusCode(401);
    }

    @Test
    void secretsAppearInNoLogLineEventOrAnswerAfterCreation() throws Exception {
        Key key = createKey("writer", List.of("*"), null);
        String subject = subject("secret") + "-value";
        as(key.basic()).body(body(Map.of("schema", AVRO))).post("/subjects/{s}/versions", subject).then().statusCode(200);
        as(new Key(key.id(), "wrong").basic()).get("/subjects").then().statusCode(401);
        as(admin()).body(body(Map.of("name", "alice-" + System.nanoTime() % 100000, "password", "alice's long password",
                "role", "reader"))).post("/v1/auth/users").then().statusCode(200);

        String log = Files.readString(Path.of(AuthEnabledProfile.LOG_FILE));
        assertFalse(log.isEmpty(), "the server log was captured");
        for (String secret : List.of(key.secret(), AuthEnabledProfile.ADMIN_PASSWORD, "alice's long password")) {
            assertFalse(log.contains(secret), "a secret is in the log");
            for (String answer : List.of(as(admin()).get("/v1/auth/keys").asString(),
                    as(admin()).get("/v1/auth/users").asString(), as(admin()).get("/v1/events?limit=10000").asString())) {
                assertFalse(answer.contains(secret), "a secret is in an API answer");
            }
            try (Connection c = database.getConnection(); Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("select coalesce(string_agg(t::text, ' '), '') from "
                         + "(select * from auth_credential) t")) {
                rows.next();
                assertFalse(rows.getString(1).contains(secret), "a secret is stored in clear");
            }
            try (Connection c = database.getConnection(); Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("select coalesce(string_agg(payload, ' '), '') from registry_event")) {
                rows.next();
                assertFalse(rows.getString(1).contains(secret), "a secret is in an event");
            }
        }
    }

    @Test
    void anonymousCallersGetA401WithTheSchemes() {
        client().get("/subjects").then().statusCode(401).header("WWW-Authenticate", containsString("Basic"))
                .header("WWW-Authenticate", containsString("Bearer")).body("error_code", equalTo(40101));
        client().get("/v1/auth/me").then().statusCode(200).body("kind", equalTo("ANONYMOUS"))
                .body("authEnabled", equalTo(true));
        // the UI itself loads without signing in, with its security headers
        client().accept("text/html").get("/ui/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", "nosniff");
    }

    private static String token(Map<String, Object> claims) throws Exception {
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String payload = b64(JSON.writeValueAsString(claims));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(AuthEnabledProfile.TOKEN_KEYS.getPrivate());
        signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
