package dev.accord.server.registry;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The caches hold bytes, not entries: many small schemas or a few large ones, never more than the ceiling. */
class BoundedCacheTest {

    @Test
    void theHeldBytesStayUnderTheCeilingWhateverTheSizesPut() {
        BoundedCache<Integer, byte[]> cache = new BoundedCache<>("test", 1_000_000, value -> value.length);
        for (int i = 0; i < 10_000; i++) {
            cache.put(i, new byte[(i % 7) * 10_000 + 100]);
            assertTrue(cache.bytes() <= 1_000_000, "after " + i + " puts: " + cache.bytes());
        }
        assertTrue(cache.size() > 10, "it still holds what fits: " + cache.size());
        long sum = 0;
        for (int i = 0; i < 10_000; i++) {
            byte[] value = cache.get(i);
            sum += value == null ? 0 : value.length;
        }
        assertEquals(sum, cache.bytes(), "the weight counted is the weight held");
    }

    @Test
    void aValueHeavierThanATenthOfTheCeilingIsNotKeptAndRemovalsGiveTheirBytesBack() {
        BoundedCache<Integer, byte[]> cache = new BoundedCache<>("test", 1_000, value -> value.length);
        cache.put(1, new byte[101]);
        assertNull(cache.get(1));
        cache.put(2, new byte[50]);
        cache.put(2, new byte[80]);
        assertEquals(80, cache.bytes(), "a replaced value's weight is taken back");
        cache.remove(2);
        assertEquals(0, cache.bytes());
        assertEquals(1, cache.misses(), "the lookup of the value not kept");
        assertEquals(0, cache.hits());
    }
}
