package org.ringlet.cql.selection;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.ringlet.api.query.BoundValues;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.types.CollectionCodec;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.MapType;
import org.ringlet.api.types.SetType;

import static java.util.Objects.requireNonNull;

/**
 * {@code m[key]} and {@code s[element]} (the map's value for the key, the set's element if present, else null), and
 * the slices {@code m[from..to]} and {@code s[from..to]} (the entries or elements within the inclusive bounds, either
 * of which may be omitted), as Cassandra 5.0 selects them. A slice that keeps nothing is null on a non-frozen
 * collection (it has no cells) and an empty collection on a frozen one.
 */
public final class ElementSelector extends SelectorFactory {
    private final SelectorFactory collection;
    private final String name;
    private final CollectionSubSelection selection;

    private ElementSelector(SelectorFactory collection, String name, CollectionSubSelection selection) {
        this.collection = requireNonNull(collection, "collection is null");
        this.name = requireNonNull(name, "name is null");
        this.selection = requireNonNull(selection, "selection is null");
    }

    /**
     * Selects from what {@code collection} selects (a set or map, checked by the caller).
     *
     * @param name the result column's name, as Cassandra writes it ({@code m['k']}, {@code s[1..3]})
     */
    static ElementSelector of(SelectorFactory collection, String name, CollectionSubSelection selection) {
        return new ElementSelector(collection, name, selection);
    }

    private boolean isMap() {
        return collection.type().unwrap() instanceof MapType;
    }

    @Override
    public String columnName() {
        return name;
    }

    @Override
    public CqlType type() {
        CqlType t = collection.type().unwrap();
        if (selection.isSlice()) {
            return t;
        }
        return t instanceof MapType m ? m.valueType() : ((SetType) t).elementType();
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
        CollectionSubSelection.Bound bound = selection.bind(values);
        boolean map = isMap();
        boolean frozen = !collection.type().unwrap().isMultiCell();
        return new Selector() {
            @Override
            public void addInput(RowView row) {
                input.addInput(row);
            }

            @Override
            public ByteBuffer output() {
                ByteBuffer v = input.output();
                return v == null ? null : extract(v, bound, map, frozen);
            }

            @Override
            public void reset() {
                input.reset();
            }
        };
    }

    private static ByteBuffer extract(ByteBuffer collection, CollectionSubSelection.Bound bound, boolean map,
                                      boolean frozen) {
        if (bound.slice() && bound.from() == null && bound.to() == null) {
            return collection;
        }
        int perEntry = map ? 2 : 1;
        List<ByteBuffer> flat = CollectionCodec.unpackCollection(collection, perEntry, map ? "map" : "set");
        if (!bound.slice()) {
            for (int i = 0; i < flat.size(); i += perEntry) {
                if (bound.selects(flat.get(i))) {
                    return flat.get(i + perEntry - 1);
                }
            }
            return null;
        }
        List<ByteBuffer> kept = new ArrayList<>();
        for (int i = 0; i < flat.size(); i += perEntry) {
            if (bound.selects(flat.get(i))) {
                kept.addAll(flat.subList(i, i + perEntry));
            }
        }
        if (kept.isEmpty() && !frozen) {
            return null;
        }
        return CollectionCodec.packCollection(kept, kept.size() / perEntry);
    }
}
