package dev.accord.maven.check;

import dev.accord.core.compat.Change;
import dev.accord.core.compat.CompatibilityChecker;
import dev.accord.core.compat.CompatibilityLevel;
import dev.accord.core.compat.CompatibilityPolicy;
import dev.accord.core.compat.CompatibilityResult;
import dev.accord.core.compat.VersionIncompatibility;
import dev.accord.core.compat.VersionedSchema;
import dev.accord.core.format.SourceLocation;
import dev.accord.maven.schema.SchemaSet;

import java.util.List;
import java.util.function.Function;

/**
 * Compares the project's schemas with a baseline's, subject by subject (so a moved or renamed file is matched
 * by its subject, not by its path). The baseline provides one version of each subject.
 */
public final class OfflineComparison {

    /** The level and policy a subject is checked with. */
    public record Rules(CompatibilityLevel level, CompatibilityPolicy policy) {
    }

    private final CompatibilityChecker checker;
    private final Function<String, Rules> rulesBySubject;

    public OfflineComparison(CompatibilityChecker checker, Function<String, Rules> rulesBySubject) {
        this.checker = checker;
        this.rulesBySubject = rulesBySubject;
    }

    public void compare(SchemaSet current, SchemaSet baseline, String label, CheckResults results) {
        results.baselines().add(label);
        for (SchemaSet.Entry entry : current.entries()) {
            if (!entry.valid()) {
                continue;
            }
            SchemaCase schemaCase = results.caseFor(entry);
            SchemaSet.Entry old = baseline.bySubject(entry.subject());
            if (old == null) {
                schemaCase.notes().add("new subject: not in " + label);
                continue;
            }
            if (!old.valid()) {
                schemaCase.findings().add(Finding.warning(entry.path(), SourceLocation.START, "BASELINE_INVALID",
                        "The baseline's version of subject " + entry.subject() + " (" + old.path() + ") is invalid, so"
                                + " it was not compared: " + old.error(), entry.subject(), label));
                continue;
            }
            Rules rules = rulesBySubject.apply(entry.subject());
            CompatibilityResult result;
            try {
                result = checker.check(rules.level(), rules.policy(), entry.parsed(),
                        List.of(new VersionedSchema(1, old.parsed())));
            } catch (RuntimeException e) {
                schemaCase.findings().add(Finding.error(entry.path(), SourceLocation.START, "CHECK_FAILED",
                        "Could not compare with " + old.path() + ": " + e, null, entry.subject(), label, null));
                continue;
            }
            String against = label + (old.file().relative().equals(entry.file().relative()) ? "" : " (" + old.path() + ")");
            if (result.compatible()) {
                schemaCase.notes().add("compatible with " + against + " (" + rules.level() + ")");
                continue;
            }
            for (VersionIncompatibility incompatibility : result.incompatibilities()) {
                for (Change change : incompatibility.changes()) {
                    schemaCase.findings().add(toFinding(entry, change, against, rules.level()));
                }
            }
        }
        for (String subject : baseline.subjects()) {
            if (current.bySubject(subject) == null) {
                results.general().add(Finding.warning(null, null, "SUBJECT_REMOVED", "Subject " + subject + " ("
                        + baseline.bySubject(subject).path() + ") is in " + label
                        + " but no schema of the project maps to it (removed, or renamed to another subject?)",
                        subject, label));
            }
        }
    }

    static Finding toFinding(SchemaSet.Entry entry, Change change, String against, CompatibilityLevel level) {
        String pointer = change.newPath() != null ? change.newPath() : change.oldPath();
        SourceLocation location = pointer == null ? SourceLocation.START : entry.locator().locate(pointer);
        if (change.newPath() == null && location != SourceLocation.START) {
            location = new SourceLocation(location.line(), location.column(), true);
        }
        String hint = change.fixHint() != null ? change.fixHint() : Finding.catalogueHint(entry.type(), change.ruleId(),
                change.detail());
        return Finding.error(entry.path(), location, change.ruleId(), change.message(), hint, entry.subject(),
                against + " " + level, null);
    }
}
