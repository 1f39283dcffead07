package org.ringlet.cql.selection;

import java.nio.ByteBuffer;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.query.BoundValues;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.MapType;
import org.ringlet.api.types.SetType;
import org.ringlet.cql.terms.Term;

import static java.util.Objects.requireNonNull;

/**
 * The {@code [x]} or {@code [x..y]} of an element or slice selection of a set or map, prepared: the terms of the key
 * (a map's key, a set's element) or of the bounds. {@link #bind} gives the values of one execution. Immutable.
 */
final class CollectionSubSelection {
    private final String on;
    private final CqlType keyType;
    private final Term element;
    private final Term from;
    private final Term to;
    private final boolean slice;

    private CollectionSubSelection(String on, CqlType collection, Term element, Term from, Term to, boolean slice) {
        this.on = requireNonNull(on, "on is null");
        CqlType t = requireNonNull(collection, "collection is null").unwrap();
        this.keyType = t instanceof MapType m ? m.keyType() : ((SetType) t).elementType();
        this.element = element;
        this.from = from;
        this.to = to;
        this.slice = slice;
    }

    /**
     * {@code [element]}.
     *
     * @param on         what the selection applies to, for error messages ({@code m})
     * @param collection the set or map type
     */
    static CollectionSubSelection element(String on, CqlType collection, Term element) {
        return new CollectionSubSelection(on, collection, requireNonNull(element, "element is null"), null, null,
                false);
    }

    /** {@code [from..to]}, a bound null when the statement omits it. */
    static CollectionSubSelection slice(String on, CqlType collection, Term from, Term to) {
        return new CollectionSubSelection(on, collection, null, from, to, true);
    }

    boolean isSlice() {
        return slice;
    }

    /**
     * The values of one execution.
     *
     * @throws InvalidRequestException for a null key or bound, or an unset key, with Cassandra's messages (an unset
     *                                 bound is an open one, as in Cassandra)
     */
    Bound bind(BoundValues values) {
        if (!slice) {
            if (element.isUnset(values)) {
                throw new InvalidRequestException("Invalid unset value for element selection on " + on);
            }
            ByteBuffer key = element.bind(values);
            if (key == null) {
                throw new InvalidRequestException("Invalid null value for element selection on " + on);
            }
            return new Bound(keyType, key, null, null, false);
        }
        return new Bound(keyType, null, bound(from, values), bound(to, values), true);
    }

    private ByteBuffer bound(Term t, BoundValues values) {
        if (t == null || t.isUnset(values)) {
            return null;
        }
        ByteBuffer v = t.bind(values);
        if (v == null) {
            throw new InvalidRequestException("Invalid null value for slice selection on " + on);
        }
        return v;
    }

    /**
     * A sub-selection's values for one execution.
     *
     * @param keyType the type of a map's keys or a set's elements
     * @param key     the selected key of an element selection, else null
     * @param from    a slice's lower bound (inclusive), or null when open
     * @param to      a slice's upper bound (inclusive), or null when open
     * @param slice   whether this is a slice
     */
    record Bound(CqlType keyType, ByteBuffer key, ByteBuffer from, ByteBuffer to, boolean slice) {
        /** Whether a map key or set element is selected. */
        boolean selects(ByteBuffer k) {
            if (!slice) {
                return keyType.compare(k, key) == 0;
            }
            return (from == null || keyType.compare(k, from) >= 0) && (to == null || keyType.compare(k, to) <= 0);
        }
    }
}
