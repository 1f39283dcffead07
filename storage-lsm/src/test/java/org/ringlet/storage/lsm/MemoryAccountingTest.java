package org.ringlet.storage.lsm;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.storage.lsm.io.FaultInjectingFileSystem;
import org.ringlet.storage.lsm.memtable.Memtable;
import org.ringlet.storage.lsm.memtable.RowSlabs;
import org.ringlet.storage.lsm.testing.Fixtures;
import org.ringlet.storage.lsm.testing.TestNode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The memory accounted against {@code memtable_heap_space} matches the memtables: also for bytes that a write
 * which picked a memtable before it was switched out adds to it afterwards.
 */
class MemoryAccountingTest {
    private final FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
    private final TestNode node = new TestNode();
    private final TableMetadata kv = node.schema().createTable(Fixtures.kv("ks"));
    private LsmStorageEngine engine;

    @AfterEach
    void tearDown() {
        fs.clearFaults();
        if (engine != null) {
            engine.stop();
        }
        node.close();
    }

    private CompletableFuture<Void> write(String k, String v) {
        return engine.apply(Fixtures.kvWrite(kv, node.partitioner(), k, v, 10), true).toCompletableFuture();
    }

    /** Holds every commit log fsync until {@code release} opens: batch writers wait with their memtable picked. */
    private static FaultInjectingFileSystem.Fault slowCommitLogSyncs(CountDownLatch release) {
        return new FaultInjectingFileSystem.Fault() {
            @Override
            public boolean matches(FaultInjectingFileSystem.Op op, Path path) {
                if (op == FaultInjectingFileSystem.Op.SYNC && path.getFileName().toString().startsWith("CommitLog")) {
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return false;
            }

            @Override
            public IOException error(FaultInjectingFileSystem.Op op, Path path) {
                throw new AssertionError();
            }
        };
    }

    private void openBatchEngine() throws IOException {
        engine = new LsmStorageEngine(Fixtures.config(Path.of("/r"), Map.of("commitlog_sync", "batch")), fs, node);
        engine.start();
        engine.replayCommitLog(t -> true);
    }

    @Test
    void aWriteLandingInASwitchedMemtableIsReleasedWithIt() throws Exception {
        openBatchEngine();
        write("before", "v").get(10, TimeUnit.SECONDS);
        long before = engine.liveMemtableBytes();
        assertTrue(before > 0);

        CountDownLatch diskBack = new CountDownLatch(1);
        fs.addFault(slowCommitLogSyncs(diskBack));
        // picks the current memtable, appends to the commit log and waits for the fsync before applying
        CompletableFuture<Void> late = write("late", "x".repeat(1000));
        assertFalse(late.isDone(), "the batch write waits for its fsync");
        // switches that memtable out while the write still has to apply to it
        CompletableFuture<Void> flush = engine.flush(kv.id()).toCompletableFuture();
        assertEquals(0, engine.liveMemtableBytes(), "the switched memtable is no longer live");
        assertEquals(before, engine.flushingMemtableBytes());
        diskBack.countDown();
        late.get(10, TimeUnit.SECONDS);
        flush.get(10, TimeUnit.SECONDS);
        fs.clearFaults();

        assertEquals(0, engine.tableStore(kv.id()).currentMemtable().dataSize(), "the late write was flushed");
        assertEquals(0, engine.liveMemtableBytes(), "nothing is left counted as live");
        assertEquals(0, engine.flushingMemtableBytes(), "nothing is left counted as flushing");
    }

    /**
     * With the default {@code memtable_allocation_type} (heap_buffers, ADR 0165) the rows live in the memtable's
     * slabs, the live count holds them, and once the memtable is flushed nothing keeps its slabs reachable.
     */
    @Test
    void theSlabsOfAFlushedMemtableAreCounted0AndCollected() throws Exception {
        engine = new LsmStorageEngine(Fixtures.config(Path.of("/r"), Map.of()), fs, node);
        engine.start();
        engine.replayCommitLog(t -> true);
        for (int i = 0; i < 5_000; i++) {
            write("k" + i, "v".repeat(100)).get(10, TimeUnit.SECONDS);
        }
        Memtable m = engine.tableStore(kv.id()).currentMemtable();
        RowSlabs slabs = m.slabs();
        assertNotNull(slabs, "heap_buffers is the default");
        assertTrue(slabs.usedBytes() >= 5_000L * 100, "the rows are in the slabs");
        assertTrue(slabs.slabCount() > 1);
        assertEquals(m.dataSize(), engine.liveMemtableBytes());
        assertTrue(engine.liveMemtableBytes() >= slabs.usedBytes());
        WeakReference<RowSlabs> gone = new WeakReference<>(slabs);
        slabs = null;
        m = null;
        engine.flush(kv.id()).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(0, engine.liveMemtableBytes());
        assertEquals(0, engine.flushingMemtableBytes());
        assertEquals("v".repeat(100), Fixtures.kvValue(engine.read(Fixtures.readAll(kv,
                Fixtures.key(node.partitioner(), Fixtures.bytes("k42")), 20)), 20), "read back from the SSTable");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (gone.get() != null && System.nanoTime() < deadline) {
            System.gc();
        }
        assertNull(gone.get(), "nothing holds the flushed memtable's slabs");
    }

    @Test
    void aWriteLandingInATruncatedMemtableIsReleasedWithIt() throws Exception {
        openBatchEngine();
        write("before", "v").get(10, TimeUnit.SECONDS);
        CountDownLatch diskBack = new CountDownLatch(1);
        fs.addFault(slowCommitLogSyncs(diskBack));
        CompletableFuture<Void> late = write("late", "x".repeat(1000));
        assertFalse(late.isDone(), "the batch write waits for its fsync");
        CompletableFuture<Void> truncate = engine.truncate(kv.id(), false).toCompletableFuture();
        diskBack.countDown();
        late.get(10, TimeUnit.SECONDS);
        truncate.get(10, TimeUnit.SECONDS);
        fs.clearFaults();

        assertEquals(0, engine.liveMemtableBytes(), "nothing is left counted as live");
        assertEquals(0, engine.flushingMemtableBytes(), "nothing is left counted as flushing");
    }
}
