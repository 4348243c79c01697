package dev.accord.server.api;

import dev.accord.server.auth.AuthRoute;
import dev.accord.server.auth.Caller;
import dev.accord.server.registry.RegistryTransfer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code POST /v1/import}: a plain Vert.x route because an export document may be far larger than any other request
 * body. The body streams to a temporary file (so memory stays flat and the request's transaction does not wait on a
 * slow upload), then one transaction loads it.
 */
@ApplicationScoped
public class RegistryTransferRoutes {

    private static final Logger LOG = Logger.getLogger(RegistryTransferRoutes.class);
    static final String IMPORT_PATH = "/v1/import";

    @Inject
    RegistryTransfer transfer;

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "accord.import.max-bytes", defaultValue = "4294967296")
    long maxImportBytes;

    void install(@Observes Router router) {
        router.post(IMPORT_PATH).order(-100).handler(this::importDocument);
    }

    private void importDocument(RoutingContext context) {
        Caller caller = context.get(AuthRoute.CALLER);
        HttpServerRequest request = context.request();
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declared.matches("[0-9]{1,18}") && Long.parseLong(declared) > maxImportBytes) {
            tooLarge(context);
            return;
        }
        context.response().putHeader(HttpHeaders.CONNECTION, "close");
        Path file;
        try {
            file = Files.createTempFile("accord-import-", ".ndjson");
        } catch (IOException e) {
            answer(context, new ErrorMappers().unexpected(e));
            return;
        }
        vertx.fileSystem().open(file.toString(), new OpenOptions().setWrite(true).setTruncateExisting(true))
                .onFailure(e -> {
                    delete(file);
                    answer(context, new ErrorMappers().unexpected(e));
                })
                .onSuccess(out -> receive(context, caller, file, out));
    }

    private void receive(RoutingContext context, Caller caller, Path file, AsyncFile out) {
        HttpServerRequest request = context.request();
        long[] received = {0};
        request.handler(chunk -> {
            received[0] += chunk.length();
            if (received[0] > maxImportBytes) {
                request.handler(null);
                out.close();
                delete(file);
                tooLarge(context);
                return;
            }
            out.write(chunk);
            if (out.writeQueueFull()) {
                request.pause();
                out.drainHandler(v -> request.resume());
            }
        });
        request.exceptionHandler(e -> {
            out.close();
            delete(file);
        });
        request.endHandler(end -> {
            if (received[0] > maxImportBytes) {
                return;
            }
            // the body is in; loading a large one computes for minutes with no byte on the wire, which the idle
            // timeout must not cut (it still guards the upload itself; the connection closes after the answer)
            if (request.connection() instanceof ConnectionBase connection
                    && connection.channel().pipeline().get("idle") != null) {
                connection.channel().pipeline().remove("idle");
            }
            out.close().onComplete(closed -> vertx.<RegistryTransfer.Imported>executeBlocking(() -> {
                try (BufferedReader document = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    return transfer.load(caller, document, () -> context.response().closed());
                } finally {
                    delete(file);
                }
            }, false).onComplete(result -> {
                if (result.succeeded()) {
                    RegistryTransfer.Imported imported = result.result();
                    LOG.infof("Imported %s", imported.asMap());
                    context.response().setStatusCode(200)
                            .putHeader(HttpHeaders.CONTENT_TYPE, MediaTypes.SCHEMA_REGISTRY_V1_JSON)
                            .end(Buffer.buffer(ApiResponses.bytes(imported.asMap())));
                } else {
                    answer(context, new ErrorMappers().unexpected(result.cause()));
                }
            }));
        });
    }

    private void tooLarge(RoutingContext context) {
        context.response().putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(done -> context.request().connection().close());
        answer(context, ApiResponses.error(413, 413, "The document is larger than " + maxImportBytes
                + " bytes (accord.import.max-bytes)"));
    }

    private static void answer(RoutingContext context, Response response) {
        if (context.response().ended() || context.response().closed()) {
            return;
        }
        context.response().setStatusCode(response.getStatus());
        response.getStringHeaders().forEach((name, values) -> context.response().putHeader(name, values));
        Object entity = response.getEntity();
        context.response().end(entity instanceof byte[] bytes ? Buffer.buffer(bytes) : Buffer.buffer());
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Could not delete the import file %s: %s", file, e.getMessage());
        }
    }

}
