package dev.accord.maven;

import dev.accord.maven.registry.Downloader;
import dev.accord.maven.registry.RegistryException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.util.List;

/**
 * Downloads the subjects whose names match regular expressions, with the schemas they reference, into a folder,
 * with an index.json of subjects, versions and ids.
 */
@Mojo(name = "download", requiresProject = false, threadSafe = true)
public class DownloadMojo extends AbstractAccordMojo {

    /** Regular expressions a subject must match as a whole (comma-separated on the command line). */
    @Parameter(property = "accord.subjectPatterns", required = true)
    protected List<String> subjectPatterns;

    /** Per pattern: latest (default), a version number, or all. */
    @Parameter(property = "accord.versions")
    protected List<String> versions;

    /** Where to write the schemas. */
    @Parameter(property = "accord.outputDirectory", defaultValue = "${project.build.directory}/accord/schemas")
    protected File outputDirectory;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("accord:download skipped");
            return;
        }
        try {
            List<Downloader.Written> written = new Downloader(registryClient()).download(subjectPatterns, versions,
                    outputDirectory.toPath());
            for (Downloader.Written w : written) {
                getLog().info(w.subject() + ": version " + w.version() + ", id " + w.id() + " -> " + w.file()
                        + (w.referenced() ? " (referenced)" : ""));
            }
            if (written.isEmpty()) {
                getLog().warn("No subject matches " + subjectPatterns);
            }
            getLog().info("accord:download: " + written.size() + " schemas written to " + outputDirectory);
        } catch (RegistryException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write to " + outputDirectory + ": " + e.getMessage(), e);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new MojoExecutionException("Invalid subject pattern: " + e.getMessage(), e);
        }
    }
}
