package dev.accord.server.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;

/**
 * Hosting of the web UI (the accord-ui jar's {@code META-INF/resources/ui}) at {@code /ui/}: the single-page
 * app routes on the client, so every {@code /ui/...} path that is not a file answers {@code index.html} and deep
 * links reload; files (the hashed assets) fall through to Quarkus' static resources. A browser that opens
 * {@code /} is sent to the UI, while API clients keep getting Confluent's {@code {}}.
 */
@ApplicationScoped
public class UiRoutes {

    private static final Logger LOG = Logger.getLogger(UiRoutes.class);
    private static final String RESOURCES = "META-INF/resources";
    static final String INDEX = RESOURCES + "/ui/index.html";

    private Buffer index;

    void install(@Observes Router router) {
        index = load();
        router.get("/").order(-100).handler(this::root);
        router.getWithRegex("/ui(/.*)?").order(-100).handler(this::ui);
    }

    /** Browsers asking for a page go to the UI; everything else is the Confluent no-op root. */
    private void root(RoutingContext context) {
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        if (index != null && accept != null && accept.contains("text/html")) {
            redirect(context, "/ui/");
        } else {
            context.next();
        }
    }

    private void ui(RoutingContext context) {
        if (index == null) {
            context.response().setStatusCode(404)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
                    .end("The web UI is not part of this build (it was built with -DskipUi).\n");
            return;
        }
        String path = context.normalizedPath();
        if (path.equals("/ui")) {
            // relative asset URLs and the client router need the trailing slash
            redirect(context, "/ui/");
            return;
        }
        if (isFile(path)) {
            context.next();
            return;
        }
        if (path.startsWith("/ui/assets/")) {
            // a missing asset must stay a 404, not become an HTML page the browser tries to run as script
            context.next();
            return;
        }
        context.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                // index.html names the hashed assets of this build: never serve a stale one after an upgrade
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .end(index);
    }

    /** True for a path that names a packaged file (only names with an extension are looked up). */
    private static boolean isFile(String path) {
        int slash = path.lastIndexOf('/');
        if (slash == path.length() - 1 || path.indexOf('.', slash) < 0 || path.contains("..")) {
            return false;
        }
        return classLoader().getResource(RESOURCES + path) != null;
    }

    private static void redirect(RoutingContext context, String location) {
        context.response().setStatusCode(302).putHeader(HttpHeaders.LOCATION, location).end();
    }

    private static Buffer load() {
        try (InputStream in = classLoader().getResourceAsStream(INDEX)) {
            if (in == null) {
                LOG.info("The web UI is not packaged (accord-ui built with -DskipUi); /ui/ answers 404");
                return null;
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + INDEX, e);
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : UiRoutes.class.getClassLoader();
    }
}
