package org.ringlet.storage.lsm.memtable;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.ringlet.api.data.Cell;
import org.ringlet.api.data.Clustering;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.LivenessInfo;
import org.ringlet.api.data.Partition;
import org.ringlet.api.data.Row;
import org.ringlet.api.data.Slice;
import org.ringlet.api.ring.Token;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.testing.ring.Murmur3TestPartitioner;
import org.ringlet.storage.lsm.testing.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The memtable's hash index over its partitions: never answers with another key's partition, finds everything
 * added through its resizes (also concurrent ones), and leaves the memtable's contents exactly as the skip list
 * alone would.
 */
class PartitionHashIndexTest {
    private final TableMetadata kv = Fixtures.kv("ks");
    private final Murmur3TestPartitioner partitioner = new Murmur3TestPartitioner();

    /** Few distinct tokens with one order prefix: the key bytes decide the hash. */
    private record CoarseToken(int value) implements Token {
        @Override
        public int compareTo(Token o) {
            return Integer.compare(value, ((CoarseToken) o).value);
        }
    }

    private MemtablePartition partition(Token token, byte[] key) {
        return new MemtablePartition(kv, token, key, PartitionHashIndex.hash(token.orderPrefix(), key), 1,
                new ClusteringKeyComparator(org.ringlet.api.data.ClusteringComparator.of(kv)), null);
    }

    private static byte[] keyBytes(int i) {
        return ByteBuffer.allocate(8).putLong(0, i * 0x9E3779B97F4A7C15L).array();
    }

    @Test
    void findsWhatWasAddedThroughResizesAndNeverAnotherKey() {
        for (boolean coarse : new boolean[] {false, true}) {
            PartitionHashIndex index = new PartitionHashIndex();
            int n = 50_000; // several doublings from the initial 4096 slots
            List<MemtablePartition> added = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                byte[] key = keyBytes(i);
                Token token = coarse ? new CoarseToken(i % 3) : partitioner.token(ByteBuffer.wrap(key));
                MemtablePartition p = partition(token, key);
                index.add(p);
                added.add(p);
            }
            int found = 0;
            for (MemtablePartition p : added) {
                MemtablePartition q = index.get(p.hash, p.prefix, p.token, p.key.clone());
                if (q != null) {
                    assertSame(p, q, "a lookup answers with the partition of its key");
                    found++;
                }
            }
            assertEquals(n, found, "every partition added is found (coarse tokens: " + coarse + ")");
            assertTrue(index.complete());
            for (int i = n; i < n + 1000; i++) {
                byte[] key = keyBytes(i);
                Token token = coarse ? new CoarseToken(i % 3) : partitioner.token(ByteBuffer.wrap(key));
                assertNull(index.get(PartitionHashIndex.hash(token.orderPrefix(), key), token.orderPrefix(), token, key),
                        "a key never added is not found");
            }
            assertTrue(index.heapSize() >= 4L * 2 * n, "at most half full");
        }
    }

    /**
     * Threads adding partitions while the table doubles many times: once the adds returned, every partition is
     * found, so that a miss of a complete index means the key was not added (what memtable reads rely on).
     */
    @Test
    void everyAddIsFoundAfterConcurrentResizes() throws Exception {
        for (int round = 0; round < 5; round++) {
            PartitionHashIndex index = new PartitionHashIndex();
            int n = 60_000;
            int threads = 4;
            MemtablePartition[] parts = new MemtablePartition[n];
            for (int i = 0; i < n; i++) {
                byte[] key = keyBytes(round * n + i);
                parts[i] = partition(partitioner.token(ByteBuffer.wrap(key)), key);
            }
            List<Throwable> errors = new CopyOnWriteArrayList<>();
            AtomicInteger next = new AtomicInteger();
            List<Thread> all = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread th = new Thread(() -> {
                    try {
                        int i;
                        while ((i = next.getAndIncrement()) < n) {
                            MemtablePartition p = parts[i];
                            index.add(p);
                            assertSame(p, index.get(p.hash, p.prefix, p.token, p.key.clone()),
                                    "found by the thread that added it, right after the add");
                        }
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                });
                th.start();
                all.add(th);
            }
            for (Thread th : all) {
                th.join(60_000);
            }
            assertTrue(errors.isEmpty(), errors.toString());
            assertTrue(index.complete());
            for (MemtablePartition p : parts) {
                assertSame(p, index.get(p.hash, p.prefix, p.token, p.key.clone()));
            }
        }
    }

    @Test
    void concurrentUpdatesOfExistingPartitionsKeepOnePartitionPerKeyWithTheLatestRow() throws Exception {
        Memtable m = new Memtable(3, kv);
        int keys = 20_000;
        int threads = 4;
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        AtomicInteger next = new AtomicInteger();
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                try {
                    // every key written 3 times, by whichever threads get there; timestamps grow with the pass
                    int i;
                    while ((i = next.getAndIncrement()) < 3 * keys) {
                        int k = i % keys;
                        long ts = 1 + i / keys;
                        m.apply(write(k, (int) ts, ts));
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            th.start();
            all.add(th);
        }
        for (Thread th : all) {
            th.join(60_000);
        }
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals(keys, m.partitionCount());
        int seen = 0;
        for (var it = m.partitions(null); it.hasNext(); ) {
            MemtablePartition p = it.next();
            seen++;
            Row r = p.rows(Slice.ALL, false).next();
            assertEquals(3, r.cell("v").value().getInt(0), "the last pass's value wins for " + p.key());
        }
        assertEquals(keys, seen, "one partition per key in the skip list");
        for (int k = 0; k < keys; k++) {
            DecoratedKey key = key(k);
            assertEquals(key, m.get(key).key());
        }
    }

    private DecoratedKey key(int k) {
        ByteBuffer b = ByteBuffer.wrap(keyBytes(k));
        return new DecoratedKey(partitioner.token(b), b);
    }

    private Partition write(int k, int value, long ts) {
        Partition.Builder b = Partition.builder(kv, key(k));
        b.row(Clustering.EMPTY).liveness(LivenessInfo.create(ts))
                .addCell(Cell.live("v", null, ByteBuffer.allocate(4).putInt(0, value), ts));
        return b.build();
    }
}
