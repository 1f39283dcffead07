package org.ringlet.cql.terms;

import java.nio.ByteBuffer;

import org.ringlet.api.query.BoundValues;
import org.ringlet.api.types.CqlType;

/**
 * A prepared value expression. Immutable and thread-safe: the bound values are passed to {@link #bind}.
 */
public interface Term {

    /**
     * The value of this term for the request's bound values.
     *
     * @return the serialized value, or null for null (and for an unset value: check {@link #isUnset} first)
     * @throws org.ringlet.api.error.InvalidRequestException when a bound value is not a value of its type
     */
    ByteBuffer bind(BoundValues values);

    /** The type of the values. */
    CqlType type();

    /** Whether the value does not depend on bound values or on when the statement runs. */
    boolean isConstant();

    /**
     * Whether the request leaves this term's value unset (protocol v4+: a bound value that leaves the column
     * alone). Only bind markers can be unset.
     */
    default boolean isUnset(BoundValues values) {
        return false;
    }
}
