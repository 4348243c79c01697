package dev.accord.maven;

import dev.accord.maven.check.CheckResults;
import dev.accord.maven.registry.Publisher;
import dev.accord.maven.registry.RegistryException;
import dev.accord.maven.schema.SchemaSet;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.List;

/**
 * Registers every schema with its references, referenced files first, idempotently (a schema the subject already
 * has keeps its version). Everything is checked with the registry before anything is written; with
 * {@code dryRun} nothing is written at all. Prints the subject, version and id of each schema.
 */
@Mojo(name = "register", threadSafe = true)
public class RegisterMojo extends AbstractAccordMojo {

    /** Run the registry's checks (lookup and compatibility) without registering anything. */
    @Parameter(property = "accord.dryRun", defaultValue = "false")
    protected boolean dryRun;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("accord:register skipped");
            return;
        }
        SchemaSet set = loadProjectSchemas();
        long invalid = set.entries().stream().filter(e -> !e.valid()).count();
        if (invalid > 0) {
            set.entries().stream().filter(e -> !e.valid()).forEach(e -> log(Publisher.invalid(e)));
            throw new MojoFailureException(invalid + " invalid schema(s): nothing registered");
        }
        CheckResults results = new CheckResults();
        List<Publisher.Outcome> outcomes;
        try {
            outcomes = new Publisher(registryClient()).publish(set, dryRun, results);
        } catch (RegistryException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        for (Publisher.Outcome outcome : outcomes) {
            String where = " (" + outcome.entry().path() + ")";
            String subject = outcome.entry().subject();
            switch (outcome.status()) {
                case UNCHANGED -> getLog().info(subject + ": version " + outcome.version() + ", id " + outcome.id()
                        + " (already registered)" + where);
                case REGISTERED -> getLog().info(subject + ": version " + outcome.version() + ", id " + outcome.id()
                        + " (registered)" + where);
                case WOULD_REGISTER -> getLog().info(subject + ": would register a new version (compatible)" + where);
                case INCOMPATIBLE -> getLog().error(subject + ": incompatible" + where);
                case SKIPPED -> getLog().warn(subject + ": not registered" + where);
            }
        }
        results.all().forEach(this::log);
        long registered = outcomes.stream().filter(o -> o.status() == Publisher.Status.REGISTERED).count();
        if (results.failures() > 0) {
            throw new MojoFailureException("accord:register: " + results.summary() + (dryRun ? " (dry run)"
                    : registered == 0 ? "; nothing was registered"
                    : "; " + registered + " registered before the registry refused one, nothing after it"));
        }
        long unchanged = outcomes.stream().filter(o -> o.status() == Publisher.Status.UNCHANGED).count();
        long would = outcomes.stream().filter(o -> o.status() == Publisher.Status.WOULD_REGISTER).count();
        getLog().info("accord:register" + (dryRun ? " (dry run)" : "") + ": " + (dryRun ? would + " would be registered"
                : registered + " registered") + ", " + unchanged + " unchanged");
    }
}
