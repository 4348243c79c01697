package dev.accord.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ConfigAndModeTest extends ApiTest {

    @AfterEach
    void restoreGlobals() {
        client().delete("/config").then().statusCode(200);
        client().body("{\"mode\":\"READWRITE\"}").put("/mode").then().statusCode(200);
    }

    @Test
    void globalConfigUsesCompatibilityOnPutAndCompatibilityLevelOnGet() {
        client().get("/config").then().statusCode(200).body("compatibilityLevel", equalTo("BACKWARD"));
        client().body("{\"compatibility\":\"FULL\"}").put("/config").then().statusCode(200)
                .body("compatibility", equalTo("FULL")).body("$", not(hasKey("compatibilityLevel")));
        client().get("/config").then().statusCode(200).body("compatibilityLevel", equalTo("FULL"));
        client().delete("/config").then().statusCode(200).body("compatibilityLevel", equalTo("FULL"));
        client().get("/config").then().body("compatibilityLevel", equalTo("BACKWARD"));
    }

    @Test
    void subjectConfigFallsBackToGlobalOnlyWhenAsked() {
        String subject = subject("cfg");
        client().get("/config/{s}", subject).then().statusCode(404).body("error_code", equalTo(40408));
        client().queryParam("defaultToGlobal", "true").get("/config/{s}", subject).then().statusCode(200)
                .body("compatibilityLevel", equalTo("BACKWARD"));
        // a config may be set before the subject has any schema
        client().body("{\"compatibility\":\"forward_transitive\",\"compatibilityPolicy\":\"LENIENT\"}")
                .put("/config/{s}", subject).then().statusCode(200)
                .body("compatibility", equalTo("FORWARD_TRANSITIVE")).body("compatibilityPolicy", equalTo("LENIENT"));
        client().get("/config/{s}", subject).then().statusCode(200)
                .body("compatibilityLevel", equalTo("FORWARD_TRANSITIVE"))
                .body("compatibilityPolicy", equalTo("LENIENT"));
        client().delete("/config/{s}", subject).then().statusCode(200)
                .body("compatibilityLevel", equalTo("FORWARD_TRANSITIVE"));
        client().delete("/config/{s}", subject).then().statusCode(404).body("error_code", equalTo(40401));
    }

    @Test
    void invalidConfigValuesAre42203() {
        client().body("{\"compatibility\":\"SIDEWAYS\"}").put("/config").then().statusCode(422)
                .body("error_code", equalTo(42203));
        client().body("{\"compatibilityPolicy\":\"LOOSE\"}").put("/config/{s}", subject("p")).then()
                .statusCode(422).body("error_code", equalTo(42203));
        client().body("{\"defaultRuleSet\":{\"domainRules\":[{\"kind\":\"CONDITION\"}]}}").put("/config").then()
                .statusCode(422).body("error_code", equalTo(42210));
        client().get("/config").then().body("compatibilityLevel", equalTo("BACKWARD"));
    }

    @Test
    void globalLevelAppliesToSubjectsWithoutTheirOwn() {
        String subject = subject("global-level");
        registerOk(subject, record("G", "a:int"));
        client().body("{\"compatibility\":\"NONE\"}").put("/config").then().statusCode(200);
        registerOk(subject, record("G", "b:string"));
        assertEquals(List.of(1, 2), versions(subject));
    }

    @Test
    void readOnlyModeRefusesWrites() {
        String subject = subject("ro");
        registerOk(subject, record("R", "a:int"));
        client().body("{\"mode\":\"READONLY\"}").put("/mode/{s}", subject).then().statusCode(200)
                .body("mode", equalTo("READONLY"));
        register(subject, body(record("R", "a:int", "b:int=0"))).statusCode(422).body("error_code", equalTo(42205));
        client().delete("/subjects/{s}/versions/1", subject).then().statusCode(422).body("error_code", equalTo(42205));
        client().get("/subjects/{s}/versions/1", subject).then().statusCode(200);
        client().get("/mode/{s}", subject).then().statusCode(200).body("mode", equalTo("READONLY"));
        client().delete("/mode/{s}", subject).then().statusCode(200).body("mode", equalTo("READONLY"));
        client().get("/mode/{s}", subject).then().statusCode(404).body("error_code", equalTo(40409));
        client().queryParam("defaultToGlobal", "true").get("/mode/{s}", subject).then().statusCode(200)
                .body("mode", equalTo("READWRITE"));
        register(subject, body(record("R", "a:int", "b:int=0"))).statusCode(200);
    }

    @Test
    void importModeTakesExplicitIdsAndVersions() {
        String subject = subject("import");
        client().body("{\"mode\":\"IMPORT\"}").put("/mode/{s}", subject).then().statusCode(200);
        // without an id, or with an id outside IMPORT, registrations are not permitted
        register(subject, body(record("Imp", "a:int"))).statusCode(422).body("error_code", equalTo(42205));
        int id = 700_000 + (int) (System.nanoTime() % 100_000);
        register(subject, body(Map.of("schema", record("Imp", "a:int"), "id", id, "version", 3))).statusCode(200)
                .body("id", equalTo(id)).body("version", equalTo(3));
        // compatibility is not checked in IMPORT mode
        register(subject, body(Map.of("schema", record("Imp", "a:string"), "id", id + 1, "version", 7)))
                .statusCode(200).body("version", equalTo(7));
        // an id bound to another schema is 42205, as in Confluent ("overwrite ... not permitted")
        register(subject, body(Map.of("schema", record("Imp", "z:long"), "id", id, "version", 8))).statusCode(422)
                .body("error_code", equalTo(42205)).body("message", containsString("already used"));
        client().get("/schemas/ids/{id}", id).then().statusCode(200);
        assertEquals(List.of(3, 7), versions(subject));

        client().body("{\"mode\":\"READWRITE\"}").put("/mode/{s}", subject).then().statusCode(200);
        register(subject, body(Map.of("schema", record("Imp", "q:int"), "id", id + 5))).statusCode(422)
                .body("error_code", equalTo(42205));
        // generated ids never collide with imported ones
        int generated = registerOk(subject("after-import"), record("AfterImport" + System.nanoTime(), "a:int"));
        org.junit.jupiter.api.Assertions.assertTrue(generated > id + 1, "generated " + generated + " after " + id);
    }

    @Test
    void switchingToImportWithLiveSubjectsNeedsForce() {
        String subject = subject("live");
        registerOk(subject, record("Live", "a:int"));
        client().body("{\"mode\":\"IMPORT\"}").put("/mode").then().statusCode(422).body("error_code", equalTo(42205));
        client().body("{\"mode\":\"IMPORT\"}").put("/mode/{s}", subject).then().statusCode(422)
                .body("error_code", equalTo(42205));
        client().body("{\"mode\":\"IMPORT\"}").queryParam("force", "true").put("/mode/{s}", subject).then()
                .statusCode(200).body("mode", equalTo("IMPORT"));
        client().delete("/mode/{s}", subject).then().statusCode(200);
    }

    @Test
    void invalidModeIs42204() {
        client().body("{\"mode\":\"SLEEPING\"}").put("/mode").then().statusCode(422).body("error_code", equalTo(42204));
        client().get("/mode").then().statusCode(200).body("mode", equalTo("READWRITE"));
    }
}
