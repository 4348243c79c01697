package dev.accord.server.registry;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A concurrent map that stays under a size cap by dropping arbitrary entries when full. Good enough for
 * immutable values that are cheap to reload: no entry is ever stale, only possibly evicted.
 */
public final class BoundedCache<K, V> {

    private final ConcurrentHashMap<K, V> entries = new ConcurrentHashMap<>();
    private final int capacity;

    public BoundedCache(int capacity) {
        this.capacity = capacity;
    }

    public V get(K key) {
        return entries.get(key);
    }

    public V computeIfAbsent(K key, Function<K, V> loader) {
        V value = entries.get(key);
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
        if (entries.size() >= capacity) {
            int toDrop = Math.max(1, capacity / 10);
            for (Iterator<K> it = entries.keySet().iterator(); it.hasNext() && toDrop-- > 0; ) {
                it.next();
                it.remove();
            }
        }
        entries.put(key, value);
    }

    public void remove(K key) {
        entries.remove(key);
    }

    public void clear() {
        entries.clear();
    }
}
