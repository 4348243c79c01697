package dev.accord.server.store;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded PostgreSQL lets in only who can read the generated password in the data directory. */
class EmbeddedDatabaseTest {

    @Test
    void onlyTheGeneratedPasswordGetsInAndItOutlivesARestart() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "embedded-password");
        String password;
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dir, false)) {
            password = database.password();
            Path file = dir.resolve(EmbeddedDatabase.PASSWORD_FILE);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            assertEquals(password, Files.readString(file));
            assertTrue(password.length() >= 32, "a long random password");
            assertFalse(password.equals("postgres"));

            try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), "postgres", password)) {
                assertTrue(connection.isValid(2));
            }
            SQLException wrong = assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres").close());
            assertEquals("28P01", wrong.getSQLState(), "password authentication failed");
            assertThrows(SQLException.class, () -> DriverManager.getConnection(database.jdbcUrl(), "postgres", "").close());
            assertFalse(Files.readString(dir.resolve("pg_hba.conf")).lines()
                    .anyMatch(rule -> !rule.startsWith("#") && rule.endsWith("trust")), "no trust rule is left");
        }
        try (EmbeddedDatabase again = EmbeddedDatabase.start(dir, false)) {
            assertEquals(password, again.password());
            try (Connection connection = DriverManager.getConnection(again.jdbcUrl(), "postgres", password)) {
                assertTrue(connection.isValid(2));
            }
        } finally {
            dev.accord.server.PostgresTestResource.deleteRecursively(dir);
        }
    }
}
