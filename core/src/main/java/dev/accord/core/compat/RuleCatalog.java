package dev.accord.core.compat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every rule Accord can report. The documentation page of rules is checked against this list. */
public final class RuleCatalog {

    public static final Rule SCHEMA_TYPE_CHANGED = new Rule("SCHEMA_TYPE_CHANGED", "ANY",
            "The new version has a different schema type (for example AVRO and JSON), so no reader of one can"
                    + " decode data written with the other.");

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

    private static final Map<String, Rule> BY_ID = new LinkedHashMap<>();

    static {
        for (Rule rule : List.of(SCHEMA_TYPE_CHANGED, READER_FIELD_MISSING_DEFAULT_VALUE, TYPE_MISMATCH,
                NAME_MISMATCH, FIXED_SIZE_MISMATCH, MISSING_ENUM_SYMBOLS, MISSING_UNION_BRANCH)) {
            BY_ID.put(rule.id(), rule);
        }
    }

    private RuleCatalog() {
    }

    /** All rules, in catalogue order. */
    public static List<Rule> all() {
        return List.copyOf(BY_ID.values());
    }

    public static Optional<Rule> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }
}
