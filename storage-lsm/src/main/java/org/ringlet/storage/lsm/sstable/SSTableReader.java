package org.ringlet.storage.lsm.sstable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;

import org.ringlet.api.data.DataSerializer;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.ring.Token;
import org.ringlet.storage.lsm.io.FileSystem;
import org.ringlet.storage.lsm.io.SequentialWriter;
import org.ringlet.storage.lsm.sstable.SSTableFormat.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open SSTable: its statistics, bloom filter and index summary in memory, its data and index files read
 * through the shared chunk cache. Reference counted: readers {@link #tryRef()} it for the duration of a read; when
 * the SSTable leaves the live set and the last reference is released, its files are closed, and deleted if it
 * was {@linkplain #markObsolete() obsolete}. Thread-safe.
 */
public final class SSTableReader implements Comparable<SSTableReader> {
    private static final Logger LOG = LoggerFactory.getLogger(SSTableReader.class);

    private final SSTableContext context;
    private final Descriptor descriptor;
    private final long id;
    private final StatsMetadata stats;
    private final IndexSummary summary;
    private final BloomFilter filter;
    private final ChunkedFile data;
    private final ChunkedFile index;
    private final long onDiskSize;
    private final AtomicInteger refs = new AtomicInteger(1);
    private volatile boolean obsolete;
    private volatile int level;
    /** The in-memory partition index (ADR 0135), null until built or when the budget holds none. */
    private volatile PartitionIndex partitionIndex;
    /** Guarded by this: the budget reserved for the partition index, and whether the files are closed. */
    private long partitionIndexReserved;
    private boolean tidied;

    private SSTableReader(SSTableContext context, Descriptor descriptor, long id, StatsMetadata stats,
                          IndexSummary summary, BloomFilter filter, ChunkedFile data, ChunkedFile index,
                          long onDiskSize) {
        this.context = context;
        this.descriptor = descriptor;
        this.id = id;
        this.stats = stats;
        this.summary = summary;
        this.filter = filter;
        this.data = data;
        this.index = index;
        this.onDiskSize = onDiskSize;
        this.level = stats.level();
    }

    /**
     * Opens a complete SSTable.
     *
     * @throws CorruptSSTableException when a component is missing, truncated or fails its checksum
     */
    public static SSTableReader open(SSTableContext context, Descriptor descriptor) throws IOException {
        FileSystem fs = context.fs();
        checkToc(fs, descriptor);
        StatsMetadata stats;
        IndexSummary summary;
        BloomFilter filter;
        try {
            stats = StatsMetadata.deserialize(SmallComponent.read(fs, descriptor.path(Component.STATISTICS),
                    SSTableFormat.MAGIC_STATISTICS));
        } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
            throw new CorruptSSTableException(descriptor.path(Component.STATISTICS), "unreadable: " + e, e);
        }
        try {
            summary = IndexSummary.deserialize(SmallComponent.read(fs, descriptor.path(Component.SUMMARY),
                    SSTableFormat.MAGIC_SUMMARY), context.partitioner());
        } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
            throw new CorruptSSTableException(descriptor.path(Component.SUMMARY), "unreadable: " + e, e);
        }
        try {
            filter = BloomFilter.deserialize(SmallComponent.read(fs, descriptor.path(Component.FILTER),
                    SSTableFormat.MAGIC_FILTER));
        } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
            throw new CorruptSSTableException(descriptor.path(Component.FILTER), "unreadable: " + e, e);
        }
        ChunkedFile data = ChunkedFile.open(fs, descriptor.path(Component.DATA), SSTableFormat.MAGIC_DATA,
                context.nextId(), context.chunkCache());
        ChunkedFile index;
        try {
            index = ChunkedFile.open(fs, descriptor.path(Component.INDEX), SSTableFormat.MAGIC_INDEX,
                    context.nextId(), context.chunkCache());
        } catch (IOException | RuntimeException e) {
            data.close();
            throw e;
        }
        long size = 0;
        for (Component c : Component.values()) {
            size += fs.size(descriptor.path(c));
        }
        SSTableReader reader = new SSTableReader(context, descriptor, context.nextId(), stats, summary, filter, data,
                index, size);
        try {
            context.deleter().execute(reader::buildPartitionIndex);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("no partition index for {}: {}", descriptor, e.toString());
        }
        return reader;
    }

    /**
     * Builds the in-memory partition index (ADR 0135) from the index file, read once through a file handle of its
     * own that bypasses the chunk cache; point reads use the summary and key cache until it is published.
     */
    private void buildPartitionIndex() {
        if (!tryRef()) {
            return;
        }
        long reserved = 0;
        try {
            int stride = context.reservePartitionIndex(stats.partitionCount(), summary.interval() / 2);
            if (stride == 0) {
                LOG.debug("no partition index for {}: the memory budget is used up", descriptor);
                return;
            }
            reserved = PartitionIndex.bytesFor(stats.partitionCount(), stride);
            PartitionIndex built = PartitionIndex.build(context, descriptor.path(Component.INDEX),
                    stats.partitionCount(), stride);
            if (built == null) {
                LOG.debug("no partition index for {}: token prefixes do not tell its keys apart", descriptor);
                return;
            }
            LOG.debug("partition index of {}: {} partitions, stride {}, {} bytes", descriptor, built.entries(),
                    stride, built.memorySize());
            synchronized (this) {
                if (!tidied) {
                    partitionIndex = built;
                    partitionIndexReserved = reserved;
                    reserved = 0;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not build the partition index of {}: {}", descriptor, e.toString());
        } finally {
            if (reserved > 0) {
                context.releasePartitionIndex(reserved);
            }
            // already on the executor that tidies: when this was the last reference (the SSTable left the live set
            // or the engine stopped while the index was built), close the files here
            releaseNow();
        }
    }

    /** Every how many partitions the in-memory partition index holds one; 0 while there is none. */
    public int partitionIndexStride() {
        PartitionIndex ix = partitionIndex;
        return ix == null ? 0 : ix.stride();
    }

    private static void checkToc(FileSystem fs, Descriptor d) throws IOException {
        java.nio.file.Path toc = d.path(Component.TOC);
        if (!fs.exists(toc)) {
            throw new CorruptSSTableException(toc, "missing TOC");
        }
        String text = StandardCharsets.UTF_8.decode(SequentialWriter.readAll(fs, toc)).toString();
        String[] lines = text.split("\n");
        String expected = SSTableFormat.TOC_HEADER + " " + SSTableFormat.VERSION;
        if (lines.length == 0 || !lines[0].equals(expected)) {
            throw new CorruptSSTableException(toc, "unsupported TOC header '" + (lines.length == 0 ? "" : lines[0])
                    + "', expected '" + expected + "'");
        }
        for (Component c : Component.values()) {
            if (!fs.exists(d.path(c))) {
                throw new CorruptSSTableException(d.path(c), "missing component");
            }
        }
    }

    public Descriptor descriptor() {
        return descriptor;
    }

    public long generation() {
        return descriptor.generation();
    }

    /** A number unique among the engine's open SSTables. */
    public long id() {
        return id;
    }

    public StatsMetadata stats() {
        return stats;
    }

    public DecoratedKey first() {
        return summary.first();
    }

    public DecoratedKey last() {
        return summary.last();
    }

    public long minTimestamp() {
        return stats.minTimestamp();
    }

    public long maxTimestamp() {
        return stats.maxTimestamp();
    }

    /** Deletions of every kind and tombstone cells written into this SSTable. */
    public long tombstoneCount() {
        return stats.tombstoneCount();
    }

    /** Bytes of all components on disk. */
    public long onDiskSize() {
        return onDiskSize;
    }

    /** Uncompressed bytes of the data stream. */
    public long uncompressedLength() {
        return data.length();
    }

    public long estimatedPartitionCount() {
        return stats.partitionCount();
    }

    public int level() {
        return level;
    }

    public void setLevel(int newLevel) {
        this.level = newLevel;
    }

    /** Memory the filter, the summary and the partition index take. */
    public long offHeapSize() {
        PartitionIndex ix = partitionIndex;
        return filter.memorySize() + summary.memorySize() + (ix == null ? 0 : ix.memorySize());
    }

    /**
     * Whether the key is within the SSTable's range and passes its bloom filter, or, when the SSTable has a dense
     * partition index, whether a partition with the key's token prefix is here.
     */
    public boolean mayContain(DecoratedKey key) {
        if (key.compareTo(summary.first()) < 0 || key.compareTo(summary.last()) > 0) {
            return false;
        }
        PartitionIndex ix = partitionIndex;
        if (ix != null && ix.dense()) {
            return ix.mayContain(key.token().orderPrefix());
        }
        return filter.mightContain(key.key());
    }

    /**
     * Reads the partition of a key that passed {@link #mayContain}, or returns null when it is not here. With a
     * dense partition index this is one search of its arrays and one read of the data file, whose copy of the key
     * settles which candidate it is; otherwise the key cache, then the summary and an index scan.
     */
    public SSTablePartition read(DecoratedKey key, org.ringlet.api.data.ClusteringComparator comparator) {
        PartitionIndex ix = partitionIndex;
        if (ix == null || !ix.dense()) {
            IndexEntry e = lookup(key, ix);
            return e == null ? null : partition(key, e, comparator);
        }
        long prefix = key.token().orderPrefix();
        ByteBuffer k = key.key();
        int i = ix.lowerBound(prefix);
        FileDataInput in = null;
        for (; i < ix.size() && ix.prefix(i) == prefix; i++) {
            long pos = ix.position(i);
            if (pos >= 0) {
                if (in == null) {
                    in = new FileDataInput(data);
                }
                in.seek(pos);
                int len = (int) in.readUnsignedVInt();
                if (in.nextBytesEqual(len, k)) {
                    return SSTablePartition.open(this, data, key, new IndexEntry(pos, List.of()), comparator,
                            stats.columns(), in);
                }
            } else {
                IndexEntry e = entryAt(~pos, k);
                if (e != null) {
                    return partition(key, e, comparator);
                }
            }
        }
        return null;
    }

    /** The index entry at a position of the index stream when its key is {@code k}, else null. */
    private IndexEntry entryAt(long indexPosition, ByteBuffer k) {
        FileDataInput in = new FileDataInput(index);
        in.seek(indexPosition);
        int len = (int) in.readUnsignedVInt();
        boolean match = in.nextBytesEqual(len, k);
        int restLen = (int) in.readUnsignedVInt();
        return match ? parseEntry(in.readBytes(restLen)) : null;
    }

    /** Whether any key of the token range {@code [start, end]} (null = unbounded) can be here. */
    public boolean intersects(Token start, Token end) {
        return (start == null || summary.last().token().compareTo(start) >= 0)
                && (end == null || summary.first().token().compareTo(end) <= 0);
    }

    /** The index entry of a key, or null when it is not here. */
    public IndexEntry position(DecoratedKey key) {
        if (!mayContain(key)) {
            return null;
        }
        PartitionIndex ix = partitionIndex;
        if (ix != null && ix.dense()) {
            ByteBuffer k = key.key();
            long prefix = key.token().orderPrefix();
            for (int i = ix.lowerBound(prefix); i < ix.size() && ix.prefix(i) == prefix; i++) {
                long pos = ix.position(i);
                IndexEntry e = pos >= 0 ? (keyAt(pos, k) ? new IndexEntry(pos, List.of()) : null) : entryAt(~pos, k);
                if (e != null) {
                    return e;
                }
            }
            return null;
        }
        return lookup(key, ix);
    }

    private boolean keyAt(long dataPosition, ByteBuffer k) {
        FileDataInput in = new FileDataInput(data);
        in.seek(dataPosition);
        int len = (int) in.readUnsignedVInt();
        return in.nextBytesEqual(len, k);
    }

    /** The key cache, then a scan of the index from the sampled partition index or the summary. */
    private IndexEntry lookup(DecoratedKey key, PartitionIndex sampled) {
        ByteBuffer k = key.key();
        IndexEntry cached = context.keyCache().get(id, k);
        if (cached != null) {
            return cached;
        }
        long start;
        long scan;
        if (sampled != null) {
            long prefix = key.token().orderPrefix();
            int lo = sampled.lowerBound(prefix);
            int hi = sampled.upperBound(lo, prefix);
            int from = Math.max(0, lo - 1);
            start = sampled.position(from);
            scan = (long) (hi - from) * sampled.stride();
        } else {
            start = summary.startFor(key);
            scan = summary.interval();
        }
        if (start < 0) {
            return null;
        }
        FileDataInput in = new FileDataInput(index);
        in.seek(start);
        for (long i = 0; i < scan && !in.isEOF(); i++) {
            int len = (int) in.readUnsignedVInt();
            boolean match = in.nextBytesEqual(len, k);
            int restLen = (int) in.readUnsignedVInt();
            if (match) {
                IndexEntry e = parseEntry(in.readBytes(restLen));
                context.keyCache().put(id, key.key(), e);
                return e;
            }
            in.skip(restLen);
        }
        return null;
    }

    private IndexEntry parseEntry(ByteBuffer b) {
        try {
            return IndexEntry.deserialize(b);
        } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
            throw new CorruptSSTableException(index.path(), "unreadable index entry: " + e, e);
        }
    }

    /** Reads the partition at an index entry. */
    public SSTablePartition partition(DecoratedKey key, IndexEntry entry, org.ringlet.api.data.ClusteringComparator
            comparator) {
        return SSTablePartition.open(this, data, key, entry, comparator, stats.columns(), null);
    }

    /**
     * Reads the partition at an index entry with a cursor from {@link #dataCursor()}, which keeps the chunk it last
     * read: a scan reading partitions in order then looks each chunk up in the cache once.
     */
    public SSTablePartition partition(DecoratedKey key, IndexEntry entry, org.ringlet.api.data.ClusteringComparator
            comparator, DataCursor cursor) {
        return SSTablePartition.open(this, data, key, entry, comparator, stats.columns(), cursor.in);
    }

    /** A reusable read position in the data file, for one thread. */
    public static final class DataCursor {
        private final FileDataInput in;

        private DataCursor(FileDataInput in) {
            this.in = in;
        }
    }

    /** A new cursor over the data file (for one thread). */
    public DataCursor dataCursor() {
        return new DataCursor(new FileDataInput(data));
    }

    /** A key and its index entry, as a scan yields them. */
    public record KeyEntry(DecoratedKey key, IndexEntry entry) {
    }

    /** Iterates index entries in order from the first key with token at or after {@code start} (null: the first). */
    public java.util.Iterator<KeyEntry> keys(Token start) {
        long pos = start == null ? 0 : summary.startForToken(start);
        return keysFrom(pos, start);
    }

    /** Iterates index entries in order from the first key at or after {@code from}. */
    public java.util.Iterator<KeyEntry> keysFrom(DecoratedKey from) {
        long pos = summary.startFor(from);
        java.util.Iterator<KeyEntry> it = keysFrom(Math.max(0, pos), from.token());
        return new java.util.Iterator<>() {
            private KeyEntry next = advance();

            private KeyEntry advance() {
                while (it.hasNext()) {
                    KeyEntry e = it.next();
                    if (e.key().compareTo(from) >= 0) {
                        return e;
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public KeyEntry next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                KeyEntry e = next;
                next = it.hasNext() ? it.next() : null;
                return e;
            }
        };
    }

    private java.util.Iterator<KeyEntry> keysFrom(long position, Token minToken) {
        Partitioner partitioner = context.partitioner();
        FileDataInput in = new FileDataInput(index);
        in.seek(position);
        return new java.util.Iterator<>() {
            private KeyEntry next = advance();

            private KeyEntry advance() {
                while (!in.isEOF()) {
                    int len = (int) in.readUnsignedVInt();
                    ByteBuffer k = copy(in.readBytes(len));
                    int restLen = (int) in.readUnsignedVInt();
                    Token t = partitioner.token(k);
                    if (minToken != null && t.compareTo(minToken) < 0) {
                        in.skip(restLen);
                        continue;
                    }
                    return new KeyEntry(new DecoratedKey(t, k), parseEntry(in.readBytes(restLen)));
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public KeyEntry next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                KeyEntry e = next;
                next = advance();
                return e;
            }
        };
    }

    private static ByteBuffer copy(ByteBuffer b) {
        ByteBuffer c = ByteBuffer.allocate(b.remaining());
        c.put(b.duplicate()).flip();
        return c;
    }

    /** Every partition key, for tools and tests. */
    public List<DecoratedKey> allKeys() {
        List<DecoratedKey> out = new ArrayList<>();
        keys(null).forEachRemaining(e -> out.add(e.key()));
        return out;
    }

    /** Takes a reference; false when the SSTable is already released. */
    public boolean tryRef() {
        while (true) {
            int n = refs.get();
            if (n <= 0) {
                return false;
            }
            if (refs.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /** Releases a reference; the last one closes the files (and deletes them when obsolete). */
    public void release() {
        int n = refs.decrementAndGet();
        if (n == 0) {
            context.deleter().execute(this::tidy);
        } else if (n < 0) {
            throw new IllegalStateException("released more often than referenced: " + this);
        }
    }

    /**
     * Releases the live-set reference at shutdown: when it is the last one, the files are closed on the calling
     * thread (not on the executor, which may be stopping).
     */
    public void releaseNow() {
        int n = refs.decrementAndGet();
        if (n == 0) {
            tidy();
        } else if (n < 0) {
            throw new IllegalStateException("released more often than referenced: " + this);
        }
    }

    /** Marks the SSTable for deletion once its last reference is released. */
    public void markObsolete() {
        obsolete = true;
    }

    public boolean isObsolete() {
        return obsolete;
    }

    private void tidy() {
        synchronized (this) {
            tidied = true;
            partitionIndex = null;
            context.releasePartitionIndex(partitionIndexReserved);
            partitionIndexReserved = 0;
        }
        try {
            data.close();
            index.close();
        } catch (IOException e) {
            LOG.warn("closing {}: {}", descriptor, e.toString());
        }
        if (obsolete) {
            FileSystem fs = context.fs();
            try {
                fs.deleteIfExists(descriptor.path(Component.TOC));
                for (Component c : Component.values()) {
                    fs.deleteIfExists(descriptor.path(c));
                }
                LOG.debug("deleted obsolete {}", descriptor);
            } catch (IOException e) {
                LOG.warn("could not delete obsolete {}: {}", descriptor, e.toString());
            }
        }
    }

    @Override
    public int compareTo(SSTableReader o) {
        return Long.compare(generation(), o.generation());
    }

    @Override
    public String toString() {
        return "SSTable(" + descriptor + ", level " + level + ")";
    }

    /** The column dictionary of the data: every column whose cells the SSTable holds. */
    public List<String> columns() {
        return stats.columns();
    }
}
