package org.ringlet.storage.lsm.sstable;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyCacheTest {

    private static ByteBuffer bigint(long v) {
        return ByteBuffer.allocate(8).putLong(0, v);
    }

    @Test
    void sequentialBigintKeysSpreadOverDistinctHashes() {
        Set<Integer> hashes = new HashSet<>();
        int n = 200_000;
        for (long i = 0; i < n; i++) {
            hashes.add(new KeyCache.Key(3, bigint(i)).hashCode());
        }
        // ByteBuffer.hashCode gives these keys about 8k distinct values; a good mix collides only by chance
        assertTrue(hashes.size() > n * 0.99, "distinct hashes: " + hashes.size());
    }

    @Test
    void keysAreEqualByTableAndBytesWhateverTheBufferPosition() {
        ByteBuffer shifted = ByteBuffer.allocate(12).putLong(4, 42).position(4);
        assertEquals(new KeyCache.Key(1, bigint(42)), new KeyCache.Key(1, shifted));
        assertEquals(new KeyCache.Key(1, bigint(42)).hashCode(), new KeyCache.Key(1, shifted).hashCode());
        assertNotEquals(new KeyCache.Key(1, bigint(42)), new KeyCache.Key(2, bigint(42)));
        assertNotEquals(new KeyCache.Key(1, bigint(42)), new KeyCache.Key(1, bigint(43)));
        assertNotEquals(new KeyCache.Key(1, ByteBuffer.wrap(new byte[] {1})),
                new KeyCache.Key(1, ByteBuffer.wrap(new byte[] {1, 0})));
    }

    @Test
    void cachedEntriesAreFoundByAnEqualKey() {
        KeyCache cache = new KeyCache(1 << 20, Runnable::run, System::nanoTime);
        IndexEntry e = new IndexEntry(100, java.util.List.of());
        cache.put(7, bigint(5), e);
        assertSame(e, cache.get(7, bigint(5)));
        assertNull(cache.get(8, bigint(5)));
        assertNull(cache.get(7, bigint(6)));
    }
}
