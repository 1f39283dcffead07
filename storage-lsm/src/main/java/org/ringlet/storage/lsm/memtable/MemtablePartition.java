package org.ringlet.storage.lsm.memtable;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

import org.ringlet.api.data.CellOrder;
import org.ringlet.api.data.Clustering;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.DeletionTime;
import org.ringlet.api.data.Partition;
import org.ringlet.api.data.Row;
import org.ringlet.api.data.Slice;
import org.ringlet.api.schema.TableId;
import org.ringlet.api.schema.TableMetadata;

/**
 * One partition in a memtable. Its "header" (partition deletion, static row, range tombstones) is an immutable
 * {@link Partition} without rows, replaced on each update with {@link Partition#merge}; rows live in a concurrent
 * sorted map and are merged one by one with {@link Row#merge}, so a reader sees each row either before or after
 * an update (row-level isolation). Deletions are applied when reading, as the merge of all sources requires.
 * Writers of one partition are serialized; readers never block.
 */
public final class MemtablePartition {
    private final DecoratedKey key;
    private final TableId table;
    private volatile Partition header;
    /** The only row of a table without clustering columns. */
    private volatile Row single;
    /** Rows of a table with clustering columns, keyed by {@link Clustering}. */
    private final ConcurrentSkipListMap<Object, Row> rows;

    MemtablePartition(TableMetadata metadata, DecoratedKey key, ClusteringKeyComparator comparator) {
        this.key = key;
        this.table = metadata.id();
        this.rows = metadata.clusteringColumns().isEmpty() ? null : new ConcurrentSkipListMap<>(comparator);
    }

    public DecoratedKey key() {
        return key;
    }

    /**
     * Applies an update.
     *
     * @return the bytes the update added
     */
    synchronized long apply(Partition update, TableMetadata metadata, CellOrder order) {
        long size = 0;
        if (!update.partitionDeletion().isLive() || !update.staticRow().isEmpty()
                || !update.rangeTombstones().isEmpty()) {
            Partition h = Partition.of(table, key, update.partitionDeletion(), update.staticRow(), List.of(),
                    update.rangeTombstones());
            Partition current = header;
            header = current == null ? h.purgeShadowed(metadata) : Partition.merge(List.of(current, h), metadata);
            size += update.staticRow().dataSize() + 64L * update.rangeTombstones().size() + 16;
        }
        for (Row r : update.rows()) {
            if (rows == null) {
                Row current = single;
                single = current == null ? r : Row.merge(current, r, order);
            } else {
                rows.merge(r.clustering(), r, (a, b) -> Row.merge(a, b, order));
            }
            size += r.dataSize();
        }
        return size;
    }

    /**
     * The partition deletion, static row and range tombstones, as a partition without rows (an empty one when
     * none were written).
     */
    public Partition header() {
        Partition h = header;
        return h != null ? h : Partition.empty(table, key);
    }

    /** The partition deletion. */
    public DeletionTime partitionDeletion() {
        Partition h = header;
        return h == null ? DeletionTime.LIVE : h.partitionDeletion();
    }

    /** The number of rows (a moment's view). */
    public int rowCount() {
        return rows == null ? (single == null ? 0 : 1) : rows.size();
    }

    /** The rows of a slice, in clustering order or reversed. */
    public Iterator<Row> rows(Slice slice, boolean reversed) {
        if (rows == null) {
            Row r = single;
            if (r == null) {
                return Collections.emptyIterator();
            }
            return List.of(r).iterator();
        }
        NavigableMap<Object, Row> sub = slice.equals(Slice.ALL) ? rows
                : rows.subMap(slice.start(), false, slice.end(), false);
        return (reversed ? sub.descendingMap() : sub).values().iterator();
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
            Row r = single;
            all = r == null ? List.of() : List.of(r);
        } else {
            all = List.copyOf(rows.values());
        }
        return Partition.of(table, key, h.partitionDeletion(), h.staticRow(), all, h.rangeTombstones());
    }
}
