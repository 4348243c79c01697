package dev.accord.server.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;

import static org.hamcrest.Matchers.equalTo;

/**
 * Another instance sharing the database permanently deletes a schema: this instance's in-memory answer for
 * that id must go, driven by the event log's NOTIFY (simulated here by writing to the database directly).
 */
@QuarkusTest
class CacheCoherenceTest extends ApiTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aPermanentDeleteOnAnotherInstanceEvictsTheCachedSchema() throws Exception {
        String subject = subject("elsewhere");
        int id = registerOk(subject, record("Elsewhere" + System.nanoTime(), "a:int"));
        client().get("/schemas/ids/{id}", id).then().statusCode(200); // now served from memory

        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement versions = connection.prepareStatement("delete from subject_version where subject = ?");
                 PreparedStatement content = connection.prepareStatement("delete from schema_content where id = ?");
                 PreparedStatement notify = connection.prepareStatement("select pg_notify('accord_events', ?)")) {
                versions.setString(1, subject);
                versions.executeUpdate();
                content.setInt(1, id);
                content.executeUpdate();
                notify.setString(1, "0 SUBJECT_DELETED " + subject);
                notify.execute();
            }
            connection.commit();
        }

        long deadline = System.currentTimeMillis() + 10_000;
        int status = 200;
        while (status == 200 && System.currentTimeMillis() < deadline) {
            status = client().get("/schemas/ids/{id}", id).then().extract().statusCode();
            if (status == 200) {
                Thread.sleep(50);
            }
        }
        client().get("/schemas/ids/{id}", id).then().statusCode(404).body("error_code", equalTo(40403));
    }
}
