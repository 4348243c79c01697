package dev.accord.core.avro;

import dev.accord.core.compat.Rule;
import dev.accord.core.compat.RuleCategory;
import dev.accord.core.schema.SchemaType;

import java.util.List;

/**
 * The Avro rules. The breaking ones are Apache Avro's schema resolution errors, found per reading direction;
 * their names are Avro's (and Confluent's) incompatibility types. The others describe structural changes
 * that break nothing by themselves. Placeholders: {path} where the reader found it, {reader} and {writer} the
 * sides ("new", "old"), {info} Avro's detail (a field name, the missing symbols), {name} a quoted field name,
 * {record} a type's full name, {what} the documented element, {how} how it changed, {old} and {new} the values.
 */
public final class AvroRules {

    public static final Rule READER_FIELD_MISSING_DEFAULT_VALUE = rule("READER_FIELD_MISSING_DEFAULT_VALUE",
            RuleCategory.DEFAULT,
            "The reading schema has a field the writing schema lacks and no default to fill it with.",
            "The field '{info}' at path '{path}' in the {reader} schema has no default value and is missing in the"
                    + " {writer} schema",
            "give field {name} a default value (for an optional field: a union with \"null\" first and \"default\":"
                    + " null)");
    public static final Rule TYPE_MISMATCH = rule("TYPE_MISMATCH", RuleCategory.TYPE,
            "A value's type changed to one the reader cannot decode or promote from the written type.",
            "The type (path '{path}') of a field in the {reader} schema does not match with the {writer} schema",
            "keep the old type, widen it only along Avro's promotions (int > long > float > double, string <> bytes),"
                    + " or add a new field with a default instead");
    public static final Rule NAME_MISMATCH = rule("NAME_MISMATCH", RuleCategory.NAME,
            "A named type (record, enum, fixed) changed its full name without keeping the old one as an alias.",
            "The name of the schema has changed (path '{path}')",
            "keep the old full name, or list it in the reader's \"aliases\"");
    public static final Rule FIXED_SIZE_MISMATCH = rule("FIXED_SIZE_MISMATCH", RuleCategory.TYPE,
            "A fixed type changed its size, so the reader would read the wrong number of bytes.",
            "The size of FIXED type field at path '{path}' in the {reader} schema does not match with the {writer}"
                    + " schema",
            "keep the size; a fixed of another size needs a new field and type name");
    public static final Rule MISSING_ENUM_SYMBOLS = rule("MISSING_ENUM_SYMBOLS", RuleCategory.ENUM,
            "The reader's enum lacks symbols the writer can write and has no enum default to map them to.",
            "The {reader} schema is missing enum symbols '{info}' at path '{path}' in the {writer} schema",
            "keep the symbols, or give the reader's enum a \"default\" symbol that unknown symbols map to");
    public static final Rule MISSING_UNION_BRANCH = rule("MISSING_UNION_BRANCH", RuleCategory.UNION,
            "The reader's union lacks a branch the writer's union can write.",
            "The {reader} schema is missing a type inside a union field at path '{path}' in the {writer} schema",
            "keep every branch of the union that data may have been written with");

    public static final Rule DOC_CHANGED = rule("DOC_CHANGED", RuleCategory.DOCUMENTATION,
            "Documentation of a record, enum or field was added, removed or edited; readers are unaffected.",
            "The documentation of {what} {how}", null);
    public static final Rule FIELD_ADDED = rule("FIELD_ADDED", RuleCategory.FIELD,
            "A record gained a field; whether old data can still be read depends on its default"
                    + " (see READER_FIELD_MISSING_DEFAULT_VALUE).",
            "Field {name} was added to record {record} {how}", null);
    public static final Rule FIELD_REMOVED = rule("FIELD_REMOVED", RuleCategory.FIELD,
            "A record lost a field; old readers then need its default (see READER_FIELD_MISSING_DEFAULT_VALUE).",
            "Field {name} was removed from record {record}", null);
    public static final Rule FIELD_DEFAULT_CHANGED = rule("FIELD_DEFAULT_CHANGED", RuleCategory.DEFAULT,
            "A field's default value was added, removed or changed, which changes what readers fill in for"
                    + " data that lacks the field.",
            "The default of field {name} changed from {old} to {new}", null);
    public static final Rule ENUM_SYMBOLS_ADDED = rule("ENUM_SYMBOLS_ADDED", RuleCategory.ENUM,
            "An enum gained symbols; old readers need an enum default to read them (see MISSING_ENUM_SYMBOLS).",
            "Enum {record} gained symbols {new}", null);
    public static final Rule ENUM_SYMBOLS_REMOVED = rule("ENUM_SYMBOLS_REMOVED", RuleCategory.ENUM,
            "An enum lost symbols; new readers need an enum default to read old data (see MISSING_ENUM_SYMBOLS).",
            "Enum {record} lost symbols {old}", null);
    public static final Rule ALIASES_CHANGED = rule("ALIASES_CHANGED", RuleCategory.DOCUMENTATION,
            "The aliases of a record or field changed, which changes which old names readers accept.",
            "The aliases of {what} changed from {old} to {new}", null);

    private AvroRules() {
    }

    private static Rule rule(String id, RuleCategory category, String purpose, String message, String hint) {
        return Rule.compatibility(id, SchemaType.AVRO, category, purpose, message, hint);
    }

    public static List<Rule> all() {
        return List.of(READER_FIELD_MISSING_DEFAULT_VALUE, TYPE_MISMATCH, NAME_MISMATCH, FIXED_SIZE_MISMATCH,
                MISSING_ENUM_SYMBOLS, MISSING_UNION_BRANCH, DOC_CHANGED, FIELD_ADDED, FIELD_REMOVED,
                FIELD_DEFAULT_CHANGED, ENUM_SYMBOLS_ADDED, ENUM_SYMBOLS_REMOVED, ALIASES_CHANGED);
    }

    /** The rule of an incompatibility type Apache Avro reports. */
    static Rule ofIncompatibility(String type) {
        return all().stream().filter(rule -> rule.id().equals(type)).findFirst().orElseThrow(() ->
                new IllegalStateException("Avro reported a rule missing from the catalogue: " + type));
    }
}
