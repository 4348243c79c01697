package dev.accord.maven.check;

import dev.accord.core.schema.SchemaType;

import java.util.ArrayList;
import java.util.List;

/** The outcome of checking one schema file: one test case of the JUnit report. */
public final class SchemaCase {

    private final String path;
    private final String subject;
    private final SchemaType type;
    private final List<Finding> findings = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public SchemaCase(String path, String subject, SchemaType type) {
        this.path = path;
        this.subject = subject;
        this.type = type;
    }

    public String path() {
        return path;
    }

    public String subject() {
        return subject;
    }

    public SchemaType type() {
        return type;
    }

    public List<Finding> findings() {
        return findings;
    }

    /** What was checked and passed ("compatible with git:v1 (BACKWARD)", "new subject in registry"). */
    public List<String> notes() {
        return notes;
    }

    public boolean failed() {
        return findings.stream().anyMatch(Finding::fails);
    }

    public boolean invalid() {
        return findings.stream().anyMatch(f -> f.fails() && Finding.INVALID_SCHEMA.equals(f.ruleId()));
    }
}
