package org.ringlet.api.types;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static java.util.Objects.requireNonNull;

/** {@code map<K, V>}, frozen or not. Non-frozen maps store one cell per entry, the key being the cell path. */
public final class MapType extends CqlType {
    private final CqlType keyType;
    private final CqlType valueType;
    private final boolean multiCell;

    private MapType(CqlType keyType, CqlType valueType, boolean multiCell) {
        this.keyType = requireNonNull(keyType, "keyType is null").freeze();
        this.valueType = requireNonNull(valueType, "valueType is null").freeze();
        this.multiCell = multiCell;
    }

    public static MapType of(CqlType keyType, CqlType valueType) {
        return new MapType(keyType, valueType, true);
    }

    public static MapType frozen(CqlType keyType, CqlType valueType) {
        return new MapType(keyType, valueType, false);
    }

    public CqlType keyType() {
        return keyType;
    }

    public CqlType valueType() {
        return valueType;
    }

    @Override
    public String cqlName() {
        String inner = "map<" + keyType.cqlName() + ", " + valueType.cqlName() + ">";
        return multiCell ? inner : "frozen<" + inner + ">";
    }

    @Override
    public int compare(ByteBuffer left, ByteBuffer right) {
        return CollectionCodec.compareElements(keyType, left, right, 2, valueType);
    }

    @Override
    public void validate(ByteBuffer value) {
        List<ByteBuffer> kv = CollectionCodec.unpackCollection(value, 2, "map");
        for (int i = 0; i < kv.size(); i += 2) {
            keyType.validate(kv.get(i));
            valueType.validate(kv.get(i + 1));
        }
    }

    @Override
    public Object compose(ByteBuffer value) {
        if (!value.hasRemaining()) {
            return null;
        }
        Map<Object, Object> out = new LinkedHashMap<>();
        List<ByteBuffer> kv = CollectionCodec.unpackCollection(value, 2, "map");
        for (int i = 0; i < kv.size(); i += 2) {
            out.put(keyType.compose(kv.get(i)), valueType.compose(kv.get(i + 1)));
        }
        return Collections.unmodifiableMap(out);
    }

    @Override
    public ByteBuffer decompose(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new MarshalException("Expected a Map for " + cqlName());
        }
        List<Map.Entry<ByteBuffer, ByteBuffer>> entries = new ArrayList<>(map.size());
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new MarshalException("null is not supported inside collections");
            }
            entries.add(Map.entry(keyType.decompose(e.getKey()), valueType.decompose(e.getValue())));
        }
        return pack(entries);
    }

    /** Serializes already-serialized entries as a map: sorted by key, later duplicates win. */
    public ByteBuffer pack(List<Map.Entry<ByteBuffer, ByteBuffer>> entries) {
        List<Map.Entry<ByteBuffer, ByteBuffer>> sorted = new ArrayList<>(entries);
        sorted.sort((a, b) -> keyType.compare(a.getKey(), b.getKey()));
        List<ByteBuffer> flat = new ArrayList<>(sorted.size() * 2);
        for (Map.Entry<ByteBuffer, ByteBuffer> e : sorted) {
            int n = flat.size();
            if (n > 0 && keyType.compare(flat.get(n - 2), e.getKey()) == 0) {
                flat.set(n - 1, e.getValue());
            } else {
                flat.add(e.getKey());
                flat.add(e.getValue());
            }
        }
        return CollectionCodec.packCollection(flat, flat.size() / 2);
    }

    @Override
    public int protocolTypeId() {
        return 0x0021;
    }

    @Override
    public boolean isMultiCell() {
        return multiCell;
    }

    @Override
    public CqlType freeze() {
        return multiCell ? new MapType(keyType, valueType, false) : this;
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
        return keyType;
    }

    @Override
    public List<CqlType> subTypes() {
        return List.of(keyType, valueType);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MapType t && t.multiCell == multiCell && t.keyType.equals(keyType)
                && t.valueType.equals(valueType);
    }

    @Override
    public int hashCode() {
        return Objects.hash("map", keyType, valueType, multiCell);
    }
}
