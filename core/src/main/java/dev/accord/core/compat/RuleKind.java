package dev.accord.core.compat;

/** What reports a rule: the compatibility check of two versions, or the lint policies of one schema. */
public enum RuleKind {
    COMPATIBILITY,
    LINT
}
