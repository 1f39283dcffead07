package org.ringlet.cql.terms;

import java.nio.ByteBuffer;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.query.BoundValues;
import org.ringlet.api.types.CollectionCodec;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.ListType;
import org.ringlet.api.types.MapType;
import org.ringlet.api.types.SetType;
import org.ringlet.api.types.VectorType;

import static java.util.Objects.requireNonNull;

/**
 * A collection, tuple, user type or vector literal whose elements are terms; the value is packed when bound.
 * For maps, {@code elements} alternate keys and values.
 *
 * @param type     the literal's type
 * @param elements the element terms (keys and values alternating for a map; fields in order for tuples and UDTs)
 */
public record CollectionTerm(CqlType type, List<Term> elements) implements Term {
    public CollectionTerm {
        requireNonNull(type, "type is null");
        elements = List.copyOf(elements);
    }

    @Override
    public ByteBuffer bind(BoundValues values) {
        List<ByteBuffer> bound = new ArrayList<>(elements.size());
        boolean fields = !type.isCollection() && !(type instanceof VectorType);
        for (Term t : elements) {
            if (t.isUnset(values) && !fields) {
                throw new InvalidRequestException("Invalid unset value in collection");
            }
            ByteBuffer v = t.bind(values);
            if (v == null && !fields) {
                throw new InvalidRequestException("null is not supported inside collections");
            }
            bound.add(v);
        }
        return pack(type, bound);
    }

    /** Packs bound element values as a value of {@code type}. */
    static ByteBuffer pack(CqlType type, List<ByteBuffer> bound) {
        CqlType t = type.unwrap();
        if (t instanceof SetType s) {
            return s.pack(bound);
        }
        if (t instanceof MapType m) {
            List<Map.Entry<ByteBuffer, ByteBuffer>> entries = new ArrayList<>();
            for (int i = 0; i + 1 < bound.size(); i += 2) {
                entries.add(new AbstractMap.SimpleImmutableEntry<>(bound.get(i), bound.get(i + 1)));
            }
            return m.pack(entries);
        }
        if (t instanceof ListType) {
            return CollectionCodec.packCollection(bound, bound.size());
        }
        if (t instanceof VectorType v) {
            return v.decompose(composeAll(v.elementType(), bound));
        }
        return CollectionCodec.packFields(bound);
    }

    private static List<Object> composeAll(CqlType elementType, List<ByteBuffer> bound) {
        List<Object> out = new ArrayList<>(bound.size());
        for (ByteBuffer b : bound) {
            out.add(elementType.compose(b));
        }
        return out;
    }

    @Override
    public boolean isConstant() {
        return elements.stream().allMatch(Term::isConstant);
    }
}
