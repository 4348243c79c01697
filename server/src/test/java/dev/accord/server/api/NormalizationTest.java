package dev.accord.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * {@code normalize} for Avro and JSON Schema as a client sees it (Protobuf's is in {@link ProtobufApiTest}): what
 * Confluent already takes as one schema, what only normalising makes one, on register, lookup and compatibility,
 * by query parameter and by config.
 */
@QuarkusTest
class NormalizationTest extends ApiTest {

    private static final String AVRO_XY = "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"acme\","
            + "\"owner\":\"team-a\",\"pii\":false,\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";
    /** {@link #AVRO_XY} with its custom properties in the other order. */
    private static final String AVRO_YX = "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"acme\","
            + "\"pii\":false,\"owner\":\"team-a\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";
    /** {@link #AVRO_XY} written with a full name, Avro's keys in another order and other whitespace. */
    private static final String AVRO_SAME = "{ \"fields\": [ {\"type\":\"string\", \"name\":\"id\"} ],\n"
            + "  \"name\": \"acme.Order\", \"owner\": \"team-a\", \"pii\": false, \"type\": \"record\" }";

    private static final String JSON_AB = "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}}}";
    private static final String JSON_BA = "{\"properties\":{\"id\":{\"type\":\"string\"}},\"type\":\"object\"}";
    private static final String JSON_SPACED = "{ \"type\" : \"object\",\n  \"properties\" : { \"id\" : {\"type\":\"string\"} } }";

    private static String avro(String schema) {
        return body(Map.of("schema", schema));
    }

    private static String json(String schema) {
        return body(Map.of("schemaType", "JSON", "schema", schema));
    }

    private static int id(String subject, String body, boolean normalize) {
        return client().body(body).queryParam("normalize", normalize).post("/subjects/{s}/versions", subject).then()
                .statusCode(200).extract().path("id");
    }

    @Test
    void avroWhitespaceAvrosKeyOrderAndFullNamesNeverMatter() {
        String subject = subject("avro-same");
        int first = id(subject, avro(AVRO_XY), false);
        assertEquals(first, id(subject, avro(AVRO_SAME), false));
        assertEquals(1, versions(subject).size());
    }

    @Test
    void avroCustomPropertyOrderMattersUntilNormalised() {
        int xy = id(subject("avro-plain"), avro(AVRO_XY), false);
        int yx = id(subject("avro-plain"), avro(AVRO_YX), false);
        assertNotEquals(xy, yx);
        int normalXy = id(subject("avro-normal"), avro(AVRO_XY), true);
        int normalYx = id(subject("avro-normal"), avro(AVRO_YX), true);
        assertEquals(normalXy, normalYx);
        assertNotEquals(xy, normalXy); // the normalised text (full names, sorted properties) is its own schema
        client().get("/schemas/ids/{id}/schema", normalXy).then().statusCode(200)
                .body("name", equalTo("acme.Order"));
    }

    @Test
    void jsonWhitespaceNeverMattersKeyOrderUntilNormalised() {
        String subject = subject("json-plain");
        int ab = id(subject, json(JSON_AB), false);
        assertEquals(ab, id(subject, json(JSON_SPACED), false));
        int ba = id(subject("json-plain"), json(JSON_BA), false);
        assertNotEquals(ab, ba);
        assertEquals(id(subject("json-normal"), json(JSON_AB), true), id(subject("json-normal"), json(JSON_BA), true));
    }

    @Test
    void lookupAndCompatibilityNormaliseWhenAskedOrConfigured() {
        String subject = subject("lookup");
        int registered = id(subject, json(JSON_BA), true);
        // the stored text is the normalised one: a reordered lookup finds it only when normalised too
        client().body(json(JSON_AB)).post("/subjects/{s}", subject).then().statusCode(404)
                .body("error_code", equalTo(40403));
        client().body(json(JSON_AB)).queryParam("normalize", true).post("/subjects/{s}", subject).then()
                .statusCode(200).body("id", equalTo(registered));
        client().body(json(JSON_AB)).queryParam("normalize", true)
                .post("/compatibility/subjects/{s}/versions/latest", subject).then().statusCode(200)
                .body("is_compatible", equalTo(true));

        // config normalize=true applies to register and lookup without the parameter
        String configured = subject("configured");
        client().body("{\"normalize\":true}").put("/config/{s}", configured).then().statusCode(200);
        int first = id(configured, avro(AVRO_XY), false);
        assertEquals(first, id(configured, avro(AVRO_YX), false));
        client().body(avro(AVRO_YX)).post("/subjects/{s}", configured).then().statusCode(200)
                .body("id", equalTo(first)).body("version", equalTo(1));
    }
}
