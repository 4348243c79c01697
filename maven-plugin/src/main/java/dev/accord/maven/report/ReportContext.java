package dev.accord.maven.report;

import java.net.URI;

/**
 * Where reported paths are rooted: reports for code-scanning UIs and CI annotations name files relative to the
 * repository root, while the console names them relative to the project directory.
 *
 * @param projectPrefix the project directory relative to the repository root, '/'-separated with a trailing
 *                      '/' ("" when the project is the root, or when there is no repository)
 * @param rootUri       the repository root (or project directory) as a file URI ending in '/'
 * @param toolVersion   the plugin's version
 */
public record ReportContext(String projectPrefix, URI rootUri, String toolVersion) {

    public String rootPath(String projectPath) {
        return projectPath == null ? null : projectPrefix + projectPath;
    }
}
