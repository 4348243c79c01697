package dev.accord.maven.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accord.core.schema.SchemaReference;
import dev.accord.core.schema.SchemaType;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A client of the Confluent Schema Registry REST API (Accord, Confluent, and other compatible registries). */
public final class RegistryClient {

    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT = "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json,"
            + " application/json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A schema as sent to the registry. */
    public record SchemaPayload(String schema, SchemaType type, List<SchemaReference> references) {
        public SchemaPayload {
            references = references == null ? List.of() : List.copyOf(references);
        }
    }

    /**
     * The answer of a compatibility check; {@code newSubject} when the subject has no versions yet,
     * {@code latestOnly} when the registry could only check the latest version.
     */
    public record CompatibilityAnswer(boolean compatible, List<String> messages, boolean newSubject,
                                      boolean latestOnly) {
    }

    /** A registered (or found) version. */
    public record Registered(int id, int version) {
    }

    /** A version as stored. */
    public record StoredSchema(String subject, int version, int id, SchemaType type, String schema,
                               List<SchemaReference> references) {
    }

    private final RegistrySettings settings;
    private final HttpClient http;
    private int current;

    public RegistryClient(RegistrySettings settings) {
        this.settings = settings;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL);
        if (settings.trustStore() != null) {
            builder.sslContext(sslContext(settings));
        }
        this.http = builder.build();
    }

    /** The URL requests go to. */
    public String url() {
        return settings.urls().get(current);
    }

    private static SSLContext sslContext(RegistrySettings settings) {
        String type = settings.trustStoreType();
        if (type == null || type.isBlank()) {
            String name = settings.trustStore().getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            type = name.endsWith(".jks") ? "JKS" : "PKCS12";
        }
        try (InputStream in = Files.newInputStream(settings.trustStore())) {
            KeyStore store = KeyStore.getInstance(type);
            char[] password = settings.trustStorePassword() == null ? null : settings.trustStorePassword().toCharArray();
            store.load(in, password);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot load the trust store " + settings.trustStore() + " (" + type
                    + "): " + e.getMessage(), e);
        }
    }

    /**
     * {@code POST /compatibility/subjects/{s}/versions?verbose=true}: exactly what registration would check. A
     * registry without that endpoint (Confluent before 7.x) is asked about the latest version instead, and the
     * answer says so.
     */
    public CompatibilityAnswer testCompatibility(String subject, SchemaPayload payload) {
        String body = body(payload);
        HttpResponse<String> response = send("POST", "/compatibility/subjects/" + encode(subject)
                + "/versions?verbose=true", body);
        boolean latestOnly = false;
        if (response.statusCode() == 405 || response.statusCode() == 404
                && json(response).path("error_code").asInt() == 404) {
            latestOnly = true;
            response = send("POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest?verbose=true", body);
        }
        if (response.statusCode() == 404) {
            // a registry that answers 40401 for a subject without versions: nothing to be compatible with
            int code = json(response).path("error_code").asInt();
            if (code == 40401 || code == 40402) {
                return new CompatibilityAnswer(true, List.of(), true, latestOnly);
            }
        }
        JsonNode answer = expectOk(response, "compatibility check of " + subject);
        List<String> messages = new ArrayList<>();
        answer.path("messages").forEach(m -> messages.add(m.asText()));
        return new CompatibilityAnswer(answer.path("is_compatible").asBoolean(false), messages, false, latestOnly);
    }

    /** {@code POST /subjects/{s}}: the version under which this exact schema is registered, if any. */
    public Optional<Registered> lookup(String subject, SchemaPayload payload) {
        HttpResponse<String> response = send("POST", "/subjects/" + encode(subject), body(payload));
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        JsonNode found = expectOk(response, "lookup in " + subject);
        return Optional.of(new Registered(found.path("id").asInt(), found.path("version").asInt()));
    }

    /** {@code POST /subjects/{s}/versions}; a 409 becomes a {@link RegistryException} with status 409. */
    public Registered register(String subject, SchemaPayload payload) {
        HttpResponse<String> response = send("POST", "/subjects/" + encode(subject) + "/versions", body(payload));
        JsonNode registered = expectOk(response, "registration in " + subject);
        int id = registered.path("id").asInt();
        if (registered.hasNonNull("version")) {
            return new Registered(id, registered.get("version").asInt());
        }
        // older registries answer {"id": n} only
        return lookup(subject, payload).orElse(new Registered(id, -1));
    }

    /** Subject names; through a context URL ({@code .../contexts/.ctx}) without the context's qualifier. */
    public List<String> subjects() {
        JsonNode list = expectOk(send("GET", "/subjects", null), "list of subjects");
        String base = settings.urls().get(current);
        int at = base.lastIndexOf("/contexts/");
        String qualifier = at < 0 ? null : ":" + base.substring(at + "/contexts/".length()) + ":";
        List<String> subjects = new ArrayList<>();
        list.forEach(s -> subjects.add(qualifier != null && s.asText().startsWith(qualifier)
                ? s.asText().substring(qualifier.length()) : s.asText()));
        return subjects;
    }

    public List<Integer> versions(String subject) {
        JsonNode list = expectOk(send("GET", "/subjects/" + encode(subject) + "/versions", null),
                "versions of " + subject);
        List<Integer> versions = new ArrayList<>();
        list.forEach(v -> versions.add(v.asInt()));
        return versions;
    }

    /** {@code GET /subjects/{s}/versions/{v}} ("latest" or a number). */
    public StoredSchema get(String subject, String version) {
        JsonNode schema = expectOk(send("GET", "/subjects/" + encode(subject) + "/versions/" + encode(version), null),
                "version " + version + " of " + subject);
        List<SchemaReference> references = new ArrayList<>();
        schema.path("references").forEach(r -> references.add(new SchemaReference(r.path("name").asText(),
                r.path("subject").asText(), r.path("version").asInt())));
        SchemaType type = SchemaType.fromName(schema.path("schemaType").asText(null)).orElse(SchemaType.AVRO);
        return new StoredSchema(schema.path("subject").asText(subject), schema.path("version").asInt(),
                schema.path("id").asInt(), type, schema.path("schema").asText(), references);
    }

    /** {@code PUT /config} (subject null) or {@code PUT /config/{s}}; level or policy may be null. */
    public JsonNode setConfig(String subject, String level, String policy) {
        ObjectNode body = MAPPER.createObjectNode();
        if (level != null) {
            body.put("compatibility", level);
        }
        if (policy != null) {
            body.put("compatibilityPolicy", policy);
        }
        String path = subject == null ? "/config" : "/config/" + encode(subject);
        return expectOk(send("PUT", path, body.toString()), "configuration of " + (subject == null ? "the registry"
                : subject));
    }

    /** The effective configuration of a subject ({@code GET /config/{s}?defaultToGlobal=true}). */
    public JsonNode config(String subject) {
        String path = subject == null ? "/config" : "/config/" + encode(subject) + "?defaultToGlobal=true";
        return expectOk(send("GET", path, null), "configuration of " + (subject == null ? "the registry" : subject));
    }

    static String body(SchemaPayload payload) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("schema", payload.schema());
        if (payload.type() != SchemaType.AVRO) {
            body.put("schemaType", payload.type().name());
        }
        if (!payload.references().isEmpty()) {
            ArrayNode refs = body.putArray("references");
            for (SchemaReference reference : payload.references()) {
                refs.addObject().put("name", reference.name()).put("subject", reference.subject())
                        .put("version", reference.version());
            }
        }
        return body.toString();
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpResponse<String> send(String method, String path, String body) {
        RegistryException.Unreachable last = null;
        for (int attempt = 0; attempt < settings.urls().size(); attempt++) {
            String base = settings.urls().get(current);
            try {
                return sendTo(base, method, path, body);
            } catch (RegistryException.Unreachable e) {
                last = e;
                current = (current + 1) % settings.urls().size();
            }
        }
        throw last;
    }

    private HttpResponse<String> sendTo(String base, String method, String path, String body) {
        URI uri;
        try {
            uri = URI.create(base + path);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid registry URL '" + base + "': " + e.getMessage(), e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("Accept", ACCEPT)
                .header("User-Agent", "accord-maven-plugin");
        if (settings.username() != null && !settings.username().isEmpty()) {
            String credentials = settings.username() + ":" + (settings.password() == null ? "" : settings.password());
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        } else if (settings.bearerToken() != null && !settings.bearerToken().isEmpty()) {
            request.header("Authorization", "Bearer " + settings.bearerToken());
        }
        for (Map.Entry<String, String> header : settings.headers().entrySet()) {
            request.header(header.getKey(), header.getValue());
        }
        if (body != null) {
            request.header("Content-Type", CONTENT_TYPE);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        String where = method + " " + base + path;
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw new RegistryException.Unreachable("Cannot reach the schema registry at " + base + ": no connection"
                    + " within " + settings.connectTimeout().toSeconds() + " s (" + where + ")", e);
        } catch (HttpTimeoutException e) {
            throw new RegistryException.Unreachable("The schema registry at " + base + " did not answer within "
                    + settings.requestTimeout().toSeconds() + " s (" + where + ")", e);
        } catch (ConnectException e) {
            throw new RegistryException.Unreachable("Cannot reach the schema registry at " + base
                    + ": connection refused. Is it running, and is the URL right? (" + where + ")", e);
        } catch (SSLException e) {
            throw new RegistryException.Unreachable("TLS handshake with the schema registry at " + base + " failed: "
                    + e.getMessage() + ". Configure <trustStore> if it uses a private CA.", e);
        } catch (IOException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String reason = cause instanceof UnknownHostException ? "unknown host " + cause.getMessage()
                    : cause instanceof ConnectException ? "connection refused"
                    : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            throw new RegistryException.Unreachable("Cannot reach the schema registry at " + base + ": " + reason
                    + " (" + where + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException.Unreachable("Interrupted while calling the schema registry (" + where + ")", e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            String body = response.body();
            return body == null || body.isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(body);
        } catch (IOException e) {
            return MAPPER.createObjectNode().put("message", response.body());
        }
    }

    private JsonNode expectOk(HttpResponse<String> response, String what) {
        int status = response.statusCode();
        JsonNode body = json(response);
        if (status >= 200 && status < 300) {
            return body;
        }
        int code = body.path("error_code").asInt(0);
        String message = body.path("message").asText(response.body());
        String text = switch (status) {
            case 401 -> "The schema registry at " + url() + " refused the credentials (HTTP 401) for the " + what
                    + ": set <username>/<password> or <bearerToken>";
            case 403 -> "The schema registry at " + url() + " denied the " + what + " (HTTP 403): " + message;
            default -> "The schema registry at " + url() + " refused the " + what + ": HTTP " + status
                    + (code != 0 ? " error_code " + code : "") + ": " + message;
        };
        throw new RegistryException(status, code, status == 409 ? message : text);
    }
}
