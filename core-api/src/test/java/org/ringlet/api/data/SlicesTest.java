package org.ringlet.api.data;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.ringlet.api.types.NativeType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ringlet.api.data.DataFixtures.ck;
import static org.ringlet.api.data.DataFixtures.i;

class SlicesTest {
    static final ClusteringComparator CMP = new ClusteringComparator(List.of(NativeType.INT));

    static ClusteringBound b(ClusteringBound.Kind k, int v) {
        return ClusteringBound.create(k, List.of(i(v)));
    }

    static Slice slice(ClusteringBound.Kind sk, int s, ClusteringBound.Kind ek, int e) {
        return new Slice(b(sk, s), b(ek, e));
    }

    @Provide
    static Arbitrary<Slice> slices() {
        Arbitrary<ClusteringBound> starts = Arbitraries.oneOf(Arbitraries.just(ClusteringBound.BOTTOM),
                Combinators.combine(Arbitraries.of(ClusteringBound.Kind.INCL_START, ClusteringBound.Kind.EXCL_START),
                        Arbitraries.integers().between(0, 9)).as(SlicesTest::b));
        Arbitrary<ClusteringBound> ends = Arbitraries.oneOf(Arbitraries.just(ClusteringBound.TOP),
                Combinators.combine(Arbitraries.of(ClusteringBound.Kind.INCL_END, ClusteringBound.Kind.EXCL_END),
                        Arbitraries.integers().between(0, 9)).as(SlicesTest::b));
        return Combinators.combine(starts, ends).as(Slice::new);
    }

    @Property(tries = 1000)
    void slicesSelectTheUnionAndAreSortedDisjointAndNonEmpty(@ForAll @Size(max = 5) List<@net.jqwik.api.From("slices") Slice> input) {
        Slices s = Slices.of(CMP, input);
        for (int v = -1; v <= 10; v++) {
            Clustering c = ck(v);
            boolean expected = input.stream().anyMatch(x -> x.includes(CMP, c));
            assertEquals(expected, s.selects(CMP, c), "clustering " + v + " in " + input + " → " + s);
        }
        List<Slice> out = s.slices();
        for (int k = 0; k < out.size(); k++) {
            assertFalse(out.get(k).isEmpty(CMP));
            if (k > 0) {
                assertTrue(CMP.compare(out.get(k - 1).end(), out.get(k).start()) < 0, "sorted and disjoint: " + out);
                assertFalse(out.get(k - 1).intersects(CMP, out.get(k)));
            }
        }
        assertEquals(s, Slices.of(CMP, new ArrayList<>(out)), "normal form is stable");
    }

    @Property(tries = 1000)
    void intersectsMeansSharingAClustering(@ForAll("slices") Slice a, @ForAll("slices") Slice b) {
        boolean shared = false;
        for (int v = -1; v <= 10; v++) {
            shared |= a.includes(CMP, ck(v)) && b.includes(CMP, ck(v));
        }
        if (shared) {
            assertTrue(a.intersects(CMP, b));
            assertTrue(b.intersects(CMP, a));
        }
        assertEquals(a.intersects(CMP, b), b.intersects(CMP, a));
    }

    @Test
    void overlappingSlicesMerge() {
        Slices s = Slices.of(CMP, List.of(
                slice(ClusteringBound.Kind.INCL_START, 5, ClusteringBound.Kind.INCL_END, 8),
                slice(ClusteringBound.Kind.INCL_START, 1, ClusteringBound.Kind.INCL_END, 3),
                slice(ClusteringBound.Kind.INCL_START, 2, ClusteringBound.Kind.EXCL_END, 6),
                slice(ClusteringBound.Kind.INCL_START, 9, ClusteringBound.Kind.EXCL_END, 9)));
        assertEquals(List.of(slice(ClusteringBound.Kind.INCL_START, 1, ClusteringBound.Kind.INCL_END, 8)), s.slices());
        assertEquals(1, s.size());
        Slices touching = Slices.of(CMP, List.of(
                slice(ClusteringBound.Kind.INCL_START, 1, ClusteringBound.Kind.INCL_END, 3),
                slice(ClusteringBound.Kind.EXCL_START, 3, ClusteringBound.Kind.INCL_END, 4)));
        assertTrue(touching.selects(CMP, ck(3)) && touching.selects(CMP, ck(4)));
        assertFalse(touching.selects(CMP, ck(5)));
    }

    @Test
    void basics() {
        assertTrue(Slices.ALL.selectsAll());
        assertTrue(Slices.with(CMP, Slice.ALL).selectsAll());
        assertTrue(Slices.NONE.isEmpty());
        assertTrue(Slices.of(CMP, List.of(slice(ClusteringBound.Kind.EXCL_START, 2, ClusteringBound.Kind.EXCL_END, 2)))
                .isEmpty());
        assertTrue(Slice.exactly(ck(4)).includes(CMP, ck(4)));
        assertFalse(Slice.exactly(ck(4)).includes(CMP, ck(5)));
        assertFalse(Slice.ALL.includes(CMP, Clustering.STATIC));
        assertTrue(Slices.ALL.intersects(CMP, Slice.exactly(ck(1))));
        assertThrows(IllegalArgumentException.class, () -> new Slice(ClusteringBound.TOP, ClusteringBound.TOP));
        assertThrows(IllegalArgumentException.class, () -> new Slice(ClusteringBound.BOTTOM, ClusteringBound.BOTTOM));
    }
}
