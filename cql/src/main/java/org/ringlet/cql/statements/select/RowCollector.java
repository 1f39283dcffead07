package org.ringlet.cql.statements.select;

import java.nio.ByteBuffer;
import java.util.List;

import org.ringlet.api.data.Partition;
import org.ringlet.api.data.Row;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.cql.restrictions.RowFilter;
import org.ringlet.cql.selection.ResultBuilder;
import org.ringlet.cql.selection.RowView;

/**
 * Turns the partitions read into CQL rows for a result: each live row (with its partition's static values), or one
 * row of static values for a partition that has no rows when the query does not restrict clustering columns;
 * applies the row filter; stops at a target number of rows; and remembers the position of the last row examined,
 * which is where the next page resumes. Not thread-safe.
 */
final class RowCollector {
    private final TableMetadata table;
    private final ResultBuilder result;
    private final RowFilter filter;
    private final boolean emitStaticOnlyRows;
    private final long nowInSeconds;
    private final int target;
    private int emitted;
    private PartitionReader.Position position;

    /**
     * @param start  the position the reading resumes from, or null
     * @param target how many rows to emit at most
     */
    RowCollector(TableMetadata table, ResultBuilder result, RowFilter filter, boolean emitStaticOnlyRows,
                 long nowInSeconds, PartitionReader.Position start, int target) {
        this.table = table;
        this.result = result;
        this.filter = filter;
        this.emitStaticOnlyRows = emitStaticOnlyRows;
        this.nowInSeconds = nowInSeconds;
        this.position = start;
        this.target = target;
    }

    boolean isFull() {
        return emitted >= target;
    }

    int emitted() {
        return emitted;
    }

    /** How many more rows this collector takes. */
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
            List<ByteBuffer> key = table.splitPartitionKey(p.key().key());
            Row staticRow = p.liveStaticRow(nowInSeconds);
            List<Row> rows = p.liveRows(nowInSeconds);
            boolean resumedWithin = position != null && position.key().equals(p.key())
                    && position.clustering() != null;
            if (rows.isEmpty()) {
                if (staticRow != null && emitStaticOnlyRows && !resumedWithin) {
                    emit(new RowView(key, null, null, staticRow, nowInSeconds));
                }
                position = new PartitionReader.Position(p.key(), null);
                continue;
            }
            // the read may have stopped inside this partition, so the position stays at its last row
            for (Row r : rows) {
                if (isFull()) {
                    return;
                }
                position = new PartitionReader.Position(p.key(), r.clustering());
                emit(new RowView(key, r.clustering(), r, staticRow, nowInSeconds));
            }
        }
    }

    private void emit(RowView row) {
        if (filter.test(row)) {
            result.add(row);
            emitted++;
        }
    }
}
