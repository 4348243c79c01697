package dev.accord.server.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An embedded PostgreSQL server (zonky) whose data directory survives restarts. Used as the default store
 * when no external database is configured, and by the tests.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /**
     * Starts PostgreSQL on the data directory, creating the cluster on first use.
     *
     * @param durable true to fsync commits (the service); false trades durability for speed (throw-away test data)
     */
    public static EmbeddedDatabase start(Path dataDir, boolean durable) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("Cannot create the data directory " + dir + ": " + e.getMessage()
                    + ". Set ACCORD_DATA_DIR (or -Daccord.data-dir) to a writable directory.", e);
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setPGStartupWait(java.time.Duration.ofSeconds(60))
                .setServerConfig("max_connections", "100");
        if (durable) {
            // zonky starts postgres with fsync and synchronous_commit off; an acknowledged write must survive
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        try {
            return new EmbeddedDatabase(builder.start(), dir);
        } catch (IOException | RuntimeException e) {
            throw new EmbeddedDatabaseException(explain(e, dir), e);
        }
    }

    private static String explain(Exception e, Path dir) {
        String cause = rootMessage(e);
        StringBuilder message = new StringBuilder("The embedded PostgreSQL could not start in ").append(dir)
                .append(": ").append(cause).append('.');
        if (cause.contains("cannot be run as root") || cause.contains("unshare")) {
            message.append(" PostgreSQL refuses to run as root and this machine does not allow user namespaces;"
                    + " run Accord as a normal user");
        } else if (cause.contains("lock") || cause.contains("postmaster.pid")) {
            message.append(" Another Accord (or PostgreSQL) may be using this data directory; stop it, or point"
                    + " ACCORD_DATA_DIR at another directory");
        } else {
            message.append(" Check that the directory is writable and not used by another process");
        }
        message.append(", or use an external PostgreSQL by setting QUARKUS_DATASOURCE_JDBC_URL,"
                + " QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD.");
        return message.toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        String message = String.valueOf(e.getMessage());
        while (t != null) {
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return message.strip();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    public String username() {
        return "postgres";
    }

    public String password() {
        return "postgres";
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            // the postmaster is going away with the JVM anyway
        }
    }

    /** The embedded database could not start; the message says why and what to do. */
    public static final class EmbeddedDatabaseException extends RuntimeException {
        EmbeddedDatabaseException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
