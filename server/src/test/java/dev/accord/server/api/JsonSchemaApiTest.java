package dev.accord.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** JSON Schema through every Confluent endpoint and the diff endpoints. */
@QuarkusTest
class JsonSchemaApiTest extends ApiTest {

    static final String OPEN_V1 = "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}},\"required\":[\"id\"]}";
    static final String OPEN_V2 = "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"},"
            + "\"note\":{\"type\":\"string\"}},\"required\":[\"id\"]}";
    static final String CLOSED_V1 = "{\"type\":\"object\",\"additionalProperties\":false,"
            + "\"properties\":{\"id\":{\"type\":\"string\"}},\"required\":[\"id\"]}";
    static final String CLOSED_V2 = "{\"type\":\"object\",\"additionalProperties\":false,"
            + "\"properties\":{\"id\":{\"type\":\"string\"},\"note\":{\"type\":\"string\"}},\"required\":[\"id\"]}";

    static String json(String schema) {
        return body(Map.of("schemaType", "JSON", "schema", schema));
    }

    @Test
    void registersFetchesAndLooksUpJsonSchemas() {
        String subject = subject("json");
        int id = register(subject, json(OPEN_V1)).statusCode(200).body("schemaType", equalTo("JSON"))
                .extract().path("id");
        client().get("/schemas/ids/{id}", id).then().statusCode(200).body("schemaType", equalTo("JSON"))
                .body("schema", containsString("\"properties\""));
        client().get("/subjects/{s}/versions/latest", subject).then().statusCode(200)
                .body("schemaType", equalTo("JSON")).body("id", equalTo(id));
        // whitespace does not make a new schema; key order does until normalised, as in Confluent
        String spaced = OPEN_V1.replace(",", " ,\n  ").replace(":", " : ");
        assertEquals(id, (int) register(subject, json(spaced)).statusCode(200).extract().path("id"));
        client().body(json(spaced)).post("/subjects/{s}", subject).then().statusCode(200)
                .body("version", equalTo(1));
        String reordered = "{ \"required\" : [\"id\"], \"properties\": {\"id\": {\"type\": \"string\"}}, \"type\": \"object\" }";
        client().body(json(reordered)).post("/subjects/{s}", subject).then().statusCode(404);
        client().get("/schemas/types").then().body("", hasItem("JSON"));
    }

    @Test
    void addingAPropertyToAnOpenModelIsIncompatibleUnderStrictAndAllowedUnderLenient() {
        String subject = subject("open");
        register(subject, json(OPEN_V1)).statusCode(200);
        register(subject, json(OPEN_V2)).statusCode(409).body("error_code", equalTo(40901))
                .body("message", containsString("PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL"));
        client().body(json(OPEN_V2)).queryParam("verbose", "true")
                .post("/compatibility/subjects/{s}/versions/latest", subject).then().statusCode(200)
                .body("is_compatible", equalTo(false))
                .body("messages[0]", containsString("PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL"));
        client().body("{\"compatibilityPolicy\":\"LENIENT\"}").put("/config/{s}", subject).then().statusCode(200);
        register(subject, json(OPEN_V2)).statusCode(200).body("version", equalTo(2));
    }

    @Test
    void addingAnOptionalPropertyToAClosedModelIsBackwardCompatible() {
        String subject = subject("closed");
        register(subject, json(CLOSED_V1)).statusCode(200);
        register(subject, json(CLOSED_V2)).statusCode(200).body("version", equalTo(2));
        setCompatibility(subject, "FULL");
        // removing it again breaks FORWARD under FULL: data written with v2 may carry "note"
        register(subject, json(CLOSED_V1)).statusCode(200); // identical to version 1: idempotent
        assertEquals(List.of(1, 2), versions(subject));
    }

    @Test
    void referencesToOtherSubjectsResolveAndAreProtected() {
        String addressSubject = subject("address");
        String address = "{\"$id\":\"https://example.com/address.json\",\"type\":\"object\","
                + "\"properties\":{\"street\":{\"type\":\"string\"}}}";
        register(addressSubject, json(address)).statusCode(200);
        String customerSubject = subject("customer");
        String customer = "{\"type\":\"object\",\"properties\":{\"home\":{\"$ref\":\"address.json\"}}}";
        int customerId = register(customerSubject, body(Map.of("schemaType", "JSON", "schema", customer,
                "references", List.of(Map.of("name", "address.json", "subject", addressSubject, "version", 1)))))
                .statusCode(200).body("references[0].name", equalTo("address.json")).extract().path("id");
        client().get("/subjects/{s}/versions/1/referencedby", addressSubject).then().statusCode(200)
                .body("", equalTo(List.of(customerId)));
        client().delete("/subjects/{s}", addressSubject).then().statusCode(422).body("error_code", equalTo(42206));
        // without the reference, "address.json" points nowhere
        register(subject("customer-noref"), json(customer)).statusCode(422).body("error_code", equalTo(42201));
    }

    @Test
    void invalidJsonSchemasAre42201WithThePlace() {
        String subject = subject("badjson");
        register(subject, json("{\"type\": 12}")).statusCode(422).body("error_code", equalTo(42201))
                .body("message", containsString("type"));
        register(subject, json("{\"$schema\":\"https://example.com/no-such-draft\",\"type\":\"string\"}"))
                .statusCode(422).body("error_code", equalTo(42201));
        register(subject, json("{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"#/definitions/missing\"}}}"))
                .statusCode(422).body("error_code", equalTo(42201));
        register(subject, json("{\"type\": \"object\",")).statusCode(422).body("error_code", equalTo(42201));
        client().get("/subjects/{s}/versions", subject).then().statusCode(404);
    }

    @Test
    void changingTheSchemaTypeOfASubjectIsIncompatible() {
        String subject = subject("typed");
        registerOk(subject, record("Typed", "a:int"));
        register(subject, json(OPEN_V1)).statusCode(409).body("message", containsString("different schema type"));
    }

    @Test
    void diffOfJsonSchemasExplainsTheChange() {
        client().body(body(Map.of("schemaType", "JSON", "old", OPEN_V1, "new", OPEN_V2))).post("/v1/diff").then()
                .statusCode(200).body("schemaType", equalTo("JSON")).body("compatible.BACKWARD", equalTo(false))
                .body("changes.ruleId", hasItem("PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL"));
        client().body(body(Map.of("schemaType", "JSON", "old", OPEN_V1, "new", OPEN_V2, "policy", "LENIENT")))
                .post("/v1/diff").then().statusCode(200).body("compatible.BACKWARD", equalTo(true));
        String subject = subject("json-diff");
        register(subject, json(CLOSED_V1)).statusCode(200);
        register(subject, json(CLOSED_V2)).statusCode(200);
        client().get("/v1/subjects/{s}/diff", subject).then().statusCode(200)
                .body("compatible.BACKWARD", equalTo(true)).body("compatible.FORWARD", equalTo(false));
    }

    @Test
    void hostileJsonSchemasGetAClearAnswerNotACrash() {
        String subject = subject("hostile");
        int depth = 5000;
        String deep = "{\"type\":\"array\",\"items\":".repeat(depth) + "{}" + "}".repeat(depth);
        register(subject, json(deep)).statusCode(422).body("error_code", equalTo(42201))
                .body("message", containsString("nested"));
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            values.append(i == 0 ? "" : ",").append('"').append("v").append(i).append('"');
        }
        String hugeEnum = "{\"type\":\"string\",\"enum\":[" + values + "]}";
        register(subject, json(hugeEnum)).statusCode(200);
        String fewer = "{\"type\":\"string\",\"enum\":[" + values.substring(0, values.lastIndexOf(",")) + "]}";
        // accepting fewer values breaks BACKWARD: old documents may hold the dropped one
        register(subject, json(fewer)).statusCode(409).body("message", containsString("ENUM_ARRAY_NARROWED"));
    }
}
