package dev.accord.server.api;

import dev.accord.core.schema.WorkBudget.WorkBudgetExceededException;
import dev.accord.server.registry.ErrorCode;
import dev.accord.server.registry.RegistryException;
import dev.accord.server.store.StoreOutage;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure becomes Confluent's {@code {"error_code": ..., "message": ...}} body. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);
    static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response registry(RegistryException e) {
        return ApiResponses.error(e.errorCode(), e.getMessage());
    }

    /** The request's work budget was spent (or its client left): the input is too costly to answer. */
    @ServerExceptionMapper
    public Response budget(WorkBudgetExceededException e) {
        if (e.abandoned()) {
            LOG.debug("Client went away; its work was stopped and nothing was written");
        }
        return ApiResponses.error(ErrorCode.SCHEMA_TOO_LARGE, e.getMessage());
    }

    /** Routing and protocol errors from the framework: unknown path, wrong method, unreadable body. */
    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
            return ApiResponses.error(ErrorCode.STORE_ERROR, "Internal error: " + e.getMessage());
        }
        String message = switch (status) {
            case 404 -> "HTTP 404 Not Found: no such endpoint";
            case 405 -> "HTTP 405 Method Not Allowed";
            case 406 -> "HTTP 406 Not Acceptable";
            case 415 -> "HTTP 415 Unsupported Media Type";
            default -> e.getMessage();
        };
        return ApiResponses.error(status, status, message);
    }

    /** 503 with Retry-After: the request may be sent again as it is once the database is back. */
    static Response storeUnavailable(StoreOutage.Kind outage) {
        Response answer = outage == StoreOutage.Kind.TIMEOUT
                ? ApiResponses.error(ErrorCode.STORE_TIMEOUT, "The backend data store did not answer in time"
                        + " (no PostgreSQL connection); retry shortly")
                : ApiResponses.error(ErrorCode.STORE_UNAVAILABLE, "The backend data store (PostgreSQL) is"
                        + " unavailable; retry shortly");
        return Response.fromResponse(answer).header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /** The kind of concurrency conflict somewhere in the cause chain (a unique violation, a serialization
     * failure or a deadlock, by SQLState), or null. */
    static String concurrentConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                switch (sql.getSQLState()) {
                    case "23505" -> { return "unique violation"; }
                    case "23503" -> { return "a row another transaction removed or still uses"; }
                    case "40001" -> { return "serialization failure"; }
                    case "40P01" -> { return "deadlock"; }
                    default -> { }
                }
            }
        }
        return null;
    }

    /** Anything unexpected is a server error; the details go to the log, not to the client. */
    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e) {
        if (e instanceof RegistryException registry) {
            return registry(registry);
        }
        if (e instanceof WebApplicationException web) {
            return web(web);
        }
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof WorkBudgetExceededException spent) {
                return budget(spent);
            }
            if (t instanceof io.vertx.core.http.HttpClosedException) {
                // the client closed the connection before its body arrived: nobody is there to answer
                LOG.debug("Connection closed while its request body was read");
                return ApiResponses.error(ErrorCode.BAD_REQUEST, "The connection closed before the request body arrived");
            }
        }
        StoreOutage.Kind outage = StoreOutage.of(e);
        if (outage != null) {
            LOG.warnf("Database unavailable: %s", rootMessage(e));
            return storeUnavailable(outage);
        }
        String conflict = concurrentConflict(e);
        if (conflict != null) {
            // another transaction changed the same row first: the client's request is fine, it lost a race
            LOG.debugf("Concurrent change: %s", conflict);
            return ApiResponses.error(ErrorCode.CONFLICT, "A concurrent change to the same data won (" + conflict
                    + "); send the request again");
        }
        LOG.error("Unexpected error", e);
        return ApiResponses.error(ErrorCode.STORE_ERROR, "Error in the backend data store: "
                + e.getClass().getSimpleName());
    }
}
