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
import org.ringlet.api.types.NativeType;
import org.ringlet.cql.ast.RawSelectable;

import static java.util.Objects.requireNonNull;

/**
 * {@code writetime(c)} (the cell's write timestamp), {@code ttl(c)} (its remaining time to live) or
 * {@code maxwritetime(c)}. On a non-frozen collection, writetime and ttl give a list with a value per element and
 * maxwritetime the latest timestamp of its elements, as in Cassandra 5.0.
 */
public final class WritetimeSelector extends SelectorFactory {
    private final ColumnMetadata column;
    private final RawSelectable.MetadataKind kind;

    public WritetimeSelector(ColumnMetadata column, RawSelectable.MetadataKind kind) {
        this.column = requireNonNull(column, "column is null");
        this.kind = requireNonNull(kind, "kind is null");
    }

    @Override
    public String columnName() {
        return kind.name().toLowerCase(Locale.ROOT) + "(" + column.name() + ")";
    }

    private CqlType elementType() {
        return kind == RawSelectable.MetadataKind.TTL ? NativeType.INT : NativeType.BIGINT;
    }

    private boolean perElement() {
        return column.isComplex() && kind != RawSelectable.MetadataKind.MAXWRITETIME;
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

    private ByteBuffer compute(RowView row) {
        if (!column.isComplex()) {
            Cell c = row.cell(column);
            return c == null ? null : of(c, row.nowInSeconds());
        }
        List<Cell> cells = row.cells(column);
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

    @Override
    public Selector newInstance(BoundValues values) {
        return new Selector() {
            private ByteBuffer current;
            private boolean set;

            @Override
            public void addInput(RowView row) {
                if (!set) {
                    set = true;
                    current = compute(row);
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
