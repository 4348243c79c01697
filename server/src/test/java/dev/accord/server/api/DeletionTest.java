package dev.accord.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class DeletionTest extends ApiTest {

    @Test
    void softDeletedVersionKeepsItsIdResolvableAndItsNumberConsumed() {
        String subject = subject("soft");
        setCompatibility(subject, "NONE");
        registerOk(subject, record("S", "a:int"));
        int id2 = registerOk(subject, record("S", "b:int"));
        client().delete("/subjects/{s}/versions/2", subject).then().statusCode(200).body(equalTo("2"));

        assertEquals(List.of(1), versions(subject));
        client().queryParam("deleted", "true").get("/subjects/{s}/versions", subject).then()
                .body("", equalTo(List.of(1, 2)));
        client().queryParam("deletedOnly", "true").get("/subjects/{s}/versions", subject).then()
                .body("", equalTo(List.of(2)));
        client().queryParam("deletedAsNegative", "true").get("/subjects/{s}/versions", subject).then()
                .body("", equalTo(List.of(1, -2)));
        client().get("/subjects/{s}/versions/2", subject).then().statusCode(404).body("error_code", equalTo(40402));
        client().queryParam("deleted", "true").get("/subjects/{s}/versions/2", subject).then().statusCode(200)
                .body("deleted", equalTo(true));
        client().get("/schemas/ids/{id}", id2).then().statusCode(200);

        // the deleted number is not reused
        assertEquals(3, (int) register(subject, body(record("S", "c:int"))).statusCode(200).extract().path("version"));
    }

    @Test
    void deleteRulesForVersions() {
        String subject = subject("rules");
        int id = registerOk(subject, record("R" + System.nanoTime(), "a:int"));
        client().queryParam("permanent", "true").delete("/subjects/{s}/versions/1", subject).then()
                .statusCode(404).body("error_code", equalTo(40407));
        client().delete("/subjects/{s}/versions/1", subject).then().statusCode(200);
        client().delete("/subjects/{s}/versions/1", subject).then().statusCode(404).body("error_code", equalTo(40406));
        client().queryParam("permanent", "true").delete("/subjects/{s}/versions/1", subject).then()
                .statusCode(200).body(equalTo("1"));
        client().get("/schemas/ids/{id}", id).then().statusCode(404).body("error_code", equalTo(40403));
        client().delete("/subjects/{s}/versions/1", subject).then().statusCode(404).body("error_code", equalTo(40401));
        client().delete("/subjects/{s}/versions/9", subject("nobody")).then().statusCode(404)
                .body("error_code", equalTo(40401));
    }

    @Test
    void deleteRulesForSubjects() {
        String subject = subject("subj");
        setCompatibility(subject, "NONE");
        registerOk(subject, record("D", "a:int"));
        registerOk(subject, record("D", "b:int"));
        client().queryParam("permanent", "true").delete("/subjects/{s}", subject).then().statusCode(404)
                .body("error_code", equalTo(40405));
        client().delete("/subjects/{s}", subject).then().statusCode(200).body("", equalTo(List.of(1, 2)));
        client().get("/subjects").then().body("", not(hasItem(subject)));
        client().queryParam("deleted", "true").get("/subjects").then().body("", hasItem(subject));
        client().queryParam("deletedOnly", "true").get("/subjects").then().body("", hasItem(subject));
        client().get("/subjects/{s}/versions", subject).then().statusCode(404).body("error_code", equalTo(40401));
        client().delete("/subjects/{s}", subject).then().statusCode(404).body("error_code", equalTo(40404));
        client().queryParam("permanent", "true").delete("/subjects/{s}", subject).then().statusCode(200)
                .body("", equalTo(List.of(1, 2)));
        client().queryParam("deleted", "true").get("/subjects").then().body("", not(hasItem(subject)));
        // the subject's own config went with it
        client().get("/config/{s}", subject).then().statusCode(404).body("error_code", equalTo(40408));
        client().delete("/subjects/{s}", subject).then().statusCode(404).body("error_code", equalTo(40401));
    }

    @Test
    void aReferencedVersionCannotBeDeleted() {
        String base = subject("base");
        registerOk(base, "{\"type\":\"fixed\",\"name\":\"Uuid\",\"namespace\":\"x\",\"size\":16}");
        String user = subject("user");
        register(user, body(Map.of("schema", "{\"type\":\"record\",\"name\":\"U\",\"fields\":[{\"name\":\"id\","
                + "\"type\":\"x.Uuid\"}]}", "references", List.of(Map.of("name", "x.Uuid", "subject", base,
                "version", 1))))).statusCode(200);

        client().delete("/subjects/{s}/versions/1", base).then().statusCode(422).body("error_code", equalTo(42206));
        client().delete("/subjects/{s}", base).then().statusCode(422).body("error_code", equalTo(42206));
        assertEquals(List.of(1), versions(base));

        // once the referrer is soft-deleted the soft delete is allowed, the permanent one still is not
        client().delete("/subjects/{s}", user).then().statusCode(200);
        client().delete("/subjects/{s}", base).then().statusCode(200);
        client().queryParam("permanent", "true").delete("/subjects/{s}", base).then().statusCode(422)
                .body("error_code", equalTo(42206));
        client().queryParam("permanent", "true").delete("/subjects/{s}", user).then().statusCode(200);
        client().queryParam("permanent", "true").delete("/subjects/{s}", base).then().statusCode(200);
    }

    @Test
    void softDeletedVersionsAreNotCheckedForCompatibility() {
        String subject = subject("skip-deleted");
        registerOk(subject, record("K", "a:int"));
        client().delete("/subjects/{s}/versions/1", subject).then().statusCode(200);
        // incompatible with version 1, but version 1 is deleted: accepted as version 2
        register(subject, body(record("K", "a:string"))).statusCode(200).body("version", equalTo(2));
    }

    @Test
    void permanentlyDeletingTheLastVersionRemovesSubjectConfigAndMode() {
        String subject = subject("cfg-gone");
        setCompatibility(subject, "FULL");
        registerOk(subject, record("G", "a:int"));
        client().delete("/subjects/{s}/versions/1", subject).then().statusCode(200);
        client().get("/config/{s}", subject).then().statusCode(200).body("compatibilityLevel", equalTo("FULL"));
        client().queryParam("permanent", "true").delete("/subjects/{s}/versions/1", subject).then().statusCode(200);
        client().get("/config/{s}", subject).then().statusCode(404).body("error_code", equalTo(40408));
    }

    @Test
    void reRegisteringASoftDeletedSchemaCreatesANewVersion() {
        String subject = subject("again");
        String schema = record("A", "a:int");
        int id = registerOk(subject, schema);
        client().delete("/subjects/{s}/versions/1", subject).then().statusCode(200);
        register(subject, body(schema)).statusCode(200).body("id", equalTo(id)).body("version", equalTo(2));
    }
}
