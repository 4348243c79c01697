package dev.accord.core.protobuf;

import dev.accord.core.compat.CompatibilityPolicy;
import dev.accord.core.compat.Direction;
import dev.accord.core.compat.Rule;
import dev.accord.core.compat.RuleCategory;
import dev.accord.core.compat.RuleKind;
import dev.accord.core.schema.SchemaType;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Protobuf rules, named after Confluent's Protobuf difference types. As in Confluent's registry, comparing the
 * old file to the new one decides BACKWARD and comparing the new one to the old decides FORWARD, with the same
 * compatible set both ways; a direction breaks when a difference found for it is not in that set. Both policies
 * judge alike (LENIENT only changes JSON Schema). Placeholders: {path}, {name} (a quoted element name), {old},
 * {new} (the values on each side), {message} (the message a field belongs to).
 */
public final class ProtobufRules {

    private ProtobufRules() {
    }

    /** Every kind of difference, with whether it keeps the update able to read what the original wrote. */
    enum Kind {
        PACKAGE_CHANGED(false, RuleCategory.NAME,
                "The package changed, so the full name of every message, which readers use to find the type, changed.",
                "The package changed from {old} to {new}",
                "keep the package; a schema in another package belongs in a new subject", "PACKAGE_CHANGED"),
        MESSAGE_ADDED(true, RuleCategory.TYPE,
                "A message was added to the file; a reader of the other version does not know it.",
                "Message {name} was added at '{path}'",
                "under FORWARD or FULL compatibility, define new messages in a file of their own (a new subject)",
                "MESSAGE_REMOVED"),
        MESSAGE_REMOVED(false, RuleCategory.TYPE,
                "A message was removed from the file, so data written with it (or naming it in a message index) can no"
                        + " longer be read.",
                "Message {name} at '{path}' was removed",
                "keep the message (mark it deprecated instead of removing it)", "MESSAGE_ADDED"),
        MESSAGE_MOVED(true, RuleCategory.NAME,
                "A message changed its position in the file (its message index, which Confluent's wire format writes"
                        + " before each message); readers find messages by name, so this is compatible.",
                "Message {name} moved from index {old} to {new}", null, "MESSAGE_MOVED"),
        ENUM_ADDED(true, RuleCategory.ENUM, "An enum was added.", "Enum {name} was added at '{path}'", null,
                "ENUM_REMOVED"),
        ENUM_REMOVED(true, RuleCategory.ENUM,
                "An enum was removed; on the wire its values are plain numbers, so readers are unaffected.",
                "Enum {name} at '{path}' was removed", null, "ENUM_ADDED"),
        ENUM_CONST_ADDED(true, RuleCategory.ENUM,
                "An enum gained a value; readers that do not know it keep the number (proto3) or the field unset.",
                "Enum value {name} = {new} was added at '{path}'", null, "ENUM_CONST_REMOVED"),
        ENUM_CONST_REMOVED(true, RuleCategory.ENUM,
                "An enum lost a value; data with that number still decodes as an unknown value.",
                "Enum value {name} = {old} at '{path}' was removed",
                "reserve the number and the name so that they are never reused", "ENUM_CONST_ADDED"),
        ENUM_CONST_CHANGED(true, RuleCategory.ENUM,
                "An enum value's name changed for the same number; the wire carries numbers, so readers are"
                        + " unaffected (JSON encodings are not).",
                "Enum value at '{path}' was renamed from {old} to {new}", null, "ENUM_CONST_CHANGED"),
        FIELD_ADDED(true, RuleCategory.FIELD,
                "A field was added; readers that do not know its number skip it.",
                "Field {name} was added at '{path}'", null, "FIELD_REMOVED"),
        FIELD_REMOVED(true, RuleCategory.FIELD,
                "A field was removed; readers that still know its number see it unset.",
                "Field {name} at '{path}' was removed",
                "reserve the field's number and name so that they are never reused with another type",
                "FIELD_ADDED"),
        FIELD_NAME_CHANGED(true, RuleCategory.FIELD,
                "A field was renamed for the same number; the binary wire carries numbers, so readers are unaffected"
                        + " (JSON encodings are not).",
                "Field at '{path}' was renamed from {old} to {new}", null, "FIELD_NAME_CHANGED"),
        FIELD_KIND_CHANGED(false, RuleCategory.TYPE,
                "A field changed between a scalar (or enum), a message and a map, which are written differently on"
                        + " the wire.",
                "Field {name} at '{path}' changed its kind from {old} to {new}",
                "keep the field's kind; add a new field with a new number for the new kind", "FIELD_KIND_CHANGED"),
        FIELD_SCALAR_KIND_CHANGED(false, RuleCategory.TYPE,
                "A scalar field changed its type to one outside its wire-compatible group (int32/int64/uint32/uint64/"
                        + "bool/enum, sint32/sint64, fixed32/sfixed32, fixed64/sfixed64, float, double, string/bytes).",
                "Field {name} at '{path}' changed its type from {old} to {new}",
                "keep the type, or change it only within its group (for example int32 to int64); otherwise add a new"
                        + " field with a new number", "FIELD_SCALAR_KIND_CHANGED"),
        FIELD_NAMED_TYPE_CHANGED(false, RuleCategory.TYPE,
                "A message-typed field now names another message type.",
                "Field {name} at '{path}' changed its type from {old} to {new}",
                "keep the field's message type; add a new field with a new number for the new type",
                "FIELD_NAMED_TYPE_CHANGED"),
        FIELD_NUMERIC_LABEL_CHANGED(false, RuleCategory.FIELD,
                "A numeric field changed between singular and repeated, which readers decode differently.",
                "Field {name} at '{path}' changed from {old} to {new}",
                "keep the field singular or repeated as it was; add a new field for the other",
                "FIELD_NUMERIC_LABEL_CHANGED"),
        FIELD_STRING_OR_BYTES_LABEL_CHANGED(true, RuleCategory.FIELD,
                "A string or bytes field changed between singular and repeated; both are length-delimited, so"
                        + " readers still decode it (a singular reader keeps the last value).",
                "Field {name} at '{path}' changed from {old} to {new}", null, "FIELD_STRING_OR_BYTES_LABEL_CHANGED"),
        REQUIRED_FIELD_ADDED(false, RuleCategory.FIELD,
                "A proto2 required field was added (or a field became required): data written without it fails to"
                        + " parse.",
                "Required field {name} at '{path}' was added", "make the field optional", "REQUIRED_FIELD_REMOVED"),
        REQUIRED_FIELD_REMOVED(false, RuleCategory.FIELD,
                "A proto2 required field was removed (or is no longer required): readers that require it reject"
                        + " data without it.",
                "Required field {name} at '{path}' was removed", "keep the field required",
                "REQUIRED_FIELD_ADDED"),
        ONEOF_ADDED(true, RuleCategory.UNION, "A oneof was added.", "Oneof {name} was added at '{path}'", null,
                "ONEOF_REMOVED"),
        ONEOF_REMOVED(true, RuleCategory.UNION, "A oneof was removed.", "Oneof {name} at '{path}' was removed", null,
                "ONEOF_ADDED"),
        ONEOF_FIELD_ADDED(true, RuleCategory.UNION, "A oneof gained a new field.",
                "Field {name} was added to oneof {message} at '{path}'",
                "under FORWARD or FULL compatibility do not add fields to an existing oneof: old readers see it unset",
                "ONEOF_FIELD_REMOVED"),
        ONEOF_FIELD_REMOVED(false, RuleCategory.UNION,
                "A field was removed from a oneof: data that set it reads as a oneof with no case set.",
                "Field {name} at '{path}' was removed from oneof {message}",
                "keep the field in the oneof (mark it deprecated)", "ONEOF_FIELD_ADDED"),
        ONEOF_FIELD_MOVED_TO_TOP_LEVEL(true, RuleCategory.UNION,
                "A field moved out of a oneof to the message's top level; the wire is unchanged.",
                "Field {name} at '{path}' moved out of oneof {message}",
                "under FORWARD or FULL compatibility keep the field in its oneof",
                "FIELD_MOVED_TO_EXISTING_ONEOF", "MULTIPLE_FIELDS_MOVED_TO_ONEOF", "FIELD_MOVED_TO_NEW_ONEOF"),
        FIELD_MOVED_TO_NEW_ONEOF(true, RuleCategory.UNION,
                "A single existing field moved into a new oneof; the wire is unchanged and only that field can be set"
                        + " in it, so readers are unaffected.",
                "Field {name} at '{path}' moved into the new oneof {message}", null, "ONEOF_FIELD_MOVED_TO_TOP_LEVEL"),
        MULTIPLE_FIELDS_MOVED_TO_ONEOF(false, RuleCategory.UNION,
                "Several existing fields moved into one new oneof: data that set more than one of them loses all but"
                        + " the last.",
                "Field {name} at '{path}' moved into the new oneof {message} together with other existing fields",
                "move at most one existing field into a new oneof; add new fields to it instead",
                "ONEOF_FIELD_MOVED_TO_TOP_LEVEL"),
        FIELD_MOVED_TO_EXISTING_ONEOF(false, RuleCategory.UNION,
                "An existing field moved into a oneof that already existed: data that set it and another member loses"
                        + " one of them.",
                "Field {name} at '{path}' moved into the existing oneof {message}",
                "keep the field outside the oneof; add a new field to the oneof instead",
                "ONEOF_FIELD_MOVED_TO_TOP_LEVEL");

        final boolean compatible;
        final RuleCategory category;
        final String purpose;
        final String template;
        final String hint;
        private final String[] reverseNames;

        Kind(boolean compatible, RuleCategory category, String purpose, String template, String hint,
             String... reverseNames) {
            this.compatible = compatible;
            this.category = category;
            this.purpose = purpose;
            this.template = template;
            this.hint = hint;
            this.reverseNames = reverseNames;
        }

        /** The directions a change of this kind (old to new) can break. */
        Set<Direction> breaks() {
            Set<Direction> directions = EnumSet.noneOf(Direction.class);
            if (!compatible) {
                directions.add(Direction.BACKWARD);
            }
            for (String reverse : reverseNames) {
                if (!valueOf(reverse).compatible) {
                    directions.add(Direction.FORWARD);
                }
            }
            return directions;
        }

        Rule rule() {
            Set<Direction> breaks = breaks();
            String advice = hint != null ? hint : breaks.isEmpty() ? null
                    : "under FORWARD or FULL compatibility keep the old schema here";
            return new Rule(name(), RuleKind.COMPATIBILITY, SchemaType.PROTOBUF, category, purpose,
                    Map.of(CompatibilityPolicy.STRICT, breaks, CompatibilityPolicy.LENIENT, breaks), template, advice);
        }
    }

    private static final List<Rule> ALL = Arrays.stream(Kind.values()).map(Kind::rule).toList();

    /** Every Protobuf rule, in catalogue order. */
    public static List<Rule> all() {
        return ALL;
    }

    static Rule of(Kind kind) {
        return ALL.get(kind.ordinal());
    }
}
