package org.ringlet.api.types;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The serialized form shared by collections, tuples and UDTs (native protocol v3 and later): a 4-byte count for
 * collections, then each element as a 4-byte length (-1 for null) followed by its bytes.
 */
public final class CollectionCodec {
    private CollectionCodec() {
    }

    /** Serializes a collection: the count, then each element (null elements are written as length -1). */
    public static ByteBuffer packCollection(List<ByteBuffer> elements, int count) {
        int size = 4;
        for (ByteBuffer e : elements) {
            size += 4 + (e == null ? 0 : e.remaining());
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.putInt(count);
        writeAll(elements, out);
        return out.flip();
    }

    /** Serializes tuple or UDT fields: each field with its length, no count. */
    public static ByteBuffer packFields(List<ByteBuffer> fields) {
        int size = 0;
        for (ByteBuffer e : fields) {
            size += 4 + (e == null ? 0 : e.remaining());
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        writeAll(fields, out);
        return out.flip();
    }

    private static void writeAll(List<ByteBuffer> elements, ByteBuffer out) {
        for (ByteBuffer e : elements) {
            if (e == null) {
                out.putInt(-1);
            } else {
                out.putInt(e.remaining());
                out.put(e.duplicate());
            }
        }
    }

    /**
     * Reads the elements of a serialized collection ({@code count} elements per entry times the count).
     *
     * @param perEntry 1 for lists and sets, 2 for maps
     * @throws MarshalException when the bytes are truncated, have trailing bytes or hold a null element
     */
    public static List<ByteBuffer> unpackCollection(ByteBuffer value, int perEntry, String typeName) {
        ByteBuffer in = value.duplicate();
        if (in.remaining() < 4) {
            throw new MarshalException("Not enough bytes to read a " + typeName + " size");
        }
        int n = in.getInt();
        if (n < 0) {
            throw new MarshalException("Invalid negative size " + n + " for a " + typeName);
        }
        long total = (long) n * perEntry;
        if (total * 4 > in.remaining()) {
            throw new MarshalException("Not enough bytes to read " + n + " elements of a " + typeName);
        }
        List<ByteBuffer> out = new ArrayList<>((int) total);
        for (long i = 0; i < total; i++) {
            ByteBuffer e = readElement(in, typeName);
            if (e == null) {
                throw new MarshalException("null is not supported inside collections");
            }
            out.add(e);
        }
        if (in.hasRemaining()) {
            throw new MarshalException("Unexpected extraneous bytes after " + typeName + " value");
        }
        return out;
    }

    /** Reads the fields of a serialized tuple or UDT; missing trailing fields are returned as null. */
    public static List<ByteBuffer> unpackFields(ByteBuffer value, int fieldCount, String typeName) {
        ByteBuffer in = value.duplicate();
        List<ByteBuffer> out = new ArrayList<>(fieldCount);
        for (int i = 0; i < fieldCount; i++) {
            if (!in.hasRemaining()) {
                out.add(null);
                continue;
            }
            out.add(readElement(in, typeName));
        }
        if (in.hasRemaining()) {
            throw new MarshalException("Invalid remaining data after end of " + typeName + " value");
        }
        return out;
    }

    private static ByteBuffer readElement(ByteBuffer in, String typeName) {
        if (in.remaining() < 4) {
            throw new MarshalException("Not enough bytes to read an element length of a " + typeName);
        }
        int len = in.getInt();
        if (len < 0) {
            return null;
        }
        if (len > in.remaining()) {
            throw new MarshalException("Not enough bytes to read an element of a " + typeName);
        }
        ByteBuffer e = in.slice(in.position(), len);
        in.position(in.position() + len);
        return e;
    }

    /** Compares two serialized lists or sets element by element, then by size. */
    static int compareElements(CqlType elementType, ByteBuffer left, ByteBuffer right, int perEntry,
                               CqlType second) {
        if (!left.hasRemaining() || !right.hasRemaining()) {
            return Boolean.compare(left.hasRemaining(), right.hasRemaining());
        }
        ByteBuffer l = left.duplicate();
        ByteBuffer r = right.duplicate();
        int ln = l.getInt();
        int rn = r.getInt();
        int n = Math.min(ln, rn);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < perEntry; j++) {
                CqlType t = j == 0 ? elementType : second;
                ByteBuffer a = readElement(l, t.cqlName());
                ByteBuffer b = readElement(r, t.cqlName());
                int c = t.compare(a, b);
                if (c != 0) {
                    return c;
                }
            }
        }
        return Integer.compare(ln, rn);
    }
}
