package org.ringlet.tools.nodetool;

/**
 * Percentiles of Cassandra's bucketed histograms (partition sizes, cell counts): bucket {@code i} counts values up to
 * offset {@code i}, offsets growing by a factor of 1.2 from 1, and a last bucket for values beyond the last offset.
 * Pure; the bucket counts are given.
 */
public final class EstimatedHistogram {
    private static final java.util.List<Double> PERCENTILES = java.util.List.of(0.5, 0.75, 0.95, 0.98, 0.99);

    private final long[] offsets;
    private final long[] buckets;

    /** A histogram of bucket counts as a node reports them (one more count than offsets). */
    public EstimatedHistogram(long[] buckets) {
        if (buckets.length < 1) {
            throw new IllegalArgumentException("a histogram needs at least one bucket");
        }
        this.buckets = buckets.clone();
        this.offsets = offsets(buckets.length - 1);
    }

    /** The bucket offsets: 1, 2, 3, … each {@code round(previous * 1.2)} or one more. */
    public static long[] offsets(int size) {
        long[] result = new long[size];
        if (size == 0) {
            return result;
        }
        long last = 1;
        result[0] = last;
        for (int i = 1; i < size; i++) {
            long next = Math.round(last * 1.2);
            if (next == last) {
                next++;
            }
            result[i] = next;
            last = next;
        }
        return result;
    }

    /** Whether values beyond the last offset were recorded (then percentiles cannot be computed). */
    public boolean isOverflowed() {
        return buckets[buckets.length - 1] > 0;
    }

    public long count() {
        long sum = 0;
        for (long b : buckets) {
            sum += b;
        }
        return sum;
    }

    /** The offset of the bucket holding the p-th value (0..1). */
    public long percentile(double p) {
        if (isOverflowed()) {
            throw new IllegalStateException("Unable to compute when histogram overflowed");
        }
        long pcount = (long) Math.ceil(count() * p);
        if (pcount == 0) {
            return 0;
        }
        long elements = 0;
        for (int i = 0; i < buckets.length - 1; i++) {
            elements += buckets[i];
            if (elements >= pcount) {
                return offsets[i];
            }
        }
        return 0;
    }

    public long min() {
        for (int i = 0; i < buckets.length; i++) {
            if (buckets[i] > 0) {
                return i == 0 ? 0 : 1 + offsets[i - 1];
            }
        }
        return 0;
    }

    public long max() {
        if (isOverflowed()) {
            return Long.MAX_VALUE;
        }
        for (int i = buckets.length - 2; i >= 0; i--) {
            if (buckets[i] > 0) {
                return offsets[i];
            }
        }
        return 0;
    }

    /** The 50th, 75th, 95th, 98th and 99th percentiles, then min and max, as nodetool's histogram rows. */
    public double[] rows() {
        double[] out = new double[7];
        for (int i = 0; i < PERCENTILES.size(); i++) {
            out[i] = percentile(PERCENTILES.get(i));
        }
        out[5] = min();
        out[6] = max();
        return out;
    }
}
