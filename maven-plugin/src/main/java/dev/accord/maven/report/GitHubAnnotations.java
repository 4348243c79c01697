package dev.accord.maven.report;

import dev.accord.maven.check.CheckResults;
import dev.accord.maven.check.Finding;

import java.util.ArrayList;
import java.util.List;

/**
 * GitHub Actions workflow commands ({@code ::error file=...,line=...,col=...,title=...::message}), which
 * annotate the pull request's diff when printed on a line of their own.
 */
public final class GitHubAnnotations {

    private GitHubAnnotations() {
    }

    /** True when running in GitHub Actions. */
    public static boolean enabled() {
        return "true".equalsIgnoreCase(System.getenv("GITHUB_ACTIONS"));
    }

    public static List<String> render(CheckResults results, ReportContext context) {
        List<String> lines = new ArrayList<>();
        for (Finding finding : results.all()) {
            if (finding.isWaived()) {
                continue;
            }
            StringBuilder line = new StringBuilder("::")
                    .append(finding.severity() == Finding.Severity.ERROR ? "error" : "warning");
            List<String> properties = new ArrayList<>();
            if (finding.path() != null) {
                properties.add("file=" + property(context.rootPath(finding.path())));
                properties.add("line=" + finding.location().line());
                properties.add("col=" + finding.location().column());
            }
            properties.add("title=" + property(finding.ruleId()
                    + (finding.subject() == null ? "" : " (" + finding.subject() + ")")));
            line.append(' ').append(String.join(",", properties));
            String message = finding.message() + (finding.fixHint() == null ? "" : " (" + finding.fixHint() + ")")
                    + (finding.baseline() == null ? "" : " [baseline " + finding.baseline()
                    + (finding.version() == null ? "" : ", version " + finding.version()) + "]");
            line.append("::").append(data(message));
            lines.add(line.toString());
        }
        return lines;
    }

    static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
