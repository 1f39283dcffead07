package org.ringlet.api.data;

import java.nio.ByteBuffer;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ringlet.api.data.DataFixtures.i;

class CellTest {
    private static final long NOW = 1_000;

    static Cell live(int v, long ts) {
        return Cell.live("c", null, i(v), ts);
    }

    static Cell expiring(int v, long ts, int ttl, long now) {
        return Cell.expiring("c", null, i(v), ts, ttl, now);
    }

    static Cell tombstone(long ts, long now) {
        return Cell.tombstone("c", null, ts, now);
    }

    @Test
    void higherTimestampWins() {
        assertEquals(live(1, 11), Cell.reconcile(live(1, 11), tombstone(10, NOW)));
        assertEquals(tombstone(12, NOW), Cell.reconcile(expiring(5, 11, 100, NOW), tombstone(12, NOW)));
        assertEquals(live(0, 12), Cell.reconcile(live(9, 11), live(0, 12)));
    }

    @Test
    void atEqualTimestampsTombstoneBeatsExpiringBeatsLive() {
        Cell t = tombstone(10, NOW);
        Cell e = expiring(7, 10, 100, NOW);
        Cell l = live(9, 10);
        assertSame(t, Cell.reconcile(t, e));
        assertSame(t, Cell.reconcile(e, t));
        assertSame(t, Cell.reconcile(l, t));
        assertSame(e, Cell.reconcile(l, e));
        assertSame(e, Cell.reconcile(e, l));
        // even a tombstone with an older local deletion time beats an expiring cell
        Cell oldTombstone = tombstone(10, 1);
        assertSame(oldTombstone, Cell.reconcile(expiring(1, 10, 5, NOW + 100), oldTombstone));
    }

    @Test
    void thenTheLaterLocalDeletionTimeThenTheGreaterValue() {
        Cell early = expiring(9, 10, 100, NOW);
        Cell late = expiring(1, 10, 100, NOW + 1);
        assertSame(late, Cell.reconcile(early, late));
        assertSame(late, Cell.reconcile(late, early));
        Cell t1 = tombstone(10, NOW);
        Cell t2 = tombstone(10, NOW + 5);
        assertSame(t2, Cell.reconcile(t1, t2));
        Cell small = live(1, 10);
        Cell big = Cell.live("c", null, ByteBuffer.wrap(new byte[] {(byte) 0x80}), 10);
        assertSame(big, Cell.reconcile(small, big), "values compare as unsigned bytes");
        assertSame(big, Cell.reconcile(big, small));
    }

    @Test
    void countersMergeAndTheirTombstonesWin() {
        UUID a = new UUID(0, 1);
        UUID b = new UUID(0, 2);
        Cell ca = Cell.counter("n", CounterContext.create(a, 1, 5), 10);
        Cell cb = Cell.counter("n", CounterContext.create(b, 3, 7), 20);
        Cell merged = Cell.reconcile(ca, cb);
        assertTrue(merged.isCounter());
        assertEquals(20, merged.timestamp());
        assertEquals(12, CounterContext.total(merged.value()));
        assertEquals(merged, Cell.reconcile(cb, ca));
        Cell deleted = Cell.tombstone("n", null, 1, NOW);
        assertSame(deleted, Cell.reconcile(cb, deleted), "a counter tombstone wins whatever its timestamp");
        assertSame(deleted, Cell.reconcile(deleted, ca));
    }

    @Test
    void liveness() {
        assertTrue(live(1, 1).isLive(Long.MAX_VALUE - 1));
        Cell e = expiring(1, 1, 10, NOW);
        assertTrue(e.isExpiring());
        assertEquals(NOW + 10, e.localDeletionTime());
        assertTrue(e.isLive(NOW + 9));
        assertFalse(e.isLive(NOW + 10));
        assertFalse(e.isTombstone());
        assertFalse(tombstone(1, NOW).isLive(0));
        assertTrue(tombstone(1, NOW).isTombstone());
        assertEquals(live(1, 5), expiring(1, 5, 0, NOW), "a ttl of 0 is a live cell");
        assertThrows(IllegalArgumentException.class, () -> Cell.of("c", null, i(1), 1, -1, NOW, false));
        Cell withPath = Cell.live("tags", i(3), ByteBuffer.allocate(0), 4);
        assertTrue(withPath.hasPath());
        assertEquals(i(3), withPath.path());
        assertEquals("x", withPath.withColumn("x").column());
    }

    @Provide
    Arbitrary<Cell> cells() {
        Arbitrary<Long> ts = Arbitraries.longs().between(0, 3);
        Arbitrary<Long> now = Arbitraries.longs().between(NOW, NOW + 2);
        Arbitrary<Integer> value = Arbitraries.integers().between(0, 2);
        return Arbitraries.oneOf(
                Combinators.combine(value, ts).as(CellTest::live),
                Combinators.combine(value, ts, Arbitraries.integers().between(1, 2), now).as(CellTest::expiring),
                Combinators.combine(ts, now).as(CellTest::tombstone));
    }

    @Property(tries = 2000)
    void reconcileIsCommutativeAssociativeAndIdempotent(@ForAll("cells") Cell a, @ForAll("cells") Cell b,
                                                       @ForAll("cells") Cell c) {
        assertEquals(Cell.reconcile(a, b), Cell.reconcile(b, a));
        assertEquals(Cell.reconcile(Cell.reconcile(a, b), c), Cell.reconcile(a, Cell.reconcile(b, c)));
        assertEquals(a, Cell.reconcile(a, a));
        Cell w = Cell.reconcile(a, b);
        assertTrue(w.equals(a) || w.equals(b));
        assertTrue(w.timestamp() == Math.max(a.timestamp(), b.timestamp()));
    }
}
