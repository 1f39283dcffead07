package org.ringlet.storage.lsm.sstable;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** MurmurHash3 x64 128-bit of a buffer's remaining bytes, for bloom filters. Stateless. */
final class MurmurHash {
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    private MurmurHash() {
    }

    /** The two 64-bit halves of the hash. */
    static long[] hash128(ByteBuffer key, long seed) {
        ByteBuffer b = key.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int start = b.position();
        int length = b.remaining();
        int blocks = length >>> 4;
        long h1 = seed;
        long h2 = seed;
        for (int i = 0; i < blocks; i++) {
            long k1 = b.getLong(start + i * 16);
            long k2 = b.getLong(start + i * 16 + 8);
            k1 *= C1;
            k1 = Long.rotateLeft(k1, 31);
            k1 *= C2;
            h1 ^= k1;
            h1 = Long.rotateLeft(h1, 27);
            h1 += h2;
            h1 = h1 * 5 + 0x52dce729;
            k2 *= C2;
            k2 = Long.rotateLeft(k2, 33);
            k2 *= C1;
            h2 ^= k2;
            h2 = Long.rotateLeft(h2, 31);
            h2 += h1;
            h2 = h2 * 5 + 0x38495ab5;
        }
        int tail = start + blocks * 16;
        int rest = length & 15;
        long k1 = 0;
        long k2 = 0;
        for (int i = rest - 1; i >= 8; i--) {
            k2 ^= (long) (b.get(tail + i) & 0xff) << ((i - 8) * 8);
        }
        if (rest > 8) {
            k2 *= C2;
            k2 = Long.rotateLeft(k2, 33);
            k2 *= C1;
            h2 ^= k2;
        }
        for (int i = Math.min(rest, 8) - 1; i >= 0; i--) {
            k1 ^= (long) (b.get(tail + i) & 0xff) << (i * 8);
        }
        if (rest > 0) {
            k1 *= C1;
            k1 = Long.rotateLeft(k1, 31);
            k1 *= C2;
            h1 ^= k1;
        }
        h1 ^= length;
        h2 ^= length;
        h1 += h2;
        h2 += h1;
        h1 = fmix(h1);
        h2 = fmix(h2);
        h1 += h2;
        h2 += h1;
        return new long[] {h1, h2};
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
