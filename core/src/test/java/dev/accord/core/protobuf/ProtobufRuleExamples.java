package dev.accord.core.protobuf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One small example per Protobuf rule: an old and a new file (proto3 in package {@code acme} unless they say
 * otherwise) whose comparison reports the rule, and the directions the change breaks. The tests run every example;
 * the rules page shows them.
 */
public final class ProtobufRuleExamples {

    /**
     * @param oldSchema the first version's body
     * @param newSchema the second version's body
     * @param breaks    the directions the rule's change breaks: "", "B", "F" or "BF" (same under both policies)
     */
    public record Example(String oldSchema, String newSchema, String breaks) {
    }

    private static final Map<String, Example> EXAMPLES = new LinkedHashMap<>();

    private static void put(String rule, String oldSchema, String newSchema, String breaks) {
        EXAMPLES.put(rule, new Example(oldSchema, newSchema, breaks));
    }

    /** A proto3 file in package acme with this body, as the examples' texts are written. */
    public static String file(String body) {
        return body.startsWith("syntax") ? body : "syntax = \"proto3\"; package acme; " + body;
    }

    static {
        String order = "message Order { string id = 1; int32 qty = 2; }";
        put("PACKAGE_CHANGED", order, "syntax = \"proto3\"; package acme.v2; " + order, "BF");
        put("MESSAGE_ADDED", order, order + " message Extra { string x = 1; }", "F");
        put("MESSAGE_REMOVED", order + " message Extra { string x = 1; }", order, "B");
        put("MESSAGE_MOVED", "message A { string x = 1; } message B { string y = 1; }",
                "message B { string y = 1; } message A { string x = 1; }", "");
        put("ENUM_ADDED", order, order + " enum Status { UNKNOWN = 0; }", "");
        put("ENUM_REMOVED", order + " enum Status { UNKNOWN = 0; }", order, "");
        put("ENUM_CONST_ADDED", "enum Status { UNKNOWN = 0; }", "enum Status { UNKNOWN = 0; PLACED = 1; }", "");
        put("ENUM_CONST_REMOVED", "enum Status { UNKNOWN = 0; PLACED = 1; }", "enum Status { UNKNOWN = 0; }", "");
        put("ENUM_CONST_CHANGED", "enum Status { UNKNOWN = 0; PLACED = 1; }",
                "enum Status { UNKNOWN = 0; ORDERED = 1; }", "");
        put("FIELD_ADDED", order, "message Order { string id = 1; int32 qty = 2; string note = 3; }", "");
        put("FIELD_REMOVED", order, "message Order { string id = 1; }", "");
        put("FIELD_NAME_CHANGED", order, "message Order { string id = 1; int32 quantity = 2; }", "");
        put("FIELD_KIND_CHANGED", order + " message Qty { int32 n = 1; }",
                "message Order { string id = 1; Qty qty = 2; } message Qty { int32 n = 1; }", "BF");
        put("FIELD_SCALAR_KIND_CHANGED", order, "message Order { string id = 1; string qty = 2; }", "BF");
        put("FIELD_NAMED_TYPE_CHANGED", "message Order { Money total = 1; } message Money { int64 units = 1; }"
                        + " message Price { int64 cents = 1; }",
                "message Order { Price total = 1; } message Money { int64 units = 1; }"
                        + " message Price { int64 cents = 1; }", "BF");
        put("FIELD_NUMERIC_LABEL_CHANGED", order, "message Order { string id = 1; repeated int32 qty = 2; }", "BF");
        put("FIELD_STRING_OR_BYTES_LABEL_CHANGED", order, "message Order { repeated string id = 1; int32 qty = 2; }",
                "");
        put("REQUIRED_FIELD_ADDED", "syntax = \"proto2\"; package acme; message Order { optional string id = 1; }",
                "syntax = \"proto2\"; package acme; message Order { optional string id = 1; required int32 qty = 2; }",
                "BF");
        put("REQUIRED_FIELD_REMOVED",
                "syntax = \"proto2\"; package acme; message Order { optional string id = 1; required int32 qty = 2; }",
                "syntax = \"proto2\"; package acme; message Order { optional string id = 1; }", "BF");
        put("ONEOF_ADDED", order, "message Order { string id = 1; int32 qty = 2; oneof pay { string card = 3; } }",
                "");
        put("ONEOF_REMOVED", "message Order { string id = 1; int32 qty = 2; oneof pay { string card = 3; } }", order,
                "");
        put("ONEOF_FIELD_ADDED", "message Order { oneof pay { string card = 1; } }",
                "message Order { oneof pay { string card = 1; string iban = 2; } }", "F");
        put("ONEOF_FIELD_REMOVED", "message Order { oneof pay { string card = 1; string iban = 2; } }",
                "message Order { oneof pay { string card = 1; } }", "B");
        put("ONEOF_FIELD_MOVED_TO_TOP_LEVEL", "message Order { oneof pay { string card = 1; string iban = 2; } }",
                "message Order { string card = 1; oneof pay { string iban = 2; } }", "F");
        put("FIELD_MOVED_TO_NEW_ONEOF", "message Order { string card = 1; }",
                "message Order { oneof pay { string card = 1; } }", "");
        put("MULTIPLE_FIELDS_MOVED_TO_ONEOF", "message Order { string card = 1; string iban = 2; }",
                "message Order { oneof pay { string card = 1; string iban = 2; } }", "B");
        put("FIELD_MOVED_TO_EXISTING_ONEOF", "message Order { string card = 1; oneof pay { string iban = 2; } }",
                "message Order { oneof pay { string card = 1; string iban = 2; } }", "B");
    }

    private ProtobufRuleExamples() {
    }

    public static Map<String, Example> all() {
        return Collections.unmodifiableMap(EXAMPLES);
    }
}
