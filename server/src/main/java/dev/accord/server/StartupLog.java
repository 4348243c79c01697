package dev.accord.server;

import java.time.Instant;

/**
 * Lines written before Quarkus' logging is up (the embedded database, the bind address): plain text, or JSON lines
 * like the rest of the log when QUARKUS_LOG_CONSOLE_JSON_ENABLED=true, so that a log shipper sees one format.
 */
public final class StartupLog {

    private StartupLog() {
    }

    public static void info(String message) {
        String json = System.getProperty("quarkus.log.console.json.enabled",
                System.getenv().getOrDefault("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false"));
        if (Boolean.parseBoolean(json)) {
            System.out.println("{\"timestamp\":\"" + Instant.now() + "\",\"loggerName\":\"dev.accord.server\","
                    + "\"level\":\"INFO\",\"message\":" + quote("Accord: " + message) + "}");
        } else {
            System.out.println("Accord: " + message);
        }
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
