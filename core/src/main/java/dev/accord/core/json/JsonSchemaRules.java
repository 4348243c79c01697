package dev.accord.core.json;

import dev.accord.core.compat.CompatibilityPolicy;
import dev.accord.core.compat.Direction;
import dev.accord.core.compat.Rule;
import dev.accord.core.compat.RuleCategory;
import dev.accord.core.compat.RuleKind;
import dev.accord.core.schema.SchemaType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON Schema rules: one per kind of change, named after Confluent's {@code Difference.Type} where one
 * exists. A change is judged like Confluent does: comparing old (original) to new (update) decides BACKWARD,
 * comparing new to old decides FORWARD, and a direction breaks when a change found for it is outside the
 * compatible set of the policy. A rule's {@code breaks} lists the directions a change of its kind can break;
 * each reported change says which it does break.
 */
public final class JsonSchemaRules {

    private JsonSchemaRules() {
    }

    /** Whether a kind of change, found comparing original to update, keeps the update able to read. */
    enum Verdict {
        /** Compatible under both policies. */
        COMPATIBLE,
        /** Incompatible under STRICT, allowed by LENIENT. */
        LENIENT_ONLY,
        /** Incompatible under both policies. */
        INCOMPATIBLE
    }

    /**
     * Every kind of change. {@code template} describes a change ({path}, {old}, {new} and {name} are filled in);
     * {@code reverses} are the kinds the comparison in the other direction reports for the same change.
     */
    enum Kind {
        // ---- annotations ------------------------------------------------------------------------------------
        ID_CHANGED(Verdict.COMPATIBLE, "The $id of a schema changed; it names the schema but constrains no value.",
                "$id at '{path}' changed from {old} to {new}", null, "ID_CHANGED"),
        TITLE_CHANGED(Verdict.COMPATIBLE, "The title of a schema changed; titles document and constrain nothing.",
                "title at '{path}' changed from {old} to {new}", null, "TITLE_CHANGED"),
        DESCRIPTION_CHANGED(Verdict.COMPATIBLE, "The description of a schema changed; descriptions constrain"
                + " nothing.", "description at '{path}' changed", null, "DESCRIPTION_CHANGED"),
        DEFAULT_CHANGED(Verdict.COMPATIBLE, "The default value of a schema changed; defaults constrain no value.",
                "default at '{path}' changed from {old} to {new}", null, "DEFAULT_CHANGED"),

        // ---- subschemas and types ---------------------------------------------------------------------------
        SCHEMA_ADDED(Verdict.INCOMPATIBLE, "A subschema (items, contains, propertyNames, then/else, ...) was added"
                + " where there was none, constraining values that were free.",
                "a subschema was added at '{path}'",
                "keep the old schema unconstrained here, or add the constraint in a new optional property",
                "SCHEMA_REMOVED"),
        SCHEMA_REMOVED(Verdict.COMPATIBLE, "A subschema (items, contains, propertyNames, then/else, ...) was"
                + " removed, so values there are no longer constrained.",
                "the subschema at '{path}' was removed",
                "under FORWARD or FULL compatibility keep the subschema", "SCHEMA_ADDED"),
        TYPE_EXTENDED(Verdict.COMPATIBLE, "The schema accepts more types than before: integer became number, a"
                + " type constraint was dropped, or the schema became true.",
                "the type at '{path}' was extended from {old} to {new}",
                "under FORWARD or FULL compatibility keep the old type", "TYPE_NARROWED"),
        TYPE_NARROWED(Verdict.INCOMPATIBLE, "The schema accepts fewer types than before: number became integer, a"
                + " type constraint was added, or the schema became false.",
                "the type at '{path}' was narrowed from {old} to {new}",
                "keep the old type; to accept less, add a new property instead", "TYPE_EXTENDED"),
        TYPE_CHANGED(Verdict.INCOMPATIBLE, "The schema's type changed to an unrelated one (for example string to"
                + " object), so no value valid under one is valid under the other.",
                "the type at '{path}' changed from {old} to {new}",
                "keep the old type, or introduce a new property with the new type", "TYPE_CHANGED"),

        // ---- strings ----------------------------------------------------------------------------------------
        MAX_LENGTH_ADDED(Verdict.INCOMPATIBLE, "A maxLength was added, rejecting longer strings that were valid.",
                "maxLength {new} was added at '{path}'", "do not limit the length of an existing string",
                "MAX_LENGTH_REMOVED"),
        MAX_LENGTH_REMOVED(Verdict.COMPATIBLE, "The maxLength was removed, accepting strings of any length.",
                "maxLength {old} was removed at '{path}'", "under FORWARD or FULL compatibility keep the maxLength",
                "MAX_LENGTH_ADDED"),
        MAX_LENGTH_INCREASED(Verdict.COMPATIBLE, "The maxLength was increased, accepting longer strings.",
                "maxLength at '{path}' increased from {old} to {new}",
                "under FORWARD or FULL compatibility do not increase maxLength", "MAX_LENGTH_DECREASED"),
        MAX_LENGTH_DECREASED(Verdict.INCOMPATIBLE, "The maxLength was decreased, rejecting longer strings that"
                + " were valid.", "maxLength at '{path}' decreased from {old} to {new}",
                "keep maxLength at {old} or more", "MAX_LENGTH_INCREASED"),
        MIN_LENGTH_ADDED(Verdict.INCOMPATIBLE, "A minLength was added, rejecting shorter strings that were valid.",
                "minLength {new} was added at '{path}'", "do not require a minimum length of an existing string",
                "MIN_LENGTH_REMOVED"),
        MIN_LENGTH_REMOVED(Verdict.COMPATIBLE, "The minLength was removed, accepting strings of any length.",
                "minLength {old} was removed at '{path}'", "under FORWARD or FULL compatibility keep the minLength",
                "MIN_LENGTH_ADDED"),
        MIN_LENGTH_INCREASED(Verdict.INCOMPATIBLE, "The minLength was increased, rejecting shorter strings that"
                + " were valid.", "minLength at '{path}' increased from {old} to {new}",
                "keep minLength at {old} or less", "MIN_LENGTH_DECREASED"),
        MIN_LENGTH_DECREASED(Verdict.COMPATIBLE, "The minLength was decreased, accepting shorter strings.",
                "minLength at '{path}' decreased from {old} to {new}",
                "under FORWARD or FULL compatibility do not decrease minLength", "MIN_LENGTH_INCREASED"),
        PATTERN_ADDED(Verdict.INCOMPATIBLE, "A pattern was added, rejecting strings that do not match it.",
                "pattern {new} was added at '{path}'", "do not add a pattern to an existing string",
                "PATTERN_REMOVED"),
        PATTERN_REMOVED(Verdict.COMPATIBLE, "The pattern was removed, accepting any string.",
                "pattern {old} was removed at '{path}'", "under FORWARD or FULL compatibility keep the pattern",
                "PATTERN_ADDED"),
        PATTERN_CHANGED(Verdict.INCOMPATIBLE, "The pattern changed; regular expressions are not compared, so any"
                + " change may reject strings that were valid.", "pattern at '{path}' changed from {old} to {new}",
                "keep the old pattern", "PATTERN_CHANGED"),
        FORMAT_ADDED(Verdict.COMPATIBLE, "A format was added; format is an annotation that Confluent's check"
                + " does not compare, so it never breaks.", "format {new} was added at '{path}'",
                null, "FORMAT_REMOVED"),
        FORMAT_REMOVED(Verdict.COMPATIBLE, "The format was removed; format is an annotation that Confluent's check"
                + " does not compare.", "format {old} was removed at '{path}'", null, "FORMAT_ADDED"),
        FORMAT_CHANGED(Verdict.COMPATIBLE, "The format changed; format is an annotation that Confluent's check"
                + " does not compare.", "format at '{path}' changed from {old} to {new}", null, "FORMAT_CHANGED"),

        // ---- numbers ----------------------------------------------------------------------------------------
        MAXIMUM_ADDED(Verdict.INCOMPATIBLE, "A maximum was added, rejecting larger numbers that were valid.",
                "maximum {new} was added at '{path}'", "do not bound an existing number", "MAXIMUM_REMOVED"),
        MAXIMUM_REMOVED(Verdict.COMPATIBLE, "The maximum was removed, accepting numbers of any size.",
                "maximum {old} was removed at '{path}'", "under FORWARD or FULL compatibility keep the maximum",
                "MAXIMUM_ADDED"),
        MAXIMUM_INCREASED(Verdict.COMPATIBLE, "The maximum was increased, accepting larger numbers.",
                "maximum at '{path}' increased from {old} to {new}",
                "under FORWARD or FULL compatibility do not increase the maximum", "MAXIMUM_DECREASED"),
        MAXIMUM_DECREASED(Verdict.INCOMPATIBLE, "The maximum was decreased, rejecting larger numbers that were"
                + " valid.", "maximum at '{path}' decreased from {old} to {new}", "keep the maximum at {old} or more",
                "MAXIMUM_INCREASED"),
        MINIMUM_ADDED(Verdict.INCOMPATIBLE, "A minimum was added, rejecting smaller numbers that were valid.",
                "minimum {new} was added at '{path}'", "do not bound an existing number", "MINIMUM_REMOVED"),
        MINIMUM_REMOVED(Verdict.COMPATIBLE, "The minimum was removed, accepting numbers of any size.",
                "minimum {old} was removed at '{path}'", "under FORWARD or FULL compatibility keep the minimum",
                "MINIMUM_ADDED"),
        MINIMUM_INCREASED(Verdict.INCOMPATIBLE, "The minimum was increased, rejecting smaller numbers that were"
                + " valid.", "minimum at '{path}' increased from {old} to {new}", "keep the minimum at {old} or less",
                "MINIMUM_DECREASED"),
        MINIMUM_DECREASED(Verdict.COMPATIBLE, "The minimum was decreased, accepting smaller numbers.",
                "minimum at '{path}' decreased from {old} to {new}",
                "under FORWARD or FULL compatibility do not decrease the minimum", "MINIMUM_INCREASED"),
        EXCLUSIVE_MAXIMUM_ADDED(Verdict.INCOMPATIBLE, "An exclusiveMaximum was added, rejecting larger numbers"
                + " that were valid.", "exclusiveMaximum {new} was added at '{path}'",
                "do not bound an existing number", "EXCLUSIVE_MAXIMUM_REMOVED"),
        EXCLUSIVE_MAXIMUM_REMOVED(Verdict.COMPATIBLE, "The exclusiveMaximum was removed.",
                "exclusiveMaximum {old} was removed at '{path}'",
                "under FORWARD or FULL compatibility keep the exclusiveMaximum", "EXCLUSIVE_MAXIMUM_ADDED"),
        EXCLUSIVE_MAXIMUM_INCREASED(Verdict.COMPATIBLE, "The exclusiveMaximum was increased, accepting larger"
                + " numbers.", "exclusiveMaximum at '{path}' increased from {old} to {new}",
                "under FORWARD or FULL compatibility do not increase the exclusiveMaximum",
                "EXCLUSIVE_MAXIMUM_DECREASED"),
        EXCLUSIVE_MAXIMUM_DECREASED(Verdict.INCOMPATIBLE, "The exclusiveMaximum was decreased, rejecting larger"
                + " numbers that were valid.", "exclusiveMaximum at '{path}' decreased from {old} to {new}",
                "keep the exclusiveMaximum at {old} or more", "EXCLUSIVE_MAXIMUM_INCREASED"),
        EXCLUSIVE_MINIMUM_ADDED(Verdict.INCOMPATIBLE, "An exclusiveMinimum was added, rejecting smaller numbers"
                + " that were valid.", "exclusiveMinimum {new} was added at '{path}'",
                "do not bound an existing number", "EXCLUSIVE_MINIMUM_REMOVED"),
        EXCLUSIVE_MINIMUM_REMOVED(Verdict.COMPATIBLE, "The exclusiveMinimum was removed.",
                "exclusiveMinimum {old} was removed at '{path}'",
                "under FORWARD or FULL compatibility keep the exclusiveMinimum", "EXCLUSIVE_MINIMUM_ADDED"),
        EXCLUSIVE_MINIMUM_INCREASED(Verdict.INCOMPATIBLE, "The exclusiveMinimum was increased, rejecting smaller"
                + " numbers that were valid.", "exclusiveMinimum at '{path}' increased from {old} to {new}",
                "keep the exclusiveMinimum at {old} or less", "EXCLUSIVE_MINIMUM_DECREASED"),
        EXCLUSIVE_MINIMUM_DECREASED(Verdict.COMPATIBLE, "The exclusiveMinimum was decreased, accepting smaller"
                + " numbers.", "exclusiveMinimum at '{path}' decreased from {old} to {new}",
                "under FORWARD or FULL compatibility do not decrease the exclusiveMinimum",
                "EXCLUSIVE_MINIMUM_INCREASED"),
        MULTIPLE_OF_ADDED(Verdict.INCOMPATIBLE, "A multipleOf was added, rejecting numbers that are not multiples"
                + " of it.", "multipleOf {new} was added at '{path}'", "do not add multipleOf to an existing number",
                "MULTIPLE_OF_REMOVED"),
        MULTIPLE_OF_REMOVED(Verdict.COMPATIBLE, "The multipleOf was removed, accepting any number.",
                "multipleOf {old} was removed at '{path}'",
                "under FORWARD or FULL compatibility keep the multipleOf", "MULTIPLE_OF_ADDED"),
        MULTIPLE_OF_EXPANDED(Verdict.INCOMPATIBLE, "The multipleOf became a multiple of the old one (5 to 10),"
                + " rejecting numbers that were valid.", "multipleOf at '{path}' changed from {old} to {new}, a"
                + " multiple of it", "keep multipleOf {old}, or use a divisor of it", "MULTIPLE_OF_REDUCED"),
        MULTIPLE_OF_REDUCED(Verdict.COMPATIBLE, "The multipleOf became a divisor of the old one (10 to 5),"
                + " accepting more numbers.", "multipleOf at '{path}' changed from {old} to {new}, a divisor of it",
                "under FORWARD or FULL compatibility keep multipleOf {old}", "MULTIPLE_OF_EXPANDED"),
        MULTIPLE_OF_CHANGED(Verdict.INCOMPATIBLE, "The multipleOf changed to a value that is neither a multiple"
                + " nor a divisor of the old one.", "multipleOf at '{path}' changed from {old} to {new}",
                "keep multipleOf {old}", "MULTIPLE_OF_CHANGED"),

        // ---- enum and const ---------------------------------------------------------------------------------
        ENUM_ARRAY_EXTENDED(Verdict.COMPATIBLE, "Values were added to an enum.",
                "the enum at '{path}' was extended from {old} to {new}",
                "under FORWARD or FULL compatibility do not add enum values (old readers reject them)",
                "ENUM_ARRAY_NARROWED"),
        ENUM_ARRAY_NARROWED(Verdict.INCOMPATIBLE, "Values were removed from an enum, rejecting data that uses"
                + " them.", "the enum at '{path}' was narrowed from {old} to {new}",
                "keep every enum value that data may already use", "ENUM_ARRAY_EXTENDED"),
        ENUM_ARRAY_CHANGED(Verdict.INCOMPATIBLE, "An enum both gained and lost values.",
                "the enum at '{path}' changed from {old} to {new}", "keep every old enum value",
                "ENUM_ARRAY_CHANGED"),
        ENUM_ADDED(Verdict.INCOMPATIBLE, "An enum was added to a schema that allowed any value of its type.",
                "enum {new} was added at '{path}'", "do not restrict an existing value to an enum",
                "ENUM_REMOVED"),
        ENUM_REMOVED(Verdict.COMPATIBLE, "The enum was removed, accepting any value of the type.",
                "enum {old} was removed at '{path}'", "under FORWARD or FULL compatibility keep the enum",
                "ENUM_ADDED"),
        CONST_ADDED(Verdict.INCOMPATIBLE, "A const was added, accepting one value only.",
                "const {new} was added at '{path}'", "do not restrict an existing value to a constant",
                "CONST_REMOVED"),
        CONST_REMOVED(Verdict.COMPATIBLE, "The const was removed, accepting other values.",
                "const {old} was removed at '{path}'", "under FORWARD or FULL compatibility keep the const",
                "CONST_ADDED"),
        CONST_CHANGED(Verdict.INCOMPATIBLE, "The const changed, so the old value is rejected.",
                "const at '{path}' changed from {old} to {new}", "keep the old const", "CONST_CHANGED"),

        // ---- objects ----------------------------------------------------------------------------------------
        UNDECLARED_REQUIRED_ATTRIBUTE_ADDED(Verdict.COMPATIBLE, "A name that neither version declares under"
                + " properties was added to required; as in Confluent, required is compared only for declared"
                + " properties.", "undeclared property {name} became required at '{path}'",
                "declare the property under properties so that the change is checked",
                "UNDECLARED_REQUIRED_ATTRIBUTE_REMOVED"),
        UNDECLARED_REQUIRED_ATTRIBUTE_REMOVED(Verdict.COMPATIBLE, "A name that neither version declares under"
                + " properties was removed from required.", "undeclared property {name} is no longer required at"
                + " '{path}'", "declare the property under properties so that the change is checked",
                "UNDECLARED_REQUIRED_ATTRIBUTE_ADDED"),
        REQUIRED_ATTRIBUTE_ADDED(Verdict.INCOMPATIBLE, "A property became required without a default, rejecting"
                + " data that lacks it.", "property {name} became required at '{path}'",
                "give the property a default, or keep it optional", "REQUIRED_ATTRIBUTE_REMOVED"),
        REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED(Verdict.COMPATIBLE, "A property with a default became required;"
                + " readers fill in the default.", "property {name} with a default became required at '{path}'",
                null, "REQUIRED_ATTRIBUTE_REMOVED"),
        REQUIRED_ATTRIBUTE_REMOVED(Verdict.COMPATIBLE, "A property is no longer required.",
                "property {name} is no longer required at '{path}'",
                "under FORWARD or FULL compatibility keep the property required, or give it a default",
                "REQUIRED_ATTRIBUTE_ADDED", "REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED"),
        MAX_PROPERTIES_ADDED(Verdict.INCOMPATIBLE, "A maxProperties was added, rejecting larger objects.",
                "maxProperties {new} was added at '{path}'", "do not limit the size of an existing object",
                "MAX_PROPERTIES_REMOVED"),
        MAX_PROPERTIES_REMOVED(Verdict.COMPATIBLE, "The maxProperties was removed.",
                "maxProperties {old} was removed at '{path}'",
                "under FORWARD or FULL compatibility keep maxProperties", "MAX_PROPERTIES_ADDED"),
        MAX_PROPERTIES_INCREASED(Verdict.COMPATIBLE, "The maxProperties was increased.",
                "maxProperties at '{path}' increased from {old} to {new}",
                "under FORWARD or FULL compatibility do not increase maxProperties", "MAX_PROPERTIES_DECREASED"),
        MAX_PROPERTIES_DECREASED(Verdict.INCOMPATIBLE, "The maxProperties was decreased, rejecting larger objects"
                + " that were valid.", "maxProperties at '{path}' decreased from {old} to {new}",
                "keep maxProperties at {old} or more", "MAX_PROPERTIES_INCREASED"),
        MIN_PROPERTIES_ADDED(Verdict.INCOMPATIBLE, "A minProperties was added, rejecting smaller objects.",
                "minProperties {new} was added at '{path}'", "do not require a minimum size of an existing object",
                "MIN_PROPERTIES_REMOVED"),
        MIN_PROPERTIES_REMOVED(Verdict.COMPATIBLE, "The minProperties was removed.",
                "minProperties {old} was removed at '{path}'",
                "under FORWARD or FULL compatibility keep minProperties", "MIN_PROPERTIES_ADDED"),
        MIN_PROPERTIES_INCREASED(Verdict.INCOMPATIBLE, "The minProperties was increased, rejecting smaller objects"
                + " that were valid.", "minProperties at '{path}' increased from {old} to {new}",
                "keep minProperties at {old} or less", "MIN_PROPERTIES_DECREASED"),
        MIN_PROPERTIES_DECREASED(Verdict.COMPATIBLE, "The minProperties was decreased.",
                "minProperties at '{path}' decreased from {old} to {new}",
                "under FORWARD or FULL compatibility do not decrease minProperties", "MIN_PROPERTIES_INCREASED"),
        ADDITIONAL_PROPERTIES_ADDED(Verdict.COMPATIBLE, "A closed content model was opened (additionalProperties"
                + " false was removed or set to true).", "additional properties are now allowed at '{path}'",
                "under FORWARD or FULL compatibility keep additionalProperties: false",
                "ADDITIONAL_PROPERTIES_REMOVED"),
        ADDITIONAL_PROPERTIES_REMOVED(Verdict.LENIENT_ONLY, "An open content model was closed with"
                + " additionalProperties: false, rejecting data with properties it does not declare.",
                "additional properties are no longer allowed at '{path}'",
                "keep the model open, or use the LENIENT policy", "ADDITIONAL_PROPERTIES_ADDED"),
        ADDITIONAL_PROPERTIES_EXTENDED(Verdict.COMPATIBLE, "The additionalProperties schema was removed, so"
                + " additional properties may have any value.",
                "the additionalProperties schema at '{path}' was removed",
                "under FORWARD or FULL compatibility keep the additionalProperties schema",
                "ADDITIONAL_PROPERTIES_NARROWED"),
        ADDITIONAL_PROPERTIES_NARROWED(Verdict.LENIENT_ONLY, "An additionalProperties schema was added, so"
                + " additional properties that were free must now match it.",
                "an additionalProperties schema was added at '{path}'",
                "keep additional properties free, or use the LENIENT policy", "ADDITIONAL_PROPERTIES_EXTENDED"),
        UNEVALUATED_PROPERTIES_ADDED(Verdict.COMPATIBLE, "unevaluatedProperties: false was removed, allowing"
                + " properties no keyword evaluates.", "unevaluated properties are now allowed at '{path}'",
                "under FORWARD or FULL compatibility keep unevaluatedProperties: false",
                "UNEVALUATED_PROPERTIES_REMOVED"),
        UNEVALUATED_PROPERTIES_REMOVED(Verdict.LENIENT_ONLY, "unevaluatedProperties: false was added, rejecting"
                + " properties no keyword evaluates.", "unevaluated properties are no longer allowed at '{path}'",
                "keep the model open, or use the LENIENT policy", "UNEVALUATED_PROPERTIES_ADDED"),
        UNEVALUATED_PROPERTIES_EXTENDED(Verdict.COMPATIBLE, "The unevaluatedProperties schema was removed.",
                "the unevaluatedProperties schema at '{path}' was removed",
                "under FORWARD or FULL compatibility keep the unevaluatedProperties schema",
                "UNEVALUATED_PROPERTIES_NARROWED"),
        UNEVALUATED_PROPERTIES_NARROWED(Verdict.LENIENT_ONLY, "An unevaluatedProperties schema was added, so"
                + " properties no keyword evaluates must match it.",
                "an unevaluatedProperties schema was added at '{path}'",
                "keep unevaluated properties free, or use the LENIENT policy", "UNEVALUATED_PROPERTIES_EXTENDED"),
        DEPENDENCY_ARRAY_ADDED(Verdict.INCOMPATIBLE, "A property dependency was added: when the property is"
                + " present, others are now required.", "a dependency of property {name} was added at '{path}'",
                "do not add dependencies between existing properties", "DEPENDENCY_ARRAY_REMOVED"),
        DEPENDENCY_ARRAY_REMOVED(Verdict.COMPATIBLE, "A property dependency was removed.",
                "the dependency of property {name} was removed at '{path}'",
                "under FORWARD or FULL compatibility keep the dependency", "DEPENDENCY_ARRAY_ADDED"),
        DEPENDENCY_ARRAY_EXTENDED(Verdict.INCOMPATIBLE, "A property dependency requires more properties.",
                "the dependency of property {name} at '{path}' now requires {new} instead of {old}",
                "do not require more properties in an existing dependency", "DEPENDENCY_ARRAY_NARROWED"),
        DEPENDENCY_ARRAY_NARROWED(Verdict.COMPATIBLE, "A property dependency requires fewer properties.",
                "the dependency of property {name} at '{path}' now requires {new} instead of {old}",
                "under FORWARD or FULL compatibility keep the dependency", "DEPENDENCY_ARRAY_EXTENDED"),
        DEPENDENCY_ARRAY_CHANGED(Verdict.INCOMPATIBLE, "A property dependency requires other properties.",
                "the dependency of property {name} at '{path}' now requires {new} instead of {old}",
                "keep the old dependency", "DEPENDENCY_ARRAY_CHANGED"),
        DEPENDENCY_SCHEMA_ADDED(Verdict.INCOMPATIBLE, "A schema dependency was added: when the property is"
                + " present, the object must also match a schema.",
                "a schema dependency of property {name} was added at '{path}'",
                "do not add schema dependencies to existing properties", "DEPENDENCY_SCHEMA_REMOVED"),
        DEPENDENCY_SCHEMA_REMOVED(Verdict.COMPATIBLE, "A schema dependency was removed.",
                "the schema dependency of property {name} was removed at '{path}'",
                "under FORWARD or FULL compatibility keep the schema dependency", "DEPENDENCY_SCHEMA_ADDED"),
        PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL(Verdict.LENIENT_ONLY, "An optional property was added to an open"
                + " content model; old data may already carry that name with a value the new schema rejects."
                + " (Confluent's LENIENT policy calls this OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL.)",
                "property {name} was added at '{path}' to an open content model, where old data may already have"
                        + " it with any value",
                "declare additionalProperties: false in the first version, give the property the empty schema"
                        + " {}, or use the LENIENT policy", "PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL"),
        REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL(Verdict.INCOMPATIBLE, "A required property without default"
                + " was added to an open content model; old data may lack it or carry it with another value.",
                "required property {name} without default was added at '{path}' to an open content model",
                "make the property optional or give it a default; declare additionalProperties: false in the"
                        + " first version", "PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL"),
        REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL(Verdict.LENIENT_ONLY, "A required property with"
                + " a default was added to an open content model; old data may carry it with another value.",
                "required property {name} with a default was added at '{path}' to an open content model",
                "declare additionalProperties: false in the first version, or use the LENIENT policy",
                "PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL"),
        PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL(Verdict.COMPATIBLE, "A property with the empty"
                + " schema was added to an open content model; it accepts whatever old data carries there.",
                "property {name} with the empty schema was added at '{path}' to an open content model", null,
                "PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL"),
        PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL(Verdict.COMPATIBLE, "A property was removed from an open content"
                + " model, which still accepts it with any value.",
                "property {name} was removed at '{path}' from an open content model",
                "under FORWARD or FULL compatibility keep the property (old readers may validate it), or use"
                        + " the LENIENT policy", "PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL",
                "REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL",
                "REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL",
                "PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL"),
        REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL(Verdict.INCOMPATIBLE, "A required property without default"
                + " was added to a closed or partially open content model; old data lacks it.",
                "required property {name} without default was added at '{path}'",
                "make the property optional or give it a default", "PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL"),
        REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL(Verdict.COMPATIBLE, "A required property with"
                + " a default was added to a closed content model.",
                "required property {name} with a default was added at '{path}' to a closed content model",
                "under FORWARD or FULL compatibility old readers reject the property: use a partially open"
                        + " model (patternProperties) or the LENIENT policy",
                "PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL"),
        OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL(Verdict.COMPATIBLE, "An optional property was added to a"
                + " closed content model, where old data cannot have it.",
                "optional property {name} was added at '{path}' to a closed content model",
                "under FORWARD or FULL compatibility old readers reject the property: use a partially open"
                        + " model (patternProperties) or the LENIENT policy",
                "PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL"),
        PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL(Verdict.LENIENT_ONLY, "A property was removed from a closed"
                + " content model, which now rejects data that has it.",
                "property {name} was removed at '{path}' from a closed content model",
                "keep the property (deprecate it in its description), cover it with patternProperties, or use"
                        + " the LENIENT policy", "OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL",
                "REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL",
                "REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL"),
        PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(Verdict.COMPATIBLE, "A property was added whose"
                + " schema accepts everything the old patternProperties/additionalProperties schema for its name"
                + " accepted.", "property {name} was added at '{path}', covered by the old partially open model",
                "under FORWARD or FULL compatibility the property's schema must also fit within the old"
                        + " pattern schema", "PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"),
        PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(Verdict.LENIENT_ONLY, "A property was added"
                + " whose schema does not accept everything the old patternProperties/additionalProperties schema"
                + " for its name accepted.",
                "property {name} was added at '{path}' with a schema that does not cover what the old partially"
                        + " open model allowed for that name",
                "give the property a schema compatible with the matching patternProperties schema, or use the"
                        + " LENIENT policy", "PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"),
        FALSE_PROPERTY_ADDED_TO_CLOSED_CONTENT_MODEL(Verdict.COMPATIBLE, "A property whose schema is false (it may"
                + " never appear) was added to a closed model, which rejected it anyway.",
                "property {name} with schema false was added at '{path}'", "nothing to do",
                "FALSE_PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL"),
        FALSE_PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL(Verdict.COMPATIBLE, "A property whose schema was false (it"
                + " could never appear) was removed from a closed model: no valid data had it.",
                "property {name} with schema false was removed at '{path}'", "nothing to do",
                "FALSE_PROPERTY_ADDED_TO_CLOSED_CONTENT_MODEL"),
        PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(Verdict.COMPATIBLE, "A property was removed and"
                + " the new patternProperties/additionalProperties schema for its name accepts its old values.",
                "property {name} was removed at '{path}', still covered by the partially open model",
                "under FORWARD or FULL compatibility the pattern schema must also fit within the property's"
                        + " old schema", "PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"),
        PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(Verdict.LENIENT_ONLY, "A property was removed"
                + " and the new patternProperties/additionalProperties schema for its name rejects some of its old"
                + " values.", "property {name} was removed at '{path}' and the partially open model does not cover"
                + " its old values", "keep the property, widen the matching pattern schema, or use the LENIENT"
                + " policy", "PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"),

        // ---- arrays -----------------------------------------------------------------------------------------
        MAX_ITEMS_ADDED(Verdict.INCOMPATIBLE, "A maxItems was added, rejecting longer arrays.",
                "maxItems {new} was added at '{path}'", "do not limit the length of an existing array",
                "MAX_ITEMS_REMOVED"),
        MAX_ITEMS_REMOVED(Verdict.COMPATIBLE, "The maxItems was removed.", "maxItems {old} was removed at '{path}'",
                "under FORWARD or FULL compatibility keep maxItems", "MAX_ITEMS_ADDED"),
        MAX_ITEMS_INCREASED(Verdict.COMPATIBLE, "The maxItems was increased.",
                "maxItems at '{path}' increased from {old} to {new}",
                "under FORWARD or FULL compatibility do not increase maxItems", "MAX_ITEMS_DECREASED"),
        MAX_ITEMS_DECREASED(Verdict.INCOMPATIBLE, "The maxItems was decreased, rejecting longer arrays that were"
                + " valid.", "maxItems at '{path}' decreased from {old} to {new}", "keep maxItems at {old} or more",
                "MAX_ITEMS_INCREASED"),
        MIN_ITEMS_ADDED(Verdict.INCOMPATIBLE, "A minItems was added, rejecting shorter arrays.",
                "minItems {new} was added at '{path}'", "do not require a minimum length of an existing array",
                "MIN_ITEMS_REMOVED"),
        MIN_ITEMS_REMOVED(Verdict.COMPATIBLE, "The minItems was removed.", "minItems {old} was removed at '{path}'",
                "under FORWARD or FULL compatibility keep minItems", "MIN_ITEMS_ADDED"),
        MIN_ITEMS_INCREASED(Verdict.INCOMPATIBLE, "The minItems was increased, rejecting shorter arrays that were"
                + " valid.", "minItems at '{path}' increased from {old} to {new}", "keep minItems at {old} or less",
                "MIN_ITEMS_DECREASED"),
        MIN_ITEMS_DECREASED(Verdict.COMPATIBLE, "The minItems was decreased.",
                "minItems at '{path}' decreased from {old} to {new}",
                "under FORWARD or FULL compatibility do not decrease minItems", "MIN_ITEMS_INCREASED"),
        MAX_CONTAINS_ADDED(Verdict.INCOMPATIBLE, "A maxContains was added, rejecting arrays with more matching"
                + " items.", "maxContains {new} was added at '{path}'",
                "do not limit how many items of an existing array may match contains", "MAX_CONTAINS_REMOVED"),
        MAX_CONTAINS_REMOVED(Verdict.COMPATIBLE, "The maxContains was removed.",
                "maxContains {old} was removed at '{path}'", "under FORWARD or FULL compatibility keep maxContains",
                "MAX_CONTAINS_ADDED"),
        MAX_CONTAINS_INCREASED(Verdict.COMPATIBLE, "The maxContains was increased.",
                "maxContains at '{path}' increased from {old} to {new}",
                "under FORWARD or FULL compatibility do not increase maxContains", "MAX_CONTAINS_DECREASED"),
        MAX_CONTAINS_DECREASED(Verdict.INCOMPATIBLE, "The maxContains was decreased, rejecting arrays with more"
                + " matching items that were valid.", "maxContains at '{path}' decreased from {old} to {new}",
                "keep maxContains at {old} or more", "MAX_CONTAINS_INCREASED"),
        MIN_CONTAINS_ADDED(Verdict.INCOMPATIBLE, "A minContains was added, rejecting arrays with fewer matching"
                + " items.", "minContains {new} was added at '{path}'",
                "do not require more matching items in an existing array", "MIN_CONTAINS_REMOVED"),
        MIN_CONTAINS_REMOVED(Verdict.COMPATIBLE, "The minContains was removed.",
                "minContains {old} was removed at '{path}'", "under FORWARD or FULL compatibility keep minContains",
                "MIN_CONTAINS_ADDED"),
        MIN_CONTAINS_INCREASED(Verdict.INCOMPATIBLE, "The minContains was increased, rejecting arrays with fewer"
                + " matching items that were valid.", "minContains at '{path}' increased from {old} to {new}",
                "keep minContains at {old} or less", "MIN_CONTAINS_DECREASED"),
        MIN_CONTAINS_DECREASED(Verdict.COMPATIBLE, "The minContains was decreased.",
                "minContains at '{path}' decreased from {old} to {new}",
                "under FORWARD or FULL compatibility do not decrease minContains", "MIN_CONTAINS_INCREASED"),
        UNIQUE_ITEMS_ADDED(Verdict.INCOMPATIBLE, "uniqueItems was added, rejecting arrays with duplicates.",
                "uniqueItems was added at '{path}'", "do not require unique items in an existing array",
                "UNIQUE_ITEMS_REMOVED"),
        UNIQUE_ITEMS_REMOVED(Verdict.COMPATIBLE, "uniqueItems was removed, accepting duplicates.",
                "uniqueItems was removed at '{path}'", "under FORWARD or FULL compatibility keep uniqueItems",
                "UNIQUE_ITEMS_ADDED"),
        ADDITIONAL_ITEMS_ADDED(Verdict.COMPATIBLE, "A closed tuple was opened: items after the positional ones"
                + " are allowed again.", "items after the positional ones are now allowed at '{path}'",
                "under FORWARD or FULL compatibility keep the tuple closed", "ADDITIONAL_ITEMS_REMOVED"),
        ADDITIONAL_ITEMS_REMOVED(Verdict.INCOMPATIBLE, "A tuple was closed: items after the positional ones are"
                + " rejected.", "items after the positional ones are no longer allowed at '{path}'",
                "keep the tuple open", "ADDITIONAL_ITEMS_ADDED"),
        ADDITIONAL_ITEMS_EXTENDED(Verdict.COMPATIBLE, "The schema of items after the positional ones was removed.",
                "the schema of additional items at '{path}' was removed",
                "under FORWARD or FULL compatibility keep the schema of additional items",
                "ADDITIONAL_ITEMS_NARROWED"),
        ADDITIONAL_ITEMS_NARROWED(Verdict.INCOMPATIBLE, "A schema for items after the positional ones was added.",
                "a schema for additional items was added at '{path}'", "keep additional items free",
                "ADDITIONAL_ITEMS_EXTENDED"),
        ITEM_ADDED_TO_OPEN_CONTENT_MODEL(Verdict.INCOMPATIBLE, "A positional item was added to an open tuple; old"
                + " data may have any value at that position.",
                "a positional item was added at '{path}' to an open tuple",
                "close the tuple (additionalItems: false or items: false) in the first version",
                "ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL"),
        ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL(Verdict.COMPATIBLE, "A positional item with the empty"
                + " schema was added to an open tuple.",
                "a positional item with the empty schema was added at '{path}' to an open tuple", null,
                "ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL"),
        ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL(Verdict.COMPATIBLE, "A positional item was removed from an open"
                + " tuple, which still accepts any value there.",
                "the positional item at '{path}' was removed from an open tuple",
                "under FORWARD or FULL compatibility keep the positional item",
                "ITEM_ADDED_TO_OPEN_CONTENT_MODEL", "ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL"),
        ITEM_ADDED_TO_CLOSED_CONTENT_MODEL(Verdict.COMPATIBLE, "A positional item was added to a closed tuple,"
                + " where old data cannot have it.", "a positional item was added at '{path}' to a closed tuple",
                "under FORWARD or FULL compatibility old readers reject the longer arrays",
                "ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL"),
        ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL(Verdict.INCOMPATIBLE, "A positional item was removed from a closed"
                + " tuple, which now rejects arrays that have it.",
                "the positional item at '{path}' was removed from a closed tuple", "keep the positional item",
                "ITEM_ADDED_TO_CLOSED_CONTENT_MODEL"),
        FALSE_ITEM_ADDED_TO_CLOSED_CONTENT_MODEL(Verdict.COMPATIBLE, "A positional item whose schema is false was"
                + " added to a closed tuple, which rejected an item there anyway.",
                "the positional item at '{path}' with schema false was added to a closed tuple", "nothing to do",
                "FALSE_ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL"),
        FALSE_ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL(Verdict.COMPATIBLE, "A positional item whose schema was false"
                + " was removed from a closed tuple: no valid array had an item there.",
                "the positional item at '{path}' with schema false was removed from a closed tuple", "nothing to do",
                "FALSE_ITEM_ADDED_TO_CLOSED_CONTENT_MODEL"),
        ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(Verdict.COMPATIBLE, "A positional item was added"
                + " whose schema accepts everything the old additional-items schema accepted.",
                "a positional item was added at '{path}', covered by the old additional-items schema",
                "under FORWARD or FULL compatibility the item's schema must also fit within the old"
                        + " additional-items schema", "ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"),
        ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(Verdict.INCOMPATIBLE, "A positional item was added"
                + " whose schema does not accept everything the old additional-items schema accepted.",
                "a positional item was added at '{path}' that the old additional-items schema does not cover",
                "give the item a schema compatible with the additional-items schema",
                "ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"),
        ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(Verdict.COMPATIBLE, "A positional item was removed"
                + " and the new additional-items schema accepts its old values.",
                "the positional item at '{path}' was removed, still covered by the additional-items schema",
                "under FORWARD or FULL compatibility the additional-items schema must also fit within the"
                        + " item's old schema", "ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"),
        ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(Verdict.INCOMPATIBLE, "A positional item was"
                + " removed and the new additional-items schema rejects some of its old values.",
                "the positional item at '{path}' was removed and the additional-items schema does not cover it",
                "keep the positional item, or widen the additional-items schema",
                "ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"),

        // ---- combined schemas -------------------------------------------------------------------------------
        COMBINED_TYPE_EXTENDED(Verdict.COMPATIBLE, "allOf or oneOf became anyOf, which accepts more.",
                "{old} at '{path}' became {new}", "under FORWARD or FULL compatibility keep the combinator",
                "COMBINED_TYPE_CHANGED"),
        COMBINED_TYPE_CHANGED(Verdict.INCOMPATIBLE, "The combinator changed (for example anyOf to oneOf or"
                + " allOf) in a way that may reject data.", "{old} at '{path}' became {new}",
                "keep the old combinator", "COMBINED_TYPE_CHANGED", "COMBINED_TYPE_EXTENDED"),
        PRODUCT_TYPE_EXTENDED(Verdict.INCOMPATIBLE, "An allOf gained subschemas (or a schema became an allOf),"
                + " each of which data must now also match.", "the allOf at '{path}' gained subschemas",
                "do not add constraints to an existing allOf", "PRODUCT_TYPE_NARROWED"),
        PRODUCT_TYPE_NARROWED(Verdict.COMPATIBLE, "An allOf lost subschemas, so data must match fewer of them.",
                "the allOf at '{path}' lost subschemas",
                "under FORWARD or FULL compatibility keep the allOf's subschemas", "PRODUCT_TYPE_EXTENDED"),
        SUM_TYPE_EXTENDED(Verdict.COMPATIBLE, "A oneOf/anyOf (or a type array) gained alternatives, or a schema"
                + " became one of several alternatives.", "the alternatives at '{path}' were extended",
                "under FORWARD or FULL compatibility do not add alternatives (old readers reject them)",
                "SUM_TYPE_NARROWED"),
        SUM_TYPE_NARROWED(Verdict.INCOMPATIBLE, "A oneOf/anyOf (or a type array) lost alternatives, rejecting data"
                + " that matched them.", "the alternatives at '{path}' were narrowed",
                "keep every alternative that data may already use", "SUM_TYPE_EXTENDED"),
        COMBINED_TYPE_SUBSCHEMAS_CHANGED(Verdict.INCOMPATIBLE, "Some subschema of an allOf/anyOf/oneOf has no"
                + " compatible counterpart in the other version.",
                "the subschemas of the {old} at '{path}' changed incompatibly",
                "change each subschema compatibly (see the other changes reported for them)",
                "COMBINED_TYPE_SUBSCHEMAS_CHANGED"),
        COMBINED_TYPE_ADDED(Verdict.INCOMPATIBLE, "An allOf/anyOf/oneOf (or a $ref next to other keywords) was"
                + " added to a schema, constraining it further.", "{new} was added at '{path}'",
                "do not add a combinator to an existing schema", "COMBINED_TYPE_REMOVED"),
        COMBINED_TYPE_REMOVED(Verdict.COMPATIBLE, "An allOf/anyOf/oneOf (or a $ref next to other keywords) was"
                + " removed from a schema that has other keywords.", "{old} was removed at '{path}'",
                "under FORWARD or FULL compatibility keep the combinator", "COMBINED_TYPE_ADDED"),
        NOT_TYPE_EXTENDED(Verdict.INCOMPATIBLE, "The schema inside not accepts more, so the not rejects more.",
                "the schema inside not at '{path}' was extended", "do not widen the schema inside not",
                "NOT_TYPE_NARROWED"),
        NOT_TYPE_NARROWED(Verdict.COMPATIBLE, "The schema inside not accepts less (or changed), so the not rejects"
                + " less.", "the schema inside not at '{path}' was narrowed",
                "under FORWARD or FULL compatibility keep the schema inside not", "NOT_TYPE_EXTENDED"),
        NOT_ADDED(Verdict.INCOMPATIBLE, "A not was added to a schema that has other keywords.",
                "not was added at '{path}'", "do not add a not to an existing schema", "NOT_REMOVED"),
        NOT_REMOVED(Verdict.COMPATIBLE, "A not was removed from a schema that has other keywords.",
                "not was removed at '{path}'", "under FORWARD or FULL compatibility keep the not", "NOT_ADDED"),
        CONDITION_ADDED(Verdict.INCOMPATIBLE, "An if/then/else was added, constraining data further.",
                "if/then/else was added at '{path}'", "do not add conditions to an existing schema",
                "CONDITION_REMOVED"),
        CONDITION_REMOVED(Verdict.COMPATIBLE, "An if/then/else was removed.", "if/then/else was removed at '{path}'",
                "under FORWARD or FULL compatibility keep the condition", "CONDITION_ADDED"),
        CONDITION_CHANGED(Verdict.INCOMPATIBLE, "The if schema of an if/then/else changed, so other data falls"
                + " under then and else.", "the if schema at '{path}' changed", "keep the old if schema",
                "CONDITION_CHANGED");

        final Verdict verdict;
        final String purpose;
        final String template;
        final String hint;
        private final String[] reverseNames;

        Kind(Verdict verdict, String purpose, String template, String hint, String... reverseNames) {
            this.verdict = verdict;
            this.purpose = purpose;
            this.template = template;
            this.hint = hint;
            this.reverseNames = reverseNames;
        }

        /** The kinds the comparison in the other direction reports for a change of this kind. */
        List<Kind> reverses() {
            List<Kind> kinds = new ArrayList<>();
            for (String name : reverseNames) {
                kinds.add(valueOf(name));
            }
            return kinds;
        }

        /** True when a change of this kind, found comparing original to update, keeps compatibility. */
        boolean compatible(CompatibilityPolicy policy) {
            return verdict == Verdict.COMPATIBLE || (verdict == Verdict.LENIENT_ONLY
                    && policy == CompatibilityPolicy.LENIENT);
        }

        /** The directions a change of this kind (old to new) can break under the policy. */
        Set<Direction> breaks(CompatibilityPolicy policy) {
            Set<Direction> directions = EnumSet.noneOf(Direction.class);
            if (!compatible(policy)) {
                directions.add(Direction.BACKWARD);
            }
            for (Kind reverse : reverses()) {
                if (!reverse.compatible(policy)) {
                    directions.add(Direction.FORWARD);
                }
            }
            return directions;
        }

        Rule rule() {
            return new Rule(name(), RuleKind.COMPATIBILITY, SchemaType.JSON, category(), purpose, Map.of(
                    CompatibilityPolicy.STRICT, breaks(CompatibilityPolicy.STRICT),
                    CompatibilityPolicy.LENIENT, breaks(CompatibilityPolicy.LENIENT)), template, hint);
        }

        /** The category, from the family the kind's name belongs to. */
        RuleCategory category() {
            String name = name();
            if (name.startsWith("ID_") || name.startsWith("TITLE_") || name.startsWith("DESCRIPTION_")) {
                return RuleCategory.DOCUMENTATION;
            }
            if (name.startsWith("DEFAULT_")) {
                return RuleCategory.DEFAULT;
            }
            if (name.startsWith("SCHEMA_") || name.startsWith("TYPE_")) {
                return RuleCategory.TYPE;
            }
            if (name.startsWith("ENUM_") || name.startsWith("CONST_")) {
                return RuleCategory.ENUM;
            }
            if (name.contains("CONTENT_MODEL") || name.startsWith("ADDITIONAL_") || name.startsWith("UNEVALUATED_")) {
                return RuleCategory.CONTENT_MODEL;
            }
            if (name.startsWith("REQUIRED_") || name.startsWith("DEPENDENCY_")) {
                return RuleCategory.FIELD;
            }
            if (name.startsWith("COMBINED_") || name.startsWith("PRODUCT_") || name.startsWith("SUM_")
                    || name.startsWith("NOT_") || name.startsWith("CONDITION_")) {
                return RuleCategory.UNION;
            }
            return RuleCategory.CONSTRAINT;
        }
    }

    private static final List<Rule> ALL = Arrays.stream(Kind.values()).map(Kind::rule).toList();

    /** Every JSON Schema rule, in catalogue order. */
    public static List<Rule> all() {
        return ALL;
    }
}
