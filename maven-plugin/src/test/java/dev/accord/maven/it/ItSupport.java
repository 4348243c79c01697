package dev.accord.maven.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accord.core.schema.SchemaParsers;
import dev.accord.maven.baseline.SchemaIndex;
import dev.accord.maven.report.SarifSchema;
import dev.accord.maven.schema.SchemaSet;
import dev.accord.maven.schema.SourceTree;
import dev.accord.maven.schema.SubjectNamer;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Helpers for the invoker integration tests' groovy scripts (on their class path through addTestClassPath):
 * starting and stopping the packaged Accord server, making a git history, generating schemas, and checking logs
 * and reports.
 */
public final class ItSupport {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String SERVER_FILE = "accord-server.properties";

    private ItSupport() {
    }

    // ---- logs and reports

    public static String log(File basedir) throws IOException {
        return Files.readString(basedir.toPath().resolve("build.log"), StandardCharsets.UTF_8);
    }

    /** Fails with the log's interesting lines when a needle (a regular expression) is not found. */
    public static void expect(String log, String... patterns) {
        for (String pattern : patterns) {
            if (!Pattern.compile(pattern, Pattern.MULTILINE).matcher(log).find()) {
                throw new AssertionError("Expected /" + pattern + "/ in the build log; its accord lines:\n"
                        + accordLines(log));
            }
        }
    }

    public static void expectNot(String log, String... patterns) {
        for (String pattern : patterns) {
            if (Pattern.compile(pattern, Pattern.MULTILINE).matcher(log).find()) {
                throw new AssertionError("Did not expect /" + pattern + "/ in the build log; its accord lines:\n"
                        + accordLines(log));
            }
        }
    }

    private static String accordLines(String log) {
        return log.lines().filter(l -> l.contains("accord") || l.contains("ERROR") || l.contains("WARN")
                || l.startsWith("::")).limit(80).reduce("", (a, b) -> a + b + "\n");
    }

    /** The SARIF report, after checking it against the SARIF 2.1.0 JSON schema. */
    public static JsonNode sarif(File basedir) throws Exception {
        Path file = basedir.toPath().resolve("target/accord/accord-check.sarif");
        JsonNode sarif = new ObjectMapper().readTree(file.toFile());
        List<String> errors = SarifSchema.errors(sarif);
        if (!errors.isEmpty()) {
            throw new AssertionError(file + " is not valid SARIF 2.1.0: " + errors);
        }
        return sarif;
    }

    /** The JUnit report, parsed. */
    public static Document junit(File basedir) throws Exception {
        File file = basedir.toPath().resolve("target/accord/TEST-accord-check.xml").toFile();
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file);
    }

    // ---- the packaged server

    /**
     * Starts {@code java -jar quarkus-run.jar} on a free port with a fresh data directory, waits until it is ready,
     * and returns its URL. A shutdown hook stops it if the IT's
     * verify script does not get to.
     */
    public static String startServer(File jar, File basedir) throws Exception {
        return startServer(jar, basedir, Map.of());
    }

    /** Starts the packaged server with extra environment (for example ACCORD_AUTH_ENABLED=true). */
    public static String startServer(File jar, File basedir, Map<String, String> environment) throws Exception {
        if (!jar.isFile()) {
            throw new IllegalStateException("The server is not packaged: " + jar + " (build the server module first)");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path data = Files.createTempDirectory("accord-it-data");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-jar", jar.getAbsolutePath())
                .redirectErrorStream(true)
                .redirectOutput(basedir.toPath().resolve("server.log").toFile());
        builder.environment().put("ACCORD_DATA_DIR", data.toString());
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        builder.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        builder.environment().putAll(environment);
        Process process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process.toHandle(), data)));
        Properties server = new Properties();
        server.setProperty("pid", Long.toString(process.pid()));
        server.setProperty("data", data.toString());
        server.setProperty("port", Integer.toString(port));
        try (var out = Files.newOutputStream(basedir.toPath().resolve(SERVER_FILE))) {
            server.store(out, "started by ItSupport");
        }
        String url = "http://127.0.0.1:" + port;
        Instant deadline = Instant.now().plusSeconds(120);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server exited with " + process.exitValue() + "; see "
                        + basedir.toPath().resolve("server.log"));
            }
            try {
                HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    break;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (Instant.now().isAfter(deadline)) {
                stop(process.toHandle(), data);
                throw new IllegalStateException("The server did not become ready within 120 s; see server.log");
            }
            Thread.sleep(250);
        }
        return url;
    }

    /** Stops the server this IT started (if it still runs) and deletes its data directory. */
    public static void stopServer(File basedir) throws IOException {
        Path file = basedir.toPath().resolve(SERVER_FILE);
        if (!Files.exists(file)) {
            return;
        }
        Properties server = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            server.load(in);
        }
        ProcessHandle.of(Long.parseLong(server.getProperty("pid")))
                .ifPresent(handle -> stop(handle, Path.of(server.getProperty("data"))));
        deleteTree(Path.of(server.getProperty("data")));
        Files.delete(file);
    }

    private static void stop(ProcessHandle handle, Path data) {
        if (handle.isAlive()) {
            handle.destroy(); // SIGTERM: Quarkus stops the embedded PostgreSQL cleanly
            try {
                handle.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
        deleteTree(data);
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: it is a temporary directory
        }
    }

    /** Sends a request to the registry and returns the body; fails on a non-2xx status. */
    public static String http(String method, String url, String body) throws Exception {
        return http(method, url, body, null);
    }

    /** The same with Basic credentials ("user:password" or "KEY:SECRET"), or none when null. */
    public static String http(String method, String url, String body, String userInfo) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (userInfo != null) {
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString(userInfo.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + url + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** Registers a schema file's text under a subject. */
    public static String register(String url, String subject, File schema) throws Exception {
        String text = Files.readString(schema.toPath());
        return http("POST", url + "/subjects/" + subject + "/versions",
                new ObjectMapper().createObjectNode().put("schema", text).toString());
    }

    // ---- git

    private static final PersonIdent IT = new PersonIdent("Accord IT", "it@accord.invalid");

    /** Makes basedir a git repository and commits everything in it, with a tag when given. */
    public static void commitAll(File basedir, String message, String tag) throws Exception {
        try (Git git = Files.exists(basedir.toPath().resolve(".git")) ? Git.open(basedir)
                : Git.init().setDirectory(basedir).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            git.commit().setMessage(message).setAuthor(IT).setCommitter(IT).setSign(false).call();
            if (tag != null) {
                git.tag().setName(tag).setAnnotated(true).setMessage(message).setTagger(IT).setSigned(false).call();
            }
        }
    }

    /** Moves a file (git mv style: the work tree only; commitAll records it). */
    public static void move(File basedir, String from, String to) throws IOException {
        Path target = basedir.toPath().resolve(to);
        Files.createDirectories(target.getParent());
        Files.move(basedir.toPath().resolve(from), target);
    }

    /** True when git sees the file as modified in the work tree (uncommitted). */
    public static boolean modified(File basedir, String path) throws Exception {
        try (Git git = Git.open(basedir)) {
            return git.status().call().getModified().contains(path);
        }
    }

    // ---- many schemas

    /**
     * Writes n Avro schemas of ten fields each into src/main/avro (half of them using a shared type from another
     * file), and their previous versions (one field fewer; the new field has a default) into baseline/.
     */
    public static void generateSchemas(File basedir, int n) throws IOException {
        Path current = basedir.toPath().resolve("src/main/avro");
        Path previous = basedir.toPath().resolve("baseline");
        Files.createDirectories(current);
        Files.createDirectories(previous);
        String money = "{\n  \"type\": \"record\",\n  \"name\": \"Money\",\n  \"namespace\": \"com.acme.common\",\n"
                + "  \"fields\": [\n    {\"name\": \"amount\", \"type\": \"long\"},\n"
                + "    {\"name\": \"currency\", \"type\": \"string\"}\n  ]\n}\n";
        Files.writeString(current.resolve("money.avsc"), money);
        Files.writeString(previous.resolve("money.avsc"), money);
        for (int i = 0; i < n - 1; i++) {
            Files.writeString(current.resolve(String.format("event%03d.avsc", i)), event(i, true));
            Files.writeString(previous.resolve(String.format("event%03d.avsc", i)), event(i, false));
        }
    }

    private static String event(int i, boolean withNewField) {
        StringBuilder fields = new StringBuilder();
        fields.append("    {\"name\": \"id\", \"type\": \"string\"},\n");
        fields.append("    {\"name\": \"at\", \"type\": {\"type\": \"long\", \"logicalType\": \"timestamp-millis\"}},\n");
        for (int f = 0; f < 6; f++) {
            fields.append("    {\"name\": \"f").append(f).append("\", \"type\": [\"null\", \"string\"], \"default\": null},\n");
        }
        fields.append("    {\"name\": \"kind\", \"type\": {\"type\": \"enum\", \"name\": \"Kind").append(i)
                .append("\", \"symbols\": [\"A\", \"B\", \"C\"]}},\n");
        fields.append(i % 2 == 0 ? "    {\"name\": \"price\", \"type\": \"com.acme.common.Money\"}"
                : "    {\"name\": \"note\", \"type\": \"string\", \"default\": \"\"}");
        if (withNewField) {
            fields.append(",\n    {\"name\": \"added\", \"type\": \"int\", \"default\": 0}");
        }
        return "{\n  \"type\": \"record\",\n  \"name\": \"Event" + i + "\",\n  \"namespace\": \"com.acme.events\",\n"
                + "  \"fields\": [\n" + fields + "\n  ]\n}\n";
    }

    /** Writes properties (e.g. an invocation's system properties file). */
    public static void writeProperties(File basedir, String name, Map<String, String> values) throws IOException {
        Properties properties = new Properties();
        properties.putAll(values);
        try (var out = Files.newOutputStream(basedir.toPath().resolve(name))) {
            properties.store(out, "written by the IT's prebuild script");
        }
    }

    /** Replaces the folder {@code to} by a copy of {@code from}. */
    public static void copyTree(File from, File to) throws IOException {
        deleteTree(to.toPath());
        try (Stream<Path> walk = Files.walk(from.toPath())) {
            for (Path source : walk.toList()) {
                Path target = to.toPath().resolve(from.toPath().relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    /**
     * Fails unless every subject of the downloaded folder (named by its index.json) parses to the same schema
     * (same fingerprint, references resolved within each folder) as the project's file of that subject.
     */
    public static void assertSameSchemas(File projectAvro, File downloaded, List<String> subjects) {
        SchemaSet local = SchemaSet.of(SourceTree.directory(projectAvro.toPath()).allSchemas(List.of()),
                SubjectNamer.topic(), Map.of()).parse(new SchemaParsers());
        SchemaIndex.Folder folder = SchemaIndex.read(SourceTree.directory(downloaded.toPath()), List.of());
        SchemaSet remote = SchemaSet.of(folder.files(), SubjectNamer.topic(), folder.subjects()).parse(new SchemaParsers());
        if (!remote.subjects().containsAll(subjects)) {
            throw new AssertionError("Downloaded subjects " + remote.subjects() + ", expected " + subjects);
        }
        for (String subject : subjects) {
            SchemaSet.Entry mine = local.bySubject(subject);
            SchemaSet.Entry theirs = remote.bySubject(subject);
            if (mine == null || !mine.valid() || theirs == null || !theirs.valid()) {
                throw new AssertionError(subject + ": local " + mine + " " + (mine == null ? "" : mine.error())
                        + ", downloaded " + theirs + " " + (theirs == null ? "" : theirs.error()));
            }
            if (!mine.parsed().fingerprint().equals(theirs.parsed().fingerprint())) {
                throw new AssertionError(subject + " differs after the round trip:\n" + mine.parsed().canonical()
                        + "\n" + theirs.parsed().canonical());
            }
        }
    }

    public static void write(File basedir, String path, String text) {
        try {
            Path file = basedir.toPath().resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
