package dev.accord.maven;

import dev.accord.maven.check.Finding;
import dev.accord.maven.schema.SchemaSet;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Parses and validates every schema offline, with the references between files resolved; prints each error
 * as {@code file:line:column: INVALID_SCHEMA message} and fails when any schema is invalid.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class ValidateMojo extends AbstractAccordMojo {

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("accord:validate skipped");
            return;
        }
        long start = System.nanoTime();
        SchemaSet set = loadProjectSchemas();
        int invalid = 0;
        for (SchemaSet.Entry entry : set.entries()) {
            if (entry.valid()) {
                getLog().debug(entry.path() + ": valid " + entry.type() + " schema of subject " + entry.subject()
                        + (entry.dependencies().isEmpty() ? "" : ", references "
                        + entry.dependencies().stream().map(SchemaSet.Entry::path).toList()));
            } else {
                invalid++;
                getLog().error(Finding.error(entry.path(), entry.errorLocation(), Finding.INVALID_SCHEMA, entry.error(),
                        null, entry.subject(), null, null).format());
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        String summary = "accord:validate: " + (set.entries().size() - invalid) + " of " + set.entries().size()
                + " schemas valid (" + millis + " ms)";
        if (invalid > 0) {
            getLog().error(summary);
            throw new MojoFailureException(invalid + (invalid == 1 ? " schema is" : " schemas are") + " invalid; see the"
                    + " errors above");
        }
        getLog().info(summary);
    }
}
