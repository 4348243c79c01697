package dev.accord.maven;

import dev.accord.core.compat.CompatibilityLevel;
import dev.accord.core.compat.CompatibilityPolicy;
import dev.accord.core.schema.SchemaParsers;
import dev.accord.core.format.SchemaFormat;
import dev.accord.core.format.SchemaFormats;
import dev.accord.core.schema.SchemaType;
import dev.accord.maven.check.Finding;
import dev.accord.maven.registry.RegistryClient;
import dev.accord.maven.registry.RegistrySettings;
import dev.accord.maven.schema.Glob;
import dev.accord.maven.schema.SchemaSet;
import dev.accord.maven.schema.SourceRoot;
import dev.accord.maven.schema.SourceTree;
import dev.accord.maven.schema.SubjectNamer;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Parameters every goal shares: where the schemas are, how subjects are named, how to reach the registry. */
public abstract class AbstractAccordMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true)
    protected MavenSession session;

    /** Skips the goal. */
    @Parameter(property = "accord.skip", defaultValue = "false")
    protected boolean skip;

    /** Folders of Avro schemas (default {@code src/main/avro}). */
    @Parameter(property = "accord.avroDirectories")
    protected List<File> avroDirectories;

    /** Folders of JSON schemas (default {@code src/main/json-schema}). */
    @Parameter(property = "accord.jsonSchemaDirectories")
    protected List<File> jsonSchemaDirectories;

    /** Avro files to take, relative to their folder (default {@code **}{@code /*.avsc}). */
    @Parameter
    protected List<String> avroIncludes;

    /** JSON Schema files to take (default {@code **}{@code /*.json}, which includes {@code *.schema.json}). */
    @Parameter
    protected List<String> jsonSchemaIncludes;

    /**
     * Folders of Protobuf schemas (default {@code src/main/proto}); imports between their files are written
     * relative to the folder, as protoc's import path.
     */
    @Parameter(property = "accord.protobufDirectories")
    protected List<File> protobufDirectories;

    /** Protobuf files to take (default {@code **}{@code /*.proto}). */
    @Parameter
    protected List<String> protobufIncludes;

    /** Files to leave out, relative to their folder. */
    @Parameter(property = "accord.excludes")
    protected List<String> excludes;

    /**
     * How a file's subject is named when {@code <subjects>} does not name it: {@code topic} (file name plus
     * "-value", or as is when it ends with -key or -value), {@code record} (Avro full name, JSON {@code $id}
     * or {@code title}) or {@code pattern} (see subjectPattern).
     */
    @Parameter(property = "accord.subjectStrategy", defaultValue = "topic")
    protected String subjectStrategy;

    /**
     * The pattern of the pattern strategy, with {@code {file}}, {@code {dir}}, {@code {record}},
     * {@code {name}} and {@code {namespace}}; e.g. {@code {namespace}.{name}-value}.
     */
    @Parameter(property = "accord.subjectPattern")
    protected String subjectPattern;

    /** What the topic strategy appends: value or key. */
    @Parameter(property = "accord.topicSuffix", defaultValue = "value")
    protected String topicSuffix;

    /** Subjects: explicit file-to-subject names, and per-subject level and policy. */
    @Parameter
    protected List<Subject> subjects;

    /** The registry's URL (several, comma-separated, are tried in order). */
    @Parameter(property = "accord.registryUrl")
    protected String registryUrl;

    /**
     * The schema context to work in (Confluent's contexts, for example {@code .team-a}): the subjects are
     * {@code :.team-a:<subject>} in the registry, and their ids and settings are the context's. Default: the
     * default context.
     */
    @Parameter(property = "accord.context")
    protected String context;

    /** Basic auth user. */
    @Parameter(property = "accord.username")
    protected String username;

    /** Basic auth password. */
    @Parameter(property = "accord.password")
    protected String password;

    /** Bearer token (used when no username is set). */
    @Parameter(property = "accord.bearerToken")
    protected String bearerToken;

    /** A {@code <server>} of settings.xml whose username and password to use (encrypted passwords work). */
    @Parameter(property = "accord.serverId")
    protected String serverId;

    /** Extra request headers. */
    @Parameter
    protected Map<String, String> headers;

    /** Trust store for a registry behind TLS with a private CA. */
    @Parameter(property = "accord.trustStore")
    protected File trustStore;

    @Parameter(property = "accord.trustStorePassword")
    protected String trustStorePassword;

    /** PKCS12 or JKS (default: by file extension). */
    @Parameter(property = "accord.trustStoreType")
    protected String trustStoreType;

    /** Seconds to wait for a connection. */
    @Parameter(property = "accord.connectTimeout", defaultValue = "10")
    protected int connectTimeout;

    /** Seconds to wait for an answer. */
    @Parameter(property = "accord.requestTimeout", defaultValue = "30")
    protected int requestTimeout;

    @Component
    protected SettingsDecrypter settingsDecrypter;

    protected Path basedir() {
        if (project != null && project.getBasedir() != null) {
            return project.getBasedir().toPath().toAbsolutePath().normalize();
        }
        return Path.of("").toAbsolutePath();
    }

    /** The schema folders, relative to the project directory. */
    protected List<SourceRoot> sourceRoots() {
        List<SourceRoot> roots = new ArrayList<>();
        List<Glob> exclude = globs(excludes, List.of());
        Map<SchemaType, List<File>> directories = Map.of(SchemaType.AVRO, nullToEmpty(avroDirectories),
                SchemaType.JSON, nullToEmpty(jsonSchemaDirectories), SchemaType.PROTOBUF,
                nullToEmpty(protobufDirectories));
        Map<SchemaType, List<String>> includes = Map.of(SchemaType.AVRO, nullToEmpty(avroIncludes),
                SchemaType.JSON, nullToEmpty(jsonSchemaIncludes), SchemaType.PROTOBUF, nullToEmpty(protobufIncludes));
        for (SchemaFormat format : SchemaFormats.all()) {
            for (File dir : directories(directories.get(format.type()), format.defaultSourceDirectory())) {
                roots.add(new SourceRoot(relative(dir), format.type(),
                        globs(includes.get(format.type()), format.defaultIncludes()), exclude));
            }
        }
        return roots;
    }

    protected List<Glob> excludeGlobs() {
        return globs(excludes, List.of());
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private List<File> directories(List<File> configured, String fallback) {
        if (configured == null || configured.isEmpty()) {
            return List.of(basedir().resolve(fallback).toFile());
        }
        return configured;
    }

    private String relative(File dir) {
        Path path = dir.toPath();
        Path absolute = path.isAbsolute() ? path.normalize() : basedir().resolve(path).normalize();
        return basedir().relativize(absolute).toString().replace('\\', '/');
    }

    private static List<Glob> globs(List<String> patterns, List<String> fallback) {
        List<String> chosen = patterns == null || patterns.isEmpty() ? fallback : patterns;
        return chosen.stream().filter(p -> p != null && !p.isBlank()).map(p -> new Glob(p.trim())).toList();
    }

    protected SubjectNamer namer() throws MojoExecutionException {
        Map<String, String> explicit = new LinkedHashMap<>();
        if (subjects != null) {
            for (Subject subject : subjects) {
                if (subject.getFile() != null && !subject.getFile().isBlank()) {
                    if (subject.getName() == null || subject.getName().isBlank()) {
                        throw new MojoExecutionException("<subject> with <file>" + subject.getFile()
                                + "</file> has no <name>");
                    }
                    explicit.put(subject.getFile().trim(), subject.getName().trim());
                }
            }
        }
        try {
            return new SubjectNamer(subjectStrategy, subjectPattern, topicSuffix, explicit);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** The project's schemas, named, linked, ordered and parsed. */
    protected SchemaSet loadProjectSchemas() throws MojoExecutionException {
        List<SourceRoot> roots = sourceRoots();
        SchemaSet set = SchemaSet.of(SourceTree.directory(basedir()).schemas(roots), namer(), Map.of())
                .parse(new SchemaParsers());
        if (set.entries().isEmpty()) {
            getLog().warn("No schemas found in " + roots.stream().map(r -> r.path() + " (" + r.type() + ")").toList());
        }
        return set;
    }

    /** The level and policy of a subject: its {@code <subject>} entry, else the defaults. */
    protected static CompatibilityLevel level(String name, String what) throws MojoExecutionException {
        return CompatibilityLevel.fromName(name).orElseThrow(() -> new MojoExecutionException("Invalid " + what
                + " '" + name + "': use NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL or"
                + " FULL_TRANSITIVE"));
    }

    protected static CompatibilityPolicy policy(String name, String what) throws MojoExecutionException {
        return CompatibilityPolicy.fromName(name).orElseThrow(() -> new MojoExecutionException("Invalid " + what
                + " '" + name + "': use STRICT or LENIENT"));
    }

    protected boolean hasRegistry() {
        return registryUrl != null && !registryUrl.isBlank();
    }

    protected RegistryClient registryClient() throws MojoExecutionException {
        if (!hasRegistry()) {
            throw new MojoExecutionException("No registry URL: set <registryUrl> or -Daccord.registryUrl=http://...");
        }
        String user = username;
        String pass = password;
        if (serverId != null && !serverId.isBlank()) {
            Server server = session == null ? null : session.getSettings().getServer(serverId);
            if (server == null) {
                throw new MojoExecutionException("No <server> with id '" + serverId + "' in settings.xml");
            }
            if (settingsDecrypter != null) {
                SettingsDecryptionResult result = settingsDecrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
                for (SettingsProblem problem : result.getProblems()) {
                    getLog().warn("settings.xml server " + serverId + ": " + problem.getMessage());
                }
                server = result.getServer();
            }
            user = user == null ? server.getUsername() : user;
            pass = pass == null ? server.getPassword() : pass;
        }
        try {
            return new RegistryClient(new RegistrySettings(inContext(List.of(registryUrl.split(","))), user, pass, bearerToken,
                    headers, trustStore == null ? null : trustStore.toPath(), trustStorePassword, trustStoreType,
                    Duration.ofSeconds(Math.max(1, connectTimeout)), Duration.ofSeconds(Math.max(1, requestTimeout))));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /**
     * The registry URLs as seen from the configured context: Confluent's path form {@code <url>/contexts/<ctx>},
     * which addresses every subject, id and setting in that context.
     */
    private List<String> inContext(List<String> urls) throws MojoExecutionException {
        if (context == null || context.isBlank() || context.trim().equals(".")) {
            return urls;
        }
        String name = context.trim();
        if (name.startsWith(":") && name.endsWith(":") && name.length() > 2) {
            name = name.substring(1, name.length() - 1);
        }
        name = name.startsWith(".") ? name : "." + name;
        if (!name.matches("\\.[A-Za-z0-9._-]+")) {
            throw new MojoExecutionException("<context> '" + context + "' is not a context name: letters, digits,"
                    + " '.', '_' and '-', starting with '.'");
        }
        String suffix = "/contexts/" + name;
        return urls.stream().map(String::trim).map(u -> (u.endsWith("/") ? u.substring(0, u.length() - 1) : u) + suffix)
                .toList();
    }

    /** Logs a finding at the level it deserves. */
    protected void log(Finding finding) {
        if (finding.fails()) {
            getLog().error(finding.format());
        } else {
            getLog().warn(finding.format());
        }
    }

    protected static String lower(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    }
}
