package org.ringlet.cql.selection;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.ringlet.api.data.Cell;
import org.ringlet.api.query.BoundValues;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.types.CollectionCodec;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.ListType;
import org.ringlet.api.types.MapType;
import org.ringlet.api.types.NativeType;
import org.ringlet.cql.ast.RawSelectable;

import static java.util.Objects.requireNonNull;

/**
 * {@code writetime(c)} (the cell's write timestamp), {@code ttl(c)} (its remaining time to live) or
 * {@code maxwritetime(c)}. On a non-frozen collection, writetime and ttl give a list with a value per element and
 * maxwritetime the latest timestamp of its elements, as in Cassandra 5.0. Of an element ({@code writetime(m['k'])})
 * they give the element's value, null when it is absent; of a slice ({@code writetime(s[1..3])}) a list for the
 * elements within it, null when there are none. A frozen collection is one cell: its element or slice has the
 * cell's value when the collection has that element or an element in the slice.
 */
public final class WritetimeSelector extends SelectorFactory {
    private final ColumnMetadata column;
    private final RawSelectable.MetadataKind kind;
    private final String selected;
    private final CollectionSubSelection subSelection;

    /** Of the whole column. */
    public WritetimeSelector(ColumnMetadata column, RawSelectable.MetadataKind kind) {
        this.column = requireNonNull(column, "column is null");
        this.kind = requireNonNull(kind, "kind is null");
        this.selected = column.name();
        this.subSelection = null;
    }

    /**
     * Of an element or slice of a set or map column.
     *
     * @param selected the selection as the result column names it ({@code m['k']})
     */
    WritetimeSelector(ColumnMetadata column, RawSelectable.MetadataKind kind, String selected,
                      CollectionSubSelection subSelection) {
        this.column = requireNonNull(column, "column is null");
        this.kind = requireNonNull(kind, "kind is null");
        this.selected = requireNonNull(selected, "selected is null");
        this.subSelection = requireNonNull(subSelection, "subSelection is null");
    }

    @Override
    public String columnName() {
        return kind.name().toLowerCase(Locale.ROOT) + "(" + selected + ")";
    }

    private CqlType elementType() {
        return kind == RawSelectable.MetadataKind.TTL ? NativeType.INT : NativeType.BIGINT;
    }

    private boolean perElement() {
        return column.isComplex() && kind != RawSelectable.MetadataKind.MAXWRITETIME
                && (subSelection == null || subSelection.isSlice());
    }

    @Override
    public CqlType type() {
        return perElement() ? ListType.of(elementType()) : elementType();
    }

    @Override
    public void collectColumns(Set<ColumnMetadata> columns) {
        columns.add(column);
    }

    private ByteBuffer of(Cell c, long nowInSeconds) {
        if (kind == RawSelectable.MetadataKind.TTL) {
            return c.isExpiring() ? NativeType.INT.decompose((int) Math.max(0, c.localDeletionTime() - nowInSeconds))
                    : null;
        }
        return NativeType.BIGINT.decompose(c.timestamp());
    }

    private ByteBuffer compute(RowView row, CollectionSubSelection.Bound bound) {
        if (!column.isComplex()) {
            Cell c = row.cell(column);
            if (c == null || (bound != null && !selectsAny(c.value(), bound))) {
                return null;
            }
            return of(c, row.nowInSeconds());
        }
        List<Cell> cells = row.cells(column);
        if (bound != null) {
            cells = cells.stream().filter(c -> bound.selects(c.path())).toList();
            if (!bound.slice()) {
                return cells.isEmpty() ? null : of(cells.get(0), row.nowInSeconds());
            }
        }
        if (cells.isEmpty()) {
            return null;
        }
        if (kind == RawSelectable.MetadataKind.MAXWRITETIME) {
            long max = Long.MIN_VALUE;
            for (Cell c : cells) {
                max = Math.max(max, c.timestamp());
            }
            return NativeType.BIGINT.decompose(max);
        }
        List<ByteBuffer> values = new ArrayList<>(cells.size());
        for (Cell c : cells) {
            values.add(of(c, row.nowInSeconds()));
        }
        return CollectionCodec.packCollection(values, values.size());
    }

    /** Whether a frozen set or map has an element or key that the sub-selection selects. */
    private boolean selectsAny(ByteBuffer frozen, CollectionSubSelection.Bound bound) {
        boolean map = column.type().unwrap() instanceof MapType;
        int perEntry = map ? 2 : 1;
        List<ByteBuffer> flat = CollectionCodec.unpackCollection(frozen, perEntry, map ? "map" : "set");
        for (int i = 0; i < flat.size(); i += perEntry) {
            if (bound.selects(flat.get(i))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Selector newInstance(BoundValues values) {
        CollectionSubSelection.Bound bound = subSelection == null ? null : subSelection.bind(values);
        return new Selector() {
            private ByteBuffer current;
            private boolean set;

            @Override
            public void addInput(RowView row) {
                if (!set) {
                    set = true;
                    current = compute(row, bound);
                }
            }

            @Override
            public ByteBuffer output() {
                return current;
            }

            @Override
            public void reset() {
                set = false;
                current = null;
            }
        };
    }
}
