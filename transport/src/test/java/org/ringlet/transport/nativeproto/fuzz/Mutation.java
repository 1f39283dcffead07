package org.ringlet.transport.nativeproto.fuzz;

import java.util.Arrays;

/**
 * One change to the bytes of a frame (or of an envelope, or of v5 segments). Positions are taken modulo the
 * length, so any generated mutation applies to any frame.
 *
 * @param kind     what to do
 * @param position where (modulo the length)
 * @param value    the byte, bit, count or index into {@link #INTERESTING_INTS} it needs
 */
record Mutation(Kind kind, int position, int value) {
    /** Kinds of mutation. The HEADER_ ones aim at the 9-byte header at the start. */
    enum Kind {
        FLIP_BIT, SET_BYTE, INSERT_BYTE, DELETE_BYTES, TRUNCATE, SET_INT, SET_SHORT, DUPLICATE,
        HEADER_VERSION, HEADER_FLAGS, HEADER_OPCODE, HEADER_LENGTH_DELTA, HEADER_LENGTH_ABSURD
    }

    /** Values that break length checks: zero, minus one, the unset marker, sign and width edges, huge. */
    static final int[] INTERESTING_INTS = {0, 1, -1, -2, -3, 2, 0x7F, 0x80, 0xFF, 0x100, 0x7FFF, 0x8000, 0xFFFF,
        0x10000, 0x1FFFF, 0x20000, 0xFFFFFF, 0x1000000, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFE, 1 << 30, 255 * 1024,
        16 * 1024 * 1024, 16 * 1024 * 1024 + 1};

    byte[] apply(byte[] in) {
        if (in.length == 0 && kind != Kind.INSERT_BYTE) {
            return in;
        }
        int n = in.length;
        int at = n == 0 ? 0 : Math.floorMod(position, n);
        byte[] out;
        switch (kind) {
            case FLIP_BIT -> {
                out = in.clone();
                out[at] ^= (byte) (1 << Math.floorMod(value, 8));
            }
            case SET_BYTE -> {
                out = in.clone();
                out[at] = (byte) value;
            }
            case INSERT_BYTE -> {
                int p = Math.floorMod(position, n + 1);
                out = new byte[n + 1];
                System.arraycopy(in, 0, out, 0, p);
                out[p] = (byte) value;
                System.arraycopy(in, p, out, p + 1, n - p);
            }
            case DELETE_BYTES -> {
                int count = Math.min(n - at, 1 + Math.floorMod(value, 8));
                out = new byte[n - count];
                System.arraycopy(in, 0, out, 0, at);
                System.arraycopy(in, at + count, out, at, n - at - count);
            }
            case TRUNCATE -> out = Arrays.copyOf(in, at);
            case SET_INT -> {
                out = in.clone();
                putInt(out, Math.min(at, Math.max(0, n - 4)), interesting());
            }
            case SET_SHORT -> {
                out = in.clone();
                int v = interesting();
                int p = Math.min(at, Math.max(0, n - 2));
                out[p] = (byte) (v >>> 8);
                if (p + 1 < n) {
                    out[p + 1] = (byte) v;
                }
            }
            case DUPLICATE -> {
                int count = Math.min(n - at, 1 + Math.floorMod(value, 32));
                out = new byte[n + count];
                System.arraycopy(in, 0, out, 0, at + count);
                System.arraycopy(in, at, out, at + count, n - at);
            }
            case HEADER_VERSION -> out = header(in, 0, value);
            case HEADER_FLAGS -> out = header(in, 1, value);
            case HEADER_OPCODE -> out = header(in, 4, Math.floorMod(value, 3) == 0 ? value : Math.floorMod(value, 0x12));
            case HEADER_LENGTH_DELTA -> {
                out = in.clone();
                if (n >= 9) {
                    putInt(out, 5, getInt(in, 5) + (Math.floorMod(value, 17) - 8));
                }
            }
            case HEADER_LENGTH_ABSURD -> {
                out = in.clone();
                if (n >= 9) {
                    putInt(out, 5, interesting());
                }
            }
            default -> throw new IllegalStateException(kind.toString());
        }
        return out;
    }

    private int interesting() {
        return INTERESTING_INTS[Math.floorMod(value, INTERESTING_INTS.length)];
    }

    private static byte[] header(byte[] in, int offset, int value) {
        byte[] out = in.clone();
        if (offset < out.length) {
            out[offset] = (byte) value;
        }
        return out;
    }

    private static void putInt(byte[] b, int p, int v) {
        for (int i = 0; i < 4 && p + i < b.length; i++) {
            b[p + i] = (byte) (v >>> 24 - 8 * i);
        }
    }

    private static int getInt(byte[] b, int p) {
        return (b[p] & 0xFF) << 24 | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8 | b[p + 3] & 0xFF;
    }
}
