package org.ringlet.storage.lsm.sstable;

import java.nio.ByteBuffer;

/**
 * A bloom filter over partition keys: {@code k} bit positions per key from the two halves of a MurmurHash3
 * (Kirsch–Mitzenmacher). A filter built with a false-positive chance of 1.0 holds no bits and always answers
 * "maybe". Not thread-safe while being built; immutable once read.
 */
final class BloomFilter {
    private final int hashCount;
    private final long[] words;

    private BloomFilter(int hashCount, long[] words) {
        this.hashCount = hashCount;
        this.words = words;
    }

    /** A filter sized for {@code expectedKeys} keys at the given false-positive chance. */
    static BloomFilter create(long expectedKeys, double fpChance) {
        if (fpChance >= 1.0) {
            return new BloomFilter(0, new long[0]);
        }
        double p = Math.max(fpChance, 1e-6);
        long n = Math.max(1, expectedKeys);
        double bitsPerKey = Math.min(20, -Math.log(p) / (Math.log(2) * Math.log(2)));
        long bits = Math.max(64, (long) Math.ceil(n * bitsPerKey));
        int k = Math.max(1, (int) Math.round(bitsPerKey * Math.log(2)));
        long words = Math.min(Integer.MAX_VALUE - 8, (bits + 63) / 64);
        return new BloomFilter(k, new long[(int) words]);
    }

    void add(ByteBuffer key) {
        if (hashCount == 0) {
            return;
        }
        long[] h = MurmurHash.hash128(key, 0);
        long bits = (long) words.length * 64;
        for (int i = 0; i < hashCount; i++) {
            long bit = Long.remainderUnsigned(h[0] + i * h[1], bits);
            words[(int) (bit >>> 6)] |= 1L << (bit & 63);
        }
    }

    boolean mightContain(ByteBuffer key) {
        if (hashCount == 0) {
            return true;
        }
        long[] h = MurmurHash.hash128(key, 0);
        long bits = (long) words.length * 64;
        for (int i = 0; i < hashCount; i++) {
            long bit = Long.remainderUnsigned(h[0] + i * h[1], bits);
            if ((words[(int) (bit >>> 6)] & (1L << (bit & 63))) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Bytes of memory the bits take. */
    long memorySize() {
        return words.length * 8L;
    }

    /** The body of Filter.db: hash count, word count, words. */
    ByteBuffer serialize() {
        ByteBuffer b = ByteBuffer.allocate(8 + words.length * 8);
        b.putInt(hashCount).putInt(words.length);
        for (long w : words) {
            b.putLong(w);
        }
        return b.flip();
    }

    static BloomFilter deserialize(ByteBuffer body) {
        ByteBuffer b = body.duplicate();
        int k = b.getInt();
        int n = b.getInt();
        if (k < 0 || k > 64 || n < 0 || n * 8L != b.remaining()) {
            throw new IllegalArgumentException("inconsistent filter: k=" + k + ", words=" + n + ", bytes="
                    + b.remaining());
        }
        long[] words = new long[n];
        for (int i = 0; i < n; i++) {
            words[i] = b.getLong();
        }
        return new BloomFilter(k, words);
    }
}
