package org.ringlet.api.types;

import java.nio.ByteBuffer;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The type of a clustering column declared {@code DESC}: the base type with the order reversed. Everything but
 * the order is the base type's; schema tables and the protocol show the base type.
 */
public final class ReversedType extends CqlType {
    private final CqlType base;

    private ReversedType(CqlType base) {
        this.base = requireNonNull(base, "base is null");
    }

    /** The reversed form of {@code base} ({@code base} itself reversed back if it already is reversed). */
    public static CqlType of(CqlType base) {
        return base instanceof ReversedType r ? r.base : new ReversedType(base);
    }

    @Override
    public String cqlName() {
        return base.cqlName();
    }

    @Override
    public int compare(ByteBuffer left, ByteBuffer right) {
        return base.compare(right, left);
    }

    @Override
    public void validate(ByteBuffer value) {
        base.validate(value);
    }

    @Override
    public Object compose(ByteBuffer value) {
        return base.compose(value);
    }

    @Override
    public ByteBuffer decompose(Object value) {
        return base.decompose(value);
    }

    @Override
    public int protocolTypeId() {
        return base.protocolTypeId();
    }

    @Override
    public boolean isReversed() {
        return true;
    }

    @Override
    public CqlType unwrap() {
        return base;
    }

    @Override
    public int fixedLength() {
        return base.fixedLength();
    }

    @Override
    public List<CqlType> subTypes() {
        return base.subTypes();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReversedType r && r.base.equals(base);
    }

    @Override
    public int hashCode() {
        return ~base.hashCode();
    }
}
