package dev.accord.maven.schema;

import dev.accord.core.schema.SchemaParsers;
import dev.accord.core.schema.SchemaReference;
import dev.accord.core.schema.SchemaType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaSetTest {

    static final String MONEY = "{\"type\":\"record\",\"name\":\"Money\",\"namespace\":\"com.acme\",\"fields\":["
            + "{\"name\":\"amount\",\"type\":\"long\"},{\"name\":\"currency\",\"type\":\"string\"}]}";
    static final String CUSTOMER = "{\"type\":\"record\",\"name\":\"Customer\",\"namespace\":\"com.acme\",\"fields\":["
            + "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"credit\",\"type\":\"Money\"}]}";
    static final String ORDER = "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"com.acme.sales\",\"fields\":["
            + "{\"name\":\"customer\",\"type\":\"com.acme.Customer\"},"
            + "{\"name\":\"total\",\"type\":\"com.acme.Money\"}]}";

    private static SourceFile avro(String name, String text) {
        return new SourceFile("src/main/avro/" + name, name, SchemaType.AVRO, text);
    }

    private static List<String> paths(SchemaSet set) {
        return set.entries().stream().map(e -> e.file().relative()).toList();
    }

    @Test
    void avroFilesAreOrderedReferencedFirstWithReferencesToTheDefiningFiles() {
        SchemaSet set = SchemaSet.of(List.of(avro("a-order.avsc", ORDER), avro("b-customer.avsc", CUSTOMER),
                avro("c-money.avsc", MONEY)), SubjectNamer.topic(), Map.of()).parse(new SchemaParsers());
        assertEquals(List.of("c-money.avsc", "b-customer.avsc", "a-order.avsc"), paths(set));
        SchemaSet.Entry order = set.bySubject("a-order-value");
        assertEquals(List.of(new SchemaReference("com.acme.Money", "c-money-value", -1),
                        new SchemaReference("com.acme.Customer", "b-customer-value", -1)),
                SchemaSet.references(order, e -> -1));
        SchemaSet.Entry customer = set.bySubject("b-customer-value");
        assertEquals(List.of(new SchemaReference("com.acme.Money", "c-money-value", 7)),
                SchemaSet.references(customer, e -> 7));
        for (SchemaSet.Entry entry : set.entries()) {
            assertTrue(entry.valid(), entry.path() + ": " + entry.error());
        }
        assertTrue(order.parsed().resolved().contains("\"amount\""));
    }

    @Test
    void aNameDefinedInsideTheFileIsNotAReference() {
        String selfContained = "{\"type\":\"record\",\"name\":\"Invoice\",\"namespace\":\"com.acme\",\"fields\":["
                + "{\"name\":\"a\",\"type\":" + MONEY + "},{\"name\":\"b\",\"type\":\"Money\"}]}";
        SchemaSet set = SchemaSet.of(List.of(avro("invoice.avsc", selfContained), avro("money.avsc", MONEY)),
                SubjectNamer.topic(), Map.of()).parse(new SchemaParsers());
        assertTrue(set.bySubject("invoice-value").dependencies().isEmpty());
        assertTrue(set.bySubject("invoice-value").valid(), String.valueOf(set.bySubject("invoice-value").error()));
    }

    @Test
    void aReferenceCycleIsAnErrorOnEveryFileInIt() {
        String a = "{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"b\",\"type\":[\"null\",\"B\"]}]}";
        String b = "{\"type\":\"record\",\"name\":\"B\",\"fields\":[{\"name\":\"a\",\"type\":[\"null\",\"A\"]}]}";
        SchemaSet set = SchemaSet.of(List.of(avro("a.avsc", a), avro("b.avsc", b)), SubjectNamer.topic(), Map.of())
                .parse(new SchemaParsers());
        for (SchemaSet.Entry entry : set.entries()) {
            assertFalse(entry.valid());
            assertTrue(entry.error().contains("Reference cycle"), entry.error());
        }
    }

    @Test
    void anInvalidReferencedFileMakesItsReferrersInvalidAtTheReference() {
        String brokenMoney = "{\"type\":\"record\",\"name\":\"Money\",\"namespace\":\"com.acme\",\"fields\":["
                + "{\"name\":\"amount\",\"type\":\"lng\"}]}";
        SchemaSet set = SchemaSet.of(List.of(avro("customer.avsc", CUSTOMER), avro("money.avsc", brokenMoney)),
                SubjectNamer.topic(), Map.of()).parse(new SchemaParsers());
        SchemaSet.Entry money = set.bySubject("money-value");
        assertFalse(money.valid());
        SchemaSet.Entry customer = set.bySubject("customer-value");
        assertFalse(customer.valid());
        assertTrue(customer.error().contains("money.avsc"), customer.error());
        assertEquals(1, customer.errorLocation().line());
    }

    @Test
    void anUndefinedTypeIsLocatedInTheFile() {
        String text = "{\n  \"type\": \"record\",\n  \"name\": \"X\",\n  \"fields\": [\n"
                + "    {\"name\": \"a\", \"type\": \"Nowhere\"}\n  ]\n}";
        SchemaSet set = SchemaSet.of(List.of(avro("x.avsc", text)), SubjectNamer.topic(), Map.of())
                .parse(new SchemaParsers());
        SchemaSet.Entry x = set.entries().get(0);
        assertFalse(x.valid());
        assertEquals(5, x.errorLocation().line(), x.error());
    }

    @Test
    void twoFilesWithOneSubjectAreAnError() {
        SchemaSet set = SchemaSet.of(List.of(new SourceFile("src/main/avro/a/orders.avsc", "a/orders.avsc",
                        SchemaType.AVRO, MONEY), new SourceFile("src/main/avro/b/orders.avsc", "b/orders.avsc",
                        SchemaType.AVRO, MONEY)),
                SubjectNamer.topic(), Map.of());
        assertNull(set.entries().get(0).error());
        assertTrue(set.entries().get(1).error().contains("also the subject of src/main/avro/a/orders.avsc"));
    }

    @Test
    void subjectsFixedByAnIndexWinOverTheStrategy() {
        SchemaSet set = SchemaSet.of(List.of(new SourceFile("money.avsc", "money.avsc", SchemaType.AVRO, MONEY)),
                SubjectNamer.topic(), Map.of("money.avsc", "finance.money"));
        assertEquals("finance.money", set.entries().get(0).subject());
    }

    @Test
    void jsonRefsToSiblingFilesBecomeReferencesNamedAsWritten() {
        SourceFile address = new SourceFile("src/main/json-schema/common/address.json", "common/address.json",
                SchemaType.JSON, "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}");
        SourceFile customer = new SourceFile("src/main/json-schema/customer.schema.json", "customer.schema.json",
                SchemaType.JSON, "{\"$id\":\"https://acme.com/schemas/customer.schema.json\",\"type\":\"object\","
                + "\"properties\":{\"home\":{\"$ref\":\"common/address.json\"},"
                + "\"work\":{\"$ref\":\"./common/address.json#/properties/city\"},"
                + "\"self\":{\"$ref\":\"#/properties/home\"},"
                + "\"order\":{\"$ref\":\"https://acme.com/schemas/order.json\"}}}");
        SourceFile order = new SourceFile("src/main/json-schema/order.json", "order.json", SchemaType.JSON,
                "{\"$id\":\"https://acme.com/schemas/order.json\",\"type\":\"object\"}");
        SchemaSet set = SchemaSet.of(List.of(customer, address, order), SubjectNamer.topic(), Map.of());
        assertEquals(List.of("common/address.json", "order.json", "customer.schema.json"), paths(set));
        assertEquals(List.of(new SchemaReference("common/address.json", "address-value", -1),
                        new SchemaReference("./common/address.json", "address-value", -1),
                        new SchemaReference("https://acme.com/schemas/order.json", "order-value", -1)),
                SchemaSet.references(set.bySubject("customer-value"), e -> -1));
    }

    @Test
    void avroNamesResolveAgainstTheEnclosingNamespaceThenAsGiven() {
        String plain = "{\"type\":\"record\",\"name\":\"Plain\",\"fields\":[]}";
        String user = "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"com.acme\",\"fields\":["
                + "{\"name\":\"p\",\"type\":\"Plain\"},{\"name\":\"m\",\"type\":\"Money\"}]}";
        SchemaSet set = SchemaSet.of(List.of(avro("user.avsc", user), avro("plain.avsc", plain),
                avro("money.avsc", MONEY)), SubjectNamer.topic(), Map.of()).parse(new SchemaParsers());
        SchemaSet.Entry entry = set.bySubject("user-value");
        assertEquals(2, entry.dependencies().size());
        assertTrue(entry.valid(), String.valueOf(entry.error()));
    }

    private static SourceFile proto(String relative, String text) {
        return new SourceFile("src/main/proto/" + relative, relative, SchemaType.PROTOBUF, text);
    }

    @Test
    void protobufImportsResolveFromTheSourceFolderAndWellKnownFilesAreBuiltIn() {
        String money = "syntax = \"proto3\";\npackage acme.common;\nmessage Money { int64 units = 1; }\n";
        String order = "syntax = \"proto3\";\npackage acme.sales;\nimport \"acme/common/money.proto\";\n"
                + "import \"google/protobuf/timestamp.proto\";\n"
                + "message Order { acme.common.Money total = 1; google.protobuf.Timestamp at = 2; }\n";
        SchemaSet set = SchemaSet.of(List.of(proto("acme/sales/order.proto", order),
                proto("acme/common/money.proto", money)), SubjectNamer.topic(), Map.of()).parse(new SchemaParsers());
        assertEquals(List.of("acme/common/money.proto", "acme/sales/order.proto"), paths(set));
        SchemaSet.Entry entry = set.bySubject("order-value");
        assertTrue(entry.valid(), entry.error());
        assertEquals(List.of(new SchemaReference("acme/common/money.proto", "money-value", 3)),
                SchemaSet.references(entry, e -> 3));
    }

    @Test
    void anUnresolvedProtobufImportIsAnErrorAtTheImport() {
        String order = "syntax = \"proto3\";\npackage acme;\n\nimport \"acme/missing.proto\";\nmessage Order {}\n";
        SchemaSet set = SchemaSet.of(List.of(proto("order.proto", order)), SubjectNamer.topic(), Map.of())
                .parse(new SchemaParsers());
        SchemaSet.Entry entry = set.bySubject("order-value");
        assertFalse(entry.valid());
        assertTrue(entry.error().contains("acme/missing.proto"), entry.error());
        assertEquals(4, entry.errorLocation().line());
    }
}
