package org.ringlet.api.types;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/** {@code set<T>}, frozen or not. Non-frozen sets store one cell per element, the element being the cell path. */
public final class SetType extends CqlType {
    private final CqlType elementType;
    private final boolean multiCell;

    private SetType(CqlType elementType, boolean multiCell) {
        this.elementType = requireNonNull(elementType, "elementType is null").freeze();
        this.multiCell = multiCell;
    }

    public static SetType of(CqlType elementType) {
        return new SetType(elementType, true);
    }

    public static SetType frozen(CqlType elementType) {
        return new SetType(elementType, false);
    }

    public CqlType elementType() {
        return elementType;
    }

    @Override
    public String cqlName() {
        String inner = "set<" + elementType.cqlName() + ">";
        return multiCell ? inner : "frozen<" + inner + ">";
    }

    @Override
    public int compare(ByteBuffer left, ByteBuffer right) {
        return CollectionCodec.compareElements(elementType, left, right, 1, null);
    }

    @Override
    public void validate(ByteBuffer value) {
        for (ByteBuffer e : CollectionCodec.unpackCollection(value, 1, "set")) {
            elementType.validate(e);
        }
    }

    @Override
    public Object compose(ByteBuffer value) {
        if (!value.hasRemaining()) {
            return null;
        }
        Set<Object> out = new LinkedHashSet<>();
        for (ByteBuffer e : CollectionCodec.unpackCollection(value, 1, "set")) {
            out.add(elementType.compose(e));
        }
        return Collections.unmodifiableSet(out);
    }

    /** Serializes a collection of elements as a set: sorted by the element type and without duplicates. */
    @Override
    public ByteBuffer decompose(Object value) {
        if (!(value instanceof Collection<?> set)) {
            throw new MarshalException("Expected a Set for " + cqlName());
        }
        List<ByteBuffer> elements = new ArrayList<>(set.size());
        for (Object o : set) {
            if (o == null) {
                throw new MarshalException("null is not supported inside collections");
            }
            elements.add(elementType.decompose(o));
        }
        return pack(elements);
    }

    /** Serializes already-serialized elements as a set: sorted, duplicates removed. */
    public ByteBuffer pack(List<ByteBuffer> elements) {
        List<ByteBuffer> sorted = new ArrayList<>(elements);
        sorted.sort(elementType);
        List<ByteBuffer> distinct = new ArrayList<>(sorted.size());
        for (ByteBuffer e : sorted) {
            if (distinct.isEmpty() || elementType.compare(distinct.get(distinct.size() - 1), e) != 0) {
                distinct.add(e);
            }
        }
        return CollectionCodec.packCollection(distinct, distinct.size());
    }

    @Override
    public int protocolTypeId() {
        return 0x0022;
    }

    @Override
    public boolean isMultiCell() {
        return multiCell;
    }

    @Override
    public CqlType freeze() {
        return multiCell ? new SetType(elementType, false) : this;
    }

    @Override
    public boolean isCollection() {
        return true;
    }

    @Override
    public CqlType cellPathType() {
        if (!multiCell) {
            return super.cellPathType();
        }
        return elementType;
    }

    @Override
    public List<CqlType> subTypes() {
        return List.of(elementType);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SetType t && t.multiCell == multiCell && t.elementType.equals(elementType);
    }

    @Override
    public int hashCode() {
        return Objects.hash("set", elementType, multiCell);
    }
}
