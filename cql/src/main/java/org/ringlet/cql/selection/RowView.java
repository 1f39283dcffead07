package org.ringlet.cql.selection;

import java.nio.ByteBuffer;
import java.util.List;

import org.ringlet.api.data.Cell;
import org.ringlet.api.data.Clustering;
import org.ringlet.api.data.Row;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.cql.data.CellReader;

/**
 * One CQL row as selectors and filters see it: the partition key's components, the clustering (null for a row
 * made of a partition's static columns only), and the live regular and static cells.
 *
 * @param partitionKey the serialized partition key components
 * @param clustering   the clustering, or null for a static-only row
 * @param row          the live row, or null for a static-only row
 * @param staticRow    the partition's live static row, or null
 * @param nowInSeconds the time of the read (remaining TTLs are counted from it)
 */
public record RowView(List<ByteBuffer> partitionKey, Clustering clustering, Row row, Row staticRow,
                      long nowInSeconds) {

    /** The value of any column in this row, or null. */
    public ByteBuffer value(ColumnMetadata column) {
        return switch (column.kind()) {
            case PARTITION_KEY -> partitionKey.get(column.position()).duplicate();
            case CLUSTERING -> clustering == null ? null : clustering.get(column.position());
            case STATIC -> CellReader.value(staticRow, column);
            case REGULAR -> CellReader.value(row, column);
        };
    }

    /** The cell of a simple static or regular column, or null. */
    public Cell cell(ColumnMetadata column) {
        Row r = column.isStatic() ? staticRow : row;
        return r == null ? null : r.cell(column.name());
    }

    /** The cells of a static or regular column (several for non-frozen collections). */
    public List<Cell> cells(ColumnMetadata column) {
        Row r = column.isStatic() ? staticRow : row;
        return r == null ? List.of() : r.cells(column.name());
    }
}
