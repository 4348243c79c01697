package dev.accord.server.registry;

import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Per-subject settings (config, mode) kept in memory: read on every registration, changed rarely. A change
 * here invalidates at write time and again when its transaction completes; a change on another instance
 * invalidates through the event log's NOTIFY ({@link RemoteChangeListener}).
 */
final class SettingsCache<V> {

    /** Subjects remembered at most (names looked up and found empty included): a few tens of MiB at worst. */
    private static final int MAX_ENTRIES = 200_000;

    private final ConcurrentHashMap<String, Optional<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    Optional<V> get(String subject, Function<String, Optional<V>> loader) {
        Optional<V> value = entries.get(subject);
        if (value != null) {
            return value;
        }
        if (entries.size() >= MAX_ENTRIES) {
            invalidateAll(); // cheap to reload; keeps lookups of made-up subject names from growing the heap
        }
        long before = generation.get();
        value = loader.apply(subject);
        entries.put(subject, value);
        if (generation.get() != before) {
            entries.remove(subject); // invalidated while loading: the loaded value may be stale
        }
        return value;
    }

    void invalidateAll() {
        generation.incrementAndGet();
        entries.clear();
    }

    /** Invalidates now (for this transaction's own reads) and again once the transaction has completed. */
    void invalidateAfterCompletion(TransactionSynchronizationRegistry transactions) {
        invalidateAll();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                invalidateAll();
            }
        });
    }
}
