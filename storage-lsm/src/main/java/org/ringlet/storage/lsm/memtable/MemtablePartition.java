package org.ringlet.storage.lsm.memtable;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

import org.ringlet.api.data.ByteOutput;
import org.ringlet.api.data.CellOrder;
import org.ringlet.api.data.Clustering;
import org.ringlet.api.data.DataSerializer;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.DeletionTime;
import org.ringlet.api.data.Partition;
import org.ringlet.api.data.Row;
import org.ringlet.api.data.SerializedRows;
import org.ringlet.api.data.Slice;
import org.ringlet.api.ring.Token;
import org.ringlet.api.schema.TableId;
import org.ringlet.api.schema.TableMetadata;

/**
 * One partition in a memtable, and at the same time the node of the memtable's skip list ({@link PartitionList}).
 *
 * <p>To keep the number of heap objects per partition small (young collections copy every object of a live
 * memtable, so the count of objects per row decided write throughput), the key is kept as its token and a copy
 * of its bytes, and rows are kept serialized ({@link DataSerializer#writeRow}) and decoded when read: packed into
 * the memtable's {@link RowSlabs} and named by a {@code long} reference when it has them
 * ({@code memtable_allocation_type: heap_buffers}, ADR 0165), else one {@code byte[]} per row. The "header"
 * (partition deletion, static row, range tombstones) is an immutable
 * {@link Partition} without rows, replaced on each update with {@link Partition#merge}. A row is replaced whole
 * by its merge with {@link Row#merge} (computed on the serialized forms by {@link SerializedRows#merge} when it
 * can), so a reader sees each row either before or after an update (row-level
 * isolation). Deletions are applied when reading, as the merge of all sources requires. Writers of one partition
 * are serialized; readers never block.
 */
public final class MemtablePartition {
    /** Links kept in fields of the node (a search reads them without reaching another object). */
    static final int INLINE_LINKS = 4;
    private static final VarHandle NEXT0 = link(0);
    private static final VarHandle NEXT1 = link(1);
    private static final VarHandle NEXT2 = link(2);
    private static final VarHandle NEXT3 = link(3);
    private static final VarHandle LINKS = MethodHandles.arrayElementVarHandle(MemtablePartition[].class);

    private static VarHandle link(int level) {
        try {
            return MethodHandles.lookup().findVarHandle(MemtablePartition.class, "next" + level,
                    MemtablePartition.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The token's {@link Token#orderPrefix()}: most comparisons end here, without reaching the token object. */
    final long prefix;
    /** {@link PartitionHashIndex#hash} of the key. */
    final int hash;
    final Token token;
    final byte[] key;
    private final TableId table;
    /** The next partitions on the skip list's levels 0 to 3 (through the {@code NEXT} handles). */
    @SuppressWarnings("unused")
    private volatile MemtablePartition next0;
    @SuppressWarnings("unused")
    private volatile MemtablePartition next1;
    @SuppressWarnings("unused")
    private volatile MemtablePartition next2;
    @SuppressWarnings("unused")
    private volatile MemtablePartition next3;
    /** The next partitions on levels 4.. (null below height 5; elements through {@link #LINKS}). */
    private final MemtablePartition[] upper;
    private final int height;
    private volatile Partition header;
    /** The memtable's slabs, or null when each row has an array of its own. */
    private final RowSlabs slabs;
    /** The only row of a table without clustering columns, serialized (without slabs). */
    private volatile byte[] single;
    /** The only row of a table without clustering columns: its reference in {@link #slabs}, or {@link #NONE}. */
    private volatile long singleRef = NONE;
    /**
     * Rows of a table with clustering columns, keyed by {@link Clustering}, serialized: a {@code byte[]}, or a
     * {@code Long} reference in {@link #slabs} when there are slabs.
     */
    private final ConcurrentSkipListMap<Object, Object> rows;
    private static final long NONE = -1;

    /** The head of a skip list. */
    MemtablePartition(int height) {
        this.prefix = 0;
        this.hash = 0;
        this.token = null;
        this.key = null;
        this.table = null;
        this.upper = new MemtablePartition[height - INLINE_LINKS];
        this.height = height;
        this.rows = null;
        this.slabs = null;
    }

    MemtablePartition(TableMetadata metadata, Token token, byte[] key, int hash, int height,
                      ClusteringKeyComparator comparator, RowSlabs slabs) {
        this.prefix = token.orderPrefix();
        this.hash = hash;
        this.token = token;
        this.key = key;
        this.table = metadata.id();
        this.upper = height > INLINE_LINKS ? new MemtablePartition[height - INLINE_LINKS] : null;
        this.height = height;
        this.rows = metadata.clusteringColumns().isEmpty() ? null : new ConcurrentSkipListMap<>(comparator);
        this.slabs = slabs;
    }

    int height() {
        return height;
    }

    /** The next partition on a level below {@link #height()}. */
    MemtablePartition next(int level) {
        return switch (level) {
            case 0 -> (MemtablePartition) NEXT0.getAcquire(this);
            case 1 -> (MemtablePartition) NEXT1.getAcquire(this);
            case 2 -> (MemtablePartition) NEXT2.getAcquire(this);
            case 3 -> (MemtablePartition) NEXT3.getAcquire(this);
            default -> (MemtablePartition) LINKS.getAcquire(upper, level - INLINE_LINKS);
        };
    }

    /** Sets a link of a node not yet reachable on that level. */
    void initNext(int level, MemtablePartition n) {
        switch (level) {
            case 0 -> NEXT0.setRelease(this, n);
            case 1 -> NEXT1.setRelease(this, n);
            case 2 -> NEXT2.setRelease(this, n);
            case 3 -> NEXT3.setRelease(this, n);
            default -> LINKS.setRelease(upper, level - INLINE_LINKS, n);
        }
    }

    boolean casNext(int level, MemtablePartition expected, MemtablePartition n) {
        return switch (level) {
            case 0 -> NEXT0.compareAndSet(this, expected, n);
            case 1 -> NEXT1.compareAndSet(this, expected, n);
            case 2 -> NEXT2.compareAndSet(this, expected, n);
            case 3 -> NEXT3.compareAndSet(this, expected, n);
            default -> LINKS.compareAndSet(upper, level - INLINE_LINKS, expected, n);
        };
    }

    /** Orders this partition against a key given as token and bytes (as {@link DecoratedKey} orders). */
    int compareTo(long otherPrefix, Token otherToken, byte[] otherKey) {
        if (prefix != otherPrefix) {
            return prefix < otherPrefix ? -1 : 1;
        }
        int c = token.compareTo(otherToken);
        return c != 0 ? c : Arrays.compareUnsigned(key, otherKey);
    }

    public DecoratedKey key() {
        return new DecoratedKey(token, ByteBuffer.wrap(key));
    }

    /**
     * Applies an update.
     *
     * @return the bytes the update added (an estimate of the heap it takes)
     */
    synchronized long apply(Partition update, TableMetadata metadata, CellOrder order) {
        long size = 0;
        if (!update.partitionDeletion().isLive() || !update.staticRow().isEmpty()
                || !update.rangeTombstones().isEmpty()) {
            Partition h = Partition.of(table, update.key(), update.partitionDeletion(), update.staticRow(),
                    List.of(), update.rangeTombstones());
            Partition current = header;
            header = current == null ? h.purgeShadowed(metadata) : Partition.merge(List.of(current, h), metadata);
            size += update.staticRow().dataSize() + 64L * update.rangeTombstones().size() + 16;
        }
        for (Row r : update.rows()) {
            if (rows == null) {
                ByteBuffer current = single();
                ByteBuffer encoded = current == null ? encode(r) : merge(current, r, Clustering.EMPTY, order);
                if (slabs == null) {
                    single = copy(encoded);
                    size += encoded.remaining() + 16;
                } else {
                    singleRef = slabs.add(encoded.array(), encoded.arrayOffset() + encoded.position(),
                            encoded.remaining());
                    size += RowSlabs.footprint(encoded.remaining());
                }
            } else {
                Clustering c = r.clustering();
                ByteBuffer current = row(rows.get(c));
                ByteBuffer encoded = current == null ? encode(r) : merge(current, r, c, order);
                if (slabs == null) {
                    rows.put(c, copy(encoded));
                    size += encoded.remaining() + 80L + clusteringSize(c);
                } else {
                    rows.put(c, slabs.add(encoded.array(), encoded.arrayOffset() + encoded.position(),
                            encoded.remaining()));
                    size += RowSlabs.footprint(encoded.remaining()) + 80L + clusteringSize(c);
                }
            }
        }
        return size;
    }

    /** The only row of a table without clustering columns, serialized, or null. */
    private ByteBuffer single() {
        if (slabs == null) {
            byte[] s = single;
            return s == null ? null : ByteBuffer.wrap(s);
        }
        long ref = singleRef;
        return ref == NONE ? null : slabs.get(ref);
    }

    /** A value of {@link #rows} (or null) as the row's bytes. */
    private ByteBuffer row(Object stored) {
        if (stored == null) {
            return null;
        }
        return stored instanceof byte[] b ? ByteBuffer.wrap(b) : slabs.get((Long) stored);
    }

    private static byte[] copy(ByteBuffer b) {
        byte[] bytes = new byte[b.remaining()];
        b.duplicate().get(bytes);
        return bytes;
    }

    private static long clusteringSize(Clustering c) {
        long size = 0;
        for (int i = 0; i < c.size(); i++) {
            size += 16 + c.get(i).remaining();
        }
        return size;
    }

    /**
     * The serialized merge of a row's current bytes with an update: on the serialized forms when
     * {@link SerializedRows#merge} handles them (no deletions or counters in the update or the row), else by
     * decoding the row and {@link Row#merge}. Both give the same bytes.
     */
    private static ByteBuffer merge(ByteBuffer current, Row update, Clustering clustering, CellOrder order) {
        if (update.deletion().isLive() && update.complexDeletions().isEmpty()) {
            ByteBuffer u = encode(update);
            byte[] merged = SerializedRows.merge(current.array(), current.arrayOffset() + current.position(),
                    current.remaining(), u.array(), u.arrayOffset() + u.position(), u.remaining(), order);
            if (merged != null) {
                return ByteBuffer.wrap(merged);
            }
        }
        return encode(Row.merge(decode(current, clustering), update, order));
    }

    /** The row serialized, in a heap buffer of its own. */
    private static ByteBuffer encode(Row r) {
        ByteOutput out = new ByteOutput(r.dataSize() + 16);
        DataSerializer.writeRow(r, out);
        return out.toByteBuffer();
    }

    private static Row decode(ByteBuffer row, Clustering clustering) {
        return DataSerializer.readRow(row.duplicate(), clustering);
    }

    /**
     * The partition deletion, static row and range tombstones, as a partition without rows (an empty one when
     * none were written).
     */
    public Partition header() {
        Partition h = header;
        return h != null ? h : Partition.empty(table, key());
    }

    /** Whether a partition deletion, static row or range tombstone was written (else {@link #header()} is empty). */
    public boolean hasHeader() {
        return header != null;
    }

    /** The partition deletion. */
    public DeletionTime partitionDeletion() {
        Partition h = header;
        return h == null ? DeletionTime.LIVE : h.partitionDeletion();
    }

    /**
     * For a partition of a table without clustering columns: {@link SerializedRows#coveringTimestamp} of its row
     * when it has neither partition deletion nor static row, else {@link Long#MIN_VALUE}.
     *
     * @param columns the table's regular columns, UTF-8, in cell order
     */
    public long coveringTimestamp(byte[][] columns) {
        ByteBuffer r = rows == null ? single() : null;
        if (r == null || header != null) {
            return Long.MIN_VALUE;
        }
        return SerializedRows.coveringTimestamp(r.array(), r.arrayOffset() + r.position(), columns);
    }

    /** The number of rows (a moment's view). */
    public int rowCount() {
        return rows == null ? (single() == null ? 0 : 1) : rows.size();
    }

    /** The rows of a slice, in clustering order or reversed. */
    public Iterator<Row> rows(Slice slice, boolean reversed) {
        if (rows == null) {
            ByteBuffer r = single();
            if (r == null) {
                return Collections.emptyIterator();
            }
            return List.of(decode(r, Clustering.EMPTY)).iterator();
        }
        NavigableMap<Object, Object> sub = slice.equals(Slice.ALL) ? rows
                : rows.subMap(slice.start(), false, slice.end(), false);
        Iterator<Map.Entry<Object, Object>> it = (reversed ? sub.descendingMap() : sub).entrySet().iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Row next() {
                Map.Entry<Object, Object> e = it.next();
                return decode(row(e.getValue()), (Clustering) e.getKey());
            }
        };
    }

    /**
     * Every row in clustering order in its serialized form ({@link DataSerializer#writeRow}), as a flush writes
     * it without decoding it: heap buffers from the row's first byte to its last (position and limit count from
     * the start of the array; they may share the array with other rows). The bytes must not be modified.
     */
    public Iterator<Map.Entry<Clustering, ByteBuffer>> serializedRows() {
        if (rows == null) {
            ByteBuffer r = single();
            return r == null ? Collections.emptyIterator() : List.of(Map.entry(Clustering.EMPTY, r)).iterator();
        }
        Iterator<Map.Entry<Object, Object>> it = rows.entrySet().iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Map.Entry<Clustering, ByteBuffer> next() {
                Map.Entry<Object, Object> e = it.next();
                // the keys of the row map are clusterings (other objects only ever serve as bounds of a search)
                return Map.entry((Clustering) e.getKey(), row(e.getValue()));
            }
        };
    }

    /** Every row in clustering order. */
    public Iterator<Row> rows() {
        return rows(Slice.ALL, false);
    }

    /** The whole partition (header and rows), unpurged, as flushed. */
    public Partition toPartition() {
        Partition h = header();
        List<Row> all;
        if (rows == null) {
            ByteBuffer r = single();
            all = r == null ? List.of() : List.of(decode(r, Clustering.EMPTY));
        } else {
            all = new java.util.ArrayList<>(rows.size());
            rows().forEachRemaining(all::add);
        }
        return Partition.of(table, h.key(), h.partitionDeletion(), h.staticRow(), all, h.rangeTombstones());
    }
}
