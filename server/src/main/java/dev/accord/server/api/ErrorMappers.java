package dev.accord.server.api;

import dev.accord.server.registry.ErrorCode;
import dev.accord.server.registry.RegistryException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure becomes Confluent's {@code {"error_code": ..., "message": ...}} body. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response registry(RegistryException e) {
        return ApiResponses.error(e.errorCode(), e.getMessage());
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

    /** Anything unexpected is a server error; the details go to the log, not to the client. */
    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e) {
        if (e instanceof RegistryException registry) {
            return registry(registry);
        }
        if (e instanceof WebApplicationException web) {
            return web(web);
        }
        LOG.error("Unexpected error", e);
        return ApiResponses.error(ErrorCode.STORE_ERROR, "Error in the backend data store: "
                + e.getClass().getSimpleName());
    }
}
