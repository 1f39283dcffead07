package org.ringlet.cql.statements.dml;

import java.nio.ByteBuffer;
import java.util.List;

import org.ringlet.api.data.Cell;
import org.ringlet.api.data.Row;
import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.query.BoundValues;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.types.CollectionCodec;
import org.ringlet.api.types.NativeType;
import org.ringlet.cql.data.CellWriter;
import org.ringlet.cql.terms.Term;

/**
 * The list operations that read the stored list first (its elements are cells keyed by time UUIDs, so an index or
 * a value names a cell only once the list is read): {@code l = l - [values]}, {@code l[i] = value} and
 * {@code DELETE l[i]}, with Cassandra's messages.
 */
final class ListOperations {
    private ListOperations() {
    }

    /** The live element cells of the column in the stored row, in list order. */
    private static List<Cell> elements(Row current, ColumnMetadata column) {
        return current == null ? List.of() : current.cells(column.name());
    }

    /** The bound index, checked against the stored list. */
    private static Cell element(Term index, BoundValues values, Row current, ColumnMetadata column, String verb) {
        if (index.isUnset(values)) {
            throw new InvalidRequestException("Invalid unset value for list index");
        }
        ByteBuffer i = index.bind(values);
        if (i == null) {
            throw new InvalidRequestException("Invalid null value for list index");
        }
        int idx = (Integer) NativeType.INT.compose(i);
        List<Cell> list = elements(current, column);
        if (list.isEmpty()) {
            throw new InvalidRequestException("Attempted to " + verb + " a list which is null");
        }
        if (idx < 0 || idx >= list.size()) {
            throw new InvalidRequestException("List index " + idx + " out of bound, list has size " + list.size());
        }
        return list.get(idx);
    }

    /** {@code l = l - [values]}: deletes every element equal to one of the values. */
    record DiscardFromList(ColumnMetadata column, Term value) implements Operation {
        @Override
        public boolean requiresRead() {
            return true;
        }

        @Override
        public void apply(Row.Builder row, CellWriter cells, BoundValues values, ListPaths paths, Row current) {
            if (value.isUnset(values)) {
                return;
            }
            ByteBuffer v = value.bind(values);
            if (v == null) {
                return;
            }
            List<ByteBuffer> discarded = CollectionCodec.unpackCollection(v, 1, "list");
            for (Cell e : elements(current, column)) {
                if (discarded.contains(e.value())) {
                    row.addCell(Cell.tombstone(column.name(), e.path(), cells.timestamp(), cells.nowInSeconds()));
                }
            }
        }
    }

    /** {@code l[index] = value}: replaces the element at the index (null deletes it). */
    record SetListElement(ColumnMetadata column, Term index, Term value) implements Operation {
        @Override
        public boolean requiresRead() {
            return true;
        }

        @Override
        public void apply(Row.Builder row, CellWriter cells, BoundValues values, ListPaths paths, Row current) {
            Cell e = element(index, values, current, column, "set an element on");
            if (value.isUnset(values)) {
                return;
            }
            ByteBuffer v = value.bind(values);
            row.addCell(v == null ? Cell.tombstone(column.name(), e.path(), cells.timestamp(), cells.nowInSeconds())
                    : Cell.expiring(column.name(), e.path(), v, cells.timestamp(), cells.ttl(),
                    cells.nowInSeconds()));
        }
    }

    /** {@code DELETE l[index]}. */
    record DeleteListElement(ColumnMetadata column, Term index) implements Operation {
        @Override
        public boolean requiresRead() {
            return true;
        }

        @Override
        public void apply(Row.Builder row, CellWriter cells, BoundValues values, ListPaths paths, Row current) {
            if (index.isUnset(values)) {
                return;
            }
            Cell e = element(index, values, current, column, "delete an element from");
            row.addCell(Cell.tombstone(column.name(), e.path(), cells.timestamp(), cells.nowInSeconds()));
        }
    }
}
