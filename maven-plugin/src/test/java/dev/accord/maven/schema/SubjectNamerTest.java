package dev.accord.maven.schema;

import dev.accord.core.schema.SchemaType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubjectNamerTest {

    private static final String ORDER = "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"com.acme.sales\","
            + "\"fields\":[]}";
    private static final String CUSTOMER_JSON = "{\"$id\":\"https://acme.com/customer.json\",\"title\":\"Customer\","
            + "\"type\":\"object\"}";

    private static String subject(SubjectNamer namer, SourceFile file) {
        return namer.subjectOf(file, file.format().inspect(file.text()));
    }

    private static SourceFile avro(String path, String relative) {
        return new SourceFile(path, relative, SchemaType.AVRO, ORDER);
    }

    @Test
    void topicStrategyAppendsValueUnlessTheFileSaysKeyOrValue() {
        SubjectNamer topic = SubjectNamer.topic();
        assertEquals("orders-value", subject(topic, avro("src/main/avro/orders.avsc", "orders.avsc")));
        assertEquals("orders-key", subject(topic, avro("src/main/avro/orders-key.avsc", "orders-key.avsc")));
        assertEquals("orders-value", subject(topic, avro("src/main/avro/orders-value.avsc", "orders-value.avsc")));
        assertEquals("customer-value", subject(topic, new SourceFile("src/main/json-schema/customer.schema.json",
                "customer.schema.json", SchemaType.JSON, CUSTOMER_JSON)));
        SubjectNamer keys = new SubjectNamer("topic", null, "key", Map.of());
        assertEquals("orders-key", subject(keys, avro("a/orders.avsc", "orders.avsc")));
    }

    @Test
    void recordStrategyUsesTheAvroFullNameOrTheJsonIdOrTitle() {
        SubjectNamer record = new SubjectNamer("record", null, null, Map.of());
        assertEquals("com.acme.sales.Order", subject(record, avro("x/orders.avsc", "orders.avsc")));
        assertEquals("https://acme.com/customer.json", subject(record, new SourceFile("c.json", "c.json",
                SchemaType.JSON, CUSTOMER_JSON)));
        assertEquals("Customer", subject(record, new SourceFile("c.json", "c.json", SchemaType.JSON,
                "{\"title\":\"Customer\"}")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> subject(record,
                new SourceFile("p.avsc", "p.avsc", SchemaType.AVRO, "\"string\"")));
        assertTrue(e.getMessage().contains("named top-level type"));
    }

    @Test
    void patternStrategyExpandsPlaceholders() {
        SubjectNamer pattern = new SubjectNamer("pattern", "{dir}.{file}.{namespace}.{name}", null, Map.of());
        assertEquals("sales.orders.com.acme.sales.Order", subject(pattern, avro("src/main/avro/sales/orders.avsc",
                "sales/orders.avsc")));
        assertEquals("com.acme.sales.Order-value", subject(new SubjectNamer("pattern", "{record}-value", null,
                Map.of()), avro("o.avsc", "o.avsc")));
        assertThrows(IllegalArgumentException.class, () -> new SubjectNamer("pattern", null, null, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new SubjectNamer("bogus", null, null, Map.of()));
    }

    @Test
    void explicitMappingWinsAndMatchesProjectOrFolderRelativePaths() {
        SubjectNamer namer = new SubjectNamer("topic", null, null, Map.of("src/main/avro/orders.avsc", "sales-orders"));
        assertEquals("sales-orders", subject(namer, avro("src/main/avro/orders.avsc", "orders.avsc")));
        // the same file in a baseline folder, where its path is relative to the folder
        assertEquals("sales-orders", subject(namer, avro("orders.avsc", "orders.avsc")));
        assertEquals("other-value", subject(namer, avro("src/main/avro/other.avsc", "other.avsc")));
    }

    @Test
    void protobufFilesAreNamedByFileOrByTheirFirstMessage() {
        String proto = "syntax = \"proto3\";\npackage acme.sales;\nenum Kind { A = 0; }\nmessage Order { string id = 1; }\n"
                + "message Line { int32 n = 1; }\n";
        SourceFile file = new SourceFile("src/main/proto/sales/orders.proto", "sales/orders.proto",
                SchemaType.PROTOBUF, proto);
        assertEquals("orders-value", subject(SubjectNamer.topic(), file));
        assertEquals("acme.sales.Order", subject(new SubjectNamer("record", null, null, Map.of()), file));
        assertEquals("sales/acme.sales/Order", subject(new SubjectNamer("pattern", "{dir}/{namespace}/{name}", null,
                Map.of()), file));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> subject(
                new SubjectNamer("record", null, null, Map.of()), new SourceFile("e.proto", "e.proto",
                        SchemaType.PROTOBUF, "syntax = \"proto3\"; enum E { A = 0; }")));
        assertTrue(e.getMessage().contains("needs a message"), e.getMessage());
    }
}
