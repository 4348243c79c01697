package dev.accord.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Malformed requests get the right 4xx and error_code, a message a person can act on, and write nothing. */
@QuarkusTest
class BadInputTest extends ApiTest {

    @Test
    void invalidJsonBodyIs400() {
        String subject = subject("badjson");
        register(subject, "{\"schema\": ").statusCode(400).body("error_code", equalTo(400))
                .body("message", containsString("not valid JSON"));
        register(subject, "[1,2]").statusCode(422).body("error_code", equalTo(422));
        client().get("/subjects/{s}/versions", subject).then().statusCode(404);
    }

    @Test
    void missingOrNonStringSchemaIs42201() {
        String subject = subject("noschema");
        register(subject, "{}").statusCode(422).body("error_code", equalTo(42201))
                .body("message", containsString("schema"));
        register(subject, "{\"schema\": {\"type\":\"string\"}}").statusCode(422).body("error_code", equalTo(42201));
        register(subject, "{\"schema\": \"\"}").statusCode(422).body("error_code", equalTo(42201));
    }

    @Test
    void invalidAvroIs42201WithTheReason() {
        String subject = subject("badavro");
        register(subject, body("{\"type\":\"record\",\"name\":\"X\"}")).statusCode(422)
                .body("error_code", equalTo(42201)).body("message", containsString("fields"));
        register(subject, body("{\"type\":\"record\",\"name\":\"X\",\"fields\":[{\"name\":\"a\",\"type\":\"Nowhere\"}]}"))
                .statusCode(422).body("error_code", equalTo(42201)).body("message", containsString("Nowhere"));
        register(subject, body("{\"type\":\"record\",\"name\":\"X\",\"fields\":[{\"name\":\"a\",\"type\":\"int\","
                + "\"default\":\"nope\"}]}")).statusCode(422).body("error_code", equalTo(42201));
        register(subject, body("{\"type\": \"record\", oops}")).statusCode(422).body("error_code", equalTo(42201))
                .body("message", containsString("line 1"));
        client().get("/subjects/{s}/versions", subject).then().statusCode(404).body("error_code", equalTo(40401));
    }

    @Test
    void unknownSchemaTypesAndProtobufEditionsAre42201() {
        String subject = subject("types");
        register(subject, body(Map.of("schema", "{}", "schemaType", "XML"))).statusCode(422)
                .body("error_code", equalTo(42201)).body("message", containsString("XML"));
        register(subject, body(Map.of("schema", "edition = \"2023\";", "schemaType", "PROTOBUF"))).statusCode(422)
                .body("error_code", equalTo(42201)).body("message", containsString("editions"));
    }

    @Test
    void referencesToMissingSubjectsAre42201() {
        register(subject("refs"), body(Map.of("schema", record("R", "a:com.x.Missing"), "references",
                List.of(Map.of("name", "com.x.Missing", "subject", subject("nowhere"), "version", 1)))))
                .statusCode(422).body("error_code", equalTo(42201)).body("message", containsString("no version 1"));
        register(subject("refs"), body(Map.of("schema", record("R", "a:int"), "references",
                List.of(Map.of("subject", "s", "version", 1))))).statusCode(422).body("error_code", equalTo(42201));
    }

    @Test
    void invalidSubjectNamesAre42208() {
        register("bad\u0001subject", body(record("S", "a:int"))).statusCode(422).body("error_code", equalTo(42208));
        register("x".repeat(257), body(record("S", "a:int"))).statusCode(422).body("error_code", equalTo(42208))
                .body("message", containsString("256"));
        register("tab\there", body(record("S", "a:int"))).statusCode(422).body("error_code", equalTo(42208));
        client().body("{\"compatibility\":\"NONE\"}").put("/config/{s}", "nul\u0000").then().statusCode(422)
                .body("error_code", equalTo(42208));
        register("   ", body(record("S", "a:int"))).statusCode(422).body("error_code", equalTo(42208));
    }

    @Test
    void invalidVersionsAre42202() {
        String subject = subject("ver");
        registerOk(subject, record("V", "a:int"));
        for (String version : List.of("abc", "0", "-2", "2147483648", "1.5")) {
            client().get("/subjects/{s}/versions/{v}", subject, version).then().statusCode(422)
                    .body("error_code", equalTo(42202));
        }
        client().get("/subjects/{s}/versions/2147483647", subject).then().statusCode(404)
                .body("error_code", equalTo(40402));
        client().delete("/subjects/{s}/versions/abc", subject).then().statusCode(422).body("error_code", equalTo(42202));
    }

    @Test
    void schemasOverTheSizeLimitAre42209() {
        StringBuilder doc = new StringBuilder("{\"type\":\"record\",\"name\":\"Big\",\"doc\":\"");
        doc.append("x".repeat(1024 * 1024 + 10)).append("\",\"fields\":[]}");
        register(subject("big"), body(doc.toString())).statusCode(422).body("error_code", equalTo(42209))
                .body("message", containsString("limit"));
    }

    @Test
    void deeplyNestedSchemasAre42201NotACrash() {
        int depth = 5000;
        String nested = "{\"type\":\"array\",\"items\":".repeat(depth) + "\"int\"" + "}".repeat(depth);
        register(subject("deep"), body(nested)).statusCode(422).body("error_code", equalTo(42201))
                .body("message", containsString("nested"));
        client().get("/").then().statusCode(200);
    }

    @Test
    void invalidRuleSetIs42210AndInvalidMetadataIs42201() {
        String subject = subject("rules");
        register(subject, body(Map.of("schema", record("R", "a:int"), "ruleSet",
                Map.of("domainRules", List.of(Map.of("name", "r", "kind", "MAGIC")))))).statusCode(422)
                .body("error_code", equalTo(42210)).body("message", containsString("MAGIC"));
        register(subject, body(Map.of("schema", record("R", "a:int"), "ruleSet",
                Map.of("domainRules", List.of(Map.of("name", "r", "type", "CEL"), Map.of("name", "r", "type", "CEL"))))))
                .statusCode(422).body("error_code", equalTo(42210)).body("message", containsString("Duplicate rule name 'r'"));
        register(subject, body(Map.of("schema", record("R", "a:int"), "metadata",
                Map.of("properties", Map.of("n", List.of(1)))))).statusCode(422).body("error_code", equalTo(42201));
        client().get("/subjects/{s}/versions", subject).then().statusCode(404);
    }

    @Test
    void badQueryParametersAre422() {
        client().queryParam("deleted", "maybe").get("/subjects").then().statusCode(422).body("error_code", equalTo(422));
        client().queryParam("offset", "x").get("/subjects").then().statusCode(422);
        client().queryParam("limit", "0").get("/v1/events").then().statusCode(422);
    }

    @Test
    void unknownRoutesAndMethodsAnswerJsonErrors() {
        given().get("/no/such/thing").then().statusCode(404).body("error_code", equalTo(404));
        given().put("/schemas/types").then().statusCode(405).body("error_code", equalTo(405));
        client().get("/schemas/ids/{id}", "not-a-number").then().statusCode(404).body("error_code", equalTo(40403));
        client().get("/schemas/ids/{id}", 999_999_999).then().statusCode(404).body("error_code", equalTo(40403));
    }

    @Test
    void failedRequestsWriteNoEvents() {
        long before = lastEventSeq();
        String subject = subject("nothing");
        register(subject, body("{bad")).statusCode(422);
        register(subject, "{\"schema\": 1}").statusCode(422);
        client().body("{\"compatibility\":\"BAD\"}").put("/config/{s}", subject).then().statusCode(422);
        assertEquals(before, lastEventSeq());
    }

    static long lastEventSeq() {
        List<Integer> seqs = client().queryParam("after", 0).queryParam("limit", 1000).get("/v1/events").then()
                .statusCode(200).extract().jsonPath().getList("seq", Integer.class);
        long last = 0;
        long after = 0;
        while (!seqs.isEmpty()) {
            last = seqs.get(seqs.size() - 1);
            if (seqs.size() < 1000) {
                break;
            }
            after = last;
            seqs = client().queryParam("after", after).queryParam("limit", 1000).get("/v1/events").then()
                    .extract().jsonPath().getList("seq", Integer.class);
        }
        return last;
    }
}
