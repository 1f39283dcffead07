package org.ringlet.api.types;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Serialization and ordering shared by tuples and UDTs. */
final class FieldsSupport {
    private FieldsSupport() {
    }

    static int compare(List<CqlType> types, ByteBuffer left, ByteBuffer right) {
        if (!left.hasRemaining() || !right.hasRemaining()) {
            return Boolean.compare(left.hasRemaining(), right.hasRemaining());
        }
        ByteBuffer l = left.duplicate();
        ByteBuffer r = right.duplicate();
        for (int i = 0; i < types.size() && l.hasRemaining() && r.hasRemaining(); i++) {
            int ll = l.getInt();
            int rl = r.getInt();
            if (ll < 0 || rl < 0) {
                if (ll >= 0) {
                    l.position(l.position() + ll);
                    return 1;
                }
                if (rl >= 0) {
                    return -1;
                }
                continue;
            }
            ByteBuffer a = l.slice(l.position(), ll);
            ByteBuffer b = r.slice(r.position(), rl);
            l.position(l.position() + ll);
            r.position(r.position() + rl);
            int c = types.get(i).compare(a, b);
            if (c != 0) {
                return c;
            }
        }
        // as Cassandra 5.0: missing trailing fields equal null ones
        boolean lNulls = remainingFieldsAreNull(l);
        boolean rNulls = remainingFieldsAreNull(r);
        if (lNulls && rNulls) {
            return 0;
        }
        if (!l.hasRemaining()) {
            return rNulls ? 0 : -1;
        }
        return lNulls ? 0 : 1;
    }

    private static boolean remainingFieldsAreNull(ByteBuffer in) {
        ByteBuffer b = in.duplicate();
        while (b.remaining() >= 4) {
            int len = b.getInt();
            if (len >= 0) {
                return false;
            }
        }
        return !b.hasRemaining();
    }

    static void validate(List<CqlType> types, ByteBuffer value, String name) {
        List<ByteBuffer> fields = CollectionCodec.unpackFields(value, types.size(), name);
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i) != null) {
                types.get(i).validate(fields.get(i));
            }
        }
    }

    static Object compose(List<CqlType> types, ByteBuffer value, String name) {
        if (!value.hasRemaining()) {
            return null;
        }
        List<ByteBuffer> fields = CollectionCodec.unpackFields(value, types.size(), name);
        List<Object> out = new ArrayList<>(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            ByteBuffer f = fields.get(i);
            out.add(f == null ? null : types.get(i).compose(f));
        }
        return Collections.unmodifiableList(out);
    }

    static ByteBuffer decompose(List<CqlType> types, Object value, String name) {
        if (!(value instanceof List<?> list)) {
            throw new MarshalException("Expected a List of field values for " + name);
        }
        if (list.size() > types.size()) {
            throw new MarshalException("Too many values (" + list.size() + ") for " + name);
        }
        List<ByteBuffer> fields = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Object o = list.get(i);
            fields.add(o == null ? null : types.get(i).decompose(o));
        }
        return CollectionCodec.packFields(fields);
    }
}
