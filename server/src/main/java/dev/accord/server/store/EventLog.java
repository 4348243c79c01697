package dev.accord.server.store;

import dev.accord.server.auth.Caller;

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
 * records, as its last step: the counter row it increments stays locked until commit, so sequence numbers
 * follow commit order and the log has no gaps.
 */
@ApplicationScoped
public class EventLog {

    /** Channel of the NOTIFY sent with every event, for caches on other instances. */
    public static final String CHANNEL = "accord_events";

    @Inject
    ObjectMapper json;

    /**
     * Appends an event, with who made the change and from where, to the current transaction and returns its sequence number: one statement that
     * takes the next number, inserts the event and queues the NOTIFY sent at commit.
     */
    public long append(Caller caller, EventType type, String subject, Integer version, Integer schemaId,
                       Map<String, ?> payload) {
        String payloadJson;
        try {
            payloadJson = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String notification = type.name() + " " + (subject == null ? "" : subject);
        return Panache.getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement append = connection.prepareStatement(APPEND)) {
                append.setString(1, type.name());
                append.setString(2, subject);
                append.setObject(3, version, Types.INTEGER);
                append.setObject(4, schemaId, Types.INTEGER);
                append.setString(5, payloadJson);
                append.setString(6, caller.actor());
                append.setString(7, caller.remoteAddress());
                append.setString(8, CHANNEL);
                append.setString(9, notification);
                try (ResultSet rs = append.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** The newest event's sequence number (the counter row; reading it takes no lock). */
    public static final String NEWEST_SEQUENCE = "select last from registry_event_counter where id = 1";

    private static final String APPEND = "with next as ("
            + " update registry_event_counter set last = last + 1 where id = 1 returning last),"
            + " appended as ("
            + " insert into registry_event (seq, type, subject, version, schema_id, payload, actor, remote_address)"
            + " select last, ?, ?, ?, ?, ?, ?, ? from next returning seq)"
            + " select seq, pg_notify(?, seq || ' ' || ?) from appended";

    /**
     * Events with a sequence number above {@code after}, oldest first: of one actor when it is not null, and only
     * those about subjects the reader's patterns cover (null: every event; events without a subject need "*").
     */
    public List<LoggedEvent> after(long after, int limit, String actor, List<String> readable) {
        StringBuilder query = new StringBuilder("seq > :after");
        Map<String, Object> parameters = new java.util.HashMap<>();
        parameters.put("after", after);
        if (actor != null) {
            query.append(" and actor = :actor");
            parameters.put("actor", actor);
        }
        String readableClause = SubjectPatterns.jpqlClause("subject", readable, parameters);
        if (readableClause != null) {
            query.append(" and ").append(readableClause);
        }
        query.append(" order by seq");
        return EventEntity.<EventEntity>find(query.toString(), parameters).page(0, limit).list().stream()
                .map(e -> new LoggedEvent(e.seq, e.type, e.subject, e.version, e.schemaId, e.payload, e.actor,
                        e.remoteAddress, e.createdAt))
                .toList();
    }

    /** An event as the API shows it. */
    public record LoggedEvent(long seq, String type, String subject, Integer version, Integer schemaId,
                              String payload, String actor, String remoteAddress, java.time.Instant createdAt) {
    }
}
