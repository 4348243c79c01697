package dev.accord.server;

import dev.accord.server.store.EmbeddedDatabase;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

import java.nio.file.Path;

/**
 * Starts Accord. Without an external database (QUARKUS_DATASOURCE_JDBC_URL or -Dquarkus.datasource.jdbc.url)
 * it first starts an embedded PostgreSQL on the data directory (ACCORD_DATA_DIR or -Daccord.data-dir,
 * default ./data) and points the datasource at it.
 */
@QuarkusMain
public final class AccordMain {

    /** The embedded database of this process, stopped once the application has (see {@link #stopEmbeddedDatabase}). */
    private static volatile EmbeddedDatabase EMBEDDED;
    /** The embedded database while it starts, or null when the datasource is an external one. */
    private static volatile java.util.concurrent.CompletableFuture<EmbeddedDatabase> STARTING;

    private AccordMain() {
    }

    /**
     * Stops the embedded database, if this process started one: called as the application's last shutdown step,
     * after the requests in flight have finished (they may still need the database). A process that dies without
     * it leaves an orphaned postmaster, which the next start on the data directory stops.
     */
    /**
     * Waits for the embedded database started in the background and returns it (null with an external one). If it
     * could not start, says why and fails the application's start.
     */
    static EmbeddedDatabase awaitEmbeddedDatabase() {
        java.util.concurrent.CompletableFuture<EmbeddedDatabase> starting = STARTING;
        if (starting == null) {
            return null;
        }
        try {
            EmbeddedDatabase embedded = starting.join();
            synchronized (AccordMain.class) {
                if (EMBEDDED == null && STARTING != null) {
                    EMBEDDED = embedded;
                    STARTING = null;
                    StartupLog.info("embedded PostgreSQL with data in " + embedded.dataDir());
                }
            }
            return embedded;
        } catch (java.util.concurrent.CompletionException e) {
            String why = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
            System.err.println("Accord cannot start: " + why);
            throw new IllegalStateException("Accord cannot start: " + why, e.getCause());
        }
    }

    static synchronized void stopEmbeddedDatabase() {
        EmbeddedDatabase embedded = EMBEDDED;
        EMBEDDED = null;
        if (embedded == null && STARTING != null) {
            // the application failed before it waited for the database: stop it rather than leave an orphan
            embedded = STARTING.completeOnTimeout(null, 60, java.util.concurrent.TimeUnit.SECONDS)
                    .exceptionally(failure -> null).join();
            STARTING = null;
        }
        if (embedded != null) {
            embedded.close();
        }
    }

    public static void main(String... args) {
        if (externalDatabaseUrl() == null) {
            Path dataDir = Path.of(setting("accord.data-dir", "ACCORD_DATA_DIR", "./data"));
            EmbeddedDatabase.Starting starting;
            try {
                starting = EmbeddedDatabase.startInBackground(dataDir, true);
            } catch (EmbeddedDatabase.EmbeddedDatabaseException e) {
                System.err.println("Accord cannot start: " + e.getMessage());
                System.exit(1);
                return;
            }
            System.setProperty("quarkus.datasource.jdbc.url", starting.jdbcUrl());
            System.setProperty("quarkus.datasource.username", starting.username());
            System.setProperty("quarkus.datasource.password", starting.password());
            // Quarkus boots while PostgreSQL starts; the schema is migrated once it is up (EmbeddedDatabaseLifecycle)
            System.setProperty("quarkus.flyway.migrate-at-start", "false");
            STARTING = starting.database();
        }
        bindToLoopbackWhileOpen();
        IdleMemory.returnWhenIdle();
        Quarkus.run(args);
        stopEmbeddedDatabase();
    }

    /**
     * Without authentication the registry is open to whoever reaches it, so it listens on loopback only unless
     * the operator chose an address (QUARKUS_HTTP_HOST or -Dquarkus.http.host, e.g. 0.0.0.0 behind a gateway).
     */
    private static void bindToLoopbackWhileOpen() {
        boolean auth = Boolean.parseBoolean(setting("accord.auth.enabled", "ACCORD_AUTH_ENABLED", "false"));
        if (!auth && setting("quarkus.http.host", "QUARKUS_HTTP_HOST", null) == null) {
            System.setProperty("quarkus.http.host", "127.0.0.1");
            StartupLog.info("authentication is off, so the server listens on 127.0.0.1 only;"
                    + " set QUARKUS_HTTP_HOST=0.0.0.0 to listen on every interface, or ACCORD_AUTH_ENABLED=true");
        }
    }

    private static String externalDatabaseUrl() {
        return setting("quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL", null);
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
