package dev.accord.server.registry;

import dev.accord.server.auth.Authenticator;
import dev.accord.server.store.EventLog;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

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

    @Inject
    RecentVersions recentVersions;

    @Inject
    MeterRegistry metrics;

    private volatile boolean running;
    private volatile boolean listening;
    private final AtomicLong lastSequence = new AtomicLong();
    private Thread thread;

    void start(@Observes StartupEvent event) {
        // how far this instance's caches have followed the event log, next to where the log is
        Gauge.builder("accord.event.listener.sequence", lastSequence, AtomicLong::get)
                .description("Sequence number of the last event this instance's change listener received")
                .register(metrics);
        Gauge.builder("accord.event.listener.connected", this, listener -> listener.listening ? 1 : 0)
                .description("1 while the change listener holds its LISTEN connection").register(metrics);
        Gauge.builder("accord.event.log.sequence", this, RemoteChangeListener::logSequence)
                .description("Sequence number of the newest event in the log (NaN while the database is away)")
                .register(metrics);
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
                recentVersions.forget();
                authenticator.forgetVerified();
                PGConnection pg = connection.unwrap(PGConnection.class);
                listening = true;
                try {
                    while (running) {
                        PGNotification[] notifications = pg.getNotifications(10_000);
                        if (notifications == null) {
                            continue;
                        }
                        for (PGNotification notification : notifications) {
                            lastSequence.accumulateAndGet(sequence(notification.getParameter()), Math::max);
                            String type = eventType(notification.getParameter());
                            if (type.endsWith("_DELETED") && (type.startsWith("VERSION_")
                                    || type.startsWith("SUBJECT_"))) {
                                recentVersions.forget(); // soft deletes included: no version answer outlives them
                            }
                            if (type.equals("VERSION_DELETED") || type.equals("SUBJECT_DELETED")
                                    || type.equals("REGISTRY_IMPORTED")) {
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
                    listening = false;
                    statement.execute("UNLISTEN *"); // the connection goes back to the pool
                }
            } catch (Exception e) {
                listening = false;
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

    private double logSequence() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(1);
            try (ResultSet row = statement.executeQuery(EventLog.NEWEST_SEQUENCE)) {
                return row.next() ? row.getLong(1) : Double.NaN;
            }
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    /** The sequence number of a notification payload "seq TYPE subject" (0 when unreadable). */
    static long sequence(String payload) {
        try {
            return Long.parseLong(payload.substring(0, payload.indexOf(' ')));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** The event type of a notification payload "seq TYPE subject". */
    static String eventType(String payload) {
        String[] parts = payload.split(" ", 3);
        return parts.length >= 2 ? parts[1] : "";
    }
}
