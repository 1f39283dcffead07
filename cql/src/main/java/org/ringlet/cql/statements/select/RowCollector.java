package org.ringlet.cql.statements.select;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.Partition;
import org.ringlet.api.data.Row;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.cql.restrictions.RowFilter;
import org.ringlet.cql.selection.RowView;

/**
 * Turns the partitions read into CQL rows for a result and counts them in the query's units: rows, groups (GROUP
 * BY: a unit starts with each new group), or partitions (DISTINCT). It applies the row filter and the PER PARTITION
 * LIMIT, stops at a target number of units (with GROUP BY, only when the next group starts, so every group of a
 * page is complete), and remembers the position of the last row examined, where the next page resumes. A partition
 * with no rows but static values yields one row when the query reads whole partitions. Not thread-safe.
 */
final class RowCollector {

    /** Receives the rows of the result. */
    interface Sink {
        /** A new group starts (GROUP BY only) with the next row. */
        default void startGroup() {
        }

        void add(RowView row);
    }

    private final TableMetadata table;
    private final Sink sink;
    private final RowFilter filter;
    private final boolean emitStaticOnlyRows;
    private final long nowInSeconds;
    private final int target;
    private final int perPartitionLimit;
    private final boolean distinct;
    private final int groupPrefix;
    private int emitted;
    private int inPartition;
    private DecoratedKey countedPartition;
    private List<ByteBuffer> group;
    private boolean full;
    private PartitionReader.Position position;

    /**
     * @param start             the position the reading resumes from, or null
     * @param startInPartition  the units already returned from the start position's partition
     * @param target            how many units to emit at most
     * @param perPartitionLimit how many units a partition may give, or {@code Integer.MAX_VALUE}
     * @param groupPrefix       the clustering columns of a GROUP BY group, or -1 without GROUP BY
     */
    RowCollector(TableMetadata table, Sink sink, RowFilter filter, boolean emitStaticOnlyRows, long nowInSeconds,
                 PartitionReader.Position start, int startInPartition, int target, int perPartitionLimit,
                 boolean distinct, int groupPrefix) {
        this.table = table;
        this.sink = sink;
        this.filter = filter;
        this.emitStaticOnlyRows = emitStaticOnlyRows;
        this.nowInSeconds = nowInSeconds;
        this.position = start;
        this.target = target;
        this.perPartitionLimit = perPartitionLimit;
        this.distinct = distinct;
        this.groupPrefix = groupPrefix;
        if (start != null && start.clustering() != null) {
            countedPartition = start.key();
            inPartition = startInPartition;
        }
    }

    /** Whether no more rows are wanted. */
    boolean isFull() {
        return groupPrefix < 0 ? emitted >= target : full;
    }

    /** The units emitted. */
    int emitted() {
        return emitted;
    }

    /** The units emitted from the partition of the current position. */
    int emittedInPartition() {
        return position != null && position.key().equals(countedPartition) ? inPartition : 0;
    }

    /** How many more rows this collector takes (a hint for the size of the next read). */
    int wanted() {
        return target - emitted;
    }

    PartitionReader.Position position() {
        return position;
    }

    /** Adds the rows of the partitions of a batch, up to the target. */
    void add(List<Partition> partitions) {
        for (Partition p : partitions) {
            if (isFull()) {
                return;
            }
            if (!p.key().equals(countedPartition)) {
                countedPartition = p.key();
                inPartition = 0;
            }
            List<ByteBuffer> key = table.splitPartitionKey(p.key().key());
            Row staticRow = p.liveStaticRow(nowInSeconds);
            List<Row> rows = p.liveRows(nowInSeconds);
            boolean resumedWithin = position != null && position.key().equals(p.key())
                    && position.clustering() != null;
            if (distinct) {
                if ((!rows.isEmpty() || staticRow != null) && !resumedWithin) {
                    RowView row = new RowView(key, null, null, staticRow, nowInSeconds);
                    if (filter.test(row) && !offer(row)) {
                        return;
                    }
                }
                position = new PartitionReader.Position(p.key(), null);
                continue;
            }
            if (rows.isEmpty()) {
                if (staticRow != null && emitStaticOnlyRows && !resumedWithin) {
                    RowView row = new RowView(key, null, null, staticRow, nowInSeconds);
                    if (filter.test(row) && !offer(row)) {
                        return;
                    }
                }
                position = new PartitionReader.Position(p.key(), null);
                continue;
            }
            // the read may have stopped inside this partition, so the position stays at its last row
            for (Row r : rows) {
                RowView row = new RowView(key, r.clustering(), r, staticRow, nowInSeconds);
                if (filter.test(row)) {
                    if (startsUnit(row) && inPartition >= perPartitionLimit) {
                        position = new PartitionReader.Position(p.key(), null);
                        break;
                    }
                    if (!offer(row)) {
                        return;
                    }
                }
                position = new PartitionReader.Position(p.key(), r.clustering());
                if (isFull()) {
                    return;
                }
            }
        }
    }

    private boolean startsUnit(RowView row) {
        if (groupPrefix < 0) {
            return true;
        }
        return group == null || !group.equals(groupKey(row));
    }

    /** Hands a row to the sink; false when the target is reached and the row starts a unit beyond it. */
    private boolean offer(RowView row) {
        if (startsUnit(row)) {
            if (emitted >= target) {
                full = true;
                return false;
            }
            emitted++;
            inPartition++;
            if (groupPrefix >= 0) {
                group = groupKey(row);
                sink.startGroup();
            }
        }
        sink.add(row);
        return true;
    }

    private List<ByteBuffer> groupKey(RowView row) {
        List<ByteBuffer> key = new ArrayList<>(table.partitionKeyColumns().size() + groupPrefix + 1);
        key.addAll(row.partitionKey());
        if (row.clustering() == null) {
            key.add(null);
        } else {
            for (int i = 0; i < groupPrefix; i++) {
                key.add(row.clustering().get(i));
            }
        }
        return key;
    }

    @Override
    public String toString() {
        return "RowCollector[" + emitted + "/" + target + ", " + Objects.toString(position) + "]";
    }
}
