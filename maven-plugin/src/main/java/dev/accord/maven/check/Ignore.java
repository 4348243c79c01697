package dev.accord.maven.check;

import dev.accord.maven.schema.Glob;

/**
 * A waiver: findings of one rule for a subject or a path are reported but do not fail the build. The
 * reason is required and is printed with every finding it waives.
 *
 * <pre>{@code
 * <ignore>
 *   <rule>READER_FIELD_MISSING_DEFAULT_VALUE</rule>
 *   <subject>orders-value</subject>        <!-- and/or <path>src/main/avro/legacy/**</path> -->
 *   <reason>orders-value has no consumers yet (JIRA-123)</reason>
 * </ignore>
 * }</pre>
 */
public class Ignore {

    /** The rule ID, or "*" for any rule. */
    private String rule;
    /** The subject (wildcards * and ? allowed). */
    private String subject;
    /** The schema file, relative to the project directory (Ant-style pattern; a folder ending in / for all of it). */
    private String path;
    /** Why the finding is acceptable. Required. */
    private String reason;

    public Ignore() {
    }

    public Ignore(String rule, String subject, String path, String reason) {
        this.rule = rule;
        this.subject = subject;
        this.path = path;
        this.reason = reason;
    }

    public String getRule() {
        return rule;
    }

    public void setRule(String rule) {
        this.rule = rule;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    /** Null when usable, else what is missing. */
    public String problem() {
        if (blank(rule)) {
            return "has no <rule> (a rule ID such as READER_FIELD_MISSING_DEFAULT_VALUE, or *)";
        }
        if (blank(subject) && blank(path)) {
            return "needs a <subject> or a <path>";
        }
        if (blank(reason)) {
            return "has no <reason>: say why the change is acceptable";
        }
        return null;
    }

    public boolean matches(Finding finding) {
        if (!rule.trim().equals("*") && !rule.trim().equals(finding.ruleId())) {
            return false;
        }
        if (!blank(subject) && (finding.subject() == null || !new Glob(subject.trim()).matches(finding.subject()))) {
            return false;
        }
        if (!blank(path)) {
            if (finding.path() == null) {
                return false;
            }
            String p = path.trim().replace('\\', '/');
            if (p.startsWith("./")) {
                p = p.substring(2);
            }
            boolean match = p.endsWith("/") ? finding.path().startsWith(p) : new Glob(p).matches(finding.path());
            if (!match) {
                return false;
            }
        }
        return true;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("ignore of rule ").append(rule);
        if (!blank(subject)) {
            text.append(" for subject ").append(subject);
        }
        if (!blank(path)) {
            text.append(" for path ").append(path);
        }
        return text.toString();
    }
}
