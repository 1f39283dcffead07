package org.ringlet.api.types;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import static java.util.Objects.requireNonNull;

/**
 * {@code vector<T, n>} (Cassandra 5.0): a fixed number of non-null elements, always frozen. Elements of a
 * fixed-length type are concatenated; others are each preceded by an unsigned vint length. The native protocol
 * carries it as a custom type.
 */
public final class VectorType extends CqlType {
    private final CqlType elementType;
    private final int dimension;

    private VectorType(CqlType elementType, int dimension) {
        this.elementType = requireNonNull(elementType, "elementType is null").freeze();
        if (dimension <= 0) {
            throw new IllegalArgumentException("vectors may only have positive dimensions; given " + dimension);
        }
        this.dimension = dimension;
    }

    public static VectorType of(CqlType elementType, int dimension) {
        return new VectorType(elementType, dimension);
    }

    public CqlType elementType() {
        return elementType;
    }

    public int dimension() {
        return dimension;
    }

    @Override
    public String cqlName() {
        return "vector<" + elementType.cqlName() + ", " + dimension + ">";
    }

    /** The custom class string the native protocol uses for this type. */
    public String customClassName() {
        return "org.apache.cassandra.db.marshal.VectorType(" + marshalName(elementType) + "," + dimension + ")";
    }

    private static String marshalName(CqlType t) {
        if (t instanceof NativeType n) {
            String simple = switch (n.kind()) {
                case ASCII -> "AsciiType";
                case BIGINT -> "LongType";
                case BLOB -> "BytesType";
                case BOOLEAN -> "BooleanType";
                case COUNTER -> "CounterColumnType";
                case DECIMAL -> "DecimalType";
                case DOUBLE -> "DoubleType";
                case FLOAT -> "FloatType";
                case INT -> "Int32Type";
                case TIMESTAMP -> "TimestampType";
                case UUID -> "UUIDType";
                case TEXT -> "UTF8Type";
                case VARINT -> "IntegerType";
                case TIMEUUID -> "TimeUUIDType";
                case INET -> "InetAddressType";
                case DATE -> "SimpleDateType";
                case TIME -> "TimeType";
                case SMALLINT -> "ShortType";
                case TINYINT -> "ByteType";
                case DURATION -> "DurationType";
            };
            return "org.apache.cassandra.db.marshal." + simple;
        }
        return t.cqlName();
    }

    /**
     * The element size when the element type has a fixed length in Cassandra's sense (its marshal type's
     * {@code valueLengthIfFixed}), which decides the vector layout; -1 otherwise. Cassandra does not count
     * smallint, tinyint, date, time and counter as fixed-length, so their elements carry a length.
     */
    private static int elementFixedLength(CqlType t) {
        if (t instanceof NativeType n) {
            return switch (n.kind()) {
                case BOOLEAN -> 1;
                case INT, FLOAT -> 4;
                case BIGINT, DOUBLE, TIMESTAMP -> 8;
                case UUID, TIMEUUID -> 16;
                default -> -1;
            };
        }
        return t instanceof VectorType v ? v.fixedLength() : -1;
    }

    List<ByteBuffer> split(ByteBuffer value) {
        ByteBuffer in = value.duplicate();
        List<ByteBuffer> out = new ArrayList<>(dimension);
        int fixed = elementFixedLength(elementType);
        try {
            for (int i = 0; i < dimension; i++) {
                int len = fixed > 0 ? fixed : (int) VInts.readUnsigned(in);
                if (len < 0 || len > in.remaining()) {
                    throw new MarshalException("Not enough bytes to read a " + cqlName());
                }
                out.add(in.slice(in.position(), len));
                in.position(in.position() + len);
            }
        } catch (java.nio.BufferUnderflowException e) {
            throw new MarshalException("Not enough bytes to read a " + cqlName());
        }
        if (in.hasRemaining()) {
            throw new MarshalException("Unexpected " + in.remaining() + " extraneous bytes after " + cqlName()
                    + " value");
        }
        return out;
    }

    @Override
    public int compare(ByteBuffer left, ByteBuffer right) {
        if (!left.hasRemaining() || !right.hasRemaining()) {
            return Boolean.compare(left.hasRemaining(), right.hasRemaining());
        }
        List<ByteBuffer> l = split(left);
        List<ByteBuffer> r = split(right);
        for (int i = 0; i < dimension; i++) {
            int c = elementType.compare(l.get(i), r.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Override
    public void validate(ByteBuffer value) {
        if (!value.hasRemaining()) {
            throw new MarshalException("Invalid empty vector value");
        }
        for (ByteBuffer e : split(value)) {
            elementType.validate(e);
        }
    }

    @Override
    public Object compose(ByteBuffer value) {
        if (!value.hasRemaining()) {
            return null;
        }
        List<Object> out = new ArrayList<>(dimension);
        for (ByteBuffer e : split(value)) {
            out.add(elementType.compose(e));
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public ByteBuffer decompose(Object value) {
        if (!(value instanceof List<?> list) || list.size() != dimension) {
            throw new MarshalException("Expected a List of " + dimension + " elements for " + cqlName());
        }
        List<ByteBuffer> parts = new ArrayList<>(dimension);
        int size = 0;
        int fixed = elementFixedLength(elementType);
        for (Object o : list) {
            if (o == null) {
                throw new MarshalException("null is not supported inside vectors");
            }
            ByteBuffer b = elementType.decompose(o);
            parts.add(b);
            size += b.remaining() + (fixed > 0 ? 0 : VInts.sizeOfUnsigned(b.remaining()));
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        for (ByteBuffer b : parts) {
            if (fixed <= 0) {
                VInts.writeUnsigned(b.remaining(), out);
            }
            out.put(b.duplicate());
        }
        return out.flip();
    }

    @Override
    public int protocolTypeId() {
        return 0x0000;
    }

    @Override
    public int fixedLength() {
        int fixed = elementFixedLength(elementType);
        return fixed > 0 ? fixed * dimension : -1;
    }

    @Override
    public List<CqlType> subTypes() {
        return List.of(elementType);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VectorType t && t.dimension == dimension && t.elementType.equals(elementType);
    }

    @Override
    public int hashCode() {
        return Objects.hash("vector", elementType, dimension);
    }
}
