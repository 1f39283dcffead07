package org.ringlet.storage.lsm.sstable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;

import org.ringlet.api.ring.Partitioner;

/**
 * An SSTable's partition index in primitive arrays (ADR 0135), built in memory from {@code Index.db} when the
 * SSTable opens: the {@link org.ringlet.api.ring.Token#orderPrefix() order prefix} of the token of every
 * {@code stride}-th partition, in the SSTable's order, and where that partition is. A point lookup is a bucket
 * lookup on the prefix's top bits and a binary search of a few entries; no per-key objects, no cache.
 * <ul>
 *   <li>{@code stride == 1} (dense): every partition is here, so a prefix that is absent means the key is absent
 *       (no bloom filter needed); the position is the partition's position in the data stream, or
 *       {@code ~indexPosition} (negative) for a partition with a row index, whose index entry must be read.</li>
 *   <li>{@code stride > 1} (sampled, when the memory budget does not hold every partition): the position is the
 *       sample's position in the index stream; the key, if here, is among the index entries from the last sample
 *       with a smaller prefix to the first sample with a greater one.</li>
 * </ul>
 * Prefixes only order tokens as far as they can: several keys may share one, so a lookup yields a range of
 * candidates whose keys the caller compares. An index whose prefixes leave more than {@link #MAX_EQUAL_PREFIXES}
 * partitions in a row undistinguished is not built (the partitioner's prefixes do not discriminate). Immutable.
 */
final class PartitionIndex {
    /** The longest run of partitions with one prefix an index accepts. */
    static final int MAX_EQUAL_PREFIXES = 64;

    private final int stride;
    private final long entries;
    private final long[] prefixes;
    private final long[] positions;
    private final int[] buckets;
    private final int bucketBits;

    private PartitionIndex(int stride, long entries, long[] prefixes, long[] positions) {
        this.stride = stride;
        this.entries = entries;
        this.prefixes = prefixes;
        this.positions = positions;
        this.bucketBits = bucketBits(prefixes.length);
        this.buckets = buckets(prefixes, bucketBits);
    }

    /** Every how many partitions one is indexed (1: all). */
    int stride() {
        return stride;
    }

    boolean dense() {
        return stride == 1;
    }

    /** The number of partitions of the SSTable. */
    long entries() {
        return entries;
    }

    /** Indexed partitions (samples). */
    int size() {
        return prefixes.length;
    }

    long prefix(int i) {
        return prefixes[i];
    }

    long position(int i) {
        return positions[i];
    }

    /** Bytes of memory the arrays take. */
    long memorySize() {
        return bytesFor(prefixes.length);
    }

    /** The memory an index of {@code entries} partitions takes with this stride. */
    static long bytesFor(long entries, int stride) {
        return bytesFor((entries + stride - 1) / stride);
    }

    private static long bytesFor(long samples) {
        return 64 + samples * 16 + 4L * ((1L << bucketBits(samples)) + 1);
    }

    /** About one bucket per two samples, at most 2^22 buckets. */
    private static int bucketBits(long samples) {
        if (samples < 4) {
            return 0;
        }
        return Math.min(22, 62 - Long.numberOfLeadingZeros(samples));
    }

    private int bucket(long prefix) {
        return bucketBits == 0 ? 0 : (int) ((prefix ^ Long.MIN_VALUE) >>> (64 - bucketBits));
    }

    private static int[] buckets(long[] prefixes, int bits) {
        int n = 1 << bits;
        int[] b = new int[n + 1];
        int i = 0;
        for (int k = 0; k < n; k++) {
            b[k] = i;
            while (i < prefixes.length && (bits == 0 ? 0 : (int) ((prefixes[i] ^ Long.MIN_VALUE) >>> (64 - bits)))
                    == k) {
                i++;
            }
        }
        b[n] = prefixes.length;
        return b;
    }

    /** The first sample whose prefix is at least {@code prefix} ({@link #size()} when none). */
    int lowerBound(long prefix) {
        int k = bucket(prefix);
        int lo = buckets[k];
        int hi = buckets[k + 1];
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (prefixes[mid] < prefix) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first sample at or after {@code from} whose prefix is greater than {@code prefix}. */
    int upperBound(int from, long prefix) {
        int i = from;
        while (i < prefixes.length && prefixes[i] == prefix) {
            i++;
        }
        return i;
    }

    /** Whether a partition with this prefix is here (dense indexes only; a sampled one always says maybe). */
    boolean mayContain(long prefix) {
        if (!dense()) {
            return true;
        }
        int i = lowerBound(prefix);
        return i < prefixes.length && prefixes[i] == prefix;
    }

    /**
     * Builds the index by reading an SSTable's index file once, through a file handle of its own that bypasses the
     * chunk cache.
     *
     * @return the index, or null when the prefixes do not distinguish the partitions
     */
    static PartitionIndex build(SSTableContext context, Path indexFile, long entries, int stride)
            throws IOException {
        try (ChunkedFile file = ChunkedFile.open(context.fs(), indexFile, SSTableFormat.MAGIC_INDEX,
                context.nextId(), new ChunkCache(0, Runnable::run, () -> 0L))) {
            return build(file, context.partitioner(), entries, stride);
        }
    }

    /**
     * Builds the index by reading the index stream once.
     *
     * @param index       the index stream (read sequentially; pass a file without a shared cache)
     * @param partitioner computes each key's token
     * @param entries     the partition count from the statistics (a capacity hint)
     * @param stride      every how many partitions to index
     * @return the index, or null when the prefixes do not distinguish the partitions
     */
    static PartitionIndex build(ChunkedFile index, Partitioner partitioner, long entries, int stride) {
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(16, (entries + stride - 1) / stride));
        long[] prefixes = new long[capacity];
        long[] positions = new long[capacity];
        int n = 0;
        long count = 0;
        long previous = 0;
        int run = 0;
        FileDataInput in = new FileDataInput(index);
        while (!in.isEOF()) {
            long indexPosition = in.position();
            int len = (int) in.readUnsignedVInt();
            ByteBuffer key = in.readBytes(len);
            long prefix = partitioner.token(key).orderPrefix();
            int restLen = (int) in.readUnsignedVInt();
            long restEnd = in.position() + restLen;
            if (count > 0 && prefix == previous) {
                if (++run >= MAX_EQUAL_PREFIXES) {
                    return null;
                }
            } else {
                if (count > 0 && prefix < previous) {
                    throw new CorruptSSTableException(index.path(), "index entry at " + indexPosition
                            + " is out of token order");
                }
                run = 0;
            }
            previous = prefix;
            if (count % stride == 0) {
                long position = indexPosition;
                if (stride == 1) {
                    long dataPosition = in.readUnsignedVInt();
                    long blocks = in.readUnsignedVInt();
                    position = blocks == 0 ? dataPosition : ~indexPosition;
                }
                if (n == prefixes.length) {
                    int grown = (int) Math.min(Integer.MAX_VALUE - 8, n + (n >> 1) + 16);
                    prefixes = Arrays.copyOf(prefixes, grown);
                    positions = Arrays.copyOf(positions, grown);
                }
                prefixes[n] = prefix;
                positions[n] = position;
                n++;
            }
            count++;
            in.seek(restEnd);
        }
        if (n < prefixes.length) {
            prefixes = Arrays.copyOf(prefixes, n);
            positions = Arrays.copyOf(positions, n);
        }
        return new PartitionIndex(stride, count, prefixes, positions);
    }
}
