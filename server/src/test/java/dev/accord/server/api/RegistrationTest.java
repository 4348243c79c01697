package dev.accord.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
class RegistrationTest extends ApiTest {

    @Test
    void registersAndServesAVersionByNumberLatestAndMinusOne() {
        String subject = subject("orders-value");
        String schema = record("Order" + System.nanoTime(), "id:string");
        int id = registerOk(subject, schema);

        for (String version : List.of("1", "latest", "-1")) {
            client().get("/subjects/{s}/versions/{v}", subject, version).then().statusCode(200)
                    .contentType(V1)
                    .body("subject", equalTo(subject)).body("version", equalTo(1)).body("id", equalTo(id))
                    .body("schemaType", equalTo("AVRO")).body("schema", equalTo(schema));
        }
        client().get("/schemas/ids/{id}", id).then().statusCode(200).body("schema", equalTo(schema));
        String raw = client().get("/subjects/{s}/versions/1/schema", subject).then().statusCode(200)
                .extract().asString();
        assertEquals(schema, raw);
        assertEquals(schema, client().get("/schemas/ids/{id}/schema", id).then().statusCode(200).extract().asString());
        client().get("/subjects").then().statusCode(200).body("", hasItem(subject));
        client().get("/schemas/ids/{id}/subjects", id).then().statusCode(200).body("", equalTo(List.of(subject)));
        client().get("/schemas/ids/{id}/versions", id).then().statusCode(200)
                .body("[0].subject", equalTo(subject)).body("[0].version", equalTo(1));
    }

    @Test
    void registrationIsIdempotentAndIgnoresWhitespaceAndKeyOrder() {
        String subject = subject("idem");
        int first = registerOk(subject, "{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}");
        int again = registerOk(subject, "{ \"fields\" : [ { \"type\":\"int\", \"name\":\"x\" } ],\n \"name\":\"A\", \"type\":\"record\" }");
        assertEquals(first, again);
        assertEquals(List.of(1), versions(subject));
    }

    @Test
    void sameContentGetsTheSameIdAcrossSubjects() {
        String schema = record("Shared" + System.nanoTime(), "a:long");
        int id1 = registerOk(subject("one"), schema);
        int id2 = registerOk(subject("two"), schema);
        assertEquals(id1, id2);
        int other = registerOk(subject("three"), record("Other" + System.nanoTime(), "a:long"));
        assertNotEquals(id1, other);
    }

    @Test
    void compatibleEvolutionGetsTheNextVersionAndIncompatibleIs409() {
        String subject = subject("evolve");
        registerOk(subject, record("E", "a:int"));
        registerOk(subject, record("E", "a:int", "b:string=\"x\""));
        assertEquals(List.of(1, 2), versions(subject));

        register(subject, body(record("E", "a:int", "c:string"))).statusCode(409)
                .body("error_code", equalTo(40901))
                .body("message", containsString("READER_FIELD_MISSING_DEFAULT_VALUE"))
                .body("message", containsString("incompatible with an earlier schema for subject \"" + subject + "\""));
        assertEquals(List.of(1, 2), versions(subject));
    }

    @Test
    void noneLevelAcceptsAnything() {
        String subject = subject("none");
        setCompatibility(subject, "NONE");
        registerOk(subject, record("N", "a:int"));
        registerOk(subject, record("Completely", "z:string"));
        assertEquals(List.of(1, 2), versions(subject));
    }

    @Test
    void lookupFindsTheVersionOrSays40401Or40403() {
        String subject = subject("lookup");
        String schema = record("L", "a:int");
        int id = registerOk(subject, schema);
        client().body(body("{ \"name\":\"L\", \"type\":\"record\", \"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}"))
                .post("/subjects/{s}", subject).then().statusCode(200)
                .body("id", equalTo(id)).body("version", equalTo(1)).body("subject", equalTo(subject));
        client().body(body(record("L", "b:int"))).post("/subjects/{s}", subject).then().statusCode(404)
                .body("error_code", equalTo(40403));
        client().body(body(schema)).post("/subjects/{s}", subject("missing")).then().statusCode(404)
                .body("error_code", equalTo(40401));
    }

    @Test
    void metadataAndRuleSetAreStoredAndReturnedUnchanged() {
        String subject = subject("contract");
        Map<String, Object> metadata = Map.of("properties", Map.of("owner", "team-a", "application.major.version", "1"),
                "tags", Map.of("Order.id", List.of("PII")), "sensitive", List.of("secret"));
        Map<String, Object> ruleSet = Map.of("domainRules", List.of(Map.of("name", "checkId", "kind", "CONDITION",
                "mode", "WRITE", "type", "CEL", "expr", "message.id != ''", "onFailure", "DLQ")));
        int id = register(subject, body(Map.of("schema", record("C", "id:string"), "metadata", metadata,
                "ruleSet", ruleSet))).statusCode(200).extract().path("id");

        client().get("/subjects/{s}/versions/1", subject).then().statusCode(200)
                .body("metadata.properties.owner", equalTo("team-a"))
                .body("metadata.tags.'Order.id'", equalTo(List.of("PII")))
                .body("metadata.sensitive", equalTo(List.of("secret")))
                .body("ruleSet.domainRules[0].name", equalTo("checkId"))
                .body("ruleSet.domainRules[0].expr", equalTo("message.id != ''"))
                .body("ruleSet.domainRules[0].onFailure", equalTo("DLQ"));
        client().get("/schemas/ids/{id}", id).then().statusCode(200)
                .body("ruleSet.domainRules[0].type", equalTo("CEL"))
                .body("metadata.properties.owner", equalTo("team-a"));
        client().queryParam("key", "owner").queryParam("value", "team-a")
                .get("/subjects/{s}/metadata", subject).then().statusCode(200).body("version", equalTo(1));
        client().queryParam("key", "owner").queryParam("value", "team-b")
                .get("/subjects/{s}/metadata", subject).then().statusCode(404).body("error_code", equalTo(40403));

        // a later version without metadata inherits it, as in Confluent
        register(subject, body(record("C", "id:string", "n:int=0"))).statusCode(200);
        client().get("/subjects/{s}/versions/2", subject).then().statusCode(200)
                .body("metadata.properties.owner", equalTo("team-a"));
    }

    @Test
    void sameSchemaWithOtherMetadataIsANewIdAndVersion() {
        String subject = subject("meta-id");
        String schema = record("M", "a:int");
        int plain = registerOk(subject, schema);
        int tagged = register(subject, body(Map.of("schema", schema, "metadata",
                Map.of("properties", Map.of("owner", "x"))))).statusCode(200).extract().path("id");
        assertNotEquals(plain, tagged);
        assertEquals(List.of(1, 2), versions(subject));
    }

    @Test
    void referencesResolveAndAreReportedByReferencedBy() {
        String moneySubject = subject("money");
        String money = "{\"type\":\"record\",\"name\":\"Money\",\"namespace\":\"com.acme\",\"fields\":["
                + "{\"name\":\"amount\",\"type\":\"long\"},{\"name\":\"currency\",\"type\":\"string\"}]}";
        registerOk(moneySubject, money);
        String orderSubject = subject("order");
        String order = "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"com.acme\",\"fields\":["
                + "{\"name\":\"total\",\"type\":\"com.acme.Money\"}]}";
        List<Map<String, Object>> refs = List.of(Map.of("name", "com.acme.Money", "subject", moneySubject,
                "version", -1));
        int orderId = register(orderSubject, body(Map.of("schema", order, "references", refs))).statusCode(200)
                .body("references[0].version", equalTo(1)).extract().path("id");

        client().get("/subjects/{s}/versions/1", orderSubject).then().statusCode(200)
                .body("references[0].name", equalTo("com.acme.Money"))
                .body("references[0].subject", equalTo(moneySubject))
                .body("schema", not(containsString("currency")));
        client().queryParam("format", "resolved").get("/subjects/{s}/versions/1", orderSubject).then()
                .statusCode(200).body("schema", containsString("currency"));
        client().get("/subjects/{s}/versions/1/referencedby", moneySubject).then().statusCode(200)
                .body("", equalTo(List.of(orderId)));
        client().get("/schemas/ids/{id}", orderId).then().statusCode(200)
                .body("references[0].subject", equalTo(moneySubject));

        // without the reference the named type is unknown
        register(subject("order-noref"), body(order)).statusCode(422).body("error_code", equalTo(42201));
        // a reference to a missing version is a clear 42201
        register(subject("order-badref"), body(Map.of("schema", order, "references",
                List.of(Map.of("name", "com.acme.Money", "subject", moneySubject, "version", 7)))))
                .statusCode(422).body("error_code", equalTo(42201)).body("message", containsString("no version 7"));
    }

    @Test
    void versionFieldMustBeTheNextVersionOutsideImport() {
        String subject = subject("explicit-version");
        registerOk(subject, record("V", "a:int"));
        register(subject, body(Map.of("schema", record("V", "a:int", "b:int=1"), "version", 5))).statusCode(422)
                .body("error_code", equalTo(42201)).body("message", containsString("Invalid version"));
        register(subject, body(Map.of("schema", record("V", "a:int", "b:int=1"), "version", 2))).statusCode(200)
                .body("version", equalTo(2));
    }

    @Test
    void schemasListAndTypes() {
        String subject = subject("listed");
        registerOk(subject, record("Listed", "a:int"));
        registerOk(subject, record("Listed", "a:int", "b:int=0"));
        client().queryParam("subjectPrefix", subject).get("/schemas").then().statusCode(200)
                .body("size()", equalTo(2)).body("[1].version", equalTo(2));
        client().queryParam("subjectPrefix", subject).queryParam("latestOnly", "true").get("/schemas").then()
                .statusCode(200).body("size()", equalTo(1)).body("[0].version", equalTo(2));
        client().get("/schemas/types").then().statusCode(200).body("", hasItem("AVRO"));
        client().get("/schemas/ids/{id}?fetchMaxId=true", registerOk(subject("max"), record("Max", "m:int")))
                .then().statusCode(200).body("maxId", notNullValue());
    }

    @Test
    void answersInTheMediaTypeTheClientAccepts() {
        String subject = subject("media");
        registerOk(subject, record("Media", "a:int"));
        io.restassured.RestAssured.given().accept("application/json").get("/subjects/{s}/versions", subject).then()
                .statusCode(200).contentType("application/json");
        io.restassured.RestAssured.given().accept("application/vnd.schemaregistry+json")
                .get("/subjects/{s}/versions", subject).then().statusCode(200)
                .contentType("application/vnd.schemaregistry+json");
        io.restassured.RestAssured.given().contentType("application/octet-stream")
                .body(body(record("Media", "a:int")).getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/subjects/{s}/versions", subject).then()
                .statusCode(200).contentType(V1).body("version", equalTo(1));
        io.restassured.RestAssured.given().contentType("application/json")
                .body(body(record("Media", "a:int"))).post("/subjects/{s}/versions", subject).then()
                .statusCode(200);
    }

    @Test
    void subjectNamesWithSlashesAndColonsWork() {
        String subject = "team/a:" + subject("odd");
        registerOk(subject, record("Odd", "a:int"));
        assertEquals(List.of(1), versions(subject));
        client().get("/subjects").then().body("", hasItem(subject));
    }

    @Test
    void rootContextsAndClusterMetadata() {
        client().get("/").then().statusCode(200).body("size()", equalTo(0));
        // other tests create contexts; the default one is always there and listed first
        client().get("/contexts").then().statusCode(200).body("[0]", equalTo("."));
        String id = client().get("/v1/metadata/id").then().statusCode(200).extract().path("id");
        assertNotEquals("", id);
        client().get("/v1/metadata/id").then().body("id", equalTo(id));
    }

    @Test
    void schemasAreAlsoAddressedByAStableGuid() {
        String schema = record("Guided" + System.nanoTime(), "a:int");
        String subject = subject("guid");
        String guid = register(subject, body(schema)).statusCode(200).extract().path("guid");
        int id = client().get("/subjects/{s}/versions/1", subject).then().body("guid", equalTo(guid))
                .extract().path("id");
        client().get("/schemas/guids/{g}", guid).then().statusCode(200).body("schema", equalTo(schema))
                .body("guid", equalTo(guid));
        client().get("/schemas/guids/{g}/ids", guid).then().statusCode(200)
                .body("[0].id", equalTo(id)).body("[0].context", equalTo("."));
        client().get("/schemas/guids/{g}", "00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .body("error_code", equalTo(40403));
        client().get("/schemas/guids/{g}", "not-a-guid").then().statusCode(404).body("error_code", equalTo(40403));
    }

    @Test
    void theDefaultContextIsNotEmptyAndOthersDoNotExist() {
        registerOk(subject("ctx"), record("Ctx", "a:int"));
        client().delete("/contexts/{c}", ".other").then().statusCode(404).body("error_code", equalTo(40401));
        client().delete("/contexts/{c}", ":.:").then().statusCode(422).body("error_code", equalTo(42211));
        client().get("/v1/metadata/deployment").then().statusCode(200).body("attributes", hasItem("accord"));
    }
}
