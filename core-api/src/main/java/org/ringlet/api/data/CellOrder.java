package org.ringlet.api.data;

import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.schema.DroppedColumn;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.types.CqlType;

/**
 * The order of cells within a row: by column name, then by cell path in the column type's path order (so a
 * non-frozen set's elements are in element order, a list's in timeuuid order). Columns unknown to the table
 * (dropped ones) order their paths by unsigned bytes. Immutable and thread-safe.
 */
public final class CellOrder implements Comparator<Cell> {
    private final Map<String, Comparator<ByteBuffer>> pathOrders;

    private CellOrder(Map<String, Comparator<ByteBuffer>> pathOrders) {
        this.pathOrders = pathOrders;
    }

    /** The cell order of a table. */
    public static CellOrder of(TableMetadata table) {
        Map<String, Comparator<ByteBuffer>> m = new HashMap<>();
        for (DroppedColumn d : table.droppedColumns().values()) {
            if (d.type().isMultiCell()) {
                m.put(d.name(), d.type().cellPathType());
            }
        }
        for (ColumnMetadata c : table.allColumnsInSelectOrder()) {
            CqlType t = c.type();
            if (t.isMultiCell()) {
                m.put(c.name(), t.cellPathType());
            }
        }
        return new CellOrder(Map.copyOf(m));
    }

    /** An order for tests and tools that know no schema: paths by unsigned bytes. */
    public static CellOrder bytewise() {
        return new CellOrder(Map.of());
    }

    @Override
    public int compare(Cell a, Cell b) {
        int c = a.column().compareTo(b.column());
        if (c != 0) {
            return c;
        }
        ByteBuffer pa = a.path();
        ByteBuffer pb = b.path();
        if (pa == null || pb == null) {
            return Boolean.compare(pa != null, pb != null);
        }
        return comparePaths(a.column(), pa, pb);
    }

    /** Orders two cell paths of one column (as {@link #compare} orders the cells at equal column names). */
    public int comparePaths(String column, ByteBuffer pa, ByteBuffer pb) {
        Comparator<ByteBuffer> order = pathOrders.get(column);
        return order != null ? order.compare(pa, pb) : Bytes.compareUnsigned(pa, pb);
    }
}
