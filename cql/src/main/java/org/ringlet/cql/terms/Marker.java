package org.ringlet.cql.terms;

import java.nio.ByteBuffer;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.query.BoundValues;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.MarshalException;

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
