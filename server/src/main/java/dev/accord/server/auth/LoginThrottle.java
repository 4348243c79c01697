package dev.accord.server.auth;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed authentications per source address: after 10 in a minute, that source gets 429 until the minute is
 * over, so guessing secrets (already 2^256 of them for keys) costs a minute per ten tries.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int LIMIT = 10;
    static final long WINDOW_NANOS = 60_000_000_000L;
    private static final int TRACKED_LIMIT = 100_000;

    private final Map<String, Window> failures = new ConcurrentHashMap<>();

    private static final class Window {
        final long start;
        int count;

        Window(long start) {
            this.start = start;
        }
    }

    /** Seconds until this source may try again, or 0 when it may now. */
    public long retryAfterSeconds(String source) {
        Window window = failures.get(source);
        if (window == null) {
            return 0;
        }
        long elapsed = System.nanoTime() - window.start;
        if (elapsed >= WINDOW_NANOS) {
            failures.remove(source, window);
            return 0;
        }
        synchronized (window) {
            return window.count >= LIMIT ? Math.max(1, (WINDOW_NANOS - elapsed) / 1_000_000_000L) : 0;
        }
    }

    public void failed(String source) {
        if (failures.size() >= TRACKED_LIMIT) {
            failures.clear();
        }
        long now = System.nanoTime();
        Window window = failures.compute(source, (k, w) -> w == null || now - w.start >= WINDOW_NANOS ? new Window(now) : w);
        synchronized (window) {
            window.count++;
        }
    }
}
