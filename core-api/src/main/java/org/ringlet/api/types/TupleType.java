package org.ringlet.api.types;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.Collectors;

/** {@code tuple<T1, T2, …>}. Tuples are always frozen. */
public final class TupleType extends CqlType {
    private final List<CqlType> types;

    private TupleType(List<CqlType> types) {
        if (types.isEmpty()) {
            throw new IllegalArgumentException("A tuple needs at least one field");
        }
        this.types = types.stream().map(CqlType::freeze).toList();
    }

    public static TupleType of(List<CqlType> types) {
        return new TupleType(List.copyOf(types));
    }

    public static TupleType of(CqlType... types) {
        return new TupleType(List.of(types));
    }

    public List<CqlType> types() {
        return types;
    }

    public int size() {
        return types.size();
    }

    @Override
    public String cqlName() {
        return "frozen<tuple<" + types.stream().map(CqlType::cqlName).collect(Collectors.joining(", ")) + ">>";
    }

    @Override
    public int compare(ByteBuffer left, ByteBuffer right) {
        return FieldsSupport.compare(types, left, right);
    }

    @Override
    public void validate(ByteBuffer value) {
        FieldsSupport.validate(types, value, "tuple");
    }

    @Override
    public Object compose(ByteBuffer value) {
        return FieldsSupport.compose(types, value, "tuple");
    }

    @Override
    public ByteBuffer decompose(Object value) {
        return FieldsSupport.decompose(types, value, cqlName());
    }

    @Override
    public int protocolTypeId() {
        return 0x0031;
    }

    @Override
    public List<CqlType> subTypes() {
        return types;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TupleType t && t.types.equals(types);
    }

    @Override
    public int hashCode() {
        return types.hashCode() * 31 + 7;
    }
}
