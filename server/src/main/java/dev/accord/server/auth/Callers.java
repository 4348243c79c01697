package dev.accord.server.auth;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The caller of the request being served, as {@link AuthRoute} left it, for resources to hand to use cases. */
@ApplicationScoped
public class Callers {

    @Inject
    CurrentVertxRequest request;

    public Caller current() {
        RoutingContext context = request.getCurrent();
        Caller caller = context == null ? null : context.get(AuthRoute.CALLER);
        if (caller == null) {
            throw new IllegalStateException("no caller: the request did not pass the access check");
        }
        return caller;
    }
}
