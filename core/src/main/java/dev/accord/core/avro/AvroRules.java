package dev.accord.core.avro;

import dev.accord.core.compat.Rule;

import java.util.List;

/**
 * The Avro rules. The breaking ones are Apache Avro's schema resolution errors, found per reading direction;
 * their names are Avro's (and Confluent's) incompatibility types. The others describe structural changes
 * that break nothing by themselves.
 */
public final class AvroRules {

    public static final Rule READER_FIELD_MISSING_DEFAULT_VALUE = new Rule("READER_FIELD_MISSING_DEFAULT_VALUE",
            "AVRO", "The reading schema has a field the writing schema lacks and no default to fill it with.");
    public static final Rule TYPE_MISMATCH = new Rule("TYPE_MISMATCH", "AVRO",
            "A value's type changed to one the reader cannot decode or promote from the written type.");
    public static final Rule NAME_MISMATCH = new Rule("NAME_MISMATCH", "AVRO",
            "A named type (record, enum, fixed) changed its full name without keeping the old one as an alias.");
    public static final Rule FIXED_SIZE_MISMATCH = new Rule("FIXED_SIZE_MISMATCH", "AVRO",
            "A fixed type changed its size, so the reader would read the wrong number of bytes.");
    public static final Rule MISSING_ENUM_SYMBOLS = new Rule("MISSING_ENUM_SYMBOLS", "AVRO",
            "The reader's enum lacks symbols the writer can write and has no enum default to map them to.");
    public static final Rule MISSING_UNION_BRANCH = new Rule("MISSING_UNION_BRANCH", "AVRO",
            "The reader's union lacks a branch the writer's union can write.");

    public static final Rule DOC_CHANGED = new Rule("DOC_CHANGED", "AVRO",
            "Documentation of a record, enum or field was added, removed or edited; readers are unaffected.");
    public static final Rule FIELD_ADDED = new Rule("FIELD_ADDED", "AVRO",
            "A record gained a field; whether old data can still be read depends on its default"
                    + " (see READER_FIELD_MISSING_DEFAULT_VALUE).");
    public static final Rule FIELD_REMOVED = new Rule("FIELD_REMOVED", "AVRO",
            "A record lost a field; old readers then need its default (see READER_FIELD_MISSING_DEFAULT_VALUE).");
    public static final Rule FIELD_DEFAULT_CHANGED = new Rule("FIELD_DEFAULT_CHANGED", "AVRO",
            "A field's default value was added, removed or changed, which changes what readers fill in for"
                    + " data that lacks the field.");
    public static final Rule ENUM_SYMBOLS_ADDED = new Rule("ENUM_SYMBOLS_ADDED", "AVRO",
            "An enum gained symbols; old readers need an enum default to read them (see MISSING_ENUM_SYMBOLS).");
    public static final Rule ENUM_SYMBOLS_REMOVED = new Rule("ENUM_SYMBOLS_REMOVED", "AVRO",
            "An enum lost symbols; new readers need an enum default to read old data (see MISSING_ENUM_SYMBOLS).");
    public static final Rule ALIASES_CHANGED = new Rule("ALIASES_CHANGED", "AVRO",
            "The aliases of a record or field changed, which changes which old names readers accept.");

    private AvroRules() {
    }

    public static List<Rule> all() {
        return List.of(READER_FIELD_MISSING_DEFAULT_VALUE, TYPE_MISMATCH, NAME_MISMATCH, FIXED_SIZE_MISMATCH,
                MISSING_ENUM_SYMBOLS, MISSING_UNION_BRANCH, DOC_CHANGED, FIELD_ADDED, FIELD_REMOVED,
                FIELD_DEFAULT_CHANGED, ENUM_SYMBOLS_ADDED, ENUM_SYMBOLS_REMOVED, ALIASES_CHANGED);
    }
}
