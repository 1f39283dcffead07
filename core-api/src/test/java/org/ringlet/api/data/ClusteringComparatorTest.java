package org.ringlet.api.data;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.ringlet.api.schema.ClusteringOrder;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.NativeType;
import org.ringlet.api.types.ReversedType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusteringComparatorTest {
    /** (c1 int ASC, c2 text DESC) */
    static final ClusteringComparator CMP = new ClusteringComparator(
            List.of(NativeType.INT, ReversedType.of(NativeType.TEXT)));

    static ByteBuffer i(int v) {
        return NativeType.INT.decompose(v);
    }

    static ByteBuffer t(String v) {
        return NativeType.TEXT.decompose(v);
    }

    static ClusteringBound bound(ClusteringBound.Kind kind, ByteBuffer... prefix) {
        return ClusteringBound.create(kind, List.of(prefix));
    }

    @Test
    void boundsAroundAPrefixOrderAsCassandra() {
        for (ByteBuffer[] p : new ByteBuffer[][] {{i(1)}, {i(1), t("b")}}) {
            ClusteringBound exclEnd = bound(ClusteringBound.Kind.EXCL_END, p);
            ClusteringBound inclStart = bound(ClusteringBound.Kind.INCL_START, p);
            ClusteringBound inclEnd = bound(ClusteringBound.Kind.INCL_END, p);
            ClusteringBound exclStart = bound(ClusteringBound.Kind.EXCL_START, p);
            List<ClusteringBound> order = List.of(exclEnd, inclStart, inclEnd, exclStart);
            for (int a = 0; a < 4; a++) {
                for (int b = 0; b < 4; b++) {
                    assertEquals(Integer.signum(Integer.compare(a, b)),
                            Integer.signum(CMP.compare(order.get(a), order.get(b))), order.get(a) + " " + order.get(b));
                }
            }
            Clustering inside = p.length == 2 ? Clustering.of(p) : Clustering.of(i(1), t("x"));
            assertTrue(CMP.compare(exclEnd, inside) < 0);
            assertTrue(CMP.compare(inclStart, inside) < 0);
            assertTrue(CMP.compare(inside, inclEnd) < 0);
            assertTrue(CMP.compare(inside, exclStart) < 0);
            assertTrue(CMP.compare(exclStart, inside) > 0);
        }
    }

    @Test
    void descColumnsAreReversedAndStaticComesFirst() {
        assertTrue(CMP.compare(Clustering.of(i(1), t("b")), Clustering.of(i(1), t("a"))) < 0);
        assertTrue(CMP.compare(Clustering.of(i(1), t("a")), Clustering.of(i(2), t("z"))) < 0);
        assertTrue(CMP.compare(Clustering.STATIC, Clustering.of(i(-5), t("a"))) < 0);
        assertTrue(CMP.compare(ClusteringBound.BOTTOM, Clustering.STATIC) > 0);
        assertEquals(0, CMP.compare(Clustering.STATIC, Clustering.STATIC));
        assertTrue(CMP.compare(ClusteringBound.BOTTOM, Clustering.of(i(Integer.MIN_VALUE), t(""))) < 0);
        assertTrue(CMP.compare(ClusteringBound.TOP, Clustering.of(i(Integer.MAX_VALUE), t(""))) > 0);
        assertTrue(CMP.compare(ClusteringBound.BOTTOM, ClusteringBound.TOP) < 0);
        assertTrue(CMP.isEmpty(bound(ClusteringBound.Kind.INCL_START, i(2)), bound(ClusteringBound.Kind.INCL_END, i(1))));
        assertTrue(CMP.isEmpty(bound(ClusteringBound.Kind.EXCL_START, i(1)), bound(ClusteringBound.Kind.INCL_END, i(1))));
        assertTrue(CMP.isEmpty(bound(ClusteringBound.Kind.INCL_START, i(1)), bound(ClusteringBound.Kind.EXCL_END, i(1))));
        assertTrue(!CMP.isEmpty(bound(ClusteringBound.Kind.INCL_START, i(1)), bound(ClusteringBound.Kind.INCL_END, i(1))));
    }

    @Test
    void ofTableUsesDescForReversedColumns() {
        TableMetadata t = TableMetadata.builder("ks", "x").addPartitionKey("k", NativeType.INT)
                .addClustering("a", NativeType.INT, ClusteringOrder.DESC)
                .addClustering("b", NativeType.INT, ClusteringOrder.ASC).build();
        ClusteringComparator c = ClusteringComparator.of(t);
        assertEquals(2, c.size());
        assertTrue(c.compare(Clustering.of(i(2), i(0)), Clustering.of(i(1), i(5))) < 0);
        assertTrue(c.compare(Clustering.of(i(1), i(0)), Clustering.of(i(1), i(5))) < 0);
    }

    @Test
    void invertAndKinds() {
        ClusteringBound b = bound(ClusteringBound.Kind.INCL_START, i(3));
        assertEquals(bound(ClusteringBound.Kind.EXCL_END, i(3)), b.invert());
        assertEquals(b, b.invert().invert());
        for (ClusteringBound.Kind k : ClusteringBound.Kind.values()) {
            assertEquals(k, ClusteringBound.Kind.fromId(k.id()));
        }
        assertEquals(0, ClusteringBound.Kind.INCL_START.id());
        assertEquals(3, ClusteringBound.Kind.EXCL_END.id());
    }

    // ------------------------------------------------------------------------------------------ the model

    /** A position: a prefix of values and, for a bound, its kind (null for a clustering). */
    record Pos(List<Object> values, ClusteringBound.Kind kind) {
        Object asDataObject() {
            List<ByteBuffer> bytes = new ArrayList<>();
            for (int n = 0; n < values.size(); n++) {
                bytes.add(n == 0 ? i((Integer) values.get(0)) : t((String) values.get(1)));
            }
            return kind == null ? Clustering.of(bytes) : ClusteringBound.create(kind, bytes);
        }
    }

    /** Positions as sequences of (tier, value): values at tier 0, the bound's kind as a final tier. */
    static int model(Pos a, Pos b) {
        int n = Math.max(a.values.size(), b.values.size()) + 1;
        for (int k = 0; k < n; k++) {
            int ta = tier(a, k);
            int tb = tier(b, k);
            if (ta != tb) {
                return Integer.compare(ta, tb);
            }
            if (ta != 0 || k >= a.values.size()) {
                return 0;
            }
            int c = k == 0 ? Integer.compare((Integer) a.values.get(0), (Integer) b.values.get(0))
                    : -((String) a.values.get(1)).compareTo((String) b.values.get(1));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int tier(Pos p, int k) {
        if (k < p.values.size()) {
            return 0;
        }
        if (p.kind == null) {
            return 0;
        }
        return switch (p.kind) {
            case EXCL_END -> -2;
            case INCL_START -> -1;
            case INCL_END -> 1;
            case EXCL_START -> 2;
        };
    }

    @Provide
    Arbitrary<Pos> positions() {
        Arbitrary<Integer> ints = Arbitraries.integers().between(0, 3);
        Arbitrary<String> texts = Arbitraries.of("a", "b", "c");
        Arbitrary<Pos> clusterings = Combinators.combine(ints, texts).as((x, y) -> new Pos(List.of(x, y), null));
        Arbitrary<Pos> bounds = Combinators.combine(ints, texts, Arbitraries.integers().between(0, 2),
                Arbitraries.of(ClusteringBound.Kind.class)).as((x, y, len, kind) ->
                new Pos(List.<Object>of(x, y).subList(0, len), kind));
        return Arbitraries.oneOf(clusterings, bounds);
    }

    @Property(tries = 3000)
    void comparatorAgreesWithTheModel(@ForAll("positions") Pos a, @ForAll("positions") Pos b) {
        int expected = Integer.signum(model(a, b));
        Object x = a.asDataObject();
        Object y = b.asDataObject();
        int actual;
        if (x instanceof Clustering cx && y instanceof Clustering cy) {
            actual = CMP.compare(cx, cy);
        } else if (x instanceof ClusteringBound bx && y instanceof Clustering cy) {
            actual = CMP.compare(bx, cy);
        } else if (x instanceof Clustering cx && y instanceof ClusteringBound by) {
            actual = CMP.compare(cx, by);
        } else {
            actual = CMP.compare((ClusteringBound) x, (ClusteringBound) y);
        }
        assertEquals(expected, Integer.signum(actual), a + " vs " + b);
    }

    static List<CqlType> types() {
        return CMP.types();
    }
}
