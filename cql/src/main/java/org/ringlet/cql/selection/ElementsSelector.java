package org.ringlet.cql.selection;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.query.BoundValues;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.types.CollectionCodec;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.MapType;
import org.ringlet.api.types.SetType;
import org.ringlet.cql.terms.Term;

import static java.util.Objects.requireNonNull;

/**
 * An element of a set or map value ({@code m['key']}, {@code s['element']}: the map's value, or the set's element
 * when it holds it; null otherwise) or a slice of one ({@code m['a'..'c']}: the entries between the bounds, both
 * included, either bound optional), named as Cassandra names them.
 */
public final class ElementsSelector extends SelectorFactory {
    private final SelectorFactory collection;
    private final String name;
    private final CqlType elementType;
    private final boolean map;
    private final Term element;
    private final Term from;
    private final Term to;
    private final boolean slice;

    private ElementsSelector(SelectorFactory collection, String name, Term element, Term from, Term to,
                             boolean slice) {
        this.collection = requireNonNull(collection, "collection is null");
        this.name = requireNonNull(name, "name is null");
        CqlType t = collection.type().unwrap();
        this.map = t instanceof MapType;
        this.elementType = t instanceof MapType m ? m.keyType() : ((SetType) t).elementType();
        this.element = element;
        this.from = from;
        this.to = to;
        this.slice = slice;
    }

    /**
     * The type of what an element or a slice selection is applied to, checked as Cassandra does.
     *
     * @param kind {@code Element} or {@code Slice}, for messages
     * @return the type of the element to select (the map's key type, the set's element type)
     * @throws InvalidRequestException when the value is not a set or a map
     */
    public static CqlType elementType(SelectorFactory collection, String selected, String kind) {
        CqlType t = collection.type().unwrap();
        if (!t.isCollection()) {
            throw new InvalidRequestException("Invalid " + kind.toLowerCase(java.util.Locale.ROOT) + " selection: "
                    + selected + " is of type " + collection.type().cqlName() + " is not a collection");
        }
        if (t instanceof MapType m) {
            return m.keyType();
        }
        if (t instanceof SetType s) {
            return s.elementType();
        }
        throw new InvalidRequestException(kind + " selection is only allowed on sets and maps, but " + selected
                + " is a list");
    }

    /** Selects one element: {@code name} is {@code collection[element]}. */
    public static ElementsSelector element(SelectorFactory collection, String name, Term element) {
        return new ElementsSelector(collection, name, requireNonNull(element, "element is null"), null, null, false);
    }

    /** Selects a slice; either bound may be null (open). */
    public static ElementsSelector slice(SelectorFactory collection, String name, Term from, Term to) {
        return new ElementsSelector(collection, name, null, from, to, true);
    }

    @Override
    public String columnName() {
        return name;
    }

    @Override
    public CqlType type() {
        if (slice) {
            return collection.type();
        }
        CqlType t = collection.type().unwrap();
        return t instanceof MapType m ? m.valueType() : elementType;
    }

    @Override
    public boolean isAggregate() {
        return collection.isAggregate();
    }

    @Override
    public void collectColumns(Set<ColumnMetadata> columns) {
        collection.collectColumns(columns);
    }

    @Override
    public Selector newInstance(BoundValues values) {
        Selector input = collection.newInstance(values);
        ByteBuffer key = element == null ? null : element.bind(values);
        ByteBuffer lower = from == null ? null : from.bind(values);
        ByteBuffer upper = to == null ? null : to.bind(values);
        if (!slice && key == null) {
            throw new InvalidRequestException("Invalid null value for " + (map ? "map key" : "set element"));
        }
        return new Selector() {
            @Override
            public void addInput(RowView row) {
                input.addInput(row);
            }

            @Override
            public ByteBuffer output() {
                ByteBuffer v = input.output();
                if (v == null) {
                    return null;
                }
                int perEntry = map ? 2 : 1;
                List<ByteBuffer> entries = CollectionCodec.unpackCollection(v, perEntry,
                        collection.type().cqlName());
                if (!slice) {
                    for (int i = 0; i < entries.size(); i += perEntry) {
                        if (elementType.compare(entries.get(i), key) == 0) {
                            return map ? entries.get(i + 1) : entries.get(i);
                        }
                    }
                    return null;
                }
                List<ByteBuffer> out = new ArrayList<>();
                for (int i = 0; i < entries.size(); i += perEntry) {
                    ByteBuffer k = entries.get(i);
                    if ((lower == null || elementType.compare(k, lower) >= 0)
                            && (upper == null || elementType.compare(k, upper) <= 0)) {
                        out.addAll(entries.subList(i, i + perEntry));
                    }
                }
                return CollectionCodec.packCollection(out, out.size() / perEntry);
            }

            @Override
            public void reset() {
                input.reset();
            }
        };
    }
}
