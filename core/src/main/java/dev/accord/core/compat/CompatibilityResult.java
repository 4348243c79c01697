package dev.accord.core.compat;

import java.util.List;

/** The verdict of a compatibility check: compatible exactly when no checked version has breaking changes. */
public record CompatibilityResult(CompatibilityLevel level, List<VersionIncompatibility> incompatibilities) {

    public CompatibilityResult {
        incompatibilities = List.copyOf(incompatibilities);
    }

    public boolean compatible() {
        return incompatibilities.isEmpty();
    }
}
