package dev.accord.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.accord.server.TestSchemas.wideJsonObject;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Regression tests of the hostile-input findings: each answer is a 4xx in the API's shape, never a 500 or a wrong 200. */
@QuarkusTest
class HostileInputTest extends ApiTest {

    @Test
    void aNulCharacterInASchemaIs42201NamingTheOffsetAndNothingIsStored() {
        String subject = subject("nul");
        String schema = "{\"type\":\"record\",\"name\":\"R\",\"doc\":\"a\u0000b\",\"fields\":[]}";
        register(subject, body(Map.of("schema", schema))).statusCode(422).body("error_code", equalTo(42201))
                .body("message", containsString("NUL")).body("message", containsString("'/schema' contains a NUL character (U+0000) at offset 36"));
        client().get("/subjects/{s}/versions", subject).then().statusCode(404);
        // a lone surrogate would be stored as '?': refused as well
        register(subject, "{\"schema\":\"\\\"string\\\"\",\"metadata\":{\"properties\":{\"k\":\"\\ud800\"}}}")
                .statusCode(422).body("message", containsString("unpaired surrogate"));
    }

    @Test
    void anAcceptHeaderThatCannotBeParsedIs406InTheApisShapeOnEveryRoute() {
        int id = register(subject("accept"), body(Map.of("schema", "\"int\""))).statusCode(200).extract().path("id");
        client().get("/schemas/ids/{id}", id).then().statusCode(200); // now answered by the fast route
        for (String path : List.of("/schemas/ids/" + id, "/subjects", "/v1/stats", "/")) {
            given().header("Accept", ";;;").get(path).then().statusCode(406).body("error_code", equalTo(406))
                    .body("message", containsString("Accept"));
        }
    }

    @Test
    void idsBeyondAnIntAreNotFoundNeverAnotherSchema() {
        int id = register(subject("wrap"), body(Map.of("schema", "\"long\""))).statusCode(200).extract().path("id");
        client().get("/schemas/ids/{id}", id).then().statusCode(200);
        long wrapped = (1L << 32) + id; // wraps to the id in 32 bits
        client().get("/schemas/ids/" + wrapped).then().statusCode(404).body("error_code", equalTo(40403));
        client().get("/schemas/ids/99999999999999999999").then().statusCode(404).body("error_code", equalTo(40403));
        // after is a 64-bit sequence number: far ahead is simply nothing yet; beyond 64 bits is refused
        client().get("/v1/events?after=4294967298").then().statusCode(200).body("size()", equalTo(0));
        client().get("/v1/events?after=99999999999999999999").then().statusCode(422);
    }

    @Test
    void aSubjectSegmentThatIsNotUtf8Is42208AndOneNameHasOneSubjectWhateverItsSpelling() {
        given().urlEncodingEnabled(false).contentType(V1).body(body(Map.of("schema", "\"string\"")))
                .post("/subjects/%C3%28-value/versions").then().statusCode(422).body("error_code", equalTo(42208));
        given().urlEncodingEnabled(false).contentType(V1).body(body(Map.of("schema", "\"string\"")))
                .post("/subjects/a%00b/versions").then().statusCode(422).body("error_code", equalTo(42208));
        given().urlEncodingEnabled(false).get("/subjects/%E2%82/versions").then().statusCode(422);
        // found by RestFuzzTest: a NUL in a query parameter reached PostgreSQL (500)
        given().urlEncodingEnabled(false).get("/schemas?subjectPrefix=%00").then().statusCode(422)
                .body("message", containsString("NUL"));

        // "café-x" sent encoded, encoded with lower-case hex, and encoded once more for the 'x'
        String name = subject("café");
        String encoded = name.replace("é", "%C3%A9");
        given().urlEncodingEnabled(false).contentType(V1).body(body(Map.of("schema", "\"string\"")))
                .post("/subjects/" + encoded + "/versions").then().statusCode(200);
        given().urlEncodingEnabled(false).contentType(V1).body(body(Map.of("schema", "\"string\"")))
                .post("/subjects/" + name.replace("é", "%c3%a9") + "/versions").then().statusCode(200)
                .body("version", equalTo(1));
        List<String> subjects = client().get("/subjects").then().extract().jsonPath().getList("");
        assertEquals(1, subjects.stream().filter(s -> s.equals(name)).count(), subjects.toString());
    }

    @Test
    void bodiesInMediaTypesTheApiDoesNotTakeAre415() {
        String subject = subject("cors");
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "???")) {
            // sent as a browser's form or fetch would, byte for byte (rest-assured would re-encode the body)
            java.net.http.HttpResponse<String> answer = raw("POST", "/subjects/" + subject + "/versions", type,
                    "{\"schema\":\"\\\"string\\\"\"}");
            assertEquals(415, answer.statusCode(), type + ": " + answer.body());
            assertTrue(answer.body().contains("\"error_code\":415"), answer.body());
        }
        client().get("/subjects/{s}/versions", subject).then().statusCode(404);
    }

    @Test
    void aBodyDeclaredLargerThanTheLimitIs413InTheApisShapeBeforeItIsRead() throws Exception {
        String subject = subject("huge-body");
        try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(),
                io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            // 20 MB announced, 1 KB sent: the answer must come without the server waiting for (or buffering) the rest
            String head = "POST /subjects/" + subject + "/versions HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 20000000\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().write(("{\"schema\":\"" + "x".repeat(1000)).getBytes(
                    java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = socket.getInputStream().read(buffer)) >= 0; ) {
                    received.write(buffer, 0, n);
                }
            } catch (java.net.SocketTimeoutException e) {
                throw new AssertionError("connection not closed after: " + received, e);
            }
            String answer = received.toString(java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("\"error_code\":413") && answer.contains("max-body-size"), answer);
        }
        client().get("/subjects/{s}/versions", subject).then().statusCode(404);
    }

    @Test
    void hugeEnumsAreRefusedNamingTheLimitAndLargeOnesAreComparedQuickly() {
        String huge = avroEnum(100_000, 0);
        long start = System.nanoTime();
        Response refused = client().body(body(Map.of("old", huge, "new", avroEnum(100_000, 1)))).post("/v1/diff");
        refused.then().statusCode(422).body("error_code", equalTo(42201))
                .body("message", containsString("accord.limits.enum-symbols"));
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "refused without comparing");
        // at the limit the check completes (and reports the changed symbols)
        client().body(body(Map.of("old", avroEnum(10_000, 0), "new", avroEnum(10_000, 1)))).post("/v1/diff")
                .then().statusCode(200).body("changes.ruleId", org.hamcrest.Matchers.hasItem("MISSING_ENUM_SYMBOLS"));
    }

    @Test
    void aClientThatDisconnectsDuringItsRegistrationLeavesNothingWritten() throws Exception {
        String subject = subject("gone");
        client().body("{\"compatibility\":\"BACKWARD_TRANSITIVE\"}").put("/config/{s}", subject).then().statusCode(200);
        register(subject, body(Map.of("schemaType", "JSON", "schema", wideJsonObject(14_000)))).statusCode(200);
        register(subject, body(Map.of("schemaType", "JSON", "schema", wideJsonObject(13_999)))).statusCode(200);

        // a compatible third version, checked against both: hundreds of milliseconds of parsing and comparing.
        // The whole request is sent, then the connection closed while the server works on it.
        byte[] request = body(Map.of("schemaType", "JSON", "schema", wideJsonObject(13_998)))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("POST /subjects/" + subject + "/versions HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + V1
                    + "\r\nContent-Length: " + request.length + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write(request);
            out.flush();
            Thread.sleep(100); // the server has the body (loopback) and is parsing it
        }
        // the abandoned work stops at its next checkpoint; a write it had completed would show up by now
        Thread.sleep(3_000);
        client().get("/subjects/{s}/versions", subject).then().statusCode(200).body("", equalTo(List.of(1, 2)));
    }


    private static java.net.http.HttpResponse<String> raw(String method, String path, String contentType, String body) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + path))
                    .header("Content-Type", contentType)
                    .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An enum of n symbols S{offset}..S{offset+n-1}. */
    private static String avroEnum(int n, int offset) {
        StringBuilder symbols = new StringBuilder();
        for (int i = 0; i < n; i++) {
            symbols.append(i == 0 ? "" : ",").append("\"S").append(i + offset).append('"');
        }
        return "{\"type\":\"enum\",\"name\":\"Big\",\"symbols\":[" + symbols + "]}";
    }
}
