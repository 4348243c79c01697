package dev.accord.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class DiffAndOverviewTest extends ApiTest {

    static final String V1 = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";
    static final String V2 = "{\"type\":\"record\",\"name\":\"Order\",\"doc\":\"An order\",\"fields\":["
            + "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"qty\",\"type\":\"int\"}]}";

    @Test
    void diffOfTwoSchemasListsEveryChangeWithItsEffect() {
        JsonPath diff = client().body(body(Map.of("schemaType", "AVRO", "old", V1, "new", V2))).post("/v1/diff")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(false, diff.getBoolean("compatible.BACKWARD"));
        assertEquals(true, diff.getBoolean("compatible.FORWARD"));
        assertEquals(false, diff.getBoolean("compatible.FULL"));
        List<Map<String, Object>> changes = diff.getList("changes");
        Map<String, Object> breaking = changes.stream()
                .filter(c -> c.get("ruleId").equals("READER_FIELD_MISSING_DEFAULT_VALUE")).findFirst().orElseThrow();
        assertEquals("/fields/1", breaking.get("newPath"));
        assertEquals(List.of("BACKWARD"), breaking.get("breaks"));
        assertTrue(((String) breaking.get("fixHint")).contains("default"));
        Map<String, Object> doc = changes.stream().filter(c -> c.get("ruleId").equals("DOC_CHANGED")).findFirst()
                .orElseThrow();
        assertEquals(List.of(), doc.get("breaks"));
        // the added field is reported once, by the rule that says what it breaks
        assertTrue(changes.stream().noneMatch(c -> c.get("ruleId").equals("FIELD_ADDED")), changes::toString);
    }

    @Test
    void subjectDiffComparesVersionsUnderTheSubjectsPolicy() {
        String subject = subject("diffed");
        setCompatibility(subject, "NONE");
        registerOk(subject, V1);
        registerOk(subject, V2);
        client().get("/v1/subjects/{s}/diff", subject).then().statusCode(200)
                .body("subject", equalTo(subject)).body("from", equalTo(1)).body("to", equalTo(2))
                .body("policy", equalTo("STRICT")).body("compatible.BACKWARD", equalTo(false))
                .body("changes.ruleId", hasItem("READER_FIELD_MISSING_DEFAULT_VALUE"));
        client().queryParam("from", 2).queryParam("to", 1).get("/v1/subjects/{s}/diff", subject).then()
                .statusCode(200).body("compatible.BACKWARD", equalTo(true)).body("compatible.FORWARD", equalTo(false))
                .body("changes.ruleId", hasItem("READER_FIELD_MISSING_DEFAULT_VALUE"))
                .body("changes.find { it.ruleId == 'READER_FIELD_MISSING_DEFAULT_VALUE' }.oldPath", equalTo("/fields/1"));
        client().queryParam("from", 7).get("/v1/subjects/{s}/diff", subject).then().statusCode(404)
                .body("error_code", equalTo(40402));
        client().get("/v1/subjects/{s}/diff", subject("nobody")).then().statusCode(404)
                .body("error_code", equalTo(40401));
    }

    @Test
    void diffRejectsBadInputWithClearCodes() {
        client().body(body(Map.of("old", V1))).post("/v1/diff").then().statusCode(422).body("error_code", equalTo(42201));
        client().body(body(Map.of("old", V1, "new", "{\"type\":\"nope\"}"))).post("/v1/diff").then().statusCode(422)
                .body("error_code", equalTo(42201));
        client().body(body(Map.of("old", V1, "new", V2, "policy", "LOOSE"))).post("/v1/diff").then().statusCode(422)
                .body("error_code", equalTo(42203));
        client().body("{").post("/v1/diff").then().statusCode(400);
    }

    @Test
    void subjectListAndStatsDescribeTheRegistryInOneCall() {
        String subject = subject("listed");
        setCompatibility(subject, "FULL");
        registerOk(subject, V1);
        List<Map<String, Object>> subjects = client().get("/v1/subjects").then().statusCode(200).extract().jsonPath()
                .getList("");
        Map<String, Object> mine = subjects.stream().filter(s -> s.get("subject").equals(subject)).findFirst()
                .orElseThrow();
        assertEquals(1, mine.get("versions"));
        assertEquals("AVRO", mine.get("schemaType"));
        assertEquals("FULL", mine.get("compatibilityLevel"));
        assertEquals("FULL", mine.get("effectiveCompatibilityLevel"));
        assertEquals(false, mine.get("deleted"));

        client().get("/v1/subjects/{s}", subject).then().statusCode(200).body("compatibilityLevel", equalTo("FULL"))
                .body("ownCompatibilityPolicy", equalTo(null)).body("compatibilityPolicy", equalTo("STRICT"));
        client().get("/v1/subjects/{s}", subject("nobody")).then().statusCode(404).body("error_code", equalTo(40401));

        client().delete("/subjects/{s}", subject).then().statusCode(200);
        client().get("/v1/subjects/{s}", subject).then().statusCode(200).body("deleted", equalTo(true));
        assertTrue(client().get("/v1/subjects").then().extract().jsonPath().getList("subject").stream()
                .noneMatch(subject::equals));
        client().queryParam("deleted", "true").get("/v1/subjects").then().body("subject", hasItem(subject));

        registerOk(subject("live"), V1);
        client().get("/v1/stats").then().statusCode(200).body("subjects", greaterThanOrEqualTo(1))
                .body("deletedSubjects", greaterThanOrEqualTo(1)).body("schemasByType.AVRO", greaterThanOrEqualTo(1))
                .body("lastEventSeq", notNullValue());
    }

    @Test
    void ruleCatalogueIsServed() {
        client().get("/v1/rules").then().statusCode(200)
                .body("id", hasItem("READER_FIELD_MISSING_DEFAULT_VALUE")).body("id", hasItem("DOC_CHANGED"));
    }
}
