package dev.accord.server.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accord.server.api.MediaTypes;
import dev.accord.server.store.StoreOutage;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * The one access check, ahead of every route (order -1000, before the fast GET-by-id route, the UI routes,
 * Quarkus REST and /q): authenticates the caller, decides with {@link AccessRules}, and leaves the
 * {@link Caller} in the routing context for the resources. Verified credentials are answered from memory on the
 * I/O thread; only a first sight of a credential goes to a worker thread (hashing, a query).
 */
@ApplicationScoped
public class AuthRoute {

    public static final String CALLER = "accord.caller";
    private static final Logger LOG = Logger.getLogger(AuthRoute.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String UI_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    @ConfigProperty(name = "accord.auth.enabled", defaultValue = "false")
    boolean enabled;

    @ConfigProperty(name = "accord.auth.jwt.public-key")
    Optional<String> jwtPublicKey;

    @Inject
    Authenticator authenticator;

    @Inject
    LoginThrottle throttle;

    void warnWhenOpen(@Observes StartupEvent event) {
        if (!enabled) {
            LOG.warn("Authentication is off (accord.auth.enabled=false): anyone who can reach this registry may "
                    + "change or delete every schema. Set ACCORD_AUTH_ENABLED=true to require credentials.");
        }
    }

    void install(@Observes Router router) {
        router.route().order(-1000).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        String remote = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        String path = context.normalizedPath();
        context.response().putHeader("X-Content-Type-Options", "nosniff");
        if (path.equals("/ui") || path.startsWith("/ui/")) {
            context.response().putHeader("Content-Security-Policy", UI_POLICY)
                    .putHeader("Referrer-Policy", "no-referrer");
        }
        if (!enabled) {
            context.put(CALLER, new Caller(Principal.OPEN, remote));
            context.next();
            return;
        }
        Access access = AccessRules.of(request.method().name(), path, request.query());
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (access.scope() == Access.Scope.PUBLIC && authorization == null) {
            context.put(CALLER, new Caller(authenticator.anonymous(), remote));
            context.next();
            return;
        }
        Principal cached = authenticator.cached(authorization);
        if (cached != null) {
            decide(context, access, cached, remote);
            return;
        }
        long wait = throttle.retryAfterSeconds(remote == null ? "" : remote);
        if (wait > 0) {
            context.response().putHeader("Retry-After", Long.toString(wait));
            fail(context, 429, 42901, "Too many failed authentications from this address: try again in " + wait
                    + " seconds");
            return;
        }
        request.pause();
        context.vertx().<Authenticator.Outcome>executeBlocking(() -> authenticator.authenticate(authorization), false)
                .onComplete(result -> {
                    request.resume();
                    if (result.failed()) {
                        StoreOutage.Kind outage = StoreOutage.of(result.cause());
                        if (outage != null) {
                            LOG.warnf("Database unavailable while authenticating: %s", result.cause().getMessage());
                            context.response().putHeader("Retry-After", "5");
                            fail(context, 503, outage == StoreOutage.Kind.TIMEOUT ? 50002 : 50001,
                                    "The backend data store (PostgreSQL) is unavailable; retry shortly");
                            return;
                        }
                        LOG.error("Authentication failed with an error", result.cause());
                        fail(context, 500, 50001, "Internal error while authenticating");
                        return;
                    }
                    Authenticator.Outcome outcome = result.result();
                    if (!outcome.ok()) {
                        throttle.failed(remote == null ? "" : remote);
                        unauthorized(context, "Authentication failed: " + outcome.refusal());
                        return;
                    }
                    decide(context, access, outcome.principal(), remote);
                });
    }

    private void decide(RoutingContext context, Access access, Principal principal, String remote) {
        if (principal.expired(java.time.Instant.now())) {
            authenticator.forgetVerified();
            unauthorized(context, "Authentication failed: the credentials of " + principal.actor() + " have expired");
            return;
        }
        if (!access.allows(principal)) {
            if (!principal.authenticated() && principal.grants().isEmpty()) {
                unauthorized(context, "Authentication required: send an API key (Basic KEY:SECRET), a user and "
                        + "password, or a bearer token");
            } else {
                fail(context, 403, 40301, access.missing(principal));
            }
            return;
        }
        context.put(CALLER, new Caller(principal, remote));
        context.next();
    }

    private void unauthorized(RoutingContext context, String message) {
        String challenge = "Basic realm=\"accord\"" + (jwtPublicKey.filter(k -> !k.isBlank()).isPresent()
                ? ", Bearer realm=\"accord\"" : "");
        context.response().putHeader("WWW-Authenticate", challenge);
        fail(context, 401, 40101, message);
    }

    private static void fail(RoutingContext context, int status, int code, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("error_code", code);
        body.put("message", message);
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, MediaTypes.SCHEMA_REGISTRY_V1_JSON)
                .end(Buffer.buffer(body.toString()));
    }
}
