package org.ringlet.cql.terms;

import java.nio.ByteBuffer;

import org.ringlet.api.query.BoundValues;
import org.ringlet.api.types.CqlType;

/**
 * A prepared value expression. Immutable and thread-safe: the bound values are passed to {@link #bind}.
 */
public interface Term {

    /**
     * The value that stands for "unset" (protocol v4+): a bound value that leaves the column alone. Compare with
     * {@code ==}; it is never a real value.
     */
    ByteBuffer UNSET = ByteBuffer.allocate(0).asReadOnlyBuffer();

    /**
     * The value of this term for the request's bound values.
     *
     * @return the serialized value, null for null, or {@link #UNSET}
     * @throws org.ringlet.api.error.InvalidRequestException when a bound value is not a value of its type
     */
    ByteBuffer bind(BoundValues values);

    /** The type of the values. */
    CqlType type();

    /** Whether the value does not depend on bound values or on when the statement runs. */
    boolean isConstant();

    /** Whether the value is {@link #UNSET}. */
    static boolean isUnset(ByteBuffer value) {
        return value == UNSET;
    }
}
