package dev.accord.server;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;

/**
 * The embedded PostgreSQL in the application's life: waited for and migrated as the first start-up step (it starts
 * while Quarkus boots), stopped as the last shutdown step (after the requests in flight have finished).
 */
@ApplicationScoped
class EmbeddedDatabaseLifecycle {

    @Inject
    Instance<Flyway> flyway;

    void start(@Observes @Priority(Integer.MIN_VALUE) StartupEvent event) {
        if (AccordMain.awaitEmbeddedDatabase() != null) {
            flyway.get().migrate();
        }
    }

    void stop(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent event) {
        AccordMain.stopEmbeddedDatabase();
    }
}
