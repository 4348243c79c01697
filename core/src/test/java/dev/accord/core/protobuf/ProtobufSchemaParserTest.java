package dev.accord.core.protobuf;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.accord.core.schema.InvalidSchemaException;
import dev.accord.core.schema.ReferenceResolver;
import dev.accord.core.schema.SchemaReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import static dev.accord.core.protobuf.ProtoTestSchemas.files;
import static dev.accord.core.protobuf.ProtoTestSchemas.normalized;
import static dev.accord.core.protobuf.ProtoTestSchemas.proto;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProtobufSchemaParserTest {

    static FileDescriptorProto parse(byte[] bytes) {
        try {
            return FileDescriptorProto.parseFrom(bytes);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    static final String ORDER = """
            syntax = "proto3";
            package acme.orders;

            import "google/protobuf/timestamp.proto";

            option java_package = "com.acme.orders";

            // An order placed by a customer.
            message Order {
              reserved 10 to 12, 15;
              reserved "legacy";
              // the order id
              string id = 1 [json_name = "orderId", deprecated = true];
              map<string, int64> quantities = 2;
              optional int32 priority = 3;
              oneof payment {
                string card = 4;
                Money cash = 5;
              }
              google.protobuf.Timestamp placed_at = 6;
              Status status = 7;
              repeated Line lines = 8;

              message Line {
                string sku = 1;
                int32 count = 2;
              }
              enum Status {
                STATUS_UNKNOWN = 0;
                PLACED = 1;
                SHIPPED = 2;
              }
            }

            message Money {
              int64 units = 1;
              string currency = 2;
            }

            enum Channel {
              option allow_alias = true;
              CHANNEL_UNKNOWN = 0;
              WEB = 1;
              ONLINE = 1;
            }

            service Orders {
              rpc Place (Order) returns (Order);
              rpc Watch (stream Order) returns (stream Order);
            }
            """;

    @Nested
    class Proto3 {

        @Test
        void parsesAndLinksEveryConstruct() {
            ProtobufSchema schema = proto(ORDER);
            Descriptor order = schema.descriptor().findMessageTypeByName("Order");
            assertEquals("acme.orders.Order", order.getFullName());
            assertEquals("acme.orders.Order", schema.firstMessageName());
            assertTrue(order.findFieldByName("quantities").isMapField());
            assertEquals("google.protobuf.Timestamp", order.findFieldByName("placed_at").getMessageType().getFullName());
            assertEquals("acme.orders.Money", order.findFieldByName("cash").getMessageType().getFullName());
            assertEquals("acme.orders.Order.Status", order.findFieldByName("status").getEnumType().getFullName());
            assertEquals("payment", order.findFieldByName("card").getRealContainingOneof().getName());
            assertTrue(order.findFieldByName("priority").toProto().getProto3Optional());
            assertEquals("orderId", order.findFieldByName("id").getJsonName());
            assertTrue(order.findFieldByName("id").getOptions().getDeprecated());
            assertEquals(FieldDescriptor.Type.MESSAGE, order.findFieldByName("lines").getType());
            assertEquals("com.acme.orders", schema.descriptor().getOptions().getJavaPackage());
            assertEquals(2, schema.descriptor().findServiceByName("Orders").getMethods().size());
        }

        @Test
        void theCanonicalTextKeepsCommentsAndParsesToTheSameSchema() {
            ProtobufSchema schema = proto(ORDER);
            String canonical = schema.canonical();
            assertTrue(canonical.contains("// An order placed by a customer."), canonical);
            assertTrue(canonical.contains("map<string, int64> quantities = 2;"), canonical);
            assertTrue(canonical.contains("optional int32 priority = 3;"), canonical);
            assertTrue(canonical.contains("string id = 1 [json_name = \"orderId\", deprecated = true];"), canonical);
            assertTrue(canonical.contains("reserved 10 to 12, 15;"), canonical);
            assertTrue(canonical.contains("rpc Watch (stream Order) returns (stream Order);"), canonical);
            ProtobufSchema again = proto(canonical);
            assertEquals(canonical, again.canonical());
            assertEquals(schema.fingerprint(), again.fingerprint());
        }

        @Test
        void whitespaceAndCommentsDoNotChangeTheIdentity() {
            String reformatted = ORDER.replace("\n", "\n\n").replace("  ", "\t")
                    .replace("// the order id", "/* a block comment */");
            assertEquals(proto(ORDER).fingerprint(), proto(reformatted).fingerprint());
            String changed = ORDER.replace("int32 count = 2;", "int64 count = 2;");
            assertNotEquals(proto(ORDER).fingerprint(), proto(changed).fingerprint());
        }

        @Test
        void theSerializedFormIsTheSameSchema() {
            ProtobufSchema schema = proto(ORDER);
            String serialized = schema.serialized();
            FileDescriptorProto descriptor = parse(Base64.getDecoder().decode(serialized));
            // what clients load: names resolved and types set
            assertEquals(".acme.orders.Money", descriptor.getMessageType(0).getField(4).getTypeName());
            ProtobufSchema fromSerialized = proto(serialized);
            assertEquals(schema.descriptor().findMessageTypeByName("Order").toProto().getFieldCount(),
                    fromSerialized.descriptor().findMessageTypeByName("Order").toProto().getFieldCount());
            // the same schema, as normalisation shows
            assertEquals(normalized(ORDER).canonical(), normalized(serialized).canonical());
            assertEquals(proto(fromSerialized.canonical()).canonical(), fromSerialized.canonical());
        }
    }

    @Nested
    class Proto2 {

        static final String PROTO2 = """
                syntax = "proto2";
                package legacy;

                message Account {
                  required string id = 1;
                  optional int32 tier = 2 [default = 3];
                  optional string name = 3 [default = "anon"];
                  repeated int64 flags = 4 [packed = true];
                  optional group Address = 5 {
                    optional string city = 1;
                  }
                  extensions 100 to 199, 1000 to max;
                }

                extend Account {
                  optional string nickname = 100;
                }
                """;

        @Test
        void requiredFieldsDefaultsGroupsAndExtensions() {
            ProtobufSchema schema = proto(PROTO2);
            Descriptor account = schema.descriptor().findMessageTypeByName("Account");
            assertTrue(account.findFieldByName("id").isRequired());
            assertEquals(3, account.findFieldByName("tier").getDefaultValue());
            assertEquals("anon", account.findFieldByName("name").getDefaultValue());
            assertTrue(account.findFieldByName("flags").isPacked());
            assertEquals(FieldDescriptor.Type.GROUP, account.findFieldByName("address").getType());
            assertTrue(account.isExtensionNumber(150));
            assertEquals("nickname", schema.descriptor().getExtensions().get(0).getName());
            String canonical = schema.canonical();
            assertTrue(canonical.contains("optional group Address = 5 {"), canonical);
            assertTrue(canonical.contains("extensions 100 to 199, 1000 to max;"), canonical);
            assertTrue(canonical.contains("extend Account {"), canonical);
            assertEquals(canonical, proto(canonical).canonical());
        }

        @Test
        void aFileWithoutSyntaxIsProto2() {
            ProtobufSchema schema = proto("message A { optional int32 x = 1; }");
            assertEquals("proto2", schema.descriptor().toProto().getSyntax().isEmpty() ? "proto2"
                    : schema.descriptor().toProto().getSyntax());
            assertFalse(schema.canonical().contains("syntax"), schema.canonical());
        }

        @Test
        void ignoreExtensionsLeavesOutExtensionsAndCustomOptions() {
            String text = PROTO2 + "message B { optional int32 y = 1 [(nickname) = \"x\", deprecated = true]; }\n";
            ProtobufSchema schema = proto(text);
            String without = schema.withoutExtensions();
            assertFalse(without.contains("extend Account"), without);
            assertFalse(without.contains("(nickname)"), without);
            assertTrue(without.contains("deprecated = true"), without);
            assertTrue(schema.canonical().contains("(nickname) = \"x\""), schema.canonical());
        }
    }

    @Nested
    class Imports {

        static final String MONEY = "syntax = \"proto3\"; package acme.common; message Money { int64 units = 1; }";
        static final String ORDER_WITH_IMPORT = """
                syntax = "proto3";
                package acme.orders;
                import "acme/common/money.proto";
                import "google/type/date.proto";
                import "google/protobuf/wrappers.proto";
                import "confluent/meta.proto";
                import "confluent/type/decimal.proto";
                message Order {
                  acme.common.Money total = 1 [(confluent.field_meta).tags = "PII"];
                  google.type.Date due = 2;
                  google.protobuf.StringValue note = 3;
                  confluent.type.Decimal tax = 4;
                }
                """;

        @Test
        void importsResolveThroughReferencesAndBuiltInFiles() {
            List<SchemaReference> references = List.of(new SchemaReference("acme/common/money.proto", "money", 1));
            ProtobufSchema schema = new ProtobufSchemaParser().parse(ORDER_WITH_IMPORT, references,
                    files(Map.of("money", MONEY), Map.of()), false);
            Descriptor order = schema.descriptor().findMessageTypeByName("Order");
            assertEquals("acme.common.Money", order.findFieldByName("total").getMessageType().getFullName());
            assertEquals("google.type.Date", order.findFieldByName("due").getMessageType().getFullName());
            assertEquals("confluent.type.Decimal", order.findFieldByName("tax").getMessageType().getFullName());
            assertEquals(references, schema.references());
        }

        @Test
        void importsOfImportsResolveTransitively() {
            String line = "syntax = \"proto3\"; package acme.orders; import \"acme/common/money.proto\";"
                    + " message Line { acme.common.Money price = 1; }";
            String order = "syntax = \"proto3\"; package acme.orders; import \"line.proto\";"
                    + " message Order { repeated Line lines = 1; }";
            ReferenceResolver resolver = files(Map.of("money", MONEY, "line", line),
                    Map.of("line", List.of(new SchemaReference("acme/common/money.proto", "money", 1))));
            ProtobufSchema schema = new ProtobufSchemaParser().parse(order,
                    List.of(new SchemaReference("line.proto", "line", 1)), resolver, false);
            assertEquals("acme.orders.Line",
                    schema.descriptor().findMessageTypeByName("Order").getFields().get(0).getMessageType().getFullName());
        }

        @Test
        void anImportWithoutAReferenceIsInvalidWithTheImportNamed() {
            InvalidSchemaException e = assertThrows(InvalidSchemaException.class, () -> proto(ORDER_WITH_IMPORT));
            assertTrue(e.getMessage().contains("import \"acme/common/money.proto\" is not resolved"), e.getMessage());
        }

        @Test
        void anImportCycleIsInvalid() {
            String a = "syntax = \"proto3\"; import \"b.proto\"; message A { B b = 1; }";
            String b = "syntax = \"proto3\"; import \"a.proto\"; message B { A a = 1; }";
            ReferenceResolver resolver = files(Map.of("a", a, "b", b), Map.of(
                    "a", List.of(new SchemaReference("b.proto", "b", 1)),
                    "b", List.of(new SchemaReference("a.proto", "a", 1))));
            InvalidSchemaException e = assertThrows(InvalidSchemaException.class, () -> new ProtobufSchemaParser()
                    .parse(a, List.of(new SchemaReference("b.proto", "b", 1)), resolver, false));
            assertTrue(e.getMessage().contains("Reference cycle"), e.getMessage());
        }

        @Test
        void anInvalidReferencedFileIsNamedInTheError() {
            ReferenceResolver resolver = files(Map.of("money", "syntax = \"proto3\"; message Money {"), Map.of());
            InvalidSchemaException e = assertThrows(InvalidSchemaException.class, () -> new ProtobufSchemaParser()
                    .parse(ORDER_WITH_IMPORT, List.of(new SchemaReference("acme/common/money.proto", "money", 1)),
                            resolver, false));
            assertTrue(e.getMessage().contains("Invalid referenced schema 'acme/common/money.proto'"), e.getMessage());
        }
    }

    @Nested
    class Normalisation {

        @Test
        void normalisedTextsOfTheSameSchemaAreEqual() {
            String a = """
                    syntax = "proto3";
                    package acme;
                    import "google/protobuf/wrappers.proto";
                    import "google/protobuf/timestamp.proto";
                    message Order {
                      google.protobuf.Timestamp at = 2;
                      string id = 1;
                      oneof pay { string iban = 5; string card = 4; }
                      Status status = 3;
                      enum Status { option allow_alias = true; A = 0; C = 1; B = 1; }
                    }
                    """;
            String b = """
                    syntax = "proto3";
                    package acme;
                    import "google/protobuf/timestamp.proto";
                    import "google/protobuf/wrappers.proto";
                    message Order {
                      string id = 1;
                      .google.protobuf.Timestamp at = 2;
                      .acme.Order.Status status = 3;
                      oneof pay { string card = 4; string iban = 5; }
                      enum Status { option allow_alias = true; A = 0; B = 1; C = 1; }
                    }
                    """;
            assertNotEquals(proto(a).fingerprint(), proto(b).fingerprint());
            assertEquals(normalized(a).canonical(), normalized(b).canonical());
            assertEquals(normalized(a).fingerprint(), normalized(b).fingerprint());
            String canonical = normalized(a).canonical();
            assertTrue(canonical.indexOf("timestamp.proto") < canonical.indexOf("wrappers.proto"), canonical);
            assertTrue(canonical.contains(".acme.Order.Status status = 3;"), canonical);
        }

        @Test
        void messagesKeepTheirOrderSoThatMessageIndexesStay() {
            String text = "syntax = \"proto3\"; message Z { int32 a = 1; } message A { int32 b = 1; }";
            String canonical = normalized(text).canonical();
            assertTrue(canonical.indexOf("message Z") < canonical.indexOf("message A"), canonical);
        }

        @Test
        void proto2LosesItsSyntaxLine() {
            String text = "syntax = \"proto2\"; message A { optional int32 x = 1; }";
            assertFalse(normalized(text).canonical().contains("syntax"));
            assertEquals(normalized("message A { optional int32 x = 1; }").canonical(), normalized(text).canonical());
        }
    }

    @Nested
    class HostileInput {

        @ParameterizedTest
        @ValueSource(strings = {
                "syntax = \"proto3\";\nmessage A {\n  string x = 1;\n",
                "syntax = \"proto3\"; message A { strin g x = 1; }",
                "syntax = \"proto4\";",
                "syntax = \"proto3\"; message A { int32 x = 1; int32 y = 1; }",
                "syntax = \"proto3\"; message A { Nope x = 1; }",
                "syntax = \"proto3\"; message A { reserved 3; int32 x = 3; }",
                "syntax = \"proto3\"; message A { reserved \"x\"; int32 x = 3; }",
                "syntax = \"proto3\"; enum E { A = 1; }",
                "syntax = \"proto3\"; enum E { A = 0; B = 0; }",
                "syntax = \"proto3\"; message A { int32 x = 19500; }",
                "syntax = \"proto3\"; message A { int32 x = 0; }",
                "syntax = \"proto3\"; message A { int32 x = 536870912; }",
                "syntax = \"proto3\"; message A { int32 x = 1 [default = 3]; }",
                "syntax = \"proto3\"; message A { int32 x = 1 [packed = \"yes\"]; }",
                "syntax = \"proto3\"; message A {} message A {}",
                "syntax = \"proto3\"; import \"x.proto\"; import \"x.proto\"; message A {}",
                "edition = \"2023\"; message A { string x = 1; }",
                "AAAA",
                "}}}",
                "message",
                "\u0000"})
        void isInvalidWithAMessage(String text) {
            InvalidSchemaException e = assertThrows(InvalidSchemaException.class, () -> proto(text));
            assertTrue(e.getMessage() != null && e.getMessage().length() > 10, e::getMessage);
        }

        @Test
        void syntaxErrorsCarryLineAndColumn() {
            InvalidSchemaException e = assertThrows(InvalidSchemaException.class,
                    () -> proto("syntax = \"proto3\";\nmessage A {\n  string x = 1\n}"));
            assertTrue(e.getMessage().contains("line 4, column 1"), e.getMessage());
        }

        @Test
        void editionsAreRefusedClearly() {
            InvalidSchemaException e = assertThrows(InvalidSchemaException.class,
                    () -> proto("edition = \"2023\";\nmessage A { string x = 1; }"));
            assertTrue(e.getMessage().contains("editions"), e.getMessage());
        }

        @Test
        void tenThousandNestedMessagesAreRefusedWithoutOverflowingTheStack() {
            StringBuilder text = new StringBuilder("syntax = \"proto3\";\n");
            for (int i = 0; i < 10_000; i++) {
                text.append("message M").append(i).append(" {");
            }
            text.append("}".repeat(10_000));
            InvalidSchemaException e = assertThrows(InvalidSchemaException.class, () -> proto(text.toString()));
            assertTrue(e.getMessage().contains("nested deeper than"), e.getMessage());
        }

        @Test
        void deepButAllowedNestingParses() {
            StringBuilder text = new StringBuilder("syntax = \"proto3\";\n");
            for (int i = 0; i < 50; i++) {
                text.append("message M").append(i).append(" { int32 f = 1; ");
            }
            text.append("}".repeat(50));
            assertEquals("M0", proto(text.toString()).descriptor().getMessageTypes().get(0).getName());
        }

        @Test
        void aBase64TextThatIsNoDescriptorIsReadAsText() {
            InvalidSchemaException e = assertThrows(InvalidSchemaException.class, () -> proto("SGVsbG8gd29ybGQ="));
            assertTrue(e.getMessage().contains("Invalid Protobuf schema"), e.getMessage());
        }
    }

    @Test
    void aFileWithoutMessagesHasNoRecordName() {
        assertNull(proto("syntax = \"proto3\"; enum E { A = 0; }").firstMessageName());
    }
}
