package org.ringlet.cql.data;

import java.nio.ByteBuffer;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ringlet.api.data.Cell;
import org.ringlet.api.data.CounterContext;
import org.ringlet.api.data.Row;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.types.CollectionCodec;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.ListType;
import org.ringlet.api.types.MapType;
import org.ringlet.api.types.NativeType;
import org.ringlet.api.types.SetType;
import org.ringlet.api.types.UserType;

/** Reads column values from rows whose cells are all live (a {@link Row#liveView(long)}). */
public final class CellReader {
    private CellReader() {
    }

    /**
     * The serialized value of a static or regular column in a live row, or null when it has none: the cell's value
     * for a simple column, the counter's total for a counter, the packed elements of a non-frozen collection, the
     * packed fields of a non-frozen user type.
     */
    public static ByteBuffer value(Row row, ColumnMetadata column) {
        if (row == null) {
            return null;
        }
        CqlType type = column.type();
        if (!type.isMultiCell()) {
            Cell c = row.cell(column.name());
            if (c == null) {
                return null;
            }
            if (c.isCounter()) {
                return NativeType.BIGINT.decompose(CounterContext.total(c.value()));
            }
            return c.value();
        }
        List<Cell> cells = row.cells(column.name());
        if (cells.isEmpty()) {
            return null;
        }
        return pack(type, cells);
    }

    /** Packs the cells of a multi-cell column (in path order) into the column's serialized value. */
    public static ByteBuffer pack(CqlType type, List<Cell> cells) {
        if (type instanceof SetType) {
            List<ByteBuffer> elements = new ArrayList<>(cells.size());
            cells.forEach(c -> elements.add(c.path()));
            return CollectionCodec.packCollection(elements, elements.size());
        }
        if (type instanceof ListType) {
            List<ByteBuffer> elements = new ArrayList<>(cells.size());
            cells.forEach(c -> elements.add(c.value()));
            return CollectionCodec.packCollection(elements, elements.size());
        }
        if (type instanceof MapType) {
            List<ByteBuffer> flat = new ArrayList<>(cells.size() * 2);
            for (Cell c : cells) {
                flat.add(c.path());
                flat.add(c.value());
            }
            return CollectionCodec.packCollection(flat, cells.size());
        }
        UserType u = (UserType) type;
        ByteBuffer[] fields = new ByteBuffer[u.fieldNames().size()];
        int last = -1;
        for (Cell c : cells) {
            int i = Short.toUnsignedInt(c.path().getShort(c.path().position()));
            if (i < fields.length) {
                fields[i] = c.value();
                last = Math.max(last, i);
            }
        }
        List<ByteBuffer> out = new ArrayList<>(last + 1);
        for (int i = 0; i <= last; i++) {
            out.add(fields[i]);
        }
        return CollectionCodec.packFields(out);
    }

    /** The elements of a serialized set or list value. */
    public static List<ByteBuffer> elements(ByteBuffer value, String typeName) {
        return CollectionCodec.unpackCollection(value, 1, typeName);
    }

    /** The entries of a serialized map value. */
    public static List<Map.Entry<ByteBuffer, ByteBuffer>> entries(ByteBuffer value) {
        List<ByteBuffer> flat = CollectionCodec.unpackCollection(value, 2, "map");
        List<Map.Entry<ByteBuffer, ByteBuffer>> out = new ArrayList<>(flat.size() / 2);
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            out.add(new AbstractMap.SimpleImmutableEntry<>(flat.get(i), flat.get(i + 1)));
        }
        return out;
    }
}
