package org.ringlet.cql.terms;

import java.nio.ByteBuffer;

import org.ringlet.api.query.BoundValues;
import org.ringlet.api.types.CqlType;

import static java.util.Objects.requireNonNull;

/**
 * A value known when the statement is prepared.
 *
 * @param value the serialized value, or null for null
 * @param type  its type
 */
public record Constant(ByteBuffer value, CqlType type) implements Term {
    public Constant {
        value = value == null ? null : value.asReadOnlyBuffer();
        requireNonNull(type, "type is null");
    }

    @Override
    public ByteBuffer bind(BoundValues values) {
        return value == null ? null : value.duplicate();
    }

    @Override
    public boolean isConstant() {
        return true;
    }
}
