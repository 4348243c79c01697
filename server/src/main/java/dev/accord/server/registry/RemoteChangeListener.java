package dev.accord.server.registry;

import dev.accord.server.auth.Authenticator;

import dev.accord.server.store.EventLog;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.Statement;

/**
 * Keeps this instance's caches coherent with writes made by other instances on the same database: every
 * event-log append sends a NOTIFY; a permanent delete drops cached contents, a config or mode change the
 * cached settings.
 */
@ApplicationScoped
public class RemoteChangeListener {

    private static final Logger LOG = Logger.getLogger(RemoteChangeListener.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SchemaContents contents;

    @Inject
    Authenticator authenticator;

    @Inject
    CompatibilityConfigs configs;

    @Inject
    Modes modes;

    private volatile boolean running;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::listen, "accord-event-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                statement.execute("LISTEN " + EventLog.CHANNEL);
                // anything changed while we were not listening is unknown: start from empty caches
                contents.removedElsewhere();
                configs.changedElsewhere();
                modes.changedElsewhere();
                authenticator.forgetVerified();
                PGConnection pg = connection.unwrap(PGConnection.class);
                try {
                    while (running) {
                        PGNotification[] notifications = pg.getNotifications(10_000);
                        if (notifications == null) {
                            continue;
                        }
                        for (PGNotification notification : notifications) {
                            String type = eventType(notification.getParameter());
                            if (type.equals("VERSION_DELETED") || type.equals("SUBJECT_DELETED")) {
                                contents.removedElsewhere();
                                configs.changedElsewhere(); // the last version's delete drops config and mode
                                modes.changedElsewhere();
                            } else if (type.startsWith("CONFIG_")) {
                                configs.changedElsewhere();
                            } else if (type.startsWith("MODE_")) {
                                modes.changedElsewhere();
                            } else if (type.startsWith("AUTH_")) {
                                authenticator.forgetVerified(); // a key revoked or a user removed elsewhere
                            }
                        }
                    }
                } finally {
                    statement.execute("UNLISTEN *"); // the connection goes back to the pool
                }
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                LOG.warnf("Event listener lost its connection (%s); reconnecting", e.getMessage());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** The event type of a notification payload "seq TYPE subject". */
    static String eventType(String payload) {
        String[] parts = payload.split(" ", 3);
        return parts.length >= 2 ? parts[1] : "";
    }
}
