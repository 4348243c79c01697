package dev.accord.server.store;

import dev.accord.server.StartupLog;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An embedded PostgreSQL server (zonky) whose data directory survives restarts. Used as the default store
 * when no external database is configured, and by the tests.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** The superuser's password, generated on first use; only the owner of the data directory may read it. */
    static final String PASSWORD_FILE = "accord-db-password";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir, String password) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.password = password;
    }

    /**
     * Starts PostgreSQL on the data directory, creating the cluster on first use.
     *
     * @param durable true to fsync commits (the service); false trades durability for speed (throw-away test data)
     */
    public static EmbeddedDatabase start(Path dataDir, boolean durable) {
        return start(dataDir, durable, 0);
    }

    /** As {@link #start(Path, boolean)}, on a given port (0: any free one). */
    public static EmbeddedDatabase start(Path dataDir, boolean durable, int port) {
        Path dir = usableDirectory(dataDir);
        return start(dir, durable, port, password(dir));
    }

    /** A database starting in the background: where it will listen and how to log in are known already. */
    public record Starting(String jdbcUrl, String username, String password, CompletableFuture<EmbeddedDatabase> database) {
    }

    /**
     * Starts the database on another thread, so that the application boots meanwhile (the service's restart
     * is about a second shorter on two cores). A data directory that cannot be used is refused here, at once.
     */
    public static Starting startInBackground(Path dataDir, boolean durable) {
        Path dir = usableDirectory(dataDir);
        String password = password(dir);
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("No free port for the embedded PostgreSQL: " + e.getMessage(), e);
        }
        CompletableFuture<EmbeddedDatabase> database = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                database.complete(start(dir, durable, port, password));
            } catch (RuntimeException e) {
                database.completeExceptionally(e);
            }
        }, "accord-embedded-postgres");
        starter.setDaemon(true);
        starter.start();
        return new Starting("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", password, database);
    }

    private static Path usableDirectory(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("Cannot create the data directory " + dir + ": " + e.getMessage()
                    + ". Set ACCORD_DATA_DIR (or -Daccord.data-dir) to a writable directory.", e);
        }
        return dir;
    }

    private static EmbeddedDatabase start(Path dir, boolean durable, int port, String password) {
        stopOrphan(dir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setConnectConfig("password", password)
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                // not at JVM exit in parallel with the application's own shutdown, which may still be finishing
                // requests: the owner closes it (the service after Quarkus has stopped, see AccordMain)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(java.time.Duration.ofSeconds(60))
                .setServerConfig("max_connections", "100");
        if (port > 0) {
            builder.setPort(port);
        }
        if (durable) {
            // zonky starts postgres with fsync and synchronous_commit off; an acknowledged write must survive
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        try {
            EmbeddedPostgres postgres = builder.start();
            requirePassword(postgres, dir, password);
            return new EmbeddedDatabase(postgres, dir, password);
        } catch (IOException | SQLException | RuntimeException e) {
            throw new EmbeddedDatabaseException(explain(e, dir), e);
        }
    }

    /** The password kept in the data directory, or a new random one (written once the cluster exists). */
    private static String password(Path dir) {
        Path file = dir.resolve(PASSWORD_FILE);
        if (Files.exists(file)) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new EmbeddedDatabaseException("Cannot read the database password in " + dir + ": "
                        + e.getMessage() + ". Set ACCORD_DATA_DIR (or -Daccord.data-dir) to a writable directory.", e);
            }
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** Writes the password file, readable by the owner only (initdb wants an empty directory, so not before). */
    private static void keepPassword(Path dir, String password) throws IOException {
        Path file = dir.resolve(PASSWORD_FILE);
        if (Files.exists(file)) {
            return;
        }
        Path temporary = dir.resolve(PASSWORD_FILE + ".tmp");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temporary, password, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * initdb lets any local process in as the superuser without a password ("trust"). The first start sets the
     * superuser's password and switches every rule of pg_hba.conf to SCRAM, so that from then on only who can read
     * the password file gets in (PostgreSQL listens on localhost only, its default).
     */
    private static void requirePassword(EmbeddedPostgres postgres, Path dir, String password)
            throws IOException, SQLException {
        Path hba = dir.resolve("pg_hba.conf");
        List<String> rules = Files.readAllLines(hba, StandardCharsets.UTF_8);
        if (rules.stream().noneMatch(EmbeddedDatabase::trusts)) {
            return;
        }
        keepPassword(dir, password); // first, so that a crash below leaves a password the next start can set
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            // the password is base64url: nothing in it needs quoting
            statement.execute("ALTER USER postgres WITH PASSWORD '" + password + "'");
            Files.write(hba, rules.stream().map(rule -> trusts(rule)
                    ? rule.replaceAll("\\btrust\\s*$", "scram-sha-256") : rule).toList(), StandardCharsets.UTF_8);
            statement.execute("SELECT pg_reload_conf()");
        }
    }

    private static boolean trusts(String rule) {
        return !rule.startsWith("#") && rule.matches(".*\\btrust\\s*$");
    }

    /**
     * A server killed with SIGKILL cannot stop its PostgreSQL: the postmaster lives on as an orphan holding the data
     * directory, and the next start would fail on its lock. An orphan (its parent gone: it now hangs off init or a
     * subreaper that is not a JVM) is stopped with a smart shutdown, which writes a checkpoint; a postmaster whose
     * parent is a live JVM belongs to another Accord and is left alone (the start then fails with an explanation).
     */
    static void stopOrphan(Path dir) {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        } catch (IOException | RuntimeException e) {
            return; // unreadable: PostgreSQL itself judges a stale file
        }
        ProcessHandle postmaster = ProcessHandle.of(pid).orElse(null);
        if (postmaster == null || !postmaster.info().command().orElse("").endsWith("postgres")) {
            return; // stale file of a process long gone: PostgreSQL removes it itself
        }
        boolean ownedByLiveJvm = postmaster.parent()
                .filter(parent -> parent.pid() != 1)
                .map(parent -> parent.info().command().orElse("").endsWith("java"))
                .orElse(false);
        if (ownedByLiveJvm) {
            return;
        }
        StartupLog.info("stopping the embedded PostgreSQL (pid " + pid + ") a killed Accord left running on "
                + dir);
        postmaster.destroy(); // SIGTERM: smart shutdown; the dead server's sessions are already gone
        try {
            postmaster.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new EmbeddedDatabaseException("The embedded PostgreSQL left running on " + dir + " (pid " + pid
                    + ") did not stop within 60 s; stop it and start Accord again", e);
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
        return password;
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
