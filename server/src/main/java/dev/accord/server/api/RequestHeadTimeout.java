package dev.accord.server.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.ScheduledFuture;
import io.quarkus.vertx.http.HttpServerStart;
import io.quarkus.vertx.http.HttpsServerStart;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.core.net.impl.TCPServerBase;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Closes HTTP/1 connections whose request head (request line and headers) is not complete within
 * {@code accord.http.header-timeout} of the connection opening or of its first byte after the previous answer: the
 * slowloris defence. Neither Quarkus nor Vert.x has this setting, and their idle timeouts restart on every byte, so a
 * client dripping one header byte every few seconds would hold a connection (and a slot) for ever.
 *
 * <p>The watch is a Netty handler put first on every accepted connection; it learns that a head is complete from the
 * router, which sees every request (the fast routes included) once Vert.x has decoded its head. An idle keep-alive
 * connection that sends nothing is left to {@code quarkus.http.idle-timeout}; HTTP/2 connections, whose streams
 * multiplex, are released from the watch at their first request.
 */
@ApplicationScoped
public class RequestHeadTimeout {

    private static final Logger LOG = Logger.getLogger(RequestHeadTimeout.class);
    private static final String HANDLER_NAME = "accordRequestHeadTimeout";

    @ConfigProperty(name = "accord.http.header-timeout", defaultValue = "10s")
    Duration timeout;

    @Inject
    Vertx vertx;

    @Inject
    MeterRegistry registry;

    private final Set<Channel> watchedServers = ConcurrentHashMap.newKeySet();
    private Counter closed;

    void install(@Observes Router router) {
        closed = Counter.builder("accord.http.header.timeouts")
                .description("Connections closed because their request head did not arrive within accord.http.header-timeout")
                .register(registry);
        router.route().order(-1200).handler(this::requestHeadSeen);
    }

    void onHttp(@ObservesAsync HttpServerStart start) {
        watchAcceptedConnections();
    }

    void onHttps(@ObservesAsync HttpsServerStart start) {
        watchAcceptedConnections();
    }

    private void watchAcceptedConnections() {
        if (timeout.isZero() || timeout.isNegative()) {
            return;
        }
        for (TCPServerBase server : ((VertxInternal) vertx).sharedHttpServers().values()) {
            Channel serverChannel = serverChannel(server);
            if (serverChannel == null) {
                LOG.warn("accord.http.header-timeout is not enforced: this Vert.x version hides its server channel");
                return;
            }
            if (watchedServers.add(serverChannel)) {
                // Accepted connections pass through the listening channel's pipeline as messages, before Vert.x
                // configures them: the one place to put a handler first on every connection.
                serverChannel.pipeline().addFirst(HANDLER_NAME, new AcceptedConnections(timeout.toNanos(), closed));
            }
        }
    }

    /** The listening Netty channel of a Vert.x server; Vert.x keeps it in a private field. */
    private static Channel serverChannel(TCPServerBase server) {
        try {
            Field bindFuture = TCPServerBase.class.getDeclaredField("bindFuture");
            bindFuture.setAccessible(true);
            io.vertx.core.Future<?> bound = (io.vertx.core.Future<?>) bindFuture.get(server);
            return bound != null && bound.result() instanceof Channel channel ? channel : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private void requestHeadSeen(RoutingContext context) {
        if (context.request().connection() instanceof ConnectionBase connection) {
            Channel channel = connection.channel();
            if (channel.pipeline().get(HANDLER_NAME) instanceof HeadWatch watch) {
                if (context.request().version() == HttpVersion.HTTP_2) {
                    watch.release();
                } else {
                    watch.requestStarted();
                    context.addEndHandler(done -> watch.requestEnded());
                }
            }
        }
        context.next();
    }

    @ChannelHandler.Sharable
    private static final class AcceptedConnections extends ChannelInboundHandlerAdapter {
        private final long timeoutNanos;
        private final Counter closed;

        AcceptedConnections(long timeoutNanos, Counter closed) {
            this.timeoutNanos = timeoutNanos;
            this.closed = closed;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof Channel connection) {
                connection.pipeline().addFirst(HANDLER_NAME, new HeadWatch(timeoutNanos, closed));
            }
            ctx.fireChannelRead(msg);
        }
    }

    /** One connection's clock: armed while a request head is awaited, stopped while a request is being answered. */
    private static final class HeadWatch extends ChannelInboundHandlerAdapter {
        private final long timeoutNanos;
        private final Counter closed;
        private ChannelHandlerContext context;
        private ScheduledFuture<?> deadline;
        private int requestsInFlight;
        private boolean bytesSinceLastAnswer;
        private boolean released;

        HeadWatch(long timeoutNanos, Counter closed) {
            this.timeoutNanos = timeoutNanos;
            this.closed = closed;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            context = ctx;
            arm();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            bytesSinceLastAnswer = true;
            if (deadline == null && requestsInFlight == 0) {
                arm();
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            disarm();
            ctx.fireChannelInactive();
        }

        void requestStarted() {
            onLoop(() -> {
                requestsInFlight++;
                disarm();
            });
        }

        void requestEnded() {
            onLoop(() -> {
                requestsInFlight = Math.max(0, requestsInFlight - 1);
                bytesSinceLastAnswer = false;
            });
        }

        void release() {
            onLoop(() -> {
                released = true;
                disarm();
            });
        }

        private void arm() {
            if (released || !context.channel().isActive()) {
                return;
            }
            deadline = context.executor().schedule(this::expire, timeoutNanos, TimeUnit.NANOSECONDS);
        }

        private void disarm() {
            if (deadline != null) {
                deadline.cancel(false);
                deadline = null;
            }
        }

        private void expire() {
            deadline = null;
            if (released || requestsInFlight > 0 || !context.channel().isActive()) {
                return;
            }
            closed.increment();
            if (bytesSinceLastAnswer && context.pipeline().get(SslHandler.class) == null) {
                // A client part-way through its head gets a reason; this handler sits before the HTTP encoder, so
                // the answer is written as bytes.
                String body = "{\"error_code\":408,\"message\":\"The request line and headers did not arrive within "
                        + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms (accord.http.header-timeout)\"}";
                byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
                String head = "HTTP/1.1 408 Request Timeout\r\nContent-Type: application/json\r\nConnection: close\r\n"
                        + "Content-Length: " + bodyBytes.length + "\r\n\r\n";
                context.writeAndFlush(Unpooled.wrappedBuffer(head.getBytes(StandardCharsets.US_ASCII), bodyBytes))
                        .addListener(ChannelFutureListener.CLOSE);
            } else {
                context.close();
            }
        }

        private void onLoop(Runnable action) {
            if (context.executor().inEventLoop()) {
                action.run();
            } else {
                context.executor().execute(action);
            }
        }
    }
}
