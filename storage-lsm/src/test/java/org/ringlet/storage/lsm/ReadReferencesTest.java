package org.ringlet.storage.lsm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.Partition;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.storage.SinglePartitionReadCommand;
import org.ringlet.storage.lsm.io.InMemoryFileSystem;
import org.ringlet.storage.lsm.testing.Fixtures;
import org.ringlet.storage.lsm.testing.TestNode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reads racing flushes and compactions that close and delete the SSTables they read (ADR 0162): reads from memory
 * take no SSTable references, reads that may touch a file do; no read fails on a closed or deleted file, and every
 * read sees the one value each key ever had. Reading a closed file of the in-memory file system throws, so a read
 * that used an SSTable without holding it fails this test.
 */
class ReadReferencesTest {
    private static final long NOW = 1_700_000_000L;
    private static final int KEYS = 400;
    /** Values of ~300 bytes: an SSTable spans several chunks, more than the chunk cache holds. */
    private static final String PAD = "x".repeat(300);
    private final InMemoryFileSystem fs = new InMemoryFileSystem();
    private final TestNode node = new TestNode();
    private final TableMetadata kv = node.schema().createTable(Fixtures.kv("ks"));
    private LsmStorageEngine engine;

    @AfterEach
    void tearDown() {
        if (engine != null) {
            engine.stop();
        }
        node.close();
    }

    private SinglePartitionReadCommand command(int k) {
        DecoratedKey key = Fixtures.key(node.partitioner(), Fixtures.bytes("k" + k));
        return Fixtures.readAll(kv, key, NOW);
    }

    private static String value(int k) {
        return "v" + k + PAD;
    }

    private void writeAll(long ts) {
        for (int i = 0; i < KEYS; i++) {
            engine.apply(Fixtures.kvWrite(kv, node.partitioner(), "k" + i, value(i), ts), true)
                    .toCompletableFuture().join();
        }
    }

    @Test
    void readsRacingCompactionsNeverUseAClosedSSTable() throws Exception {
        // a chunk cache smaller than the data: some reads are served from memory, the others read files
        engine = new LsmStorageEngine(Fixtures.config(Path.of("/r"), Map.of("file_cache_size", "48KiB")), fs, node);
        engine.start();
        engine.replayCommitLog(t -> true);
        writeAll(1);
        engine.flush(kv.id()).toCompletableFuture().join();
        Set<String> firstFiles = files();

        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong fromMemory = new AtomicLong();
        AtomicLong fromStage = new AtomicLong();
        ExecutorService readers = Executors.newFixedThreadPool(3);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int seed = t;
            running.add(readers.submit(() -> {
                int k = seed;
                while (!stop.get()) {
                    k = (k * 31 + 7) % KEYS;
                    Partition p = engine.readIfInMemory(command(k));
                    if (p != null) {
                        fromMemory.incrementAndGet();
                    } else {
                        p = engine.read(command(k));
                        fromStage.incrementAndGet();
                    }
                    assertEquals(value(k), Fixtures.kvValue(p, NOW), "key k" + k);
                }
                return null;
            }));
        }
        try {
            for (int round = 2; round < 14; round++) {
                writeAll(round);
                engine.flush(kv.id()).toCompletableFuture().join();
                engine.compact(kv.id()).toCompletableFuture().get(60, TimeUnit.SECONDS);
            }
        } finally {
            stop.set(true);
            for (Future<?> f : running) {
                f.get(60, TimeUnit.SECONDS); // rethrows a failed read
            }
            readers.shutdown();
        }
        assertTrue(fromMemory.get() > 0 && fromStage.get() > 0,
                "both kinds of reads ran: " + fromMemory + " from memory, " + fromStage + " from files");
        assertEquals(1, engine.stats(kv.id()).liveSSTableCount());
        Set<String> left = files();
        left.retainAll(firstFiles);
        assertTrue(left.isEmpty(), "the first SSTable's files were deleted once unreferenced: " + left);
        for (int i = 0; i < KEYS; i += 37) {
            assertEquals(value(i), Fixtures.kvValue(engine.read(command(i)), NOW));
        }
    }

    private Set<String> files() throws Exception {
        Set<String> out = new java.util.HashSet<>();
        collect(Path.of("/r/data"), out);
        return out;
    }

    private void collect(Path dir, Set<String> out) throws Exception {
        for (Path p : fs.list(dir)) {
            if (fs.isDirectory(p)) {
                collect(p, out);
            } else if (p.toString().endsWith("Data.db")) {
                out.add(p.toString());
            }
        }
    }
}
