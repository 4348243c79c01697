package dev.accord.server.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The permission each route needs, decided from the method and path alone so that one check covers every route:
 * the Confluent API, {@code /v1}, the fast {@code GET /schemas/ids/{id}} route, the UI and {@code /q}. The body is
 * never read here; the one rule that depends on it (IMPORT mode needs admin) is checked by the mode use case.
 */
public final class AccessRules {

    private AccessRules() {
    }

    public static Access of(String method, String path, String query) {
        String[] s = segments(path);
        boolean get = method.equals("GET") || method.equals("HEAD");
        boolean permanent = query != null && query.matches("(?:.*&)?permanent=true(?:&.*)?");
        if (s.length == 0) {
            return Access.open("open the root");
        }
        switch (s[0]) {
            case "ui", "favicon.ico" -> {
                return Access.open("load the web UI");
            }
            case "q" -> {
                if (s.length > 1 && s[1].equals("health")) {
                    return Access.open("check health");
                }
                if (s.length > 1 && s[1].equals("metrics")) {
                    // a scraper's key: reader on every subject (metrics name no subjects, but show all traffic)
                    return Access.global(Role.READER, "read the metrics");
                }
                return Access.global(Role.ADMIN, "read the server's management endpoints");
            }
            case "subjects" -> {
                if (s.length == 1) {
                    return Access.anywhere(Role.READER, "list subjects");
                }
                String subject = decode(s[1]);
                if (method.equals("DELETE")) {
                    return permanent ? Access.subject(Role.ADMIN, subject, "permanently delete from subject '" + subject + "'")
                            : Access.subject(Role.WRITER, subject, "delete from subject '" + subject + "'");
                }
                if (method.equals("POST") && s.length == 3 && s[2].equals("versions")) {
                    return Access.subject(Role.WRITER, subject, "register a schema under subject '" + subject + "'");
                }
                if (!get && s.length == 3 && s[2].equals("metadata")) {
                    return Access.subject(Role.WRITER, subject, "change the metadata of subject '" + subject + "'");
                }
                // reads, and POST /subjects/{s} (look up a schema)
                return Access.subject(Role.READER, subject, "read subject '" + subject + "'");
            }
            case "compatibility" -> {
                if (s.length >= 3 && s[1].equals("subjects")) {
                    String subject = decode(s[2]);
                    return Access.subject(Role.READER, subject, "check compatibility on subject '" + subject + "'");
                }
                return Access.anywhere(Role.READER, "check compatibility");
            }
            case "config", "mode" -> {
                String what = s[0].equals("config") ? "compatibility config" : "mode";
                if (s.length == 1) {
                    return get ? Access.anywhere(Role.READER, "read the global " + what)
                            : Access.global(Role.ADMIN, "change the global " + what);
                }
                String subject = decode(s[1]);
                if (subject.equals(":.:") || subject.equals(":.__GLOBAL:")) {
                    // the default context's settings are the global ones
                    return get ? Access.anywhere(Role.READER, "read the global " + what)
                            : Access.global(Role.ADMIN, "change the global " + what);
                }
                return get ? Access.subject(Role.READER, subject, "read the " + what + " of subject '" + subject + "'")
                        : Access.subject(Role.WRITER, subject, "change the " + what + " of subject '" + subject + "'");
            }
            case "contexts" -> {
                return get ? Access.anywhere(Role.READER, "list contexts")
                        : Access.global(Role.ADMIN, "delete a context");
            }
            case "v1" -> {
                return v1(method, s, get);
            }
            case "dek-registry" -> {
                return dekRegistry(method, s, get, permanent);
            }
            default -> {
                // /schemas/..., and paths that do not exist (answered 404 once the caller is known)
                return Access.anywhere(Role.READER, "read schemas");
            }
        }
    }

    private static Access v1(String method, String[] s, boolean get) {
        if (s.length == 1) {
            return Access.anywhere(Role.READER, "use the Accord API");
        }
        switch (s[1]) {
            case "openapi.yaml", "formats" -> {
                // the contract, and the formats the UI needs to draw its sign-in page
                return Access.open("read the API contract");
            }
            case "auth" -> {
                if (s.length >= 3 && s[2].equals("me")) {
                    return Access.open("ask who they are");
                }
                return Access.global(Role.ADMIN, "manage API keys and users");
            }
            case "export" -> {
                // the whole registry, every subject: a backup is an administrator's
                return Access.global(Role.ADMIN, "export the registry");
            }
            case "import" -> {
                return Access.global(Role.ADMIN, "import a registry");
            }
            case "subjects" -> {
                if (s.length >= 3) {
                    String subject = decode(s[2]);
                    return Access.subject(Role.READER, subject, "read subject '" + subject + "'");
                }
                return Access.anywhere(Role.READER, "list subjects");
            }
            default -> {
                return Access.anywhere(Role.READER, get ? "read " + s[1] : "use " + s[1]);
            }
        }
    }

    /**
     * /dek-registry/v1/keks[/{kek}[/deks[/{subject}...]]]: KEKs are readable by any reader and created by any writer
     * (the producing client creates its own), changed by an admin; a subject's DEKs follow the subject's grants.
     */
    private static Access dekRegistry(String method, String[] s, boolean get, boolean permanent) {
        if (s.length >= 6 && s[4].equals("deks")) {
            String subject = decode(s[5]);
            if (get) {
                return Access.subject(Role.READER, subject, "read the encryption keys of subject '" + subject + "'");
            }
            if (method.equals("DELETE") && permanent) {
                return Access.subject(Role.ADMIN, subject, "permanently delete an encryption key of subject '"
                        + subject + "'");
            }
            return Access.subject(Role.WRITER, subject, "write the encryption keys of subject '" + subject + "'");
        }
        if (s.length == 5 && s[4].equals("deks") && method.equals("POST")) {
            // the older form names the subject in the body only, which this check does not read
            return Access.global(Role.WRITER, "create an encryption key for any subject");
        }
        if (get) {
            return Access.anywhere(Role.READER, "read key encryption keys");
        }
        if (method.equals("POST") && s.length == 3) {
            return Access.anywhere(Role.WRITER, "create a key encryption key");
        }
        return Access.global(Role.ADMIN, "change a key encryption key");
    }

    private static String[] segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }

    /** Percent-decoding of a path segment ('+' stays '+', unlike form decoding). */
    static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%' && i + 2 < segment.length()) {
                int hi = Character.digit(segment.charAt(i + 1), 16);
                int lo = Character.digit(segment.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    out.write(hi * 16 + lo);
                    i += 2;
                    continue;
                }
            }
            byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
            out.write(bytes, 0, bytes.length);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
