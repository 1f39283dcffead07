package org.ringlet.storage.lsm.memtable;

import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

import org.ringlet.api.data.Cell;
import org.ringlet.api.data.CellOrder;
import org.ringlet.api.data.ClusteringComparator;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.Partition;
import org.ringlet.api.data.Row;
import org.ringlet.api.schema.TableMetadata;

import static java.util.Objects.requireNonNull;

/**
 * A table's writes in memory: partitions in token order in a {@link PartitionList}, rows serialized (see
 * {@link MemtablePartition}). Tracks its data
 * size (for flush decisions), cell count and timestamp range (so reads can skip it). Writes and reads are
 * concurrent; a memtable being flushed receives no more writes.
 */
public final class Memtable {
    /**
     * The heap of a partition besides its key bytes and rows: node, links, token, array headers, and its slots in
     * the {@link PartitionHashIndex} (at most half full: 8 bytes).
     */
    static final int PARTITION_OVERHEAD = 104;

    private final long id;
    private volatile TableMetadata metadata;
    private volatile CellOrder cellOrder;
    private final ClusteringKeyComparator clusteringKeys;
    private final PartitionList partitions;
    private final PartitionHashIndex index = new PartitionHashIndex();
    /** Where the rows' bytes go, or null for an array per row. */
    private final RowSlabs slabs;
    private final AtomicLong dataSize = new AtomicLong();
    private final LongAdder cellCount = new LongAdder();
    private final LongAdder operations = new LongAdder();
    private final AtomicInteger partitionCount = new AtomicInteger();
    private final LongAccumulator minTimestamp = new LongAccumulator(Math::min, Long.MAX_VALUE);
    private final LongAccumulator maxTimestamp = new LongAccumulator(Math::max, Long.MIN_VALUE);

    /**
     * A memtable with an array per row ({@link AllocationType#UNSLABBED_HEAP_BUFFERS}).
     *
     * @param id       a number unique among the engine's memtables, for logs
     * @param metadata the table
     */
    public Memtable(long id, TableMetadata metadata) {
        this(id, metadata, AllocationType.UNSLABBED_HEAP_BUFFERS);
    }

    /**
     * @param id         a number unique among the engine's memtables, for logs
     * @param metadata   the table
     * @param allocation where the rows' bytes go
     */
    public Memtable(long id, TableMetadata metadata, AllocationType allocation) {
        this.id = id;
        this.slabs = switch (requireNonNull(allocation, "allocation is null")) {
            case HEAP_BUFFERS -> new RowSlabs();
            case UNSLABBED_HEAP_BUFFERS -> null;
        };
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.cellOrder = CellOrder.of(metadata);
        this.clusteringKeys = new ClusteringKeyComparator(ClusteringComparator.of(metadata));
        this.partitions = new PartitionList(id * 0x9E3779B97F4A7C15L);
    }

    public long id() {
        return id;
    }

    public TableMetadata metadata() {
        return metadata;
    }

    /** Follows an ALTER TABLE (clustering never changes). */
    public void updateMetadata(TableMetadata newMetadata) {
        this.cellOrder = CellOrder.of(newMetadata);
        this.metadata = newMetadata;
    }

    /**
     * Applies a partition update.
     *
     * @return the bytes added
     */
    public long apply(Partition update) {
        // A partition already in the memtable is found through the hash index; otherwise one traversal of the
        // skip list whether the key is new or not. The key's bytes are copied once (the memtable keeps no
        // reference to the caller's buffers).
        long size = 0;
        var token = update.key().token();
        byte[] key = bytes(update.key().key());
        long prefix = token.orderPrefix();
        int hash = PartitionHashIndex.hash(prefix, key);
        TableMetadata m = metadata;
        MemtablePartition p = index.get(hash, prefix, token, key);
        if (p == null) {
            p = partitions.putIfAbsent(token, key,
                    () -> new MemtablePartition(m, token, key, hash, partitions.heightFor(token, key),
                            clusteringKeys, slabs));
            index.add(p);
        }
        if (p.key == key) {
            partitionCount.incrementAndGet();
            size += PARTITION_OVERHEAD + key.length;
        }
        size += p.apply(update, m, cellOrder);
        dataSize.addAndGet(size);
        operations.increment();
        long cells = 0;
        for (Row r : update.rows()) {
            cells += r.cells().size();
        }
        cellCount.add(cells + update.staticRow().cells().size());
        long max = update.maxTimestamp();
        maxTimestamp.accumulate(max);
        minTimestamp.accumulate(minTimestamp(update));
        return size;
    }

    private static long minTimestamp(Partition p) {
        long min = Long.MAX_VALUE;
        if (!p.partitionDeletion().isLive()) {
            min = p.partitionDeletion().markedForDeleteAt();
        }
        min = Math.min(min, minTimestamp(p.staticRow()));
        for (Row r : p.rows()) {
            min = Math.min(min, minTimestamp(r));
        }
        for (var rt : p.rangeTombstones()) {
            min = Math.min(min, rt.deletion().markedForDeleteAt());
        }
        return min;
    }

    private static long minTimestamp(Row r) {
        long min = Long.MAX_VALUE;
        if (!r.primaryKeyLiveness().isEmpty()) {
            min = r.primaryKeyLiveness().timestamp();
        }
        if (!r.deletion().isLive()) {
            min = Math.min(min, r.deletion().markedForDeleteAt());
        }
        for (Cell c : r.cells()) {
            min = Math.min(min, c.timestamp());
        }
        for (var d : r.complexDeletions().values()) {
            min = Math.min(min, d.markedForDeleteAt());
        }
        return min;
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.duplicate().get(a);
        return a;
    }

    /**
     * The partition of a key, or null. The hash index answers without the skip-list search: every write that
     * completed before this call added its partition to it (ADR 0172). Only an index that lost an add (a full
     * table) sends a miss to the skip list.
     */
    public MemtablePartition get(DecoratedKey key) {
        var token = key.token();
        byte[] k = bytes(key.key());
        long prefix = token.orderPrefix();
        MemtablePartition p = index.get(PartitionHashIndex.hash(prefix, k), prefix, token, k);
        return p != null || index.complete() ? p : partitions.get(token, k);
    }

    /** Partitions in token order, from {@code from} (inclusive, or all when null). */
    public Iterator<MemtablePartition> partitions(DecoratedKey from) {
        return PartitionList.iterator(from == null ? partitions.first()
                : partitions.ceiling(from.token(), bytes(from.key())));
    }

    public boolean isEmpty() {
        return partitions.first() == null;
    }

    /** The slabs holding the rows' bytes, or null when each row has an array of its own. */
    public RowSlabs slabs() {
        return slabs;
    }

    /** Bytes of data applied (an estimate of the heap it holds). */
    public long dataSize() {
        return dataSize.get();
    }

    public long cellCount() {
        return cellCount.sum();
    }

    public long operationCount() {
        return operations.sum();
    }

    public int partitionCount() {
        return partitionCount.get();
    }

    /** The lowest write timestamp applied, or Long.MAX_VALUE when empty. */
    public long minTimestamp() {
        return minTimestamp.get();
    }

    /** The highest write timestamp applied, or Long.MIN_VALUE when empty. */
    public long maxTimestamp() {
        return maxTimestamp.get();
    }

    /** The first key, or null when empty. */
    public DecoratedKey firstKey() {
        MemtablePartition first = partitions.first();
        return first == null ? null : first.key();
    }

    @Override
    public String toString() {
        return "Memtable-" + metadata.keyspace() + "." + metadata.name() + "@" + id + "(" + dataSize() + " bytes, "
                + partitionCount() + " partitions)";
    }
}
