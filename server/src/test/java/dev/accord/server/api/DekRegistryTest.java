package dev.accord.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The DEK registry over REST: Confluent's shapes, the key lifecycle and its error codes. */
@QuarkusTest
class DekRegistryTest extends ApiTest {

    private static final String KEKS = "/dek-registry/v1/keks";
    private static final String MATERIAL = "c29tZSBlbmNyeXB0ZWQga2V5IGJ5dGVz";

    private static Map<String, Object> kek(String name) {
        return Map.of("name", name, "kmsType", "local-kms", "kmsKeyId", "key-1", "kmsProps", Map.of("region", "eu"),
                "shared", false);
    }

    @Test
    void aKekIsCreatedOnceAndAnsweredInConfluentsShape() {
        String name = subject("kek");
        client().body(body(kek(name))).post(KEKS).then().statusCode(200)
                .body("name", equalTo(name)).body("kmsType", equalTo("local-kms")).body("kmsKeyId", equalTo("key-1"))
                .body("kmsProps.region", equalTo("eu")).body("shared", equalTo(false)).body("deleted", equalTo(false));
        // the same KEK again is answered, another one under the name is 40970
        client().body(body(kek(name))).post(KEKS).then().statusCode(200).body("name", equalTo(name));
        client().body(body(Map.of("name", name, "kmsType", "aws-kms", "kmsKeyId", "arn"))).post(KEKS).then()
                .statusCode(409).body("error_code", equalTo(40970));
        client().body(body(Map.of("name", name + "-x", "kmsType", "local-kms"))).post(KEKS).then()
                .statusCode(422).body("error_code", equalTo(42270)).body("message", containsString("kmsKeyId"));
        client().get(KEKS + "/{n}", name + "-missing").then().statusCode(404).body("error_code", equalTo(40470));
        client().get(KEKS).then().statusCode(200).body("$", hasItem(name));
        client().body("{\"doc\":\"orders team\",\"shared\":true}").put(KEKS + "/{n}", name).then().statusCode(200)
                .body("doc", equalTo("orders team")).body("shared", equalTo(true)).body("kmsKeyId", equalTo("key-1"));
    }

    @Test
    void deksAreVersionedPerSubjectAndAlgorithmAndKeptOnlyEncrypted() {
        String kek = subject("kek");
        String subject = subject("orders") + "-value";
        client().body(body(kek(kek))).post(KEKS).then().statusCode(200);
        String deks = KEKS + "/" + kek + "/deks/" + subject;
        client().body(body(Map.of("subject", subject, "version", 1, "algorithm", "AES256_GCM",
                "encryptedKeyMaterial", MATERIAL))).post(deks).then().statusCode(200)
                .body("kekName", equalTo(kek)).body("subject", equalTo(subject)).body("version", equalTo(1))
                .body("algorithm", equalTo("AES256_GCM")).body("encryptedKeyMaterial", equalTo(MATERIAL))
                .body("$", not(org.hamcrest.Matchers.hasKey("keyMaterial")));
        // idempotent; another key under the same version is 40970
        client().body(body(Map.of("encryptedKeyMaterial", MATERIAL))).post(deks).then().statusCode(200);
        client().body(body(Map.of("encryptedKeyMaterial", "b3RoZXI="))).post(deks).then().statusCode(409)
                .body("error_code", equalTo(40970));
        client().body(body(Map.of("version", 2, "encryptedKeyMaterial", "djI="))).post(deks).then().statusCode(200);
        client().body(body(Map.of("algorithm", "AES256_SIV", "encryptedKeyMaterial", "c2l2"))).post(deks).then()
                .statusCode(200).body("version", equalTo(1));
        // Accord calls no KMS: it cannot make a DEK itself
        client().body(body(Map.of("version", 3))).post(deks).then().statusCode(403).body("error_code", equalTo(40370));
        client().body(body(Map.of("algorithm", "ROT13", "encryptedKeyMaterial", MATERIAL))).post(deks).then()
                .statusCode(422).body("error_code", equalTo(42270));
        client().body(body(Map.of("encryptedKeyMaterial", "not base64!"))).post(deks + "x").then().statusCode(422)
                .body("error_code", equalTo(42270));

        client().get(deks).then().statusCode(200).body("version", equalTo(2)).body("encryptedKeyMaterial", equalTo("djI="));
        client().get(deks + "/versions/-1").then().statusCode(200).body("version", equalTo(2));
        client().queryParam("algorithm", "AES256_SIV").get(deks + "/versions/1").then().statusCode(200)
                .body("encryptedKeyMaterial", equalTo("c2l2"));
        assertEquals(List.of(1, 2), client().get(deks + "/versions").then().statusCode(200).extract().jsonPath()
                .getList("", Integer.class));
        client().get(KEKS + "/" + kek + "/deks").then().statusCode(200).body("$", equalTo(List.of(subject)));
        client().get(deks + "/versions/7").then().statusCode(404).body("error_code", equalTo(40470));
        // the older create form, subject in the body
        client().body(body(Map.of("subject", subject + "-old", "encryptedKeyMaterial", MATERIAL)))
                .post(KEKS + "/" + kek + "/deks").then().statusCode(200).body("subject", equalTo(subject + "-old"));
    }

    @Test
    void deletesGoSoftThenPermanentAndAKekInUseStays() {
        String kek = subject("kek");
        String subject = subject("pay") + "-value";
        client().body(body(kek(kek))).post(KEKS).then().statusCode(200);
        String deks = KEKS + "/" + kek + "/deks/" + subject;
        client().body(body(Map.of("encryptedKeyMaterial", MATERIAL))).post(deks).then().statusCode(200);

        client().delete(KEKS + "/{n}", kek).then().statusCode(422).body("error_code", equalTo(42271));
        client().delete(deks + "?permanent=true").then().statusCode(404).body("error_code", equalTo(40471));
        client().delete(deks + "/versions/1").then().statusCode(204);
        client().get(deks + "/versions/1").then().statusCode(404).body("error_code", equalTo(40470));
        client().queryParam("deleted", true).get(deks + "/versions/1").then().statusCode(200)
                .body("deleted", equalTo(true));
        client().post(deks + "/versions/1/undelete").then().statusCode(204);
        client().get(deks + "/versions/1").then().statusCode(200).body("deleted", equalTo(false));

        client().delete(deks).then().statusCode(204);
        client().delete(KEKS + "/{n}", kek).then().statusCode(204);
        client().get(KEKS + "/{n}", kek).then().statusCode(404).body("error_code", equalTo(40470));
        client().queryParam("deleted", true).get(KEKS + "/{n}", kek).then().statusCode(200).body("deleted", equalTo(true));
        // a soft-deleted KEK takes no new DEK, and keeps its soft-deleted ones until they go for good
        client().body(body(Map.of("version", 2, "encryptedKeyMaterial", MATERIAL))).post(deks).then().statusCode(404)
                .body("error_code", equalTo(40472));
        client().delete(KEKS + "/{n}?permanent=true", kek).then().statusCode(422).body("error_code", equalTo(42271));
        client().delete(deks + "?permanent=true").then().statusCode(204);
        client().delete(KEKS + "/{n}?permanent=true", kek).then().statusCode(204);
        client().queryParam("deleted", true).get(KEKS + "/{n}", kek).then().statusCode(404);

        // every step is in the event log with its actor
        List<Object> types = new java.util.ArrayList<>();
        long after = 0;
        while (true) {
            List<Map<String, Object>> page = client().queryParam("after", after).queryParam("limit", 1000)
                    .get("/v1/events").then().statusCode(200).extract().jsonPath().getList("");
            page.stream().filter(e -> subject.equals(e.get("subject"))).forEach(e -> types.add(e.get("type")));
            if (page.size() < 1000) {
                break;
            }
            after = ((Number) page.get(page.size() - 1).get("seq")).longValue();
        }
        assertEquals(List.of("DEK_REGISTERED", "DEK_SOFT_DELETED", "DEK_UNDELETED", "DEK_SOFT_DELETED", "DEK_DELETED"),
                types);
    }
}
