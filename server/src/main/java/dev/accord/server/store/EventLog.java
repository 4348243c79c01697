package dev.accord.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.List;
import java.util.Map;

/**
 * The append-only log of every state change. An event is appended in the transaction of the change it
 * records, as its last step, so that its sequence number follows commit order and the log has no gaps.
 */
@ApplicationScoped
public class EventLog {

    /** Channel of the NOTIFY sent with every event, for caches on other instances. */
    public static final String CHANNEL = "accord_events";

    @Inject
    ObjectMapper json;

    /** Appends an event to the current transaction and returns its sequence number. */
    public long append(EventType type, String subject, Integer version, Integer schemaId, Map<String, ?> payload) {
        Locks.eventLog();
        String payloadJson;
        try {
            payloadJson = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String notification = type.name() + " " + (subject == null ? "" : subject);
        long seq = Panache.getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into registry_event (seq, type, subject, version, schema_id, payload)"
                            + " select coalesce(max(seq), 0) + 1, ?, ?, ?, ?, ? from registry_event returning seq");
                 PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
                insert.setString(1, type.name());
                insert.setString(2, subject);
                insert.setObject(3, version, Types.INTEGER);
                insert.setObject(4, schemaId, Types.INTEGER);
                insert.setString(5, payloadJson);
                long appended;
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    appended = rs.getLong(1);
                }
                notify.setString(1, CHANNEL);
                notify.setString(2, appended + " " + notification);
                notify.execute();
                return appended;
            }
        });
        return seq;
    }

    /** Events with a sequence number above {@code after}, oldest first. */
    public List<EventEntity> after(long after, int limit) {
        return EventEntity.find("seq > ?1 order by seq", after).page(0, limit).list();
    }
}
