package dev.accord.maven;

import dev.accord.core.compat.CompatibilityChecker;
import dev.accord.core.compat.CompatibilityLevel;
import dev.accord.core.compat.CompatibilityPolicy;
import dev.accord.core.schema.SchemaParsers;
import dev.accord.maven.baseline.GitTree;
import dev.accord.maven.baseline.SchemaIndex;
import dev.accord.maven.check.BaselineSpec;
import dev.accord.maven.check.CheckResults;
import dev.accord.maven.check.Finding;
import dev.accord.maven.check.Ignore;
import dev.accord.maven.check.OfflineComparison;
import dev.accord.maven.check.SchemaCase;
import dev.accord.maven.check.Waivers;
import dev.accord.maven.registry.RegistryCheck;
import dev.accord.maven.registry.RegistryException;
import dev.accord.maven.report.GitHubAnnotations;
import dev.accord.maven.report.JUnitXmlReport;
import dev.accord.maven.report.ReportContext;
import dev.accord.maven.report.SarifReport;
import dev.accord.maven.schema.SchemaSet;
import dev.accord.maven.schema.SourceRoot;
import dev.accord.maven.schema.SourceTree;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks that every schema is compatible with its baseline versions: the registry's, a git ref's, a released
 * artifact's or a directory's. Prints each violation as {@code file:line:col: RULE_ID message (fix hint)},
 * writes JUnit XML, SARIF and (on GitHub Actions) workflow annotations to {@code target/accord/}, and fails the
 * build on incompatible changes.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractAccordMojo {

    /**
     * Comma-separated baselines: {@code registry}, {@code git:<ref>}, {@code artifact:<g:a:v>},
     * {@code artifact:previous}, {@code directory:<path>}. Default: {@code registry} when a registryUrl is set.
     */
    @Parameter(property = "accord.baseline")
    protected String baseline;

    /** Level of the offline baselines (the registry applies each subject's own). */
    @Parameter(property = "accord.level", defaultValue = "BACKWARD")
    protected String level;

    /** Policy of the offline baselines: STRICT or LENIENT (JSON Schema open content models). */
    @Parameter(property = "accord.policy", defaultValue = "STRICT")
    protected String policy;

    /** {@code error}: fail the build on incompatible changes; {@code never}: report only. */
    @Parameter(property = "accord.failOn", defaultValue = "error")
    protected String failOn;

    /**
     * When the registry cannot be reached: {@code true} to go on with the other (offline) baselines configured,
     * or a baseline to use in its place (e.g. {@code git:origin/main}). Unset: the build fails.
     */
    @Parameter(property = "accord.offlineFallback")
    protected String offlineFallback;

    /** Waivers: rule ID, subject and/or path, and a required reason. */
    @Parameter
    protected List<Ignore> ignores;

    /** Where the reports go. */
    @Parameter(property = "accord.reportDirectory", defaultValue = "${project.build.directory}/accord")
    protected File reportDirectory;

    /** Print GitHub Actions annotations; default: when the environment variable GITHUB_ACTIONS is true. */
    @Parameter(property = "accord.githubAnnotations")
    protected Boolean githubAnnotations;

    @Parameter(defaultValue = "${plugin}", readonly = true)
    protected PluginDescriptor plugin;

    @Component
    protected RepositorySystem repositorySystem;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("accord:check skipped");
            return;
        }
        long start = System.nanoTime();
        List<BaselineSpec> specs = baselines();
        boolean reportOnly = switch (lower(failOn)) {
            case "error", "" -> false;
            case "never" -> true;
            default -> throw new MojoExecutionException("Invalid failOn '" + failOn + "': use error or never");
        };
        Waivers waivers;
        try {
            waivers = new Waivers(ignores);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        Map<String, OfflineComparison.Rules> rules = subjectRules();
        OfflineComparison comparison = new OfflineComparison(new CompatibilityChecker(),
                subject -> rules.getOrDefault(subject, rules.get(null)));

        SchemaSet current = loadProjectSchemas();
        CheckResults results = new CheckResults();
        for (SchemaSet.Entry entry : current.entries()) {
            SchemaCase schemaCase = results.caseFor(entry);
            if (!entry.valid()) {
                schemaCase.findings().add(Finding.error(entry.path(), entry.errorLocation(), Finding.INVALID_SCHEMA,
                        entry.error(), null, entry.subject(), null, null));
            }
        }
        List<BaselineSpec> queue = new ArrayList<>(specs);
        for (int i = 0; i < queue.size(); i++) {
            BaselineSpec spec = queue.get(i);
            if (spec.kind() == BaselineSpec.Kind.REGISTRY) {
                try {
                    new RegistryCheck(registryClient()).check(current, results);
                } catch (RegistryException.Unreachable e) {
                    fallBack(e, specs, queue);
                }
            } else {
                compareOffline(spec, current, comparison, results);
            }
        }
        results.map(waivers::apply);
        results.general().addAll(waivers.unused());
        results.millis((System.nanoTime() - start) / 1_000_000);

        for (SchemaCase schemaCase : results.cases()) {
            schemaCase.notes().forEach(note -> getLog().debug(schemaCase.path() + ": " + note));
        }
        results.all().forEach(this::log);
        writeReports(results);
        String summary = "accord:check: " + results.summary() + " (" + results.millis() + " ms)";
        if (results.failures() > 0) {
            getLog().error(summary);
            if (!reportOnly) {
                throw new MojoFailureException(results.summary() + ". Each problem is listed above and in "
                        + reportDirectory + "; to accept one, add an <ignore> with a <reason>.");
            }
        } else {
            getLog().info(summary);
        }
    }

    private List<BaselineSpec> baselines() throws MojoExecutionException {
        List<BaselineSpec> specs;
        try {
            specs = BaselineSpec.parseList(baseline);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        if (specs.isEmpty()) {
            if (hasRegistry()) {
                return List.of(BaselineSpec.parse("registry"));
            }
            throw new MojoExecutionException("No baseline to check against: set <baseline> or -Daccord.baseline to "
                    + BaselineSpec.FORMS + " (comma-separated), or set a <registryUrl>");
        }
        return specs;
    }

    private Map<String, OfflineComparison.Rules> subjectRules() throws MojoExecutionException {
        CompatibilityLevel defaultLevel = level(level, "level");
        CompatibilityPolicy defaultPolicy = policy(policy, "policy");
        Map<String, OfflineComparison.Rules> rules = new HashMap<>();
        rules.put(null, new OfflineComparison.Rules(defaultLevel, defaultPolicy));
        if (subjects != null) {
            for (Subject subject : subjects) {
                if (subject.getName() == null) {
                    continue;
                }
                CompatibilityLevel l = subject.getLevel() == null ? defaultLevel
                        : level(subject.getLevel(), "level of subject " + subject.getName());
                CompatibilityPolicy p = subject.getPolicy() == null ? defaultPolicy
                        : policy(subject.getPolicy(), "policy of subject " + subject.getName());
                rules.put(subject.getName().trim(), new OfflineComparison.Rules(l, p));
            }
        }
        return rules;
    }

    private void fallBack(RegistryException.Unreachable e, List<BaselineSpec> specs, List<BaselineSpec> queue)
            throws MojoExecutionException {
        String fallback = offlineFallback == null ? "" : offlineFallback.trim();
        if (fallback.isEmpty() || fallback.equalsIgnoreCase("false")) {
            throw new MojoExecutionException(e.getMessage() + ". To check against an offline baseline when the"
                    + " registry is down, set offlineFallback (-Daccord.offlineFallback=git:origin/main).", e);
        }
        if (fallback.equalsIgnoreCase("true")) {
            List<BaselineSpec> offline = specs.stream().filter(BaselineSpec::offline).toList();
            if (offline.isEmpty()) {
                throw new MojoExecutionException(e.getMessage() + ". offlineFallback is true, but no offline baseline"
                        + " is configured: add one to <baseline> or set offlineFallback to a baseline.", e);
            }
            getLog().warn(e.getMessage() + ". Continuing with the offline baselines " + offline + ".");
            return;
        }
        BaselineSpec replacement;
        try {
            replacement = BaselineSpec.parse(fallback);
        } catch (IllegalArgumentException bad) {
            throw new MojoExecutionException("offlineFallback: " + bad.getMessage(), bad);
        }
        if (!replacement.offline()) {
            throw new MojoExecutionException("offlineFallback must be true or an offline baseline, not " + fallback);
        }
        getLog().warn(e.getMessage() + ". Checking against " + replacement + " instead.");
        queue.add(replacement);
    }

    private void compareOffline(BaselineSpec spec, SchemaSet current, OfflineComparison comparison,
                                CheckResults results) throws MojoExecutionException {
        List<SourceRoot> roots = sourceRoots();
        SchemaParsers parsers = new SchemaParsers();
        String label = spec.toString();
        SchemaSet baselineSet;
        try {
            switch (spec.kind()) {
                case GIT -> {
                    GitTree tree = GitTree.read(basedir(), spec.argument(), roots.stream().map(SourceRoot::path).toList());
                    getLog().info("Baseline " + label + " is commit " + tree.commitId());
                    baselineSet = SchemaSet.of(tree.schemas(roots), namer(), Map.of()).parse(parsers);
                }
                case DIRECTORY -> {
                    Path dir = basedir().resolve(spec.argument()).normalize();
                    if (!Files.isDirectory(dir)) {
                        throw new MojoExecutionException("Baseline " + label + ": " + dir + " is not a directory");
                    }
                    SchemaIndex.Folder folder = SchemaIndex.read(SourceTree.directory(dir), excludeGlobs());
                    baselineSet = SchemaSet.of(folder.files(), namer(), folder.subjects()).parse(parsers);
                }
                case ARTIFACT -> {
                    ArtifactBaseline artifacts = new ArtifactBaseline(repositorySystem, session.getRepositorySession(),
                            project.getRemoteProjectRepositories(), project, getLog());
                    Optional<ArtifactBaseline.Resolved> resolved = artifacts.resolve(spec.argument());
                    if (resolved.isEmpty()) {
                        getLog().warn("Baseline " + label + ": no earlier release of " + project.getGroupId() + ":"
                                + project.getArtifactId() + " than " + project.getVersion() + "; nothing to compare");
                        results.baselines().add(label + " (none)");
                        return;
                    }
                    label = "artifact:" + resolved.get().coordinates();
                    getLog().info("Baseline " + spec + " is " + resolved.get().coordinates());
                    SchemaIndex.Folder folder = resolved.get().folder();
                    baselineSet = SchemaSet.of(folder.files(), namer(), folder.subjects()).parse(parsers);
                }
                default -> throw new IllegalStateException(spec.toString());
            }
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new MojoExecutionException("Baseline " + label + ": " + e.getMessage(), e);
        }
        getLog().debug("Baseline " + label + ": " + baselineSet.entries().size() + " schemas, subjects "
                + baselineSet.subjects());
        comparison.compare(current, baselineSet, label, results);
    }

    private void writeReports(CheckResults results) throws MojoExecutionException {
        ReportContext context = reportContext();
        Path dir = reportDirectory.toPath();
        try {
            JUnitXmlReport.write(results, "accord.check", dir.resolve("TEST-accord-check.xml"));
            SarifReport.write(results, context, dir.resolve("accord-check.sarif"));
            boolean annotate = githubAnnotations != null ? githubAnnotations : GitHubAnnotations.enabled();
            if (annotate) {
                List<String> lines = GitHubAnnotations.render(results, context);
                Files.write(dir.resolve("github-annotations.txt"), lines, StandardCharsets.UTF_8);
                // on stdout, each on a line of its own, where the runner looks for workflow commands
                lines.forEach(System.out::println);
                System.out.flush();
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the reports to " + dir + ": " + e.getMessage(), e);
        }
        getLog().debug("Reports written to " + dir);
    }

    /** Paths in SARIF and annotations are relative to the repository root (GITHUB_WORKSPACE, or the git root). */
    private ReportContext reportContext() {
        Path base = basedir();
        Path root = null;
        String workspace = System.getenv("GITHUB_WORKSPACE");
        if (workspace != null && !workspace.isBlank() && base.startsWith(Path.of(workspace).toAbsolutePath())) {
            root = Path.of(workspace).toAbsolutePath();
        }
        for (Path p = base; root == null && p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                root = p;
            }
        }
        if (root == null) {
            root = base;
        }
        String prefix = root.relativize(base).toString().replace('\\', '/');
        String version = plugin == null ? "dev" : plugin.getVersion();
        return new ReportContext(prefix.isEmpty() ? "" : prefix + "/", root.toUri(), version);
    }
}
