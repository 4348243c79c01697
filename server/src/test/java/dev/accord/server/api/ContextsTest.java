package dev.accord.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Schema contexts as Confluent clients use them: qualified names {@code :.ctx:subject}, the
 * {@code /contexts/{ctx}/...} path forms, ids unique per context, settings looked up subject, then context, then
 * global, references within a context, and listing and deleting contexts.
 */
@QuarkusTest
class ContextsTest extends ApiTest {

    private static final String ORDER_V1 = record("Order", "id:string");
    private static final String ORDER_BREAKING = record("Order", "id:long");

    private static String context(String hint) {
        return "." + hint + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    private static String qualified(String context, String subject) {
        return ":" + context + ":" + subject;
    }

    private static String schemaOf(int id, String subject) {
        var request = client();
        if (subject != null) {
            request = request.queryParam("subject", subject);
        }
        return request.get("/schemas/ids/{id}", id).then().statusCode(200).extract().path("schema");
    }

    @Test
    void idsAreUniquePerContextSoOneIdNamesDifferentSchemasInTwoContexts() {
        registerOk(subject("default-orders"), record("Warmup", "a:string")); // the default context has id 1 at least
        String context = context("ids");
        String orders = qualified(context, "orders");
        int first = registerOk(orders, ORDER_V1);
        assertEquals(1, first, "a new context counts its ids from 1");
        assertEquals(2, registerOk(qualified(context, "payments"), record("Payment", "amount:long")));

        assertTrue(schemaOf(1, orders).contains("\"Order\""), schemaOf(1, orders));
        assertNotEquals(schemaOf(1, orders), schemaOf(1, null), "without a subject, id 1 is the default context's");
        // the same schema in the default context gets an id of the default context, not the context's
        int inDefault = registerOk(subject("orders"), ORDER_V1);
        assertEquals(inDefault, registerOk(subject("orders-again"), ORDER_V1));
        assertEquals(first, registerOk(qualified(context, "orders-copy"), ORDER_V1));
        client().get("/subjects/{s}/versions/1", orders).then().statusCode(200).body("id", equalTo(1))
                .body("subject", equalTo(orders));
        client().queryParam("subject", orders).get("/schemas/ids/1/versions").then().statusCode(200)
                .body("subject", equalTo(List.of(orders, qualified(context, "orders-copy"))));
        String guid = client().get("/subjects/{s}/versions/1", orders).then().extract().path("guid");
        List<Map<String, Object>> ids = client().get("/schemas/guids/{g}/ids", guid).then().statusCode(200)
                .extract().jsonPath().getList("");
        assertTrue(ids.contains(Map.of("context", ".", "id", inDefault)), ids.toString());
        assertTrue(ids.contains(Map.of("context", context, "id", 1)), ids.toString());
    }

    @Test
    void contextPathFormsAreAliasesOfTheQualifiedNames() {
        String context = context("paths");
        int id = client().body(body(ORDER_V1)).post("/contexts/{c}/subjects/{s}/versions", context, "orders").then()
                .statusCode(200).extract().path("id");
        String orders = qualified(context, "orders");
        assertEquals(List.of(1), versions(orders));
        client().get("/subjects").then().statusCode(200).body("", hasItem(orders));
        client().queryParam("subjectPrefix", ":" + context + ":").get("/subjects").then().statusCode(200)
                .body("", equalTo(List.of(orders)));
        client().get("/contexts/{c}/subjects", context).then().statusCode(200).body("", equalTo(List.of(orders)));
        client().queryParam("subjectPrefix", ":.:").get("/subjects").then().statusCode(200)
                .body("", not(hasItem(orders)));
        client().get("/contexts/{c}/subjects/{s}/versions/latest", context, "orders").then().statusCode(200)
                .body("subject", equalTo(orders)).body("id", equalTo(id));
        assertEquals(schemaOf(id, orders), client().get("/contexts/{c}/schemas/ids/{id}", context, id).then()
                .statusCode(200).extract().path("schema"));
        client().body(body(ORDER_V1)).post("/contexts/{c}/subjects/{s}", context, "orders").then().statusCode(200)
                .body("version", equalTo(1));
        client().body(body(ORDER_BREAKING)).post("/contexts/{c}/compatibility/subjects/{s}/versions/latest",
                context, "orders").then().statusCode(200).body("is_compatible", equalTo(false));
        // ":.ctx:" in the path form works too, and a qualified subject is left as it is
        client().get("/contexts/{c}/subjects/{s}/versions", ":" + context + ":", orders).then().statusCode(200)
                .body("", equalTo(List.of(1)));
    }

    @Test
    void settingsApplySubjectThenContextThenGlobal() {
        String context = context("settings");
        String orders = qualified(context, "orders");
        registerOk(orders, ORDER_V1);
        assertEquals(409, register(orders, body(ORDER_BREAKING)).extract().statusCode(), "global BACKWARD applies");

        client().body("{\"compatibility\":\"NONE\"}").put("/contexts/{c}/config", context).then().statusCode(200);
        client().get("/config/{s}", ":" + context + ":").then().statusCode(200)
                .body("compatibilityLevel", equalTo("NONE"));
        client().queryParam("defaultToGlobal", true).get("/config/{s}", orders).then().statusCode(200)
                .body("compatibilityLevel", equalTo("NONE"));
        register(orders, body(ORDER_BREAKING)).statusCode(200);
        // the default context keeps the global level
        String plain = subject("plain-orders");
        registerOk(plain, ORDER_V1);
        register(plain, body(ORDER_BREAKING)).statusCode(409);
        // a subject's own level comes before its context's
        client().body("{\"compatibility\":\"FULL\"}").put("/contexts/{c}/config/{s}", context, "orders").then()
                .statusCode(200);
        register(orders, body(record("Order", "id:boolean"))).statusCode(409);

        client().body("{\"mode\":\"READONLY\"}").put("/contexts/{c}/mode", context).then().statusCode(200);
        register(qualified(context, "other"), body(ORDER_V1)).statusCode(422).body("error_code", equalTo(42205));
        registerOk(subject("still-writable"), ORDER_V1);
        client().delete("/contexts/{c}/mode", context).then().statusCode(200);
        registerOk(qualified(context, "other"), ORDER_V1);
    }

    @Test
    void unqualifiedReferencesResolveInTheReferringSchemasContext() {
        String context = context("refs");
        String money = "{\"type\":\"record\",\"name\":\"Money\",\"namespace\":\"acme\",\"fields\":["
                + "{\"name\":\"cents\",\"type\":\"long\"}]}";
        // the default context has a subject of the same name whose schema is something else entirely
        String moneySubject = subject("money");
        registerOk(moneySubject, record("Unrelated", "x:string"));
        registerOk(qualified(context, moneySubject), money);
        String order = "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"acme\",\"fields\":["
                + "{\"name\":\"total\",\"type\":\"acme.Money\"}]}";
        String request = body(Map.of("schema", order, "references",
                List.of(Map.of("name", "acme.Money", "subject", moneySubject, "version", 1))));
        int orderId = register(qualified(context, "orders"), request).statusCode(200).extract().path("id");
        // the same request in the default context finds the unrelated schema, so acme.Money is unknown there
        register(subject("orders"), request).statusCode(422).body("error_code", equalTo(42201));

        client().get("/subjects/{s}/versions/1/referencedby", qualified(context, moneySubject)).then().statusCode(200)
                .body("", equalTo(List.of(orderId)));
        client().get("/subjects/{s}/versions/1", qualified(context, "orders")).then().statusCode(200)
                .body("references[0].subject", equalTo(moneySubject));
        client().queryParam("referenceFormat", "qualified").get("/subjects/{s}/versions/1", qualified(context, "orders"))
                .then().statusCode(200).body("references[0].subject", equalTo(qualified(context, moneySubject)));
        // the referenced version is protected in its context
        client().delete("/subjects/{s}/versions/1", qualified(context, moneySubject)).then().statusCode(422)
                .body("error_code", equalTo(42206));
    }

    @Test
    void contextsAreListedAndAnEmptyOneCanBeDeleted() {
        String context = context("listed");
        String orders = qualified(context, "orders");
        registerOk(orders, ORDER_V1);
        List<String> contexts = client().get("/contexts").then().statusCode(200).extract().jsonPath().getList("");
        assertEquals(".", contexts.get(0));
        assertTrue(contexts.contains(context));
        client().queryParam("contextPrefix", context).get("/contexts").then().statusCode(200)
                .body("", equalTo(List.of(context)));

        client().delete("/contexts/{c}", context).then().statusCode(422).body("error_code", equalTo(42211));
        client().delete("/subjects/{s}", orders).then().statusCode(200);
        client().delete("/contexts/{c}", context).then().statusCode(422).body("error_code", equalTo(42211));
        client().queryParam("permanent", true).delete("/subjects/{s}", orders).then().statusCode(200);
        client().delete("/contexts/{c}", context).then().statusCode(204);
        assertFalse(client().get("/contexts").then().extract().jsonPath().getList("").contains(context));
        client().delete("/contexts/{c}", context).then().statusCode(404).body("error_code", equalTo(40401));
        // registering again brings the context back, with ids from 1 again (its old ids are gone with it)
        assertEquals(1, registerOk(orders, ORDER_V1));
    }

    @Test
    void importModeInAContextKeepsIdsTheDefaultContextAlsoUses() {
        String context = context("import");
        int defaultId = registerOk(subject("default"), record("Taken", "a:string"));
        client().body("{\"mode\":\"IMPORT\"}").put("/mode/{s}", ":" + context + ":").then().statusCode(200);
        String linked = qualified(context, "linked");
        Map<String, Object> imported = Map.of("schema", ORDER_V1, "id", defaultId, "version", 3);
        register(linked, body(imported)).statusCode(200).body("id", equalTo(defaultId));
        client().get("/subjects/{s}/versions/3", linked).then().statusCode(200).body("id", equalTo(defaultId));
        assertTrue(schemaOf(defaultId, linked).contains("Order"));
        assertTrue(schemaOf(defaultId, null).contains("Taken"), "the default context keeps its own schema");
        // an id only a context has is still found without a subject (default context first, then the others)
        int high = 2_000_000_000 - (int) (Math.random() * 1000);
        register(qualified(context, "high"), body(Map.of("schema", record("High", "h:int"), "id", high))).statusCode(200);
        assertTrue(schemaOf(high, null).contains("High"));
        client().body("{\"mode\":\"READWRITE\"}").put("/mode/{s}", ":" + context + ":").then().statusCode(200);
        // new ids in the context continue after the highest imported one
        assertEquals(high + 1, registerOk(qualified(context, "next"), record("Next", "n:int")));
    }

    @Test
    void aNameThatOnlyNamesAContextIsNotASubject() {
        register(":.just-a-context:", body(ORDER_V1)).statusCode(422).body("error_code", equalTo(42208));
    }
}
