package dev.accord.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The first look at every request, before authentication and every route: headers that cannot be parsed, request
 * bodies in media types the API does not take (which also stops a web page's cross-site "simple" POSTs), and paths
 * and queries whose percent-encoding is not UTF-8 (or hides a NUL) are answered here with the API's error body, so that no later route or
 * framework parser meets them.
 */
@ApplicationScoped
public class RequestHygieneRoute {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The request body types Confluent's API accepts. */
    static final Set<String> BODY_TYPES = Set.of(MediaTypes.SCHEMA_REGISTRY_V1_JSON, MediaTypes.SCHEMA_REGISTRY_JSON,
            MediaTypes.JSON, "application/octet-stream", ExportResource.NDJSON);

    /** Host names this registry answers to (empty: any), against DNS rebinding of a registry on a private net. */
    @ConfigProperty(name = "accord.http.allowed-hosts")
    Optional<List<String>> allowedHosts;

    /** Quarkus' own limit answers 413 with an empty body; a declared length over it is refused here first. */
    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        router.route().order(-1100).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        if (allowedHosts.isPresent() && !allowedHosts.get().isEmpty()) {
            String host = hostName(context.request().getHeader(HttpHeaders.HOST));
            if (host == null || allowedHosts.get().stream().noneMatch(h -> h.trim().equalsIgnoreCase(host))) {
                fail(context, 400, 400, "This registry does not answer to the host name in the request"
                        + " (accord.http.allowed-hosts)");
                return;
            }
        }
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        if (accept != null && !wellFormedMediaRanges(accept)) {
            fail(context, 406, 406, "The Accept header cannot be parsed: expected media ranges such as "
                    + MediaTypes.SCHEMA_REGISTRY_V1_JSON);
            return;
        }
        String path = context.request().path();
        String decodingProblem = path == null ? null : percentDecodingProblem(path);
        if (decodingProblem != null) {
            fail(context, 422, 42208, "The request path " + decodingProblem);
            return;
        }
        String query = context.request().query();
        String queryProblem = query == null ? null : percentDecodingProblem(query);
        if (queryProblem != null) {
            fail(context, 422, 422, "The query string " + queryProblem);
            return;
        }
        HttpMethod method = context.request().method();
        if (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH) {
            String contentLength = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            boolean importing = RegistryTransferRoutes.IMPORT_PATH.equals(path); // has its own, larger limit
            if (contentLength != null && !importing && declaredLengthOver(contentLength, maxBodySize.asLongValue())) {
                // The unread body would otherwise keep the connection waiting for bytes nobody wants.
                context.response().putHeader(HttpHeaders.CONNECTION, "close")
                        .endHandler(done -> context.request().connection().close());
                fail(context, 413, 413, "The request body is larger than " + maxBodySize.asLongValue()
                        + " bytes (quarkus.http.limits.max-body-size); one schema may have at most"
                        + " accord.max-schema-bytes");
                return;
            }
            String contentType = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
            if (contentType != null) {
                String type = baseType(contentType);
                if (type == null) {
                    fail(context, 415, 415, "The Content-Type header cannot be parsed");
                    return;
                }
                if (!BODY_TYPES.contains(type)) {
                    fail(context, 415, 415, "Request bodies must be JSON (" + MediaTypes.SCHEMA_REGISTRY_V1_JSON
                            + ", " + MediaTypes.SCHEMA_REGISTRY_JSON + " or " + MediaTypes.JSON + "), not " + type);
                    return;
                }
            }
        }
        context.next();
    }

    private static boolean declaredLengthOver(String header, long limit) {
        try {
            return Long.parseLong(header.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // Vert.x refuses a malformed length itself
        }
    }

    /** The host name of a Host header ("[::1]:8080" -> "::1", "registry:8080" -> "registry"), or null. */
    static String hostName(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String host = header.trim();
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? null : host.substring(1, end);
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    /** "type/subtype" lower-cased, or null when the header is not a media type. */
    static String baseType(String header) {
        int semicolon = header.indexOf(';');
        String type = (semicolon < 0 ? header : header.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        int slash = type.indexOf('/');
        if (slash <= 0 || slash == type.length() - 1 || type.indexOf('/', slash + 1) >= 0) {
            return null;
        }
        for (int i = 0; i < type.length(); i++) {
            char c = type.charAt(i);
            if (!(Character.isLetterOrDigit(c) || "!#$&-^_.+*/".indexOf(c) >= 0)) {
                return null;
            }
        }
        return type;
    }

    /** Every comma-separated part is a media range (blank parts are tolerated, as browsers send none). */
    static boolean wellFormedMediaRanges(String header) {
        if (header.isBlank()) {
            return true;
        }
        for (String part : header.split(",", -1)) {
            if (!part.isBlank() && baseType(part) == null) {
                return false;
            }
        }
        return true;
    }

    /** Why a path's percent-encoding is refused (bad escapes, bytes that are not UTF-8, NUL), or null. */
    static String percentDecodingProblem(String path) {
        if (path.indexOf('%') < 0) {
            return null;
        }
        ByteBuffer bytes = ByteBuffer.allocate(path.length() * 3);
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%') {
                if (i + 2 >= path.length() || Character.digit(path.charAt(i + 1), 16) < 0
                        || Character.digit(path.charAt(i + 2), 16) < 0) {
                    return "has a '%' that is not followed by two hex digits at offset " + i;
                }
                int value = Character.digit(path.charAt(i + 1), 16) * 16 + Character.digit(path.charAt(i + 2), 16);
                if (value == 0) {
                    return "contains an encoded NUL (%00) at offset " + i;
                }
                bytes.put((byte) value);
                i += 2;
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
            return null;
        } catch (CharacterCodingException e) {
            return "is not valid UTF-8 once percent-decoded";
        }
    }

    private static void fail(RoutingContext context, int status, int code, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("error_code", code);
        body.put("message", message);
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, MediaTypes.SCHEMA_REGISTRY_V1_JSON)
                .end(Buffer.buffer(body.toString()));
    }
}
