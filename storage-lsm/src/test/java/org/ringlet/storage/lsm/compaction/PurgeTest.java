package org.ringlet.storage.lsm.compaction;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ringlet.api.data.Cell;
import org.ringlet.api.data.Clustering;
import org.ringlet.api.data.ClusteringBound;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.DeletionTime;
import org.ringlet.api.data.LivenessInfo;
import org.ringlet.api.data.Mutation;
import org.ringlet.api.data.Partition;
import org.ringlet.api.data.RangeTombstone;
import org.ringlet.api.data.Slice;
import org.ringlet.api.schema.ClusteringOrder;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.storage.SSTableInfo;
import org.ringlet.api.testing.storage.MutableSchemaService;
import org.ringlet.storage.lsm.LsmStorageEngine;
import org.ringlet.storage.lsm.io.InMemoryFileSystem;
import org.ringlet.storage.lsm.testing.Fixtures;
import org.ringlet.storage.lsm.testing.TestClock;
import org.ringlet.storage.lsm.testing.TestNode;
import org.ringlet.storage.lsm.testing.TestScheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tombstone purging never resurrects data: a tombstone past {@code gc_grace_seconds} is dropped only when no data
 * it could shadow exists outside the compaction (other SSTables, memtables); expired TTL cells become tombstones
 * first.
 */
class PurgeTest {
    private static final long T = 1_700_000_000L;
    private final InMemoryFileSystem fs = new InMemoryFileSystem();
    private final TestClock clock = TestClock.manual(T * 1000);
    private final TestNode node = new TestNode(clock, new TestScheduler(), new MutableSchemaService());
    private final TableMetadata kv;
    private final TableMetadata wide;
    private final LsmStorageEngine engine;

    PurgeTest() throws Exception {
        TableMetadata k = Fixtures.kv("ks");
        kv = node.schema().createTable(k.toBuilder().params(k.params().withGcGraceSeconds(0)).build());
        TableMetadata w = Fixtures.wide("ks", ClusteringOrder.ASC);
        wide = node.schema().createTable(w.toBuilder().params(w.params().withGcGraceSeconds(0)).build());
        engine = new LsmStorageEngine(Fixtures.config(Path.of("/p"), Map.of()), fs, node);
        engine.start();
        engine.replayCommitLog(t -> true);
    }

    @AfterEach
    void tearDown() {
        engine.stop();
        node.close();
    }

    private DecoratedKey key(String k) {
        return Fixtures.key(node.partitioner(), Fixtures.bytes(k));
    }

    private void apply(Partition p) {
        engine.apply(Mutation.of("ks", p), true).toCompletableFuture().join();
    }

    private void put(String k, String v, long ts) {
        apply(Fixtures.kvWrite(kv, node.partitioner(), k, v, ts).partitions().values().iterator().next());
    }

    private void deletePartition(String k, long ts) {
        apply(Partition.builder(kv, key(k)).deletePartition(new DeletionTime(ts, T - 10)).build());
    }

    private String value(String k) {
        return Fixtures.kvValue(engine.read(Fixtures.readAll(kv, key(k), clock.currentTimeSeconds())),
                clock.currentTimeSeconds());
    }

    private long flush(TableMetadata t) {
        Set<Long> before = generations(t);
        engine.flush(t.id()).toCompletableFuture().join();
        Set<Long> after = generations(t);
        after.removeAll(before);
        assertEquals(1, after.size());
        return after.iterator().next();
    }

    private Set<Long> generations(TableMetadata t) {
        Set<Long> gens = new TreeSet<>();
        for (SSTableInfo i : engine.sstables(t.id())) {
            gens.add(i.generation());
        }
        return gens;
    }

    private void compact(TableMetadata t, Long... gens) {
        engine.compact(t.id(), Set.of(gens)).toCompletableFuture().join();
    }

    @Test
    void aTombstoneStaysWhileOlderDataOutsideTheCompactionExists() {
        put("k", "old", 1);
        long a = flush(kv);
        deletePartition("k", 2);
        long b = flush(kv);
        put("other", "x", 3);
        long c = flush(kv);
        compact(kv, b, c);
        assertNull(value("k"));
        long d = generations(kv).stream().filter(g -> g != a).findFirst().orElseThrow();
        compact(kv, a);
        assertNull(value("k"), "the tombstone kept in the compacted SSTable still shadows the old value");
        assertTrue(generations(kv).contains(d));

        engine.compact(kv.id()).toCompletableFuture().join();
        assertNull(value("k"));
        Partition p = engine.read(Fixtures.readAll(kv, key("k"), T));
        assertTrue(p.isEmpty(), "with everything compacted together both the data and the tombstone go: " + p);
        assertEquals("x", value("other"));
    }

    @Test
    void memtableDataKeepsATombstone() {
        deletePartition("k", 2);
        long b = flush(kv);
        put("k", "late-but-older", 1);
        compact(kv, b);
        assertNull(value("k"), "an older write still in the memtable must stay deleted");
        engine.flush(kv.id()).toCompletableFuture().join();
        engine.compact(kv.id()).toCompletableFuture().join();
        assertNull(value("k"));
        assertTrue(engine.read(Fixtures.readAll(kv, key("k"), T)).isEmpty());
    }

    @Test
    void tombstonesWithinGcGraceStay() {
        TableMetadata graced = node.schema().createTable(Fixtures.kv("graced"));
        apply(Partition.builder(graced, key("k")).deletePartition(new DeletionTime(5, T)).build());
        engine.flush(graced.id()).toCompletableFuture().join();
        engine.apply(Fixtures.kvWrite(graced, node.partitioner(), "z", "1", 6), true).toCompletableFuture().join();
        engine.flush(graced.id()).toCompletableFuture().join();
        engine.compact(graced.id()).toCompletableFuture().join();
        Partition p = engine.read(Fixtures.readAll(graced, key("k"), T));
        assertEquals(new DeletionTime(5, T), p.partitionDeletion(), "gc_grace_seconds keeps the tombstone");
        assertEquals(1, engine.stats(graced.id()).liveSSTableCount());
    }

    @Test
    void anExpiredCellBecomesATombstoneThatStillShadowsOlderData() {
        TableMetadata t = node.schema().createTable(Fixtures.kv("ttl").toBuilder()
                .params(Fixtures.kv("ttl").params().withGcGraceSeconds(100)).build());
        DecoratedKey k = key("k");
        Partition.Builder old = Partition.builder(t, k);
        old.row(Clustering.EMPTY).addCell(Cell.live("v", null, Fixtures.bytes("old"), 1));
        apply(old.build());
        engine.flush(t.id()).toCompletableFuture().join();
        long a = generations(t).iterator().next();
        Partition.Builder b = Partition.builder(t, k);
        b.row(Clustering.EMPTY).addCell(Cell.expiring("v", null, Fixtures.bytes("short-lived"), 5, 10, T));
        apply(b.build());
        engine.flush(t.id()).toCompletableFuture().join();
        long ttlGen = generations(t).stream().filter(g -> g != a).findFirst().orElseThrow();
        clock.advanceMillis(20_000);
        compact(t, ttlGen);
        long now = clock.currentTimeSeconds();
        Partition p = engine.read(Fixtures.readAll(t, k, now));
        Cell v = p.rows().get(0).cell("v");
        assertTrue(v.isTombstone(), "the expired cell is now a tombstone: " + v);
        assertEquals(5, v.timestamp());
        assertEquals(T, v.localDeletionTime(), "deleted when it was written (expiration - ttl)");
        assertFalse(p.rows().get(0).hasLiveData(now), "the old value stays shadowed");

        clock.advanceMillis(200_000);
        engine.compact(t.id()).toCompletableFuture().join();
        Partition after = engine.read(Fixtures.readAll(t, k, clock.currentTimeSeconds()));
        assertTrue(after.liveRows(clock.currentTimeSeconds()).isEmpty());
        assertNull(after.rows().isEmpty() ? null : after.rows().get(0).cell("v"),
                "after gc_grace the tombstone and the shadowed value are both gone: " + after);
    }

    @Test
    void rangeTombstonesAndRowDeletionsFollowTheSameRule() {
        DecoratedKey k = Fixtures.key(node.partitioner(), Fixtures.intBytes(1));
        Partition.Builder rows = Partition.builder(wide, k);
        for (int i = 0; i < 10; i++) {
            rows.row(Clustering.of(Fixtures.intBytes(i))).liveness(LivenessInfo.create(1))
                    .addCell(Cell.live("v", null, Fixtures.bytes("r" + i), 1));
        }
        apply(rows.build());
        flush(wide);
        Partition.Builder deletions = Partition.builder(wide, k);
        deletions.addRangeTombstone(new RangeTombstone(new Slice(ClusteringBound.inclusiveStart(
                Clustering.of(Fixtures.intBytes(2))), ClusteringBound.inclusiveEnd(Clustering.of(Fixtures.intBytes(5)))),
                new DeletionTime(2, T - 10)));
        deletions.row(Clustering.of(Fixtures.intBytes(8))).delete(new DeletionTime(2, T - 10));
        apply(deletions.build());
        long tombstones = flush(wide);
        compact(wide, tombstones);
        List<org.ringlet.api.data.Row> live = engine.read(Fixtures.readAll(wide, k, T)).liveRows(T);
        assertEquals(List.of(0, 1, 6, 7, 9), live.stream().map(r -> r.clustering().get(0).getInt(0)).toList());
        engine.compact(wide.id()).toCompletableFuture().join();
        Partition p = engine.read(Fixtures.readAll(wide, k, T));
        assertEquals(5, p.rows().size(), "deleted rows and the tombstones are gone together: " + p);
        assertTrue(p.rangeTombstones().isEmpty());
    }
}
