package dev.accord.server.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The fast path of {@code GET /schemas/ids/{id}}, the request every Kafka deserializer makes: a plain Vert.x
 * route on the I/O thread that answers from the rendered-answer cache. Anything it cannot answer (first
 * request for an id, query options, bad ids) falls through to {@link SchemasResource#byId}.
 */
@ApplicationScoped
public class SchemaByIdRoute {

    @Inject
    SchemaByIdResponses responses;

    void install(@Observes Router router) {
        router.get("/schemas/ids/:id").order(-100).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        byte[] body = context.request().query() == null ? cached(context.pathParam("id")) : null;
        if (body == null) {
            context.next();
            return;
        }
        context.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, MediaTypes.negotiate(context.request().getHeader(HttpHeaders.ACCEPT)))
                .end(Buffer.buffer(body));
    }

    private byte[] cached(String id) {
        if (id == null || id.isEmpty() || id.length() > 10) {
            return null;
        }
        long value = 0;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            value = value * 10 + (c - '0');
        }
        // beyond an int there is no such id: the resource answers that, never another id's schema
        return value > Integer.MAX_VALUE ? null : responses.cached((int) value);
    }
}
