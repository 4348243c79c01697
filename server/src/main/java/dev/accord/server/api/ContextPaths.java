package dev.accord.server.api;

import dev.accord.server.registry.QualifiedSubjects;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Confluent's context path forms, {@code /contexts/{context}/subjects/...} (and {@code schemas}, {@code config},
 * {@code mode}, {@code compatibility}), as aliases of the qualified names: a client whose registry URL ends in
 * {@code /contexts/.team} works in that context. The request is rerouted before authentication, so the access
 * check and every handler see the qualified form only.
 */
@ApplicationScoped
public class ContextPaths {

    void install(@Observes Router router) {
        // after the request hygiene checks (-1100) of the original path, before authentication (-1000)
        router.routeWithRegex("/contexts/[^/]+/.+").order(-1050).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        String target = rewrite(context.request().path(), context.request().query());
        if (target == null) {
            context.next();
        } else {
            context.reroute(context.request().method(), target);
        }
    }

    /** The qualified form of a context path with its query, or null when it is not one of the aliased forms. */
    static String rewrite(String path, String query) {
        String[] segments = path.substring(1).split("/", -1);
        if (segments.length < 3 || !segments[0].equals("contexts") || segments[2].isEmpty()) {
            return null;
        }
        String contextName = contextName(decode(segments[1]));
        if (contextName == null) {
            return null;
        }
        List<String> rest = new ArrayList<>(Arrays.asList(segments).subList(2, segments.length));
        List<String> parameters = query == null || query.isEmpty() ? new ArrayList<>()
                : new ArrayList<>(Arrays.asList(query.split("&")));
        String prefixOfContext = ":" + contextName + ":";
        switch (rest.get(0)) {
            case "subjects" -> {
                if (rest.size() == 1) {
                    qualifyPrefix(parameters, prefixOfContext);
                } else {
                    rest.set(1, qualified(contextName, rest.get(1)));
                }
            }
            case "schemas" -> {
                if (rest.size() == 1) {
                    qualifyPrefix(parameters, prefixOfContext);
                } else if (rest.get(1).equals("ids")) {
                    // the id is looked up in the context of the subject named, or of the path
                    if (!replaceParameter(parameters, "subject", value -> qualified(contextName, value))) {
                        parameters.add("subject=" + encode(prefixOfContext));
                    }
                }
            }
            case "config", "mode" -> {
                if (rest.size() == 1) {
                    if (!contextName.equals(QualifiedSubjects.DEFAULT_CONTEXT)) {
                        rest.add(encode(prefixOfContext));
                    }
                } else {
                    rest.set(1, qualified(contextName, rest.get(1)));
                }
            }
            case "compatibility" -> {
                if (rest.size() < 3 || !rest.get(1).equals("subjects")) {
                    return null;
                }
                rest.set(2, qualified(contextName, rest.get(2)));
            }
            default -> {
                return null;
            }
        }
        return "/" + String.join("/", rest) + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters));
    }

    /** {@code .team}, {@code :.team:} or {@code team} name the context {@code .team}; {@code .} and {@code :.:} the default. */
    private static String contextName(String segment) {
        String name = segment;
        if (name.startsWith(":") && name.endsWith(":") && name.length() >= 2) {
            name = name.substring(1, name.length() - 1);
        }
        if (!name.startsWith(".")) {
            name = "." + name;
        }
        return QualifiedSubjects.isContextName(name) ? name : null;
    }

    /** A subject path segment qualified with the context, unless it is qualified already. */
    private static String qualified(String contextName, String rawSegment) {
        String subject = decode(rawSegment);
        return encode(qualifiedSubject(contextName, subject));
    }

    private static String qualifiedSubject(String contextName, String subject) {
        return subject.startsWith(":.") || subject.startsWith(QualifiedSubjects.ALL_CONTEXTS) ? subject
                : ":" + contextName + ":" + subject;
    }

    private static void qualifyPrefix(List<String> parameters, String prefixOfContext) {
        if (!replaceParameter(parameters, "subjectPrefix", value -> value.startsWith(":") ? value : prefixOfContext + value)) {
            parameters.add("subjectPrefix=" + encode(prefixOfContext));
        }
    }

    private static boolean replaceParameter(List<String> parameters, String name,
                                            java.util.function.UnaryOperator<String> change) {
        boolean found = false;
        for (int i = 0; i < parameters.size(); i++) {
            String parameter = parameters.get(i);
            int equals = parameter.indexOf('=');
            String key = decode(equals < 0 ? parameter : parameter.substring(0, equals));
            if (key.equals(name)) {
                String value = equals < 0 ? "" : decodeQuery(parameter.substring(equals + 1));
                parameters.set(i, name + "=" + encode(change.apply(value)));
                found = true;
            }
        }
        return found;
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String decodeQuery(String raw) {
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }

    /** Percent-encodes all but the characters a path segment or query value may carry as they are. */
    static String encode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~:@!$'()*,;".indexOf(c) >= 0) {
                out.write(c);
            } else {
                out.writeBytes(String.format("%%%02X", c).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
