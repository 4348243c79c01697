package dev.accord.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accord.server.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * Base of the REST tests: one Quarkus app on a real PostgreSQL for all of them, every response checked
 * against openapi.yaml, and helpers that speak the Confluent wire API as Kafka clients do.
 */
@WithTestResource(PostgresTestResource.class)
public abstract class ApiTest {

    static final String V1 = "application/vnd.schemaregistry.v1+json";
    static final String CLIENT_ACCEPT = "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json,"
            + " application/json";
    static final ObjectMapper JSON = new ObjectMapper();

    static {
        RestAssured.filters(new OpenApiValidationFilter());
    }

    /** A subject name no other test uses. */
    static String subject(String hint) {
        return hint + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static RequestSpecification client() {
        return given().contentType(V1).accept(CLIENT_ACCEPT);
    }

    /** An Avro record schema with the given fields, each "name:type" or "name:type=default". */
    static String record(String name, String... fields) {
        StringBuilder text = new StringBuilder("{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[");
        for (int i = 0; i < fields.length; i++) {
            String[] nameType = fields[i].split(":", 2);
            String type = nameType[1];
            String defaultValue = null;
            int eq = type.indexOf('=');
            if (eq >= 0) {
                defaultValue = type.substring(eq + 1);
                type = type.substring(0, eq);
            }
            String typeJson = type.startsWith("[") || type.startsWith("{") ? type : "\"" + type + "\"";
            text.append(i == 0 ? "" : ",").append("{\"name\":\"").append(nameType[0]).append("\",\"type\":")
                    .append(typeJson);
            if (defaultValue != null) {
                text.append(",\"default\":").append(defaultValue);
            }
            text.append('}');
        }
        return text.append("]}").toString();
    }

    static String body(String schema) {
        return body(Map.of("schema", schema));
    }

    static String body(Map<String, ?> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode request(String schema) {
        ObjectNode node = JSON.createObjectNode();
        node.put("schema", schema);
        return node;
    }

    static ValidatableResponse register(String subject, String body) {
        return client().body(body).post("/subjects/{s}/versions", subject).then();
    }

    /** Registers and returns the global id, failing unless the registry accepts it. */
    static int registerOk(String subject, String schema) {
        return register(subject, body(schema)).statusCode(200).extract().path("id");
    }

    static void setCompatibility(String subject, String level) {
        client().body("{\"compatibility\":\"" + level + "\"}").put("/config/{s}", subject).then().statusCode(200);
    }

    static List<Integer> versions(String subject) {
        return client().get("/subjects/{s}/versions", subject).then().statusCode(200).extract().jsonPath()
                .getList("", Integer.class);
    }
}
