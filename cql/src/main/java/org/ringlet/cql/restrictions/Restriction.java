package org.ringlet.cql.restrictions;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.query.BoundValues;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.types.CollectionCodec;
import org.ringlet.api.types.CqlType;
import org.ringlet.cql.terms.Term;

import static java.util.Objects.requireNonNull;

/**
 * A restriction on one column or, for a multi-column relation such as {@code (c1, c2) > (1, 2)}, on consecutive
 * clustering columns: equality, IN, a slice (one or two bounds, which may cover different numbers of columns), or
 * CONTAINS / CONTAINS KEY / map entry conditions on a collection.
 */
public sealed interface Restriction permits Restriction.Eq, Restriction.In, Restriction.Slice,
        Restriction.Contains {

    /** The restricted columns, in clustering order. */
    List<ColumnMetadata> columns();

    /** Whether the restriction was written as a multi-column relation. */
    boolean isMultiColumn();

    /** The first restricted column. */
    default ColumnMetadata column() {
        return columns().get(0);
    }

    /** The last restricted column. */
    default ColumnMetadata lastColumn() {
        return columns().get(columns().size() - 1);
    }

    /**
     * The values of one or more columns: a term per column, or (for {@code (a, b) = ?}) one term binding a tuple.
     *
     * @param columns  the columns the values are for
     * @param elements a term per column, or null
     * @param tuple    a term binding the whole tuple, or null
     * @param multi    whether the values come from a multi-column relation (which words null errors differently)
     */
    record Values(List<ColumnMetadata> columns, List<Term> elements, Term tuple, boolean multi) {
        public Values {
            columns = List.copyOf(columns);
            elements = elements == null ? null : List.copyOf(elements);
            if ((elements == null) == (tuple == null)) {
                throw new IllegalArgumentException("either elements or a tuple");
            }
        }

        static Values of(ColumnMetadata column, Term value) {
            return new Values(List.of(column), List.of(value), null, false);
        }

        int size() {
            return columns.size();
        }

        /** The bound values, one per column; none may be null or unset. */
        List<ByteBuffer> bind(BoundValues values) {
            if (elements != null) {
                if (!multi) {
                    return List.of(Restrictions.bindNonNull(elements.get(0), values, columns.get(0)));
                }
                List<ByteBuffer> out = new ArrayList<>(elements.size());
                for (int i = 0; i < elements.size(); i++) {
                    out.add(bindElement(elements.get(i), values, columns.get(i)));
                }
                return out;
            }
            if (tuple.isUnset(values)) {
                throw new InvalidRequestException("Invalid unset value for tuple " + names(columns));
            }
            ByteBuffer v = tuple.bind(values);
            if (v == null) {
                throw new InvalidRequestException("Invalid null value for tuple " + names(columns));
            }
            return splitTuple(v, columns);
        }

        private static ByteBuffer bindElement(Term t, BoundValues values, ColumnMetadata column) {
            if (t.isUnset(values)) {
                throw new InvalidRequestException("Invalid unset value for column " + column.name());
            }
            ByteBuffer v = t.bind(values);
            if (v == null) {
                throw new InvalidRequestException("Invalid null value for column " + column.name());
            }
            return v;
        }
    }

    /** The components of a serialized tuple value, none null. */
    static List<ByteBuffer> splitTuple(ByteBuffer tuple, List<ColumnMetadata> columns) {
        List<ByteBuffer> parts = CollectionCodec.unpackFields(tuple, columns.size(), "tuple");
        List<ByteBuffer> out = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            ByteBuffer p = i < parts.size() ? parts.get(i) : null;
            if (p == null) {
                throw new InvalidRequestException("Invalid null value for column " + columns.get(i).name());
            }
            out.add(p);
        }
        return out;
    }

    /** Column names as Cassandra lists them in messages about multi-column relations: {@code (a, b)}. */
    static String names(List<ColumnMetadata> columns) {
        List<String> n = new ArrayList<>(columns.size());
        columns.forEach(c -> n.add(c.name()));
        return "(" + String.join(", ", n) + ")";
    }

    /** {@code column = value} or {@code (c1, c2) = (v1, v2)}. */
    record Eq(List<ColumnMetadata> columns, Values value, boolean isMultiColumn) implements Restriction {
        public Eq {
            columns = List.copyOf(columns);
            requireNonNull(value, "value is null");
        }

        /** A single-column equality. */
        public Eq(ColumnMetadata column, Term value) {
            this(List.of(column), Values.of(column, value), false);
        }
    }

    /**
     * {@code column IN (v1, v2)}, {@code column IN ?}, {@code (c1, c2) IN ((1, 2), (3, 4))} or
     * {@code (c1, c2) IN ?}.
     *
     * @param values     the listed values, or null
     * @param listMarker a marker binding the whole list, or null
     */
    record In(List<ColumnMetadata> columns, List<Values> values, Term listMarker, boolean isMultiColumn)
            implements Restriction {
        public In {
            columns = List.copyOf(columns);
            values = values == null ? null : List.copyOf(values);
        }

        /** A single-column IN. */
        public In(ColumnMetadata column, List<Term> terms, Term listMarker) {
            this(List.of(column), terms == null ? null : terms.stream().map(t -> Values.of(column, t)).toList(),
                    listMarker, false);
        }

        /** The distinct values of a single-column IN, sorted by the column's type. */
        public List<ByteBuffer> bind(BoundValues bound) {
            List<ByteBuffer> out = new ArrayList<>();
            for (List<ByteBuffer> tuple : bindTuples(bound, column().type()::compare)) {
                out.add(tuple.get(0));
            }
            return out;
        }

        /**
         * The distinct tuples, sorted by the given order of their first elements then the rest (each element by
         * its column's type).
         */
        List<List<ByteBuffer>> bindTuples(BoundValues bound, Comparator<ByteBuffer> firstOrder) {
            List<List<ByteBuffer>> raw = new ArrayList<>();
            if (listMarker != null) {
                if (listMarker.isUnset(bound)) {
                    throw new InvalidRequestException("Invalid unset value for column " + column().name());
                }
                ByteBuffer list = listMarker.bind(bound);
                if (list == null) {
                    throw new InvalidRequestException("Invalid null value for column " + column().name());
                }
                for (ByteBuffer element : CollectionCodec.unpackCollection(list, 1, "list")) {
                    if (columns.size() == 1) {
                        if (element == null) {
                            throw new InvalidRequestException("Invalid null value for column " + column().name());
                        }
                        raw.add(List.of(element));
                    } else {
                        raw.add(splitTuple(element, columns));
                    }
                }
            } else {
                for (Values v : values) {
                    raw.add(v.bind(bound));
                }
            }
            Comparator<List<ByteBuffer>> order = (a, b) -> {
                int c = firstOrder.compare(a.get(0), b.get(0));
                for (int i = 1; c == 0 && i < a.size(); i++) {
                    c = columns.get(i).comparisonType().compare(a.get(i), b.get(i));
                }
                return c;
            };
            raw.sort(order);
            List<List<ByteBuffer>> out = new ArrayList<>(raw.size());
            for (List<ByteBuffer> v : raw) {
                if (out.isEmpty() || order.compare(out.get(out.size() - 1), v) != 0) {
                    out.add(v);
                }
            }
            return out;
        }
    }

    /** One bound of a slice: the values (of the first {@code values.size()} columns) and whether it is included. */
    record Bound(Values values, boolean inclusive) {
    }

    /**
     * {@code column > a AND column <= b}, or the multi-column form {@code (c1, c2) > (1, 2)}: either bound may be
     * absent (null).
     */
    record Slice(List<ColumnMetadata> columns, Bound lower, Bound upper, boolean isMultiColumn)
            implements Restriction {
        public Slice {
            columns = List.copyOf(columns);
        }

        /** A single-column slice. */
        public Slice(ColumnMetadata column, Term lower, boolean lowerInclusive, Term upper, boolean upperInclusive) {
            this(List.of(column), lower == null ? null : new Bound(Values.of(column, lower), lowerInclusive),
                    upper == null ? null : new Bound(Values.of(column, upper), upperInclusive), false);
        }

        /** The lower bound of a single-column slice, or null. */
        public Term lowerTerm() {
            return lower == null ? null : lower.values().elements().get(0);
        }

        /** The upper bound of a single-column slice, or null. */
        public Term upperTerm() {
            return upper == null ? null : upper.values().elements().get(0);
        }
    }

    /**
     * CONTAINS, CONTAINS KEY and {@code m[key] = value} conditions on a collection column (several may apply to one
     * column).
     *
     * @param values  the values the collection must contain
     * @param keys    the keys the map must contain
     * @param entries the map entries (key then value) the map must hold
     */
    record Contains(ColumnMetadata column, List<Term> values, List<Term> keys, List<Term[]> entries)
            implements Restriction {
        public Contains {
            values = List.copyOf(values);
            keys = List.copyOf(keys);
            entries = List.copyOf(entries);
        }

        @Override
        public List<ColumnMetadata> columns() {
            return List.of(column);
        }

        @Override
        public boolean isMultiColumn() {
            return false;
        }

        Contains merge(Contains other) {
            List<Term> v = new ArrayList<>(values);
            v.addAll(other.values);
            List<Term> k = new ArrayList<>(keys);
            k.addAll(other.keys);
            List<Term[]> e = new ArrayList<>(entries);
            e.addAll(other.entries);
            return new Contains(column, v, k, e);
        }
    }

    /** The type values of a column compare by in conditions: its declared type, in natural order. */
    static CqlType naturalType(ColumnMetadata c) {
        return c.type().unwrap();
    }
}
