package org.ringlet.api.types;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import static java.util.Objects.requireNonNull;

/** {@code list<T>}, frozen or not. Non-frozen lists store one cell per element, keyed by a timeuuid. */
public final class ListType extends CqlType {
    private final CqlType elementType;
    private final boolean multiCell;

    private ListType(CqlType elementType, boolean multiCell) {
        this.elementType = requireNonNull(elementType, "elementType is null").freeze();
        this.multiCell = multiCell;
    }

    /** A non-frozen list. */
    public static ListType of(CqlType elementType) {
        return new ListType(elementType, true);
    }

    /** A frozen list. */
    public static ListType frozen(CqlType elementType) {
        return new ListType(elementType, false);
    }

    public CqlType elementType() {
        return elementType;
    }

    @Override
    public String cqlName() {
        String inner = "list<" + elementType.cqlName() + ">";
        return multiCell ? inner : "frozen<" + inner + ">";
    }

    @Override
    public int compare(ByteBuffer left, ByteBuffer right) {
        return CollectionCodec.compareElements(elementType, left, right, 1, null);
    }

    @Override
    public void validate(ByteBuffer value) {
        for (ByteBuffer e : CollectionCodec.unpackCollection(value, 1, "list")) {
            elementType.validate(e);
        }
    }

    @Override
    public Object compose(ByteBuffer value) {
        if (!value.hasRemaining()) {
            return null;
        }
        List<Object> out = new ArrayList<>();
        for (ByteBuffer e : CollectionCodec.unpackCollection(value, 1, "list")) {
            out.add(elementType.compose(e));
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public ByteBuffer decompose(Object value) {
        if (!(value instanceof List<?> list)) {
            throw new MarshalException("Expected a List for " + cqlName());
        }
        List<ByteBuffer> elements = new ArrayList<>(list.size());
        for (Object o : list) {
            if (o == null) {
                throw new MarshalException("null is not supported inside collections");
            }
            elements.add(elementType.decompose(o));
        }
        return CollectionCodec.packCollection(elements, elements.size());
    }

    @Override
    public int protocolTypeId() {
        return 0x0020;
    }

    @Override
    public boolean isMultiCell() {
        return multiCell;
    }

    @Override
    public CqlType freeze() {
        return multiCell ? new ListType(elementType, false) : this;
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
        return NativeType.TIMEUUID;
    }

    @Override
    public List<CqlType> subTypes() {
        return List.of(elementType);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ListType t && t.multiCell == multiCell && t.elementType.equals(elementType);
    }

    @Override
    public int hashCode() {
        return Objects.hash("list", elementType, multiCell);
    }
}
