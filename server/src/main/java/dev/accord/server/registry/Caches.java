package dev.accord.server.registry;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.function.ToLongFunction;

/**
 * Makes the in-memory caches, sharing one ceiling of bytes ({@code accord.cache.max-bytes}) among them, and
 * publishes each one's size and hit counts at /q/metrics ({@code accord_cache_bytes}, {@code accord_cache_entries},
 * {@code accord_cache_requests_total{result=hit|miss}}).
 */
@ApplicationScoped
public class Caches {

    @ConfigProperty(name = "accord.cache.max-bytes", defaultValue = "134217728")
    long maxBytes;

    @Inject
    MeterRegistry registry;

    /** A cache holding at most {@code share} of the ceiling; {@code weigher} estimates a value's heap bytes. */
    public <K, V> BoundedCache<K, V> create(String name, double share, ToLongFunction<V> weigher) {
        BoundedCache<K, V> cache = new BoundedCache<>(name, (long) (maxBytes * share), weigher);
        Gauge.builder("accord.cache.bytes", cache, BoundedCache::bytes).tag("cache", name).baseUnit("bytes")
                .description("Estimated heap bytes held by the cache").register(registry);
        Gauge.builder("accord.cache.entries", cache, BoundedCache::size).tag("cache", name)
                .description("Entries held by the cache").register(registry);
        FunctionCounter.builder("accord.cache.requests", cache, BoundedCache::hits).tag("cache", name)
                .tag("result", "hit").description("Cache lookups").register(registry);
        FunctionCounter.builder("accord.cache.requests", cache, BoundedCache::misses).tag("cache", name)
                .tag("result", "miss").description("Cache lookups").register(registry);
        return cache;
    }
}
