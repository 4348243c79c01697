package dev.accord.server.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accord.server.auth.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Migration from any running Confluent-compatible registry, through its public API only: every subject with its
 * soft-deleted versions, each version's id, schema, references, metadata and rule set, and the configs and modes.
 * A job fetches subject by subject into a spool (a subject's lines are written only once all of it was read, so a
 * job that failed part-way resumes at the subject it stopped on), then loads the spool with
 * {@link RegistryTransfer#load} in one transaction, ids kept. Jobs live in this instance's memory.
 */
@ApplicationScoped
public class RemoteImports {

    private static final Logger LOG = Logger.getLogger(RemoteImports.class);
    private static final String ACCEPT = "application/vnd.schemaregistry.v1+json, application/json";

    public enum State { FETCHING, LOADING, SUCCEEDED, FAILED }

    /** A migration: what it reads, how far it got, and how it ended. */
    public static final class Job {
        private final String id = UUID.randomUUID().toString();
        private final Instant startedAt = Instant.now();
        /** Schemas fetched, as context and id: ids are unique per context. */
        private final Set<String> seenIds = new HashSet<>();
        private final Path spool;
        private volatile String url;
        private volatile String authorization; // never shown
        private volatile String authKind;
        private volatile State state = State.FETCHING;
        private volatile List<String> subjects;
        private volatile int nextSubject;
        private volatile long versions;
        private volatile String error;
        private volatile Instant finishedAt;
        private volatile RegistryTransfer.Imported imported;

        private Job(String url, String authorization, String authKind) throws IOException {
            this.url = url;
            this.authorization = authorization;
            this.authKind = authKind;
            this.spool = Files.createTempDirectory("accord-remote-import-");
        }

        public String id() {
            return id;
        }

        public State state() {
            return state;
        }

        /** The job as the API shows it: no credentials. */
        public ObjectNode view(ObjectMapper json) {
            ObjectNode node = json.createObjectNode();
            node.put("id", id);
            node.put("url", url);
            node.put("auth", authKind);
            node.put("state", state.name());
            ObjectNode subjectCounts = node.putObject("subjects");
            subjectCounts.put("total", subjects == null ? 0 : subjects.size());
            subjectCounts.put("fetched", nextSubject);
            node.put("versionsFetched", versions);
            node.put("schemasFetched", seenIds.size());
            node.put("error", error);
            node.put("startedAt", startedAt.toString());
            node.put("finishedAt", finishedAt == null ? null : finishedAt.toString());
            if (imported != null) {
                node.set("imported", json.valueToTree(imported.asMap()));
            }
            return node;
        }
    }

    @Inject
    RegistryTransfer transfer;

    @Inject
    ObjectMapper json;

    @Inject
    ManagedExecutor executor;

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** Starts a migration from the registry at {@code url}; 409 while another one runs. */
    public synchronized Job start(Caller caller, JsonNode request) {
        String url = sourceUrl(request);
        String[] auth = authorization(request);
        refuseWhileRunning();
        Job job;
        try {
            job = new Job(url, auth[0], auth[1]);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the import spool: " + e.getMessage(), e);
        }
        jobs.put(job.id, job);
        executor.execute(() -> run(caller, job));
        return job;
    }

    /** Continues a failed job where it stopped, optionally from a new address or with new credentials. */
    public synchronized Job resume(Caller caller, String id, JsonNode request) {
        Job job = job(id);
        if (job.state != State.FAILED) {
            throw new RegistryException(ErrorCode.CONFLICT, "Import job " + id + " is " + job.state
                    + "; only a failed job resumes");
        }
        refuseWhileRunning();
        if (request != null && request.hasNonNull("url")) {
            job.url = sourceUrl(request);
        }
        if (request != null && request.hasNonNull("auth")) {
            String[] auth = authorization(request);
            job.authorization = auth[0];
            job.authKind = auth[1];
        }
        job.error = null;
        job.finishedAt = null;
        job.state = State.FETCHING;
        executor.execute(() -> run(caller, job));
        return job;
    }

    public Job job(String id) {
        Job job = id == null ? null : jobs.get(id);
        if (job == null) {
            throw new RegistryException(ErrorCode.NOT_FOUND, "No import job " + id + " on this instance");
        }
        return job;
    }

    private void refuseWhileRunning() {
        for (Job other : jobs.values()) {
            if (other.state == State.FETCHING || other.state == State.LOADING) {
                throw new RegistryException(ErrorCode.CONFLICT, "Import job " + other.id + " is still "
                        + other.state + "; one import runs at a time");
            }
        }
    }

    private void run(Caller caller, Job job) {
        try {
            if (job.subjects == null) {
                List<String> subjects = new ArrayList<>();
                for (JsonNode subject : get(job, "/subjects?deleted=true", false)) {
                    subjects.add(subject.asText());
                }
                Collections.sort(subjects);
                job.subjects = subjects;
            }
            while (job.nextSubject < job.subjects.size()) {
                fetchSubject(job, job.subjects.get(job.nextSubject));
                job.nextSubject++;
            }
            List<String> global = new ArrayList<>();
            JsonNode config = get(job, "/config", true);
            if (config != null) {
                global.add(settingLine("config", "", config));
            }
            JsonNode mode = get(job, "/mode", true);
            if (mode != null && mode.hasNonNull("mode")) {
                global.add(settingLine("mode", "", mode));
            }
            append(job.spool.resolve("settings"), global);
            job.state = State.LOADING;
            job.imported = load(caller, job);
            job.state = State.SUCCEEDED;
            deleteSpool(job);
            LOG.infof("Import job %s from %s: %d subjects, %d versions", job.id, job.url, job.subjects.size(),
                    job.versions);
        } catch (Exception e) {
            job.error = e instanceof RegistryException ? e.getMessage()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            job.state = State.FAILED;
            LOG.warnf("Import job %s from %s failed at subject %d of %s: %s", job.id, job.url, job.nextSubject,
                    job.subjects == null ? "?" : job.subjects.size(), job.error);
        } finally {
            job.finishedAt = Instant.now();
        }
    }

    /** One subject: its versions (soft-deleted ones flagged), their contents, its own config and mode. */
    private void fetchSubject(Job job, String subject) throws IOException, InterruptedException {
        String path = "/subjects/" + segment(subject) + "/versions";
        JsonNode all = get(job, path + "?deleted=true", false);
        JsonNode liveList = get(job, path, true);
        Set<Integer> live = new HashSet<>();
        if (liveList != null) {
            liveList.forEach(v -> live.add(v.asInt()));
        }
        List<String> schemas = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        Set<String> newIds = new HashSet<>();
        String context = QualifiedSubjects.context(subject);
        for (JsonNode versionNumber : all) {
            int version = versionNumber.asInt();
            JsonNode found = get(job, path + "/" + version + "?deleted=true", false);
            int id = found.path("id").asInt();
            String contextId = context + ":" + id;
            if (!job.seenIds.contains(contextId) && newIds.add(contextId)) {
                ObjectNode schema = json.createObjectNode();
                schema.put("type", "schema");
                schema.put("id", id);
                if (!context.equals(QualifiedSubjects.DEFAULT_CONTEXT)) {
                    schema.put("context", context);
                }
                schema.put("schemaType", found.path("schemaType").asText("AVRO"));
                schema.put("schema", found.path("schema").asText());
                schema.set("references", found.has("references") ? found.get("references") : json.createArrayNode());
                for (String field : List.of("metadata", "ruleSet")) {
                    if (found.hasNonNull(field)) {
                        schema.set(field, found.get(field));
                    }
                }
                schemas.add(json.writeValueAsString(schema));
            }
            ObjectNode line = json.createObjectNode();
            line.put("type", "version");
            line.put("subject", subject);
            line.put("version", version);
            line.put("id", id);
            line.put("deleted", !live.contains(version));
            if (found.path("ts").canConvertToLong()) {
                // registries that show when a version was registered (Confluent's "ts") keep that time
                line.put("createdAt", Instant.ofEpochMilli(found.get("ts").asLong()).toString());
            }
            versions.add(json.writeValueAsString(line));
        }
        List<String> settings = new ArrayList<>();
        JsonNode config = get(job, "/config/" + segment(subject), true);
        if (config != null) {
            settings.add(settingLine("config", subject, config));
        }
        JsonNode mode = get(job, "/mode/" + segment(subject), true);
        if (mode != null && mode.hasNonNull("mode")) {
            settings.add(settingLine("mode", subject, mode));
        }
        // all of the subject was read: only now does it join the spool
        append(job.spool.resolve("schemas"), schemas);
        append(job.spool.resolve("versions"), versions);
        append(job.spool.resolve("settings"), settings);
        job.seenIds.addAll(newIds);
        job.versions += versions.size();
    }

    private String settingLine(String type, String subject, JsonNode value) throws IOException {
        ObjectNode line = json.createObjectNode();
        line.put("type", type);
        line.put("subject", subject);
        if (type.equals("config")) {
            line.set("config", value);
        } else {
            line.put("mode", value.get("mode").asText());
        }
        return json.writeValueAsString(line);
    }

    private RegistryTransfer.Imported load(Caller caller, Job job) throws IOException {
        Path header = job.spool.resolve("header");
        ObjectNode head = json.createObjectNode();
        head.put("format", RegistryTransfer.FORMAT);
        head.put("version", RegistryTransfer.FORMAT_VERSION);
        head.put("source", job.url);
        Files.writeString(header, json.writeValueAsString(head) + "\n");
        List<InputStream> parts = new ArrayList<>();
        for (String part : List.of("header", "schemas", "versions", "settings")) {
            Path file = job.spool.resolve(part);
            if (Files.exists(file)) {
                parts.add(Files.newInputStream(file));
            }
        }
        try (BufferedReader document = new BufferedReader(new InputStreamReader(
                new SequenceInputStream(Collections.enumeration(parts)), StandardCharsets.UTF_8))) {
            return transfer.load(caller, document, () -> false);
        }
    }

    /** GET a path of the source; null for a 404 when {@code optional}; anything else but 200 fails the job. */
    private JsonNode get(Job job, String path, boolean optional) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(job.url + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", ACCEPT).GET();
        if (job.authorization != null) {
            request.header("Authorization", job.authorization);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404 && optional) {
            return null;
        }
        if (response.statusCode() != 200) {
            String body = response.body() == null ? "" : response.body();
            throw new IOException("GET " + path + " answered " + response.statusCode() + ": "
                    + body.substring(0, Math.min(body.length(), 300)));
        }
        return json.readTree(response.body());
    }

    private static void append(Path file, List<String> lines) throws IOException {
        if (lines.isEmpty()) {
            return;
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            for (String line : lines) {
                out.write(line);
                out.write('\n');
            }
        }
    }

    private static void deleteSpool(Job job) {
        try (var files = Files.list(job.spool)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(job.spool);
        } catch (IOException e) {
            LOG.warnf("Could not remove the import spool %s: %s", job.spool, e.getMessage());
        }
    }

    private static String segment(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String sourceUrl(JsonNode request) {
        JsonNode url = request == null ? null : request.get("url");
        if (url == null || !url.isTextual() || url.asText().isBlank()) {
            throw new RegistryException(ErrorCode.UNPROCESSABLE_ENTITY, "The request needs the \"url\" of the source"
                    + " registry, e.g. {\"url\":\"http://registry:8081\"}");
        }
        URI uri;
        try {
            uri = URI.create(url.asText().trim());
        } catch (IllegalArgumentException e) {
            throw new RegistryException(ErrorCode.UNPROCESSABLE_ENTITY, "\"url\" is not a URL: " + e.getMessage());
        }
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                || uri.getRawQuery() != null) {
            throw new RegistryException(ErrorCode.UNPROCESSABLE_ENTITY, "\"url\" must be an http or https address"
                    + " without a query, e.g. http://registry:8081 or https://host/apis/ccompat/v7");
        }
        return uri.toString().replaceAll("/+$", "");
    }

    /** The Authorization header for {"auth": {"username", "password"}} or {"auth": {"bearer"}}, and its kind. */
    private static String[] authorization(JsonNode request) {
        JsonNode auth = request == null ? null : request.get("auth");
        if (auth == null || auth.isNull()) {
            return new String[]{null, null};
        }
        if (auth.path("username").isTextual() && auth.path("password").isTextual()) {
            String pair = auth.get("username").asText() + ":" + auth.get("password").asText();
            return new String[]{"Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)),
                    "basic"};
        }
        if (auth.path("bearer").isTextual()) {
            return new String[]{"Bearer " + auth.get("bearer").asText(), "bearer"};
        }
        throw new RegistryException(ErrorCode.UNPROCESSABLE_ENTITY, "\"auth\" is {\"username\", \"password\"} or"
                + " {\"bearer\"}");
    }
}
