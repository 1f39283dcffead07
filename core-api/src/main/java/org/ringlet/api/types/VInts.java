package org.ringlet.api.types;

import java.nio.ByteBuffer;

/**
 * Cassandra's variable-length integer encoding: the number of leading one bits of the first byte is the number of
 * extra bytes that follow; signed values are zig-zag encoded first. Used by {@code duration} and by formats that
 * want compact lengths.
 */
public final class VInts {
    private VInts() {
    }

    /** Zig-zag encodes a signed value. */
    public static long encodeZigZag(long n) {
        return (n << 1) ^ (n >> 63);
    }

    /** Zig-zag decodes a value. */
    public static long decodeZigZag(long n) {
        return (n >>> 1) ^ -(n & 1);
    }

    /** Bytes needed for an unsigned vint. */
    public static int sizeOfUnsigned(long value) {
        int magnitude = Long.numberOfLeadingZeros(value | 1);
        return (639 - magnitude * 9) >> 6;
    }

    /** Bytes needed for a signed vint. */
    public static int sizeOfSigned(long value) {
        return sizeOfUnsigned(encodeZigZag(value));
    }

    /** Writes an unsigned vint at the buffer's position, advancing it. */
    public static void writeUnsigned(long value, ByteBuffer out) {
        int size = sizeOfUnsigned(value);
        if (size == 1) {
            out.put((byte) value);
            return;
        }
        int extra = size - 1;
        byte[] tmp = new byte[size];
        for (int i = size - 1; i >= 0; i--) {
            tmp[i] = (byte) value;
            value >>>= 8;
        }
        // the first byte carries 'extra' leading ones
        tmp[0] |= (byte) (~(0xff >> extra));
        out.put(tmp);
    }

    /** Writes a signed vint. */
    public static void writeSigned(long value, ByteBuffer out) {
        writeUnsigned(encodeZigZag(value), out);
    }

    /** Reads an unsigned vint at the buffer's position, advancing it. */
    public static long readUnsigned(ByteBuffer in) {
        int first = in.get();
        if (first >= 0) {
            return first;
        }
        // the number of leading one bits of the first byte (8 for 0xff, whose 8 following bytes hold the value)
        int extra = Integer.numberOfLeadingZeros(~first) - 24;
        long value = first & (0xff >> extra);
        for (int i = 0; i < extra; i++) {
            value = (value << 8) | (in.get() & 0xff);
        }
        return value;
    }

    /** Reads a signed vint. */
    public static long readSigned(ByteBuffer in) {
        return decodeZigZag(readUnsigned(in));
    }
}
