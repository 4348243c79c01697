package dev.accord.server.registry;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A concurrent map kept under a ceiling of bytes (each value weighed when it is put), dropping arbitrary entries
 * when full. Good enough for immutable values that are cheap to reload: no entry is ever stale, only possibly
 * evicted. Weighed by bytes rather than counted, because one schema may be a hundred bytes or a megabyte.
 */
public final class BoundedCache<K, V> {

    private record Entry<V>(V value, long weight) {
    }

    private final String name;
    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long maxBytes;
    private final ToLongFunction<V> weigher;
    private final AtomicLong bytes = new AtomicLong();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    /**
     * @param weigher the estimated heap bytes of a value; a value heavier than a tenth of the ceiling is not kept
     */
    public BoundedCache(String name, long maxBytes, ToLongFunction<V> weigher) {
        this.name = name;
        this.maxBytes = maxBytes;
        this.weigher = weigher;
    }

    public V get(K key) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            misses.increment();
            return null;
        }
        hits.increment();
        return entry.value();
    }

    public V computeIfAbsent(K key, Function<K, V> loader) {
        V value = get(key);
        if (value != null) {
            return value;
        }
        value = loader.apply(key);
        if (value != null) {
            put(key, value);
        }
        return value;
    }

    public void put(K key, V value) {
        long weight = weigher.applyAsLong(value);
        if (weight > maxBytes / 10) {
            return; // one huge value would push out everything else
        }
        Entry<V> previous = entries.put(key, new Entry<>(value, weight));
        bytes.addAndGet(weight - (previous == null ? 0 : previous.weight()));
        if (bytes.get() > maxBytes) {
            evictDownTo(maxBytes - maxBytes / 10);
        }
    }

    private void evictDownTo(long target) {
        for (Iterator<Map.Entry<K, Entry<V>>> it = entries.entrySet().iterator(); it.hasNext()
                && bytes.get() > target; ) {
            Map.Entry<K, Entry<V>> dropped = it.next();
            if (entries.remove(dropped.getKey(), dropped.getValue())) {
                bytes.addAndGet(-dropped.getValue().weight());
            }
        }
    }

    public void remove(K key) {
        Entry<V> removed = entries.remove(key);
        if (removed != null) {
            bytes.addAndGet(-removed.weight());
        }
    }

    public void clear() {
        for (K key : entries.keySet()) {
            remove(key);
        }
    }

    public String name() {
        return name;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** The estimated bytes of the values held now. */
    public long bytes() {
        return bytes.get();
    }

    public int size() {
        return entries.size();
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }
}
