package dev.accord.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class CompatibilityEndpointTest extends ApiTest {

    @Test
    void versionEndpointChecksOnlyThatVersionAndCollectionChecksAllLikeRegistration() {
        String subject = subject("transitive");
        setCompatibility(subject, "NONE");
        registerOk(subject, record("T", "a:int"));                 // v1
        registerOk(subject, record("T", "a:int", "b:string=\"\"")); // v2
        setCompatibility(subject, "BACKWARD_TRANSITIVE");
        // reads v2 data, but not v1 data (b has no default now and v1 lacks it) -> only version 1 is incompatible
        String candidate = body(record("T", "a:int", "b:string"));

        client().body(candidate).post("/compatibility/subjects/{s}/versions/2", subject).then().statusCode(200)
                .body("is_compatible", equalTo(true)).body("messages", nullValue());
        client().body(candidate).post("/compatibility/subjects/{s}/versions/latest", subject).then()
                .statusCode(200).body("is_compatible", equalTo(true));
        client().body(candidate).post("/compatibility/subjects/{s}/versions/1", subject).then().statusCode(200)
                .body("is_compatible", equalTo(false));
        client().body(candidate).queryParam("verbose", "true").post("/compatibility/subjects/{s}/versions", subject)
                .then().statusCode(200).body("is_compatible", equalTo(false))
                .body("messages[0]", containsString("READER_FIELD_MISSING_DEFAULT_VALUE"))
                .body("messages", hasItem("{oldSchemaVersion: 1}"))
                .body("messages", hasItem("{validateFields: 'false', compatibility: 'BACKWARD_TRANSITIVE'}"));
        register(subject, candidate).statusCode(409);
    }

    @Test
    void missingSubjectIsCompatibleForLatestAndAllButNotForANumberedVersion() {
        String subject = subject("new");
        String candidate = body(record("N", "a:int"));
        client().body(candidate).post("/compatibility/subjects/{s}/versions/latest", subject).then().statusCode(200)
                .body("is_compatible", equalTo(true));
        client().body(candidate).post("/compatibility/subjects/{s}/versions", subject).then().statusCode(200)
                .body("is_compatible", equalTo(true));
        client().body(candidate).post("/compatibility/subjects/{s}/versions/3", subject).then().statusCode(404)
                .body("error_code", equalTo(40401));
        registerOk(subject, record("N", "a:int"));
        client().body(candidate).post("/compatibility/subjects/{s}/versions/3", subject).then().statusCode(404)
                .body("error_code", equalTo(40402));
        client().body(candidate).post("/compatibility/subjects/{s}/versions/abc", subject).then().statusCode(422)
                .body("error_code", equalTo(42202));
    }

    @Test
    void invalidSchemaIs42201OrAVerboseReason() {
        String subject = subject("invalid");
        registerOk(subject, record("I", "a:int"));
        String broken = body("{\"type\":\"record\",\"name\":\"I\",\"fields\":[{\"name\":\"a\",\"type\":\"nope\"}]}");
        client().body(broken).post("/compatibility/subjects/{s}/versions/latest", subject).then().statusCode(422)
                .body("error_code", equalTo(42201));
        client().body(broken).queryParam("verbose", "true").post("/compatibility/subjects/{s}/versions/latest", subject)
                .then().statusCode(200).body("is_compatible", equalTo(false))
                .body("messages[0]", containsString("nope"));
    }

    @Test
    void forwardAndFullLevels() {
        String subject = subject("fwd");
        setCompatibility(subject, "FORWARD");
        registerOk(subject, record("F", "a:int", "b:int"));
        // removing a field without default breaks FORWARD (old readers need b)
        client().body(body(record("F", "a:int"))).queryParam("verbose", "true")
                .post("/compatibility/subjects/{s}/versions", subject).then()
                .body("is_compatible", equalTo(false)).body("messages[0]", containsString("in the old schema"));
        // adding a field is fine under FORWARD
        client().body(body(record("F", "a:int", "b:int", "c:int"))).post("/compatibility/subjects/{s}/versions",
                subject).then().body("is_compatible", equalTo(true));
        setCompatibility(subject, "FULL");
        client().body(body(record("F", "a:int", "b:int", "c:int"))).post("/compatibility/subjects/{s}/versions",
                subject).then().body("is_compatible", equalTo(false));
        client().body(body(record("F", "a:int", "b:int", "c:int=0"))).post("/compatibility/subjects/{s}/versions",
                subject).then().body("is_compatible", equalTo(true));
    }
}
