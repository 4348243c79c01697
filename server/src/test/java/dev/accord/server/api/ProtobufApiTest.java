package dev.accord.server.api;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Protobuf through every Confluent endpoint, the format renderings and the diff endpoints. */
@QuarkusTest
class ProtobufApiTest extends ApiTest {

    static final String ORDER_V1 = """
            syntax = "proto3";
            package acme.orders;

            // An order.
            message Order {
              string id = 1;
              int32 quantity = 2;
            }
            """;
    static final String ORDER_V2 = """
            syntax = "proto3";
            package acme.orders;

            message Order {
              string id = 1;
              int32 quantity = 2;
              string note = 3;
            }
            """;
    static final String ORDER_BROKEN = """
            syntax = "proto3";
            package acme.orders;

            message Order {
              string id = 1;
              string quantity = 2;
            }
            """;
    static final String MONEY = "syntax = \"proto3\";\npackage acme.common;\nmessage Money {\n  int64 units = 1;\n"
            + "  string currency = 2;\n}\n";
    static final String INVOICE = """
            syntax = "proto3";
            package acme.billing;
            import "acme/common/money.proto";
            import "google/protobuf/timestamp.proto";
            message Invoice {
              acme.common.Money total = 1;
              google.protobuf.Timestamp issued_at = 2;
            }
            """;

    static String proto(String schema) {
        return body(Map.of("schemaType", "PROTOBUF", "schema", schema));
    }

    static String proto(String schema, String referenceName, String subject, int version) {
        return body(Map.of("schemaType", "PROTOBUF", "schema", schema, "references",
                List.of(Map.of("name", referenceName, "subject", subject, "version", version))));
    }

    @Test
    void registersFetchesAndLooksUpProtobufText() {
        String subject = subject("proto");
        int id = register(subject, proto(ORDER_V1)).statusCode(200).body("schemaType", equalTo("PROTOBUF"))
                .body("version", equalTo(1)).extract().path("id");
        client().get("/schemas/ids/{id}", id).then().statusCode(200).body("schemaType", equalTo("PROTOBUF"))
                .body("schema", containsString("message Order {")).body("schema", containsString("// An order."));
        client().get("/subjects/{s}/versions/1", subject).then().statusCode(200).body("id", equalTo(id))
                .body("schemaType", equalTo("PROTOBUF"));
        client().get("/schemas/types").then().statusCode(200).body("", hasItems("AVRO", "JSON", "PROTOBUF"));
        // whitespace and comments are the same content
        String reformatted = ORDER_V1.replace("// An order.", "/* An order, said differently */")
                .replace("\n", "\n\n").replace("  ", "    ");
        assertEquals(id, (int) register(subject, proto(reformatted)).statusCode(200).extract().path("id"));
        assertEquals(List.of(1), versions(subject));
        client().body(proto(reformatted)).post("/subjects/{s}", subject).then().statusCode(200)
                .body("version", equalTo(1)).body("id", equalTo(id));
        client().body(proto(ORDER_V2)).post("/subjects/{s}", subject).then().statusCode(404)
                .body("error_code", equalTo(40403));
        // the same schema under another subject keeps its id
        assertEquals(id, (int) register(subject("other"), proto(ORDER_V1)).statusCode(200).extract().path("id"));
    }

    @Test
    void theSerializedFormIsAcceptedAndServed() throws Exception {
        String subject = subject("serialized");
        int id = register(subject, proto(ORDER_V1)).statusCode(200).extract().path("id");
        String serialized = client().queryParam("format", "serialized").get("/schemas/ids/{id}", id).then()
                .statusCode(200).extract().path("schema");
        FileDescriptorProto descriptor = FileDescriptorProto.parseFrom(Base64.getDecoder().decode(serialized));
        assertEquals("acme.orders", descriptor.getPackage());
        assertEquals("Order", descriptor.getMessageType(0).getName());
        client().queryParam("format", "serialized").get("/subjects/{s}/versions/1", subject).then().statusCode(200)
                .body("schema", equalTo(serialized));
        // what the Confluent JavaScript client posts on auto-registration: the same schema, a valid registration
        String other = subject("serialized-in");
        int fromSerialized = register(other, proto(serialized)).statusCode(200).extract().path("id");
        client().get("/schemas/ids/{id}", fromSerialized).then().statusCode(200)
                .body("schema", containsString("message Order {"));
        client().body(body(Map.of("schemaType", "PROTOBUF", "schema", serialized))).queryParam("normalize", "true")
                .post("/subjects/{s}", other).then().statusCode(200).body("version", equalTo(1));
        // an unknown format is ignored, as Confluent does; another format's rendering too
        client().queryParam("format", "resolved").get("/schemas/ids/{id}", id).then().statusCode(200)
                .body("schema", containsString("message Order {"));
    }

    @Test
    void ignoreExtensionsLeavesOutExtensionsAndCustomOptions() {
        String subject = subject("extensions");
        String text = """
                syntax = "proto2";
                package acme;
                import "google/protobuf/descriptor.proto";
                extend google.protobuf.FieldOptions { optional string pii = 50001; }
                message Person { optional string email = 1 [(pii) = "yes"]; }
                """;
        int id = register(subject, proto(text)).statusCode(200).extract().path("id");
        client().queryParam("format", "ignore_extensions").get("/schemas/ids/{id}", id).then().statusCode(200)
                .body("schema", not(containsString("extend"))).body("schema", not(containsString("(pii)")))
                .body("schema", containsString("optional string email = 1;"));
        client().get("/schemas/ids/{id}/schema", id).then().statusCode(200).body(containsString("(pii) = \"yes\""));
    }

    @Test
    void importsResolveThroughReferencesAndReferencedByListsTheImporter() {
        String money = subject("money");
        int moneyId = register(money, proto(MONEY)).statusCode(200).extract().path("id");
        String invoice = subject("invoice");
        int invoiceId = register(invoice, proto(INVOICE, "acme/common/money.proto", money, 1)).statusCode(200)
                .extract().path("id");
        client().get("/schemas/ids/{id}", invoiceId).then().statusCode(200)
                .body("references[0].name", equalTo("acme/common/money.proto"))
                .body("references[0].subject", equalTo(money));
        client().get("/subjects/{s}/versions/1/referencedby", money).then().statusCode(200)
                .body("", hasItem(invoiceId));
        client().delete("/subjects/{s}/versions/1", money).then().statusCode(422).body("error_code", equalTo(42206));
        // the import of the import is served by name when a client asks for it
        String serializedMoney = client().queryParam("format", "serialized")
                .get("/schemas/ids/{id}", moneyId).then().statusCode(200).extract().path("schema");
        assertTrue(!serializedMoney.isBlank());
        // without the reference the import is unresolved: 42201 naming it
        register(subject("invoice"), proto(INVOICE)).statusCode(422).body("error_code", equalTo(42201))
                .body("message", containsString("acme/common/money.proto"));
    }

    @Test
    void anIncompatibleChangeIs409AndVerboseChecksNameTheRule() {
        String subject = subject("compat");
        register(subject, proto(ORDER_V1)).statusCode(200);
        register(subject, proto(ORDER_V2)).statusCode(200).body("version", equalTo(2));
        register(subject, proto(ORDER_BROKEN)).statusCode(409).body("error_code", equalTo(40901))
                .body("message", containsString("FIELD_SCALAR_KIND_CHANGED"));
        client().body(proto(ORDER_BROKEN)).queryParam("verbose", "true")
                .post("/compatibility/subjects/{s}/versions/latest", subject).then().statusCode(200)
                .body("is_compatible", equalTo(false))
                .body("messages[0]", containsString("{errorType:'FIELD_SCALAR_KIND_CHANGED'"))
                .body("messages[0]", containsString("/Order/fields/2"));
        client().body(proto(ORDER_V2)).post("/compatibility/subjects/{s}/versions", subject).then()
                .statusCode(200).body("is_compatible", equalTo(true));
        // renaming a field is compatible: the wire carries numbers
        String renamed = ORDER_V2.replace("quantity", "count");
        setCompatibility(subject, "FULL_TRANSITIVE");
        client().body(proto(renamed)).post("/compatibility/subjects/{s}/versions", subject).then()
                .statusCode(200).body("is_compatible", equalTo(true));
    }

    @Test
    void normalizeGivesTheSameIdToTheSameSchemaWrittenDifferently() {
        String a = "syntax = \"proto3\";\npackage acme;\nimport \"google/protobuf/wrappers.proto\";\n"
                + "import \"google/protobuf/timestamp.proto\";\nmessage M {\n  google.protobuf.Timestamp t = 2;\n"
                + "  string id = 1;\n}\n";
        String b = "syntax = \"proto3\";\npackage acme;\nimport \"google/protobuf/timestamp.proto\";\n"
                + "import \"google/protobuf/wrappers.proto\";\nmessage M {\n  string id = 1;\n"
                + "  .google.protobuf.Timestamp t = 2;\n}\n";
        String subject = subject("normalize");
        int plainA = register(subject, proto(a)).statusCode(200).extract().path("id");
        int plainB = register(subject("normalize"), proto(b)).statusCode(200).extract().path("id");
        assertNotEquals(plainA, plainB);
        String normalized = subject("normalized");
        int normalA = client().body(proto(a)).queryParam("normalize", "true").post("/subjects/{s}/versions", normalized)
                .then().statusCode(200).extract().path("id");
        int normalB = client().body(proto(b)).queryParam("normalize", "true").post("/subjects/{s}/versions", normalized)
                .then().statusCode(200).body("version", equalTo(1)).extract().path("id");
        assertEquals(normalA, normalB);
        // the subject's config can ask for it too
        String configured = subject("configured");
        client().body("{\"normalize\": true}").put("/config/{s}", configured).then().statusCode(200);
        assertEquals(normalA, (int) register(configured, proto(b)).statusCode(200).extract().path("id"));
    }

    @Test
    void hostileProtobufIs42201NeverA500() {
        String subject = subject("hostile");
        StringBuilder deep = new StringBuilder("syntax = \"proto3\";\n");
        for (int i = 0; i < 10_000; i++) {
            deep.append("message M").append(i).append(" {");
        }
        deep.append("}".repeat(10_000));
        for (String text : List.of("syntax = \"proto3\";\nmessage A {\n  string x = 1;\n", deep.toString(),
                "syntax = \"proto3\"; import \"nowhere.proto\"; message A {}", "syntax = \"proto3\"; message A { B b = 1; }",
                "edition = \"2023\";", "%%%", "AAAAAAAA")) {
            register(subject, proto(text)).statusCode(422).body("error_code", equalTo(42201));
        }
        register(subject, proto("syntax = \"proto3\";\nmessage A {\n  string x = 1\n}\n")).statusCode(422)
                .body("message", containsString("line 4, column 1"));
        assertEquals(404, client().get("/subjects/{s}/versions", subject).then().extract().statusCode());
    }

    @Test
    void theDiffApiComparesProtobufAndLocatesChanges() {
        JsonPath diff = client().body(body(Map.of("schemaType", "PROTOBUF", "old", ORDER_V1, "new", ORDER_BROKEN)))
                .post("/v1/diff").then().statusCode(200).extract().jsonPath();
        assertEquals("PROTOBUF", diff.getString("schemaType"));
        assertEquals(false, diff.getBoolean("compatible.BACKWARD"));
        assertEquals(false, diff.getBoolean("compatible.FORWARD"));
        Map<String, Object> change = diff.getList("changes", Map.class).stream()
                .filter(c -> "FIELD_SCALAR_KIND_CHANGED".equals(c.get("ruleId"))).findFirst().orElseThrow();
        assertEquals("/Order/fields/2", change.get("oldPath"));
        assertEquals("/Order/fields/2", change.get("newPath"));
        assertTrue(((String) change.get("fixHint")).contains("group"));
        // the field's line and column in each text as sent, for the UI to mark
        assertEquals(Map.of("line", 7, "column", 3, "exact", true), change.get("oldLocation"));
        assertEquals(Map.of("line", 6, "column", 3, "exact", true), change.get("newLocation"));

        String subject = subject("subject-diff");
        register(subject, proto(ORDER_V1)).statusCode(200);
        register(subject, proto(ORDER_V2)).statusCode(200);
        JsonPath subjectDiff = client().get("/v1/subjects/{s}/diff", subject).then().statusCode(200)
                .body("schemaType", equalTo("PROTOBUF")).body("changes.ruleId", hasItem("FIELD_ADDED"))
                .extract().jsonPath();
        // located in the stored text, the one GET /subjects/{s}/versions/2 answers
        String stored = client().get("/subjects/{s}/versions/2", subject).then().extract().path("schema");
        Map<String, Object> added = subjectDiff.getList("changes", Map.class).stream()
                .filter(c -> "FIELD_ADDED".equals(c.get("ruleId"))).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        int line = (Integer) ((Map<String, Object>) added.get("newLocation")).get("line");
        assertTrue(stored.split("\n")[line - 1].contains("string note = 3;"), stored);
        assertEquals(null, added.get("oldLocation"));
    }

    @Test
    void theFormatsAndTheRuleCatalogueListProtobuf() {
        client().get("/v1/formats").then().statusCode(200)
                .body("find { it.schemaType == 'PROTOBUF' }.fileExtensions", hasItem(".proto"))
                .body("find { it.schemaType == 'PROTOBUF' }.highlight", equalTo("protobuf"))
                .body("find { it.schemaType == 'PROTOBUF' }.renderings", hasItems("serialized", "ignore_extensions"))
                .body("find { it.schemaType == 'AVRO' }.renderings", hasItem("resolved"));
        client().get("/v1/rules").then().statusCode(200)
                .body("findAll { it.format == 'PROTOBUF' }.id", hasItems("FIELD_KIND_CHANGED", "MESSAGE_REMOVED"))
                .body("find { it.format == 'PROTOBUF' && it.id == 'FIELD_ADDED' }.category", equalTo("FIELD"))
                .body("find { it.format == 'AVRO' && it.id == 'FIELD_ADDED' }.kind", equalTo("compatibility"));
    }
}
