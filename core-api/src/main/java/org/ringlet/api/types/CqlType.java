package org.ringlet.api.types;

import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.List;

/**
 * A CQL type. Knows its name as CQL writes it, how its values are serialized, validated and ordered, and how they
 * map to Java values.
 *
 * <p>Java values: ascii/text {@code String}; bigint, counter, time (nanoseconds of the day) {@code Long};
 * timestamp {@link java.time.Instant}; int {@code Integer}; smallint {@code Short}; tinyint {@code Byte}; date
 * {@link java.time.LocalDate}; boolean {@code Boolean}; float {@code Float}; double {@code Double}; decimal
 * {@link java.math.BigDecimal}; varint {@link java.math.BigInteger}; uuid/timeuuid {@link java.util.UUID}; inet
 * {@link java.net.InetAddress}; blob {@link ByteBuffer}; duration {@link CqlDuration}; list {@link List}; set
 * {@link java.util.Set} (sorted by the element type); map {@link java.util.Map} (sorted by the key type); tuple and
 * UDT {@link List} of field values (null for a null field); vector {@link List}.
 *
 * <p>An empty buffer is a legal value of most types (Cassandra's "empty value") and sorts first.
 */
public abstract sealed class CqlType implements Comparator<ByteBuffer>
        permits NativeType, ListType, SetType, MapType, TupleType, UserType, VectorType, ReversedType {

    /** The type as CQL writes it, e.g. {@code int}, {@code frozen<list<text>>}, {@code "MyType"}. */
    public abstract String cqlName();

    /**
     * Orders two serialized values the way Cassandra does (for clustering columns, cell paths and frozen
     * values).
     */
    @Override
    public abstract int compare(ByteBuffer left, ByteBuffer right);

    /**
     * Checks a serialized value.
     *
     * @throws MarshalException with a message naming the problem when the bytes are not a valid value
     */
    public abstract void validate(ByteBuffer value);

    /** The Java value of a serialized value (see the class comment). Returns null for an empty buffer of a type whose empty value is meaningless. */
    public abstract Object compose(ByteBuffer value);

    /**
     * Serializes a Java value.
     *
     * @throws MarshalException when the value is not of the mapped Java type
     */
    public abstract ByteBuffer decompose(Object value);

    /** The native protocol's option id for this type (0x0000 custom … 0x0031 tuple). */
    public abstract int protocolTypeId();

    /**
     * Whether values of this type are stored as one cell per element (non-frozen collections and UDTs). Such a
     * type cannot be part of a primary key.
     */
    public boolean isMultiCell() {
        return false;
    }

    /** This type, frozen (a no-op for types that are never multi-cell). */
    public CqlType freeze() {
        return this;
    }

    /** Whether this is a list, set or map (frozen or not). */
    public boolean isCollection() {
        return false;
    }

    /** Whether this is the counter type. */
    public boolean isCounter() {
        return false;
    }

    /** Whether this is a {@link ReversedType} (a DESC clustering column). */
    public boolean isReversed() {
        return false;
    }

    /** This type without a {@link ReversedType} wrapper. */
    public CqlType unwrap() {
        return this;
    }

    /** The serialized size of every value if it is fixed (e.g. 4 for int), or -1. */
    public int fixedLength() {
        return -1;
    }

    /**
     * For multi-cell types, the type of a cell path: a list's timeuuid, a set's element, a map's key, a UDT's
     * field index (smallint).
     *
     * @throws IllegalStateException when this type is not multi-cell
     */
    public CqlType cellPathType() {
        throw new IllegalStateException(cqlName() + " is not a multi-cell type");
    }

    /** Whether values of {@code other} can be read as values of this type (used by ALTER). */
    public boolean isValueCompatibleWith(CqlType other) {
        return equals(other);
    }

    /** The type's sub-types (elements, key and value, fields), empty for native types. */
    public List<CqlType> subTypes() {
        return List.of();
    }

    @Override
    public String toString() {
        return cqlName();
    }
}
