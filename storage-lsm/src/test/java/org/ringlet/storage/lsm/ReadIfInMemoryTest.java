package org.ringlet.storage.lsm;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.Partition;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.storage.CacheStats;
import org.ringlet.api.storage.SinglePartitionReadCommand;
import org.ringlet.storage.lsm.io.InMemoryFileSystem;
import org.ringlet.storage.lsm.testing.Fixtures;
import org.ringlet.storage.lsm.testing.TestNode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads from memory alone (ADR 0160) and the cache statistics they move. */
class ReadIfInMemoryTest {
    private static final long NOW = 1_700_000_000L;
    private final InMemoryFileSystem fs = new InMemoryFileSystem();
    private final TestNode node = new TestNode();
    private final TableMetadata kv = node.schema().createTable(Fixtures.kv("ks"));
    private LsmStorageEngine engine;

    private LsmStorageEngine open(Map<String, String> options) throws Exception {
        LsmStorageEngine e = new LsmStorageEngine(Fixtures.config(Path.of("/r"), options), fs, node);
        e.start();
        e.replayCommitLog(t -> true);
        return e;
    }

    @AfterEach
    void tearDown() {
        if (engine != null) {
            engine.stop();
        }
        node.close();
    }

    private void write(String k, String v, long ts) {
        engine.apply(Fixtures.kvWrite(kv, node.partitioner(), k, v, ts), true).toCompletableFuture().join();
    }

    private SinglePartitionReadCommand command(String k) {
        DecoratedKey key = Fixtures.key(node.partitioner(), Fixtures.bytes(k));
        return Fixtures.readAll(kv, key, NOW);
    }

    private static String value(Partition p) {
        return Fixtures.kvValue(p, NOW);
    }

    private CacheStats cache(String name) {
        return engine.cacheStats().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aReadThatNeedsAnUncachedChunkGivesUpAndTheBlockingReadFillsTheCache() throws Exception {
        engine = open(Map.of("file_cache_size", "4MiB"));
        for (int i = 0; i < 300; i++) {
            write("k" + i, "v" + i, 10);
        }
        assertEquals("v7", value(engine.readIfInMemory(command("k7"))), "memtable data is in memory");
        engine.flush(kv.id()).toCompletableFuture().join();
        engine.stop();
        engine = open(Map.of("file_cache_size", "4MiB"));

        CacheStats before = cache("ChunkCache");
        assertEquals(0, before.entries(), "a fresh engine caches no chunk");
        assertNull(engine.readIfInMemory(command("k7")), "the chunk holding k7 is not cached");
        assertEquals(before.requests(), cache("ChunkCache").requests(), "a read that gave up counts no lookup");

        assertEquals("v7", value(engine.read(command("k7"))));
        CacheStats loaded = cache("ChunkCache");
        assertTrue(loaded.requests() > before.requests(), "the blocking read looked chunks up: " + loaded);
        assertTrue(loaded.misses() >= 1, "and loaded at least one: " + loaded);
        assertTrue(loaded.entries() >= 1 && loaded.sizeBytes() > 0, "which the cache now holds: " + loaded);
        assertEquals(4L << 20, loaded.capacityBytes());

        Partition again = engine.readIfInMemory(command("k7"));
        assertNotNull(again, "the same read is now served from memory");
        assertEquals("v7", value(again));
        CacheStats hit = cache("ChunkCache");
        assertTrue(hit.hits() > loaded.hits(), "and counted as a hit: " + hit);
        assertEquals(loaded.misses(), hit.misses());
    }

    @Test
    void withoutAChunkCacheOnlyReadsThatNeedNoFileAreServedFromMemory() throws Exception {
        engine = open(Map.of("file_cache_size", "0"));
        for (int i = 0; i < 300; i++) {
            write("k" + i, "v" + i, 10);
        }
        engine.flush(kv.id()).toCompletableFuture().join();
        write("fresh", "f", 20);
        write("k8", "w8", 5); // older than the SSTable's version: the SSTable has to be read

        assertNull(engine.readIfInMemory(command("k7")), "k7 is only in the SSTable");
        assertNull(engine.readIfInMemory(command("k8")), "k8's newer version must be merged from the SSTable");
        assertEquals("v8", value(engine.read(command("k8"))));
        assertEquals("v7", value(engine.read(command("k7"))));
        assertEquals(0, cache("ChunkCache").capacityBytes());
        assertEquals(0, cache("ChunkCache").entries());
        assertTrue(cache("ChunkCache").misses() >= 2, "every chunk is read from the file");
    }

    @Test
    void aPartitionOnlyInTheMemtableIsServedFromMemoryWhenNoSSTableCanHoldIt() throws Exception {
        engine = open(Map.of("file_cache_size", "0"));
        for (int i = 0; i < 300; i++) {
            write("k" + i, "v" + i, 10);
        }
        engine.flush(kv.id()).toCompletableFuture().join();
        int served = 0;
        for (int i = 0; i < 50; i++) {
            write("new" + i, "n" + i, 20);
        }
        for (int i = 0; i < 50; i++) {
            Partition p = engine.readIfInMemory(command("new" + i));
            if (p != null) {
                assertEquals("n" + i, value(p));
                served++;
            }
        }
        // the bloom filter (1 % false positives) or the partition index rule out the SSTable for almost every key
        assertTrue(served >= 45, "served from memory: " + served + " of 50");
    }

    @Test
    void keyCacheStatisticsCountLookupsAndHits() throws Exception {
        engine = open(Map.of("key_cache_size", "1MiB", "partition_index_size", "0"));
        for (int i = 0; i < 300; i++) {
            write("k" + i, "v" + i, 10);
        }
        engine.flush(kv.id()).toCompletableFuture().join();
        CacheStats before = cache("KeyCache");
        assertEquals(1L << 20, before.capacityBytes());
        assertEquals("v5", value(engine.read(command("k5"))));
        assertEquals("v5", value(engine.read(command("k5"))));
        CacheStats after = cache("KeyCache");
        assertEquals(before.requests() + 2, after.requests(), after.toString());
        assertEquals(before.hits() + 1, after.hits(), "the second read found the entry the first cached");
        assertTrue(after.entries() >= 1 && after.sizeBytes() > 0, after.toString());
    }
}
