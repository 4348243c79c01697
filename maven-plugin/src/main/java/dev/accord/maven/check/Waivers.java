package dev.accord.maven.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Applies the configured ignores to findings, and tells which ignores waived nothing. */
public final class Waivers {

    private final List<Ignore> ignores;
    private final Set<Ignore> used = new LinkedHashSet<>();

    /** @throws IllegalArgumentException when an ignore lacks its rule, subject/path or reason */
    public Waivers(List<Ignore> ignores) {
        this.ignores = ignores == null ? List.of() : List.copyOf(ignores);
        for (int i = 0; i < this.ignores.size(); i++) {
            String problem = this.ignores.get(i).problem();
            if (problem != null) {
                throw new IllegalArgumentException("<ignores> entry " + (i + 1) + " (" + this.ignores.get(i) + ") "
                        + problem);
            }
        }
    }

    /** The finding, waived by the first ignore that matches it (errors only). */
    public Finding apply(Finding finding) {
        if (finding.severity() != Finding.Severity.ERROR || finding.isWaived()) {
            return finding;
        }
        for (Ignore ignore : ignores) {
            if (ignore.matches(finding)) {
                used.add(ignore);
                return finding.waived(ignore.getReason().trim());
            }
        }
        return finding;
    }

    /** Warnings for the ignores that matched no finding. */
    public List<Finding> unused() {
        List<Finding> warnings = new ArrayList<>();
        for (Ignore ignore : ignores) {
            if (!used.contains(ignore)) {
                warnings.add(Finding.warning(null, null, "UNUSED_IGNORE", "The " + ignore + " (reason: "
                        + ignore.getReason().trim() + ") matched no finding; remove it", ignore.getSubject(), null));
            }
        }
        return warnings;
    }
}
