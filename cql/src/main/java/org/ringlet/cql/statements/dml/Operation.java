package org.ringlet.cql.statements.dml;

import java.nio.ByteBuffer;
import java.util.List;

import org.ringlet.api.data.Cell;
import org.ringlet.api.data.Row;
import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.query.BoundValues;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.types.CollectionCodec;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.ListType;
import org.ringlet.api.types.MapType;
import org.ringlet.api.types.NativeType;
import org.ringlet.api.types.SetType;
import org.ringlet.cql.data.CellWriter;
import org.ringlet.cql.terms.Term;

/**
 * One change an UPDATE or DELETE makes to a column of a row: set it, add to or remove from a collection, increment
 * a counter, set a map entry or a user type field, or delete the column, an entry or a field. Immutable.
 */
public sealed interface Operation permits Operation.SetColumn, Operation.AddToCollection,
        Operation.PrependToList, Operation.RemoveFromCollection, Operation.CounterAdd, Operation.SetMapEntry,
        Operation.SetField, Operation.DeleteColumn, Operation.DeleteMapEntry, Operation.DeleteSetElement,
        Operation.DeleteField,
        ListOperations.DiscardFromList, ListOperations.SetListElement, ListOperations.DeleteListElement {

    /** The column changed. */
    ColumnMetadata column();

    /**
     * Applies the change to the row being built (the static row for a static column).
     *
     * @param current the row's live stored version when the operation {@linkplain #requiresRead() reads it} (null
     *                when there is none), else null
     */
    void apply(Row.Builder row, CellWriter cells, BoundValues values, ListPaths paths, Row current);

    /** Whether the operation needs the row's stored version (list operations by value or index). */
    default boolean requiresRead() {
        return false;
    }

    /** Makes the cell paths of list elements: appended ones after every existing one, prepended ones before. */
    interface ListPaths {
        ByteBuffer append();

        ByteBuffer prepend();
    }

    /** {@code c = value}. */
    record SetColumn(ColumnMetadata column, Term value) implements Operation {
        @Override
        public void apply(Row.Builder row, CellWriter cells, BoundValues values, ListPaths paths, Row current) {
            if (value.isUnset(values)) {
                return;
            }
            cells.set(row, column, value.bind(values));
        }
    }

    /** {@code c = c + value} for a list (append), set or map. */
    record AddToCollection(ColumnMetadata column, Term value) implements Operation {
        @Override
        public void apply(Row.Builder row, CellWriter cells, BoundValues values, ListPaths paths, Row current) {
            if (value.isUnset(values)) {
                return;
            }
            ByteBuffer v = value.bind(values);
            if (v == null) {
                return;
            }
            CqlType type = column.type();
            if (type instanceof ListType) {
                for (ByteBuffer e : CollectionCodec.unpackCollection(v, 1, "list")) {
                    row.addCell(cell(cells, paths.append(), e));
                }
            } else {
                cells.addElements(row, column, v);
            }
        }

        private Cell cell(CellWriter cells, ByteBuffer path, ByteBuffer element) {
            return Cell.expiring(column.name(), path, element, cells.timestamp(), cells.ttl(), cells.nowInSeconds());
        }
    }

    /** {@code c = value + c} for a list. */
    record PrependToList(ColumnMetadata column, Term value) implements Operation {
        @Override
        public void apply(Row.Builder row, CellWriter cells, BoundValues values, ListPaths paths, Row current) {
            if (value.isUnset(values)) {
                return;
            }
            ByteBuffer v = value.bind(values);
            if (v == null) {
                return;
            }
            List<ByteBuffer> elements = CollectionCodec.unpackCollection(v, 1, "list");
            for (int i = elements.size() - 1; i >= 0; i--) {
                row.addCell(Cell.expiring(column.name(), paths.prepend(), elements.get(i), cells.timestamp(),
                        cells.ttl(), cells.nowInSeconds()));
            }
        }
    }

    /** {@code c = c - value} for a set (its elements) or a map (the keys of a set). */
    record RemoveFromCollection(ColumnMetadata column, Term value) implements Operation {
        @Override
        public void apply(Row.Builder row, CellWriter cells, BoundValues values, ListPaths paths, Row current) {
            if (value.isUnset(values)) {
                return;
            }
            ByteBuffer v = value.bind(values);
            if (v == null) {
                return;
            }
            for (ByteBuffer key : CollectionCodec.unpackCollection(v, 1, "set")) {
                row.addCell(Cell.tombstone(column.name(), key, cells.timestamp(), cells.nowInSeconds()));
            }
        }
    }

    /** {@code c = c + value} or {@code c = c - value} for a counter: a delta the coordinator adds. */
    record CounterAdd(ColumnMetadata column, Term value, boolean negate) implements Operation {
        @Override
        public void apply(Row.Builder row, CellWriter cells, BoundValues values, ListPaths paths, Row current) {
            if (value.isUnset(values)) {
                return;
            }
            ByteBuffer v = value.bind(values);
            if (v == null) {
                throw new InvalidRequestException("Invalid null value for counter increment");
            }
            long delta = (Long) NativeType.BIGINT.compose(v);
            if (negate && delta == Long.MIN_VALUE) {
                throw new InvalidRequestException("The negation of " + delta + " overflows supported counter "
                        + "precision (signed 8 bytes integer)");
            }
            row.addCell(Cell.live(column.name(), null, NativeType.BIGINT.decompose(negate ? -delta : delta),
                    cells.timestamp()));
        }
    }

    /** {@code m[key] = value} for a map. */
    record SetMapEntry(ColumnMetadata column, Term key, Term value) implements Operation {
        @Override
        public void apply(Row.Builder row, CellWriter cells, BoundValues values, ListPaths paths, Row current) {
            ByteBuffer k = mapKey(key, values);
            if (value.isUnset(values)) {
                return;
            }
            ByteBuffer v = value.bind(values);
            row.addCell(v == null ? Cell.tombstone(column.name(), k, cells.timestamp(), cells.nowInSeconds())
                    : Cell.expiring(column.name(), k, v, cells.timestamp(), cells.ttl(), cells.nowInSeconds()));
        }
    }

    /** {@code u.field = value} for a non-frozen user type. */
    record SetField(ColumnMetadata column, int field, Term value) implements Operation {
        @Override
        public void apply(Row.Builder row, CellWriter cells, BoundValues values, ListPaths paths, Row current) {
            if (value.isUnset(values)) {
                return;
            }
            ByteBuffer v = value.bind(values);
            ByteBuffer path = NativeType.SMALLINT.decompose((short) field);
            row.addCell(v == null ? Cell.tombstone(column.name(), path, cells.timestamp(), cells.nowInSeconds())
                    : Cell.expiring(column.name(), path, v, cells.timestamp(), cells.ttl(), cells.nowInSeconds()));
        }
    }

    /** {@code DELETE c}. */
    record DeleteColumn(ColumnMetadata column) implements Operation {
        @Override
        public void apply(Row.Builder row, CellWriter cells, BoundValues values, ListPaths paths, Row current) {
            cells.set(row, column, null);
        }
    }

    /** A bound map key, never null nor unset. */
    private static ByteBuffer mapKey(Term key, BoundValues values) {
        if (key.isUnset(values)) {
            throw new InvalidRequestException("Invalid unset map key");
        }
        ByteBuffer k = key.bind(values);
        if (k == null) {
            throw new InvalidRequestException("Invalid null map key");
        }
        return k;
    }

    /** {@code DELETE m[key]} for a map. */
    record DeleteMapEntry(ColumnMetadata column, Term key) implements Operation {
        @Override
        public void apply(Row.Builder row, CellWriter cells, BoundValues values, ListPaths paths, Row current) {
            row.addCell(Cell.tombstone(column.name(), mapKey(key, values), cells.timestamp(), cells.nowInSeconds()));
        }
    }

    /** {@code DELETE s[element]} for a set: an unset element deletes nothing. */
    record DeleteSetElement(ColumnMetadata column, Term element) implements Operation {
        @Override
        public void apply(Row.Builder row, CellWriter cells, BoundValues values, ListPaths paths, Row current) {
            if (element.isUnset(values)) {
                return;
            }
            ByteBuffer e = element.bind(values);
            if (e == null) {
                throw new InvalidRequestException("Invalid null set element");
            }
            row.addCell(Cell.tombstone(column.name(), e, cells.timestamp(), cells.nowInSeconds()));
        }
    }

    /** {@code DELETE u.field} for a non-frozen user type. */
    record DeleteField(ColumnMetadata column, int field) implements Operation {
        @Override
        public void apply(Row.Builder row, CellWriter cells, BoundValues values, ListPaths paths, Row current) {
            row.addCell(Cell.tombstone(column.name(), NativeType.SMALLINT.decompose((short) field),
                    cells.timestamp(), cells.nowInSeconds()));
        }
    }

    /** Whether a type is a set or map (removal by key needs no read). */
    static boolean isSetOrMap(CqlType type) {
        return type instanceof SetType || type instanceof MapType;
    }
}
