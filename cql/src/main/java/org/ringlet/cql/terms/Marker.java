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
import org.ringlet.api.types.MapType;
import org.ringlet.api.types.MarshalException;
import org.ringlet.api.types.SetType;

import static java.util.Objects.requireNonNull;

/**
 * A bind marker: the value at its index, validated against its type.
 *
 * @param index the marker's index
 * @param type  the type the value must have
 */
public record Marker(int index, CqlType type) implements Term {
    public Marker {
        requireNonNull(type, "type is null");
    }

    @Override
    public ByteBuffer bind(BoundValues values) {
        if (values.isUnset(index)) {
            return null;
        }
        ByteBuffer v = values.get(index);
        if (v != null) {
            try {
                type.validate(v);
            } catch (MarshalException e) {
                throw new InvalidRequestException(e.getMessage());
            }
            if (!type.isMultiCell()) {
                return normalized(v);
            }
        }
        return v;
    }

    /** A frozen set or map as stored: elements (keys) sorted and distinct, whatever order the client sent. */
    private ByteBuffer normalized(ByteBuffer v) {
        CqlType t = type.unwrap();
        if (t instanceof SetType s) {
            return s.pack(CollectionCodec.unpackCollection(v, 1, "set"));
        }
        if (t instanceof MapType m) {
            List<ByteBuffer> kv = CollectionCodec.unpackCollection(v, 2, "map");
            List<Map.Entry<ByteBuffer, ByteBuffer>> entries = new ArrayList<>(kv.size() / 2);
            for (int i = 0; i < kv.size(); i += 2) {
                entries.add(new AbstractMap.SimpleImmutableEntry<>(kv.get(i), kv.get(i + 1)));
            }
            return m.pack(entries);
        }
        return v;
    }

    @Override
    public boolean isUnset(BoundValues values) {
        return values.isUnset(index);
    }

    @Override
    public boolean isConstant() {
        return false;
    }
}
