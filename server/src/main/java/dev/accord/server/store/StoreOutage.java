package dev.accord.server.store;

import java.net.ConnectException;
import java.sql.SQLException;

/**
 * Recognises "the database is not there" in a failure: PostgreSQL's connection-exception and shutdown SQLStates,
 * a refused connection, or the pool giving up waiting for a connection. Such failures are the store's, not the
 * request's: they are answered 503 with Retry-After, and the pool and the event listener reconnect by themselves.
 */
public final class StoreOutage {

    /** What kind of outage, for the client's message and error code. */
    public enum Kind {
        /** The database refused or dropped the connection. */
        UNREACHABLE,
        /** No connection became free (or could be made) in time. */
        TIMEOUT
    }

    private StoreOutage() {
    }

    /** The kind of outage somewhere in the cause chain, or null when the failure is something else. */
    public static Kind of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                        || state.equals("57P03"))) {
                    return Kind.UNREACHABLE;
                }
                String message = String.valueOf(sql.getMessage()).toLowerCase(java.util.Locale.ROOT);
                if (message.contains("acquisition timeout")) {
                    return Kind.TIMEOUT;
                }
            }
            if (t instanceof ConnectException) {
                return Kind.UNREACHABLE;
            }
        }
        return null;
    }
}
