package org.ringlet.api.data;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.ringlet.api.types.NativeType;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ringlet.api.data.DataFixtures.TABLE;
import static org.ringlet.api.data.DataFixtures.ck;
import static org.ringlet.api.data.DataFixtures.i;

/**
 * {@link SerializedRows#merge} against the decoding merge ({@link Row#merge} of the decoded rows, encoded): on
 * random pairs of versions of a row the two must give the same bytes, and the serialized merge may decline
 * (answer null) only for the rows it documents.
 */
class SerializedRowsProperties {
    private static final CellOrder ORDER = CellOrder.of(TABLE);
    private static final long NOW = 1_000;

    private static byte[] encode(Row r) {
        ByteOutput out = new ByteOutput(16);
        DataSerializer.writeRow(r, out);
        ByteBuffer b = out.toByteBuffer();
        byte[] a = new byte[b.remaining()];
        b.get(a);
        return a;
    }

    /** The bytes at {@code offset} of a larger array, with other bytes around them. */
    private static byte[] padded(byte[] bytes, int offset) {
        byte[] out = new byte[offset + bytes.length + 7];
        java.util.Arrays.fill(out, (byte) 0x5a);
        System.arraycopy(bytes, 0, out, offset, bytes.length);
        return out;
    }

    private static byte[] decodingMerge(byte[] a, byte[] b, Clustering c) {
        return encode(Row.merge(DataSerializer.readRow(ByteBuffer.wrap(a), c),
                DataSerializer.readRow(ByteBuffer.wrap(b), c), ORDER));
    }

    /** Whether {@link SerializedRows#merge} may answer null for the row. */
    private static boolean declinable(Row r) {
        return !r.deletion().isLive() || !r.complexDeletions().isEmpty()
                || r.cells().stream().anyMatch(c -> c.isCounter() || c.timestamp() == Long.MIN_VALUE);
    }

    private static void assertMergesLikeRowMerge(Row a, Row b) {
        byte[] ea = encode(a);
        byte[] eb = encode(b);
        byte[] merged = SerializedRows.merge(ea, eb, ORDER);
        if (merged == null) {
            assertTrue(declinable(a) || declinable(b), () -> "declined " + a + " and " + b);
        } else {
            assertArrayEquals(decodingMerge(ea, eb, a.clustering()), merged, () -> a + " + " + b);
            byte[] pa = padded(ea, 3);
            byte[] pb = padded(eb, 5);
            assertArrayEquals(merged, SerializedRows.merge(pa, 3, ea.length, pb, 5, eb.length, ORDER),
                    "rows inside larger arrays");
            assertEquals(Row.merge(a, b, ORDER), DataSerializer.readRow(ByteBuffer.wrap(merged), a.clustering()));
        }
    }

    // ---- generators: ties of timestamps, TTLs, expirations and values are frequent ----

    private static Arbitrary<Long> timestamps() {
        return Arbitraries.frequencyOf(Tuple.of(30, Arbitraries.longs().between(1, 6)),
                Tuple.of(1, Arbitraries.just(Long.MIN_VALUE)), Tuple.of(1, Arbitraries.just(Long.MAX_VALUE)));
    }

    private static Arbitrary<ByteBuffer> values() {
        return Arbitraries.oneOf(Arbitraries.integers().between(-2, 2).map(DataFixtures::i),
                Arbitraries.bytes().between((byte) 0, (byte) 2).list().ofMaxSize(3).map(l -> {
                    ByteBuffer b = ByteBuffer.allocate(l.size());
                    l.forEach(b::put);
                    return b.flip();
                }));
    }

    /** Simple columns, a set with a signed element order, and names whose UTF-8 and UTF-16 orders differ. */
    private static Arbitrary<Cell> cells(boolean counters) {
        Arbitrary<String> columns = Arbitraries.of("v1", "v2", "tags", "v", "v10", "\uE000x", "\uD83D\uDE00y",
                "\u00e9", "z");
        Arbitrary<Integer> kinds = counters ? Arbitraries.integers().between(0, 3) : Arbitraries.integers().between(0, 2);
        return Combinators.combine(columns, values(), Arbitraries.integers().between(-2, 2), timestamps(), kinds,
                Arbitraries.integers().between(1, 3), Arbitraries.longs().between(NOW - 2, NOW))
                .as((column, value, path, ts, kind, ttl, now) -> {
                    ByteBuffer p = column.equals("tags") ? i(path) : null;
                    ByteBuffer v = p != null ? ByteBuffer.allocate(0) : value;
                    return switch (kind) {
                        case 0 -> Cell.live(column, p, v, ts);
                        case 1 -> Cell.expiring(column, p, v, ts, ttl, now);
                        case 2 -> Cell.tombstone(column, p, ts, now);
                        default -> p == null ? Cell.counter(column, CounterContext.create(new java.util.UUID(1, 1), 1, 1), ts)
                                : Cell.live(column, p, v, ts);
                    };
                });
    }

    private static Arbitrary<LivenessInfo> liveness() {
        return Arbitraries.oneOf(Arbitraries.just(LivenessInfo.EMPTY),
                Arbitraries.longs().between(1, 6).map(LivenessInfo::create),
                Combinators.combine(Arbitraries.longs().between(1, 6), Arbitraries.integers().between(1, 3),
                        Arbitraries.longs().between(NOW - 2, NOW)).as(LivenessInfo::expiring));
    }

    /** Rows as a write builds them; with deletions when asked. */
    private static Arbitrary<Row> rows(Clustering c, boolean deletions, boolean counters) {
        Arbitrary<DeletionTime> del = deletions
                ? Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(DeletionTime.LIVE)),
                        Tuple.of(1, Combinators.combine(Arbitraries.longs().between(1, 6),
                                Arbitraries.longs().between(NOW - 2, NOW)).as(DeletionTime::new)))
                : Arbitraries.just(DeletionTime.LIVE);
        return Combinators.combine(liveness(), cells(counters).list().ofMaxSize(6), del, del)
                .as((l, cs, rowDel, tagsDel) -> {
                    Row.Builder b = Row.builder(c).liveness(l).delete(rowDel);
                    cs.forEach(b::addCell);
                    if (!tagsDel.isLive()) {
                        b.deleteComplex("tags", tagsDel);
                    }
                    return b.build(ORDER);
                });
    }

    @Provide
    Arbitrary<Tuple.Tuple2<Row, Row>> plainPairs() {
        return Combinators.combine(rows(ck(1), false, false), rows(ck(1), false, false)).as(Tuple::of);
    }

    @Provide
    Arbitrary<Tuple.Tuple2<Row, Row>> anyPairs() {
        return Combinators.combine(rows(ck(1), true, true), rows(ck(1), true, true)).as(Tuple::of);
    }

    @Provide
    Arbitrary<Tuple.Tuple2<Row, Row>> fixturePairs() {
        return Combinators.combine(PartitionGenerators.rows(ck(2)), PartitionGenerators.rows(ck(2))).as(Tuple::of);
    }

    @Property(tries = 3000)
    void rowsWithoutDeletionsMergeLikeRowMerge(@ForAll("plainPairs") Tuple.Tuple2<Row, Row> p) {
        assertMergesLikeRowMerge(p.get1(), p.get2());
        if (!declinable(p.get1()) && !declinable(p.get2())) {
            assertNotNull(SerializedRows.merge(encode(p.get1()), encode(p.get2()), ORDER));
        }
    }

    @Property(tries = 3000)
    void anyRowsMergeLikeRowMergeOrAreDeclined(@ForAll("anyPairs") Tuple.Tuple2<Row, Row> p) {
        assertMergesLikeRowMerge(p.get1(), p.get2());
    }

    @Property(tries = 1000)
    void rowsOfThePartitionGeneratorsMergeLikeRowMerge(@ForAll("fixturePairs") Tuple.Tuple2<Row, Row> p) {
        assertMergesLikeRowMerge(p.get1(), p.get2());
    }

    /** Merging a run of updates one by one, as a memtable does, gives what folding {@link Row#merge} gives. */
    @Property(tries = 500)
    void foldingUpdatesMatchesFoldingRowMerge(@ForAll("plainPairs") Tuple.Tuple2<Row, Row> p,
                                              @ForAll("plainPairs") Tuple.Tuple2<Row, Row> q) {
        List<Row> updates = List.of(p.get1(), p.get2(), q.get1(), q.get2());
        byte[] serialized = encode(updates.get(0));
        Row decoded = updates.get(0);
        for (Row u : updates.subList(1, updates.size())) {
            byte[] merged = SerializedRows.merge(serialized, encode(u), ORDER);
            serialized = merged != null ? merged : decodingMerge(serialized, encode(u), ck(1));
            decoded = Row.merge(decoded, u, ORDER);
        }
        assertArrayEquals(encode(decoded), serialized);
    }

    /**
     * {@link SerializedRows#coveringTimestamp} against the same rule applied to the decoded row, for column lists
     * that are the row's own columns (so rows often qualify), one column more, or one column less.
     */
    @Property(tries = 2000)
    void coveringTimestampMatchesTheDecodedRow(@ForAll("anyPairs") Tuple.Tuple2<Row, Row> p,
                                               @ForAll @IntRange(min = 0, max = 2) int variant) {
        Row row = p.get1();
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        row.cells().forEach(c -> names.add(c.column()));
        if (variant == 1) {
            names.add("zz");
        } else if (variant == 2 && !names.isEmpty()) {
            names.pollFirst();
        }
        byte[][] columns = names.stream().map(n -> n.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        long expected = Long.MIN_VALUE;
        boolean qualifies = !row.primaryKeyLiveness().isEmpty() && row.deletion().isLive()
                && row.complexDeletions().isEmpty() && row.cells().size() == names.size()
                && row.cells().stream().allMatch(c -> !c.hasPath() && !c.isCounter()
                        && c.timestamp() != Long.MIN_VALUE && names.contains(c.column()));
        if (qualifies) {
            expected = row.primaryKeyLiveness().timestamp();
            for (Cell c : row.cells()) {
                expected = Math.min(expected, c.timestamp());
            }
        }
        byte[] encoded = padded(encode(row), 4);
        assertEquals(expected, SerializedRows.coveringTimestamp(encoded, 4, columns), row::toString);
    }

    @Property(tries = 2000)
    void columnNamesCompareAsStrings(@ForAll("names") String a, @ForAll("names") String b) {
        byte[] x = ("##" + a).getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        int c = SerializedRows.compareNames(x, 2, x.length - 2, y, 0, y.length);
        assertEquals(Integer.signum(a.compareTo(b)), Integer.signum(c), () -> a + " vs " + b);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of("a", "b", "ab", "\u007f", "\u0080", "\u00ff", "\u0800", "\uE000", "\uFFFD",
                        "\uD83D\uDE00", "\uD800\uDC00", "\uDBFF\uDFFF", "\u00e9t\u00e9")
                .list().ofMinSize(0).ofMaxSize(4).map(l -> String.join("", l));
    }

    @Test
    void anUpdateThatOverwritesEveryCellIsReturnedAsIs() {
        Row old = Row.builder(Clustering.EMPTY).liveness(LivenessInfo.create(5))
                .addCell(Cell.live("v", null, i(1), 5)).build(ORDER);
        Row update = Row.builder(Clustering.EMPTY).liveness(LivenessInfo.create(6))
                .addCell(Cell.live("v", null, i(2), 6)).build(ORDER);
        byte[] eu = encode(update);
        assertSame(eu, SerializedRows.merge(encode(old), eu, ORDER));
    }

    @Test
    void anOlderUpdateKeepsTheNewerCells() {
        Row newer = Row.builder(Clustering.EMPTY).liveness(LivenessInfo.create(9))
                .addCell(Cell.live("v", null, i(1), 9)).addCell(Cell.live("w", null, i(7), 2)).build(ORDER);
        Row older = Row.builder(Clustering.EMPTY).liveness(LivenessInfo.create(3))
                .addCell(Cell.live("v", null, i(2), 3)).addCell(Cell.live("w", null, i(8), 3)).build(ORDER);
        Row expected = Row.builder(Clustering.EMPTY).liveness(LivenessInfo.create(9))
                .addCell(Cell.live("v", null, i(1), 9)).addCell(Cell.live("w", null, i(8), 3)).build(ORDER);
        assertArrayEquals(encode(expected), SerializedRows.merge(encode(newer), encode(older), ORDER));
    }

    @Test
    void rowsWithDeletionsOrCountersAreDeclined() {
        Row plain = Row.builder(Clustering.EMPTY).addCell(Cell.live("v", null, i(1), 5)).build(ORDER);
        Row deleted = Row.builder(Clustering.EMPTY).delete(new DeletionTime(4, NOW)).build(ORDER);
        Row counter = Row.builder(Clustering.EMPTY).addCell(Cell.counter("c", CounterContext.create(new java.util.UUID(1, 1), 1, 1), 5))
                .build(ORDER);
        assertNull(SerializedRows.merge(encode(plain), encode(deleted), ORDER));
        assertNull(SerializedRows.merge(encode(deleted), encode(plain), ORDER));
        assertNull(SerializedRows.merge(encode(plain), encode(counter), ORDER));
    }

    @Property(tries = 200)
    void manyCellsMergeLikeRowMerge(@ForAll @IntRange(min = 0, max = 300) int n, @ForAll long seed) {
        java.util.Random random = new java.util.Random(seed);
        Row.Builder a = Row.builder(Clustering.EMPTY).liveness(LivenessInfo.create(1 + random.nextInt(3)));
        Row.Builder b = Row.builder(Clustering.EMPTY).liveness(LivenessInfo.create(1 + random.nextInt(3)));
        for (int k = 0; k < n; k++) {
            Row.Builder target = random.nextBoolean() ? a : b;
            target.addCell(Cell.live("c" + random.nextInt(n + 1), null, i(random.nextInt(3)), 1 + random.nextInt(3)));
        }
        assertMergesLikeRowMerge(a.build(ORDER), b.build(ORDER));
    }
}
