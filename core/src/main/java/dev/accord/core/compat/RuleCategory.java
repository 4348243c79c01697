package dev.accord.core.compat;

/** The part of a schema a rule is about; reports and the docs group rules by it. */
public enum RuleCategory {
    /** The schema format itself. */
    FORMAT,
    /** Names of types, packages and the place of a type in its file. */
    NAME,
    /** The type of a value. */
    TYPE,
    /** Record fields, message fields and object properties: added, removed, renamed, required. */
    FIELD,
    /** Default values. */
    DEFAULT,
    /** Enum symbols and constants, and const values. */
    ENUM,
    /** Unions, oneofs and combined schemas (allOf, anyOf, oneOf, not, if/then/else). */
    UNION,
    /** Constraints on values: lengths, bounds, patterns, formats, counts, uniqueness. */
    CONSTRAINT,
    /** Open, closed and partially open content models of objects and arrays. */
    CONTENT_MODEL,
    /** Documentation, titles, descriptions, aliases and ids: no effect on data. */
    DOCUMENTATION
}
