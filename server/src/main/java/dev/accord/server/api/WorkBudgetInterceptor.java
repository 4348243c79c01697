package dev.accord.server.api;

import dev.accord.core.schema.WorkBudget;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * Opens the request's {@link WorkBudget} around an endpoint call: the core's walkers stop when it is spent
 * (422 / 42209, see {@link ErrorMappers}) or when the client's connection has closed, and the use case's
 * transaction rolls back with them.
 */
@WithinWorkBudget
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class WorkBudgetInterceptor {

    @Inject
    CurrentVertxRequest request;

    @ConfigProperty(name = "accord.limits.request-budget", defaultValue = "2s")
    Duration budget;

    @AroundInvoke
    Object withinBudget(InvocationContext invocation) throws Exception {
        RoutingContext context = request.getCurrent();
        try (WorkBudget.Scope ignored = WorkBudget.open(budget,
                context == null ? () -> false : () -> context.response().closed())) {
            return invocation.proceed();
        }
    }
}
