package dev.accord.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Confluent's data contracts as a client sees them: what metadata and rule set a version is stored with when the
 * subject's config has defaults and overrides, {@code compatibilityGroup}, and the rule checks at registration.
 */
@QuarkusTest
class DataContractTest extends ApiTest {

    private static Map<String, Object> rule(String name, String type) {
        return Map.of("name", name, "kind", "CONDITION", "type", type, "expr", "true");
    }

    private static Map<String, Object> domainRules(Map<?, ?>... rules) {
        return Map.of("domainRules", List.of(rules));
    }

    private static void config(String subject, Map<String, ?> fields) {
        client().body(body(fields)).put("/config/{s}", subject).then().statusCode(200);
    }

    private static JsonPath version(String subject, int version) {
        return client().get("/subjects/{s}/versions/{v}", subject, version).then().statusCode(200).extract().jsonPath();
    }

    private static List<String> ruleNames(JsonPath version) {
        return version.getList("ruleSet.domainRules.name", String.class);
    }

    @Test
    void aDefaultFillsWhatTheRequestLeavesOutAndTheRequestWinsOnTheSameKey() {
        String subject = subject("default");
        config(subject, Map.of("defaultMetadata", Map.of("properties", Map.of("owner", "platform", "tier", "2")),
                "defaultRuleSet", domainRules(rule("fromDefault", "CEL"), rule("shared", "CEL"))));
        register(subject, body(Map.of("schema", record("D", "a:int"),
                "metadata", Map.of("properties", Map.of("tier", "1")),
                "ruleSet", domainRules(rule("shared", "CEL_FIELD"), rule("own", "CEL"))))).statusCode(200);
        JsonPath stored = version(subject, 1);
        assertEquals("platform", stored.getString("metadata.properties.owner"));
        assertEquals("1", stored.getString("metadata.properties.tier"));
        // the default's rules the request does not replace first, then the request's (Confluent's order)
        assertEquals(List.of("fromDefault", "shared", "own"), ruleNames(stored));
        assertEquals("CEL_FIELD", stored.getString("ruleSet.domainRules[1].type"));
    }

    @Test
    void aDefaultRuleSetIsAppliedToAVersionRegisteredWithoutOne() {
        String subject = subject("default-only");
        config(subject, Map.of("defaultRuleSet", domainRules(rule("checkId", "CEL"))));
        register(subject, body(record("D", "a:int"))).statusCode(200);
        assertEquals(List.of("checkId"), ruleNames(version(subject, 1)));
    }

    @Test
    void anOverrideWinsOverTheRequest() {
        String subject = subject("override");
        config(subject, Map.of("overrideMetadata", Map.of("properties", Map.of("owner", "platform")),
                "overrideRuleSet", domainRules(rule("mandatory", "CEL"))));
        register(subject, body(Map.of("schema", record("O", "a:int"),
                "metadata", Map.of("properties", Map.of("owner", "team-a", "topic", "orders")),
                "ruleSet", domainRules(rule("mandatory", "JSONATA"), rule("own", "CEL"))))).statusCode(200);
        JsonPath stored = version(subject, 1);
        assertEquals("platform", stored.getString("metadata.properties.owner"));
        assertEquals("orders", stored.getString("metadata.properties.topic"));
        assertEquals(List.of("own", "mandatory"), ruleNames(stored));
        assertEquals("CEL", stored.getString("ruleSet.domainRules[1].type"));
    }

    @Test
    void defaultAndOverrideTogetherAndTheGlobalConfigCounts() {
        String subject = subject("both");
        client().body(body(Map.of("defaultMetadata", Map.of("properties", Map.of("region", "eu", "owner", "x")))))
                .put("/config").then().statusCode(200);
        try {
            config(subject, Map.of("overrideMetadata", Map.of("properties", Map.of("owner", "platform"))));
            register(subject, body(Map.of("schema", record("B", "a:int"),
                    "metadata", Map.of("properties", Map.of("owner", "team-a", "app", "shop"))))).statusCode(200);
            JsonPath stored = version(subject, 1);
            // the subject's config overlays the global one field by field: the global default still applies
            assertEquals("eu", stored.getString("metadata.properties.region"));
            assertEquals("shop", stored.getString("metadata.properties.app"));
            assertEquals("platform", stored.getString("metadata.properties.owner"));
        } finally {
            client().delete("/config").then().statusCode(200);
        }
    }

    @Test
    void aVersionWithoutAContractInheritsThePreviousOnesUnderTheConfig() {
        String subject = subject("inherit");
        register(subject, body(Map.of("schema", record("I", "a:int"),
                "metadata", Map.of("properties", Map.of("owner", "team-a")),
                "ruleSet", domainRules(rule("first", "CEL"))))).statusCode(200);
        config(subject, Map.of("overrideRuleSet", domainRules(rule("added", "CEL"))));
        register(subject, body(record("I", "a:int", "b:int=0"))).statusCode(200);
        JsonPath second = version(subject, 2);
        assertEquals("team-a", second.getString("metadata.properties.owner"));
        assertEquals(List.of("first", "added"), ruleNames(second));
        // the same schema again is the same version, not a third one
        register(subject, body(record("I", "a:int", "b:int=0"))).statusCode(200).body("version", equalTo(2));
    }

    @Test
    void confluentVersionIsKeptInStepOnlyOnceARequestNamesAVersion() {
        String subject = subject("cv");
        register(subject, body(Map.of("schema", record("V", "a:int"),
                "metadata", Map.of("properties", Map.of("owner", "team-a"))))).statusCode(200);
        assertNull(version(subject, 1).get("metadata.properties.'confluent:version'"));
        register(subject, body(Map.of("schema", record("V", "a:int", "b:int=0"), "version", 2))).statusCode(200)
                .body("version", equalTo(2));
        assertEquals("2", version(subject, 2).getString("metadata.properties.'confluent:version'"));
        // inherited from version 2, the property follows the new number
        register(subject, body(record("V", "a:int", "b:int=0", "c:int=0"))).statusCode(200);
        JsonPath third = version(subject, 3);
        assertEquals("3", third.getString("metadata.properties.'confluent:version'"));
        assertEquals("team-a", third.getString("metadata.properties.owner"));
        // sending version 3's schema again finds version 3
        register(subject, body(record("V", "a:int", "b:int=0", "c:int=0"))).statusCode(200)
                .body("version", equalTo(3));
        assertEquals(List.of(1, 2, 3), versions(subject));
    }

    @Test
    void compatibilityGroupChecksOnlyTheVersionsOfTheSameGroup() {
        String subject = subject("group");
        config(subject, Map.of("compatibility", "BACKWARD_TRANSITIVE", "compatibilityGroup", "major_version"));
        // no property at all: its own group (absent equals absent)
        register(subject, body(record("G", "a:int"))).statusCode(200);
        register(subject, body(record("G", "a:int", "x:int=0"))).statusCode(200);
        // group 2: a breaking change (a:int -> a:string) is allowed because it starts a new group
        register(subject, body(Map.of("schema", record("G", "a:string"),
                "metadata", Map.of("properties", Map.of("major_version", "2"))))).statusCode(200);
        // within group 2 compatibility is enforced: a new required field breaks it
        register(subject, body(Map.of("schema", record("G", "a:string", "b:long"),
                "metadata", Map.of("properties", Map.of("major_version", "2"))))).statusCode(409);
        // a version that inherits group 2's metadata is checked against group 2 only
        register(subject, body(record("G", "a:string", "b:long=0"))).statusCode(200).body("version", equalTo(4));
        // group 3: another breaking change
        register(subject, body(Map.of("schema", record("G", "a:boolean"),
                "metadata", Map.of("properties", Map.of("major_version", "3"))))).statusCode(200);
        // back in the unversioned group: checked against versions 1 and 2 only, so a:int must stay
        register(subject, body(Map.of("schema", record("G", "a:long"), "metadata", Map.of("properties",
                Map.of("owner", "x"))))).statusCode(200); // int -> long is a promotion readers of 1, 2 accept
        register(subject, body(Map.of("schema", record("G", "a:string", "x:int=0"), "metadata",
                Map.of("properties", Map.of("owner", "x"))))).statusCode(409);
        // the compatibility endpoint answers the same way
        client().body(body(Map.of("schema", record("G", "a:int"),
                        "metadata", Map.of("properties", Map.of("major_version", "3")))))
                .post("/compatibility/subjects/{s}/versions", subject).then().statusCode(200)
                .body("is_compatible", equalTo(false));
        assertEquals(List.of(1, 2, 3, 4, 5, 6), versions(subject));
    }

    @Test
    void rulesAreCheckedAsConfluentDoes() {
        String subject = subject("rules");
        String schema = record("R", "a:int");
        register(subject, body(Map.of("schema", schema, "ruleSet", domainRules(Map.of("name", "noType")))))
                .statusCode(422).body("error_code", equalTo(42210)).body("message", containsString("'noType' has no type"));
        register(subject, body(Map.of("schema", schema, "ruleSet", Map.of("migrationRules",
                List.of(Map.of("name", "up", "type", "JSONATA", "mode", "WRITE"))))))
                .statusCode(422).body("error_code", equalTo(42210)).body("message", containsString("UPGRADE"));
        register(subject, body(Map.of("schema", schema, "ruleSet", domainRules(
                Map.of("name", "up", "type", "CEL", "mode", "UPGRADE"))))).statusCode(422)
                .body("error_code", equalTo(42210)).body("message", containsString("WRITEREAD"));
        register(subject, body(Map.of("schema", schema, "ruleSet", Map.of("domainRules", List.of(rule("twice", "CEL")),
                "migrationRules", List.of(Map.of("name", "twice", "type", "JSONATA", "mode", "UPGRADE"))))))
                .statusCode(422).body("error_code", equalTo(42210)).body("message", containsString("'twice'"));
        client().get("/subjects/{s}/versions", subject).then().statusCode(404);

        // kind and mode may be left out: stored and answered as TRANSFORM and WRITEREAD (a client skips a rule
        // without a mode); a migration rule's mode is left to the rule
        register(subject, body(Map.of("schema", schema, "ruleSet", Map.of("domainRules",
                List.of(Map.of("name", "plain", "type", "CEL_FIELD", "expr", "true")),
                "migrationRules", List.of(Map.of("name", "move", "type", "JSONATA", "expr", "$")))))).statusCode(200);
        JsonPath stored = version(subject, 1);
        assertEquals("TRANSFORM", stored.getString("ruleSet.domainRules[0].kind"));
        assertEquals("WRITEREAD", stored.getString("ruleSet.domainRules[0].mode"));
        assertEquals("TRANSFORM", stored.getString("ruleSet.migrationRules[0].kind"));
        assertFalse(stored.getMap("ruleSet.migrationRules[0]").containsKey("mode"));

        // validateRules=false lets a rule set the clients cannot run through (structure is still checked)
        String lenient = subject("rules-off");
        config(lenient, Map.of("validateRules", false));
        register(lenient, body(Map.of("schema", schema, "ruleSet", domainRules(Map.of("name", "noType")))))
                .statusCode(200);
        register(lenient, body(Map.of("schema", schema, "ruleSet", domainRules(Map.of("name", "k", "kind", "MAGIC")))))
                .statusCode(422).body("error_code", equalTo(42210));
    }
}
