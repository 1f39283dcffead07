package org.ringlet.cql.restrictions;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.query.BoundValues;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.MapType;
import org.ringlet.api.types.SetType;
import org.ringlet.cql.data.CellReader;
import org.ringlet.cql.selection.RowView;
import org.ringlet.cql.terms.Term;

/**
 * The conditions rows must meet that the read itself cannot apply (ALLOW FILTERING), with their values bound.
 * Immutable.
 */
public final class RowFilter {
    /** Keeps every row. */
    public static final RowFilter NONE = new RowFilter(List.of());

    /** One bound condition on a row. */
    interface Condition {
        boolean test(RowView row);
    }

    private final List<Condition> conditions;

    RowFilter(List<Condition> conditions) {
        this.conditions = List.copyOf(conditions);
    }

    public boolean isEmpty() {
        return conditions.isEmpty();
    }

    /** Whether a row meets every condition. */
    public boolean test(RowView row) {
        for (Condition c : conditions) {
            if (!c.test(row)) {
                return false;
            }
        }
        return true;
    }

    /** The values of the restricted columns in a row, or null when one of them is null. */
    private static List<ByteBuffer> rowValues(RowView row, List<ColumnMetadata> columns) {
        List<ByteBuffer> out = new ArrayList<>(columns.size());
        for (ColumnMetadata c : columns) {
            ByteBuffer v = row.value(c);
            if (v == null) {
                return null;
            }
            out.add(v);
        }
        return out;
    }

    /** Compares a row's values with a tuple in natural (not clustering) order, over the tuple's length. */
    private static int compare(List<ColumnMetadata> columns, List<ByteBuffer> row, List<ByteBuffer> tuple) {
        for (int i = 0; i < tuple.size(); i++) {
            int c = Restriction.naturalType(columns.get(i)).compare(row.get(i), tuple.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** The bound condition of a restriction. */
    static Condition condition(Restriction r, BoundValues values) {
        List<ColumnMetadata> columns = r.columns();
        if (r instanceof Restriction.Eq eq) {
            List<ByteBuffer> v = eq.value().bind(values);
            return row -> {
                List<ByteBuffer> got = rowValues(row, columns);
                return got != null && compare(columns, got, v) == 0;
            };
        }
        if (r instanceof Restriction.In in) {
            List<List<ByteBuffer>> candidates = in.bindTuples(values, r.column().type().unwrap());
            return row -> {
                List<ByteBuffer> got = rowValues(row, columns);
                if (got == null) {
                    return false;
                }
                for (List<ByteBuffer> c : candidates) {
                    if (compare(columns, got, c) == 0) {
                        return true;
                    }
                }
                return false;
            };
        }
        if (r instanceof Restriction.Slice s) {
            List<ByteBuffer> lo = s.lower() == null ? null : s.lower().values().bind(values);
            List<ByteBuffer> hi = s.upper() == null ? null : s.upper().values().bind(values);
            boolean loIncl = s.lower() != null && s.lower().inclusive();
            boolean hiIncl = s.upper() != null && s.upper().inclusive();
            return row -> {
                List<ByteBuffer> got = rowValues(row, columns);
                if (got == null) {
                    return false;
                }
                if (lo != null) {
                    int c = compare(columns, got, lo);
                    if (c < 0 || (c == 0 && !loIncl)) {
                        return false;
                    }
                }
                if (hi != null) {
                    int c = compare(columns, got, hi);
                    return c < 0 || (c == 0 && hiIncl);
                }
                return true;
            };
        }
        return contains((Restriction.Contains) r, values);
    }

    private static ByteBuffer bindContained(Term t, BoundValues values, ColumnMetadata column) {
        if (t.isUnset(values)) {
            throw new InvalidRequestException("Invalid unset value for column " + column.name());
        }
        ByteBuffer v = t.bind(values);
        if (v == null) {
            throw new InvalidRequestException("Unsupported null value for column " + column.name());
        }
        return v;
    }

    private static Condition contains(Restriction.Contains r, BoundValues values) {
        ColumnMetadata column = r.column();
        CqlType type = column.type().unwrap();
        List<ByteBuffer> wantedValues = new ArrayList<>();
        r.values().forEach(t -> wantedValues.add(bindContained(t, values, column)));
        List<ByteBuffer> wantedKeys = new ArrayList<>();
        r.keys().forEach(t -> wantedKeys.add(bindContained(t, values, column)));
        List<ByteBuffer[]> wantedEntries = new ArrayList<>();
        for (Term[] e : r.entries()) {
            wantedEntries.add(new ByteBuffer[] {bindContained(e[0], values, column),
                bindContained(e[1], values, column)});
        }
        return row -> {
            ByteBuffer value = row.value(column);
            if (value == null) {
                return false;
            }
            if (type instanceof MapType mt) {
                List<Map.Entry<ByteBuffer, ByteBuffer>> entries = CellReader.entries(value);
                for (ByteBuffer k : wantedKeys) {
                    if (entries.stream().noneMatch(e -> mt.keyType().compare(e.getKey(), k) == 0)) {
                        return false;
                    }
                }
                for (ByteBuffer v : wantedValues) {
                    if (entries.stream().noneMatch(e -> mt.valueType().compare(e.getValue(), v) == 0)) {
                        return false;
                    }
                }
                for (ByteBuffer[] w : wantedEntries) {
                    if (entries.stream().noneMatch(e -> mt.keyType().compare(e.getKey(), w[0]) == 0
                            && mt.valueType().compare(e.getValue(), w[1]) == 0)) {
                        return false;
                    }
                }
                return true;
            }
            CqlType element = type.subTypes().get(0);
            List<ByteBuffer> elements = CellReader.elements(value, type instanceof SetType ? "set" : "list");
            for (ByteBuffer v : wantedValues) {
                if (elements.stream().noneMatch(e -> element.compare(e, v) == 0)) {
                    return false;
                }
            }
            return true;
        };
    }
}
