package dev.accord.maven.check;

import dev.accord.maven.schema.SchemaSet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Everything a check found: a case per schema file, and findings about no file in particular. */
public final class CheckResults {

    private final Map<String, SchemaCase> cases = new LinkedHashMap<>();
    private final List<Finding> general = new ArrayList<>();
    private final List<String> baselines = new ArrayList<>();
    private long millis;

    public SchemaCase caseFor(SchemaSet.Entry entry) {
        return cases.computeIfAbsent(entry.path(), p -> new SchemaCase(p, entry.subject(), entry.type()));
    }

    public Collection<SchemaCase> cases() {
        return cases.values();
    }

    /** Findings not about one file of the project (a subject only the baseline has, an unused ignore). */
    public List<Finding> general() {
        return general;
    }

    public List<String> baselines() {
        return baselines;
    }

    public long millis() {
        return millis;
    }

    public void millis(long millis) {
        this.millis = millis;
    }

    /** Every finding, by file then general. */
    public List<Finding> all() {
        List<Finding> all = new ArrayList<>();
        cases.values().forEach(c -> all.addAll(c.findings()));
        all.addAll(general);
        return all;
    }

    /** The schema type of the file a finding is about, or null for a general finding. */
    public dev.accord.core.schema.SchemaType typeOf(Finding finding) {
        SchemaCase schemaCase = finding.path() == null ? null : cases.get(finding.path());
        return schemaCase == null ? null : schemaCase.type();
    }

    /** Replaces every finding by what the operator makes of it (waivers). */
    public void map(UnaryOperator<Finding> operator) {
        for (SchemaCase c : cases.values()) {
            c.findings().replaceAll(operator);
        }
        general.replaceAll(operator);
    }

    public long failures() {
        return all().stream().filter(Finding::fails).count();
    }

    public long waived() {
        return all().stream().filter(Finding::isWaived).count();
    }

    public long warnings() {
        return all().stream().filter(f -> f.severity() == Finding.Severity.WARNING).count();
    }

    /** "2 incompatible changes in 1 of 5 schemas against git:origin/main (1 waived, 1 warning)". */
    public String summary() {
        long failures = failures();
        long failedCases = cases.values().stream().filter(SchemaCase::failed).count();
        StringBuilder text = new StringBuilder();
        if (failures == 0) {
            text.append("no incompatible changes in ").append(cases.size()).append(cases.size() == 1 ? " schema" : " schemas");
        } else {
            text.append(failures).append(failures == 1 ? " problem" : " problems").append(" in ")
                    .append(failedCases).append(" of ").append(cases.size()).append(cases.size() == 1 ? " schema" : " schemas");
        }
        if (!baselines.isEmpty()) {
            text.append(" against ").append(String.join(", ", baselines));
        }
        List<String> extra = new ArrayList<>();
        if (waived() > 0) {
            extra.add(waived() + " waived");
        }
        if (warnings() > 0) {
            extra.add(warnings() + (warnings() == 1 ? " warning" : " warnings"));
        }
        if (!extra.isEmpty()) {
            text.append(" (").append(String.join(", ", extra)).append(')');
        }
        return text.toString();
    }
}
