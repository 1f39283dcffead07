package org.ringlet.partitioner;

import java.nio.ByteBuffer;

/**
 * MurmurHash3 x64 128-bit with Cassandra's variant: the bytes of the final partial block are read as signed
 * values and sign-extended before they are mixed in, as Cassandra has always done (and drivers repeat) for
 * compatibility. Stateless.
 */
final class MurmurHash3 {
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    private MurmurHash3() {
    }

    /**
     * The first 64-bit half of the 128-bit hash of {@code key}'s remaining bytes, with seed 0: the Murmur3
     * token before normalization. Does not change the buffer's position or limit.
     */
    static long hash64(ByteBuffer key) {
        int offset = key.position();
        int length = key.remaining();
        int blocks = length >>> 4;
        long h1 = 0;
        long h2 = 0;

        for (int i = 0; i < blocks; i++) {
            long k1 = littleEndianLong(key, offset + i * 16);
            long k2 = littleEndianLong(key, offset + i * 16 + 8);
            h1 ^= mixK1(k1);
            h1 = Long.rotateLeft(h1, 27);
            h1 += h2;
            h1 = h1 * 5 + 0x52dce729;
            h2 ^= mixK2(k2);
            h2 = Long.rotateLeft(h2, 31);
            h2 += h1;
            h2 = h2 * 5 + 0x38495ab5;
        }

        int tail = offset + blocks * 16;
        int rest = length & 15;
        long k1 = 0;
        long k2 = 0;
        // Cassandra's tail: each byte is sign-extended (a plain cast of the signed byte) before the shift.
        for (int i = rest - 1; i >= 8; i--) {
            k2 ^= ((long) key.get(tail + i)) << ((i - 8) * 8);
        }
        if (rest > 8) {
            h2 ^= mixK2(k2);
        }
        for (int i = Math.min(rest, 8) - 1; i >= 0; i--) {
            k1 ^= ((long) key.get(tail + i)) << (i * 8);
        }
        if (rest > 0) {
            h1 ^= mixK1(k1);
        }

        h1 ^= length;
        h2 ^= length;
        h1 += h2;
        h2 += h1;
        h1 = fmix(h1);
        h2 = fmix(h2);
        h1 += h2;
        return h1;
    }

    private static long mixK1(long k1) {
        k1 *= C1;
        k1 = Long.rotateLeft(k1, 31);
        return k1 * C2;
    }

    private static long mixK2(long k2) {
        k2 *= C2;
        k2 = Long.rotateLeft(k2, 33);
        return k2 * C1;
    }

    private static long littleEndianLong(ByteBuffer key, int at) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (key.get(at + i) & 0xFFL);
        }
        return v;
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
