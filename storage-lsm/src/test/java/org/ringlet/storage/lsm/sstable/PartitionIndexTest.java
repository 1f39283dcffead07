package org.ringlet.storage.lsm.sstable;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlet.api.data.ClusteringComparator;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.Partition;
import org.ringlet.api.data.Row;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.ring.Token;
import org.ringlet.api.runtime.RandomSource;
import org.ringlet.api.schema.ClusteringOrder;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.testing.storage.HashPartitioner;
import org.ringlet.api.testing.storage.RandomPartitions;
import org.ringlet.api.types.CqlType;
import org.ringlet.storage.lsm.commitlog.CommitLogPosition;
import org.ringlet.storage.lsm.io.FileSystem;
import org.ringlet.storage.lsm.io.InMemoryFileSystem;
import org.ringlet.storage.lsm.io.LocalFileSystem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The in-memory partition index of ADR 0135: dense, sampled, colliding tokens, budget, reopen. */
class PartitionIndexTest {
    private static final Executor DIRECT = Runnable::run;
    private final InMemoryFileSystem fs = new InMemoryFileSystem();
    private final Path dir = Path.of("/p");

    private static SSTableContext context(FileSystem fs, Partitioner partitioner, long budget) {
        return new SSTableContext(fs, partitioner, new ChunkCache(1 << 20, DIRECT, System::nanoTime),
                new KeyCache(1 << 20, DIRECT, System::nanoTime), DIRECT, budget);
    }

    private static TreeMap<DecoratedKey, Partition> data(TableMetadata t, Partitioner partitioner, long seed,
                                                         int keys, int updatesPerKey) {
        RandomPartitions gen = new RandomPartitions(seed, t, partitioner, keys, 400);
        TreeMap<DecoratedKey, Partition> data = new TreeMap<>();
        for (int i = 0; i < keys * updatesPerKey; i++) {
            DecoratedKey k = gen.key();
            data.merge(k, gen.update(k), (a, b) -> Partition.merge(List.of(a, b), t));
        }
        return data;
    }

    private static void write(FileSystem fs, Partitioner partitioner, Descriptor d, TableMetadata t,
                              Map<DecoratedKey, Partition> data, SSTableWriter.Options options) throws IOException {
        fs.createDirectoriesDurably(d.directory());
        try (SSTableWriter w = new SSTableWriter(fs, d, t, partitioner, options, data.size(),
                new SSTableWriter.Metadata(0, CommitLogPosition.NONE, new CommitLogPosition(1, 1), 0, 1L))) {
            for (Partition p : data.values()) {
                w.append(p.key(), p.partitionDeletion(), p.staticRow(), p.rangeTombstones(), p.rows().iterator());
            }
            w.finish();
        }
    }

    private static List<Row> list(Iterator<Row> it) {
        List<Row> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    /** Every key is found with its rows, through {@link SSTableReader#read} and {@link SSTableReader#position}. */
    private static void assertEveryKeyFound(SSTableReader r, Map<DecoratedKey, Partition> data, TableMetadata t) {
        ClusteringComparator cmp = ClusteringComparator.of(t);
        for (Partition p : data.values()) {
            assertTrue(r.mayContain(p.key()), "may contain " + p.key());
            SSTablePartition sp = r.read(p.key(), cmp);
            assertNotNull(sp, "found " + p.key());
            assertEquals(p.partitionDeletion(), sp.partitionDeletion());
            assertEquals(p.staticRow(), sp.staticRow());
            List<Row> expected = p.rows().stream().filter(row -> !row.isEmpty()).toList();
            assertEquals(expected, list(sp.rows()), "rows of " + p.key());
            IndexEntry e = r.position(p.key());
            assertNotNull(e);
            assertEquals(expected, list(r.partition(p.key(), e, cmp).rows()));
        }
    }

    /** Keys that are not there: other keys, and keys with exactly the token (prefix) of a key that is. */
    private static void assertAbsentKeysNotFound(SSTableReader r, Partitioner partitioner,
                                                 Map<DecoratedKey, Partition> data, TableMetadata t) {
        ClusteringComparator cmp = ClusteringComparator.of(t);
        for (int i = 0; i < 3000; i++) {
            ByteBuffer k = ByteBuffer.allocate(8).putLong(0, 7_000_000L + i);
            DecoratedKey key = new DecoratedKey(partitioner.token(k), k);
            if (data.containsKey(key)) {
                continue;
            }
            if (r.mayContain(key)) {
                assertNull(r.read(key, cmp), "absent " + key);
            }
            assertNull(r.position(key), "absent " + key);
        }
        for (DecoratedKey present : data.keySet()) {
            ByteBuffer other = ByteBuffer.allocate(present.key().remaining() + 1);
            other.put(present.key().duplicate()).put((byte) 0x5a).flip();
            DecoratedKey sameToken = new DecoratedKey(present.token(), other);
            if (!data.containsKey(sameToken)) {
                assertNull(r.read(sameToken, cmp), "same token, other key " + sameToken);
                assertNull(r.position(sameToken));
            }
        }
    }

    @Test
    void aDenseIndexFindsEveryKeyIncludingRowIndexedOnesAndRejectsAbsentOnes() throws IOException {
        TableMetadata t = RandomPartitions.table("ks", "dense", ClusteringOrder.ASC);
        HashPartitioner partitioner = new HashPartitioner();
        TreeMap<DecoratedKey, Partition> data = data(t, partitioner, 21, 400, 20);
        Descriptor d = new Descriptor(dir.resolve("dense"), 1);
        write(fs, partitioner, d, t, data, new SSTableWriter.Options(512, 8, 0.01, 300));
        SSTableReader r = SSTableReader.open(context(fs, partitioner, Long.MAX_VALUE), d);
        assertEquals(1, r.partitionIndexStride());
        assertEveryKeyFound(r, data, t);
        boolean rowIndexed = false;
        for (DecoratedKey k : data.keySet()) {
            rowIndexed |= !r.position(k).blocks().isEmpty();
        }
        assertTrue(rowIndexed, "some partitions have a row index (their entries are read from the index file)");
        assertAbsentKeysNotFound(r, partitioner, data, t);
        int maybe = 0;
        for (int i = 0; i < 10_000; i++) {
            ByteBuffer k = ByteBuffer.allocate(8).putLong(0, 9_000_000L + i);
            if (r.mayContain(new DecoratedKey(partitioner.token(k), k))) {
                maybe++;
            }
        }
        assertEquals(0, maybe, "a dense index knows every token: no false positives among 64-bit tokens");
        r.release();
    }

    @Test
    void theFirstAndLastKeysAndKeysBeyondThemAreHandled() throws IOException {
        TableMetadata t = RandomPartitions.table("ks", "bounds", ClusteringOrder.ASC);
        HashPartitioner partitioner = new HashPartitioner();
        TreeMap<DecoratedKey, Partition> data = data(t, partitioner, 22, 50, 1);
        Descriptor d = new Descriptor(dir.resolve("bounds"), 1);
        write(fs, partitioner, d, t, data, SSTableWriter.Options.DEFAULT);
        SSTableReader r = SSTableReader.open(context(fs, partitioner, Long.MAX_VALUE), d);
        assertEquals(1, r.partitionIndexStride());
        ClusteringComparator cmp = ClusteringComparator.of(t);
        assertNotNull(r.read(data.firstKey(), cmp));
        assertNotNull(r.read(data.lastKey(), cmp));
        long first = data.firstKey().token().orderPrefix();
        long last = data.lastKey().token().orderPrefix();
        for (long v : new long[]{Long.MIN_VALUE, first - 1, last + 1, Long.MAX_VALUE}) {
            DecoratedKey k = new DecoratedKey(new HashPartitioner.LongToken(v), ByteBuffer.wrap(new byte[]{1, 2}));
            assertFalse(r.mayContain(k) && r.read(k, cmp) != null, "nothing at token " + v);
            assertNull(r.position(k));
        }
        r.release();
    }

    @Test
    void collidingTokensAreToldApartByTheirKeys() throws IOException {
        TableMetadata t = RandomPartitions.table("ks", "coll", ClusteringOrder.ASC);
        Partitioner partitioner = new CollidingPartitioner(300);
        TreeMap<DecoratedKey, Partition> data = data(t, partitioner, 23, 1200, 1);
        long shared = data.keySet().stream().map(DecoratedKey::token).distinct().count();
        assertTrue(shared < data.size() / 2, "keys share tokens: " + shared + " tokens for " + data.size());
        Descriptor d = new Descriptor(dir.resolve("coll"), 1);
        write(fs, partitioner, d, t, data, new SSTableWriter.Options(1024, 16, 0.01, 65536));
        SSTableReader r = SSTableReader.open(context(fs, partitioner, Long.MAX_VALUE), d);
        assertEquals(1, r.partitionIndexStride());
        assertEveryKeyFound(r, data, t);
        assertAbsentKeysNotFound(r, partitioner, data, t);
        r.release();
    }

    @Test
    void prefixesThatDoNotDistinguishKeysGiveNoIndexAndReadsStillWork() throws IOException {
        TableMetadata t = RandomPartitions.table("ks", "few", ClusteringOrder.ASC);
        Partitioner partitioner = new CollidingPartitioner(3);
        TreeMap<DecoratedKey, Partition> data = data(t, partitioner, 24, 600, 1);
        Descriptor d = new Descriptor(dir.resolve("few"), 1);
        write(fs, partitioner, d, t, data, new SSTableWriter.Options(1024, 16, 0.01, 65536));
        SSTableContext ctx = context(fs, partitioner, 1 << 30);
        SSTableReader r = SSTableReader.open(ctx, d);
        assertEquals(0, r.partitionIndexStride(), "over " + PartitionIndex.MAX_EQUAL_PREFIXES + " keys a prefix");
        assertEquals(1 << 30, ctx.partitionIndexBudgetLeft(), "the reservation is returned");
        assertEveryKeyFound(r, data, t);
        assertAbsentKeysNotFound(r, partitioner, data, t);
        r.release();
    }

    @Test
    void aSmallBudgetSamplesEveryFewKeysAndNoneLeftFallsBackToTheSummary() throws IOException {
        TableMetadata t = RandomPartitions.table("ks", "budget", ClusteringOrder.ASC);
        HashPartitioner partitioner = new HashPartitioner();
        TreeMap<DecoratedKey, Partition> data = data(t, partitioner, 25, 3000, 1);
        Descriptor d = new Descriptor(dir.resolve("budget"), 1);
        write(fs, partitioner, d, t, data, new SSTableWriter.Options(1024, 128, 0.01, 65536));
        long budget = PartitionIndex.bytesFor(data.size(), 4) + 10;
        SSTableContext ctx = context(fs, partitioner, budget);
        SSTableReader sampled = SSTableReader.open(ctx, d);
        assertEquals(4, sampled.partitionIndexStride());
        assertEquals(10, ctx.partitionIndexBudgetLeft());
        assertEveryKeyFound(sampled, data, t);
        assertAbsentKeysNotFound(sampled, partitioner, data, t);

        SSTableReader second = SSTableReader.open(ctx, d);
        assertEquals(0, second.partitionIndexStride(), "the budget is used up");
        assertEveryKeyFound(second, data, t);
        assertAbsentKeysNotFound(second, partitioner, data, t);
        second.release();

        sampled.release();
        assertEquals(budget, ctx.partitionIndexBudgetLeft(), "closing the SSTable returns its index's memory");
        SSTableReader third = SSTableReader.open(ctx, d);
        assertEquals(4, third.partitionIndexStride());
        third.release();
    }

    @Test
    void anSSTableReopenedFromDiskRebuildsItsIndex(@TempDir Path tmp) throws IOException {
        LocalFileSystem local = new LocalFileSystem();
        TableMetadata t = RandomPartitions.table("ks", "disk", ClusteringOrder.DESC);
        HashPartitioner partitioner = new HashPartitioner();
        TreeMap<DecoratedKey, Partition> data = data(t, partitioner, 26, 2000, 2);
        Descriptor d = new Descriptor(tmp.resolve("disk"), 7);
        write(local, partitioner, d, t, data, new SSTableWriter.Options(4096, 32, 0.01, 400));
        SSTableReader r = SSTableReader.open(context(local, partitioner, Long.MAX_VALUE), d);
        assertEquals(1, r.partitionIndexStride());
        r.release();
        SSTableReader reopened = SSTableReader.open(context(local, partitioner, Long.MAX_VALUE), d);
        assertEquals(1, reopened.partitionIndexStride());
        assertEveryKeyFound(reopened, data, t);
        assertAbsentKeysNotFound(reopened, partitioner, data, t);
        reopened.release();
    }

    @Test
    void readsUseTheSummaryUntilTheIndexIsBuiltAndAReleasedSSTableGetsNone() throws IOException {
        TableMetadata t = RandomPartitions.table("ks", "async", ClusteringOrder.ASC);
        HashPartitioner partitioner = new HashPartitioner();
        TreeMap<DecoratedKey, Partition> data = data(t, partitioner, 27, 500, 1);
        Descriptor d = new Descriptor(dir.resolve("async"), 1);
        write(fs, partitioner, d, t, data, SSTableWriter.Options.DEFAULT);
        java.util.ArrayDeque<Runnable> queued = new java.util.ArrayDeque<>();
        SSTableContext ctx = new SSTableContext(fs, partitioner, new ChunkCache(1 << 20, DIRECT, System::nanoTime),
                new KeyCache(1 << 20, DIRECT, System::nanoTime), queued::add, 1 << 20);
        SSTableReader r = SSTableReader.open(ctx, d);
        assertEquals(0, r.partitionIndexStride(), "not built yet");
        assertEveryKeyFound(r, data, t);
        assertEquals(1, queued.size());
        queued.poll().run();
        assertEquals(1, r.partitionIndexStride());
        assertEveryKeyFound(r, data, t);
        assertTrue(ctx.partitionIndexBudgetLeft() < 1 << 20);

        SSTableReader released = SSTableReader.open(ctx, d);
        released.release();
        while (!queued.isEmpty()) {
            queued.poll().run();
        }
        assertEquals(0, released.partitionIndexStride(), "released before its index was built");
        r.release();
        while (!queued.isEmpty()) {
            queued.poll().run();
        }
        assertEquals(1 << 20, ctx.partitionIndexBudgetLeft(), "every reservation returned");
    }

    /** {@link HashPartitioner}'s tokens folded onto {@code tokens} values, so that many keys share one. */
    private static final class CollidingPartitioner implements Partitioner {
        private final HashPartitioner hash = new HashPartitioner();
        private final int tokens;

        CollidingPartitioner(int tokens) {
            this.tokens = tokens;
        }

        @Override
        public Token token(ByteBuffer key) {
            return new HashPartitioner.LongToken(Math.floorMod(HashPartitioner.hash(key), tokens) - tokens / 2);
        }

        @Override
        public Token minimumToken() {
            return hash.minimumToken();
        }

        @Override
        public Token maximumToken() {
            return hash.maximumToken();
        }

        @Override
        public Token midpoint(Token left, Token right) {
            return hash.midpoint(left, right);
        }

        @Override
        public Token split(Token left, Token right, double ratio) {
            return hash.split(left, right, ratio);
        }

        @Override
        public Token randomToken(RandomSource random) {
            return hash.randomToken(random);
        }

        @Override
        public boolean preservesOrder() {
            return false;
        }

        @Override
        public String toString(Token token) {
            return hash.toString(token);
        }

        @Override
        public Token fromString(String string) {
            return hash.fromString(string);
        }

        @Override
        public ByteBuffer toBytes(Token token) {
            return hash.toBytes(token);
        }

        @Override
        public Token fromBytes(ByteBuffer bytes) {
            return hash.fromBytes(bytes);
        }

        @Override
        public CqlType tokenType() {
            return hash.tokenType();
        }

        @Override
        public ByteBuffer tokenValue(Token token) {
            return hash.tokenValue(token);
        }

        @Override
        public BigInteger rangeSize(Token left, Token right) {
            return hash.rangeSize(left, right);
        }

        @Override
        public Map<Token, Double> describeOwnership(List<Token> sortedTokens) {
            return hash.describeOwnership(sortedTokens);
        }
    }
}
