package org.ringlet.api.data;

import java.nio.ByteBuffer;

/** Small helpers for byte buffers. */
public final class Bytes {
    private static final String HEX = "0123456789abcdef";

    private Bytes() {
    }

    /** Lower-case hex of the buffer's remaining bytes. */
    public static String toHex(ByteBuffer b) {
        StringBuilder sb = new StringBuilder(b.remaining() * 2);
        for (int i = b.position(); i < b.limit(); i++) {
            int v = b.get(i) & 0xff;
            sb.append(HEX.charAt(v >>> 4)).append(HEX.charAt(v & 0xf));
        }
        return sb.toString();
    }

    /** The buffer's remaining bytes as a new array. */
    public static byte[] toArray(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    /** Lexicographic comparison of unsigned bytes. */
    public static int compareUnsigned(ByteBuffer a, ByteBuffer b) {
        return org.ringlet.api.types.NativeType.compareUnsigned(a, b);
    }

    /** A new heap buffer of {@code hex}. */
    public static ByteBuffer fromHex(String hex) {
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException("odd hex length");
        }
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex, i * 2, i * 2 + 2, 16);
        }
        return ByteBuffer.wrap(out);
    }
}
