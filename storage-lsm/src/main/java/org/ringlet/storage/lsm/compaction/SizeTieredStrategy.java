package org.ringlet.storage.lsm.compaction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.ringlet.storage.lsm.sstable.SSTableReader;

import static java.util.Objects.requireNonNull;

/**
 * Size-tiered compaction (Cassandra's default): SSTables of similar size — within {@code [bucket_low, bucket_high]}
 * times a bucket's average, or all below {@code min_sstable_size} — form buckets; a bucket of at least
 * {@code min_threshold} SSTables is compacted, at most {@code max_threshold} at a time, the bucket of the smallest
 * SSTables first. With nothing to merge, an SSTable whose droppable tombstones exceed {@code tombstone_threshold}
 * is compacted alone.
 */
public final class SizeTieredStrategy implements CompactionStrategy {
    private final CompactionOptions options;

    public SizeTieredStrategy(CompactionOptions options) {
        this.options = requireNonNull(options, "options is null");
    }

    @Override
    public CompactionOptions options() {
        return options;
    }

    /** The buckets of similar size, each sorted by size. */
    public List<List<SSTableReader>> buckets(List<SSTableReader> live) {
        List<SSTableReader> sorted = new ArrayList<>(live);
        sorted.sort(Comparator.comparingLong(SSTableReader::onDiskSize));
        List<List<SSTableReader>> buckets = new ArrayList<>();
        List<Double> averages = new ArrayList<>();
        for (SSTableReader r : sorted) {
            long size = r.onDiskSize();
            boolean placed = false;
            for (int i = 0; i < buckets.size(); i++) {
                double avg = averages.get(i);
                boolean similar = size >= avg * options.bucketLow() && size <= avg * options.bucketHigh();
                boolean small = size < options.minSSTableSize() && avg < options.minSSTableSize();
                if (similar || small) {
                    List<SSTableReader> b = buckets.get(i);
                    b.add(r);
                    averages.set(i, (avg * (b.size() - 1) + size) / b.size());
                    placed = true;
                    break;
                }
            }
            if (!placed) {
                List<SSTableReader> b = new ArrayList<>();
                b.add(r);
                buckets.add(b);
                averages.add((double) size);
            }
        }
        return buckets;
    }

    @Override
    public CompactionCandidate next(List<SSTableReader> live, long nowSeconds, long gcBefore) {
        if (!options.enabled() || options.minThreshold() <= 0 || options.maxThreshold() <= 0) {
            return null;
        }
        List<SSTableReader> best = null;
        double bestAverage = Double.MAX_VALUE;
        for (List<SSTableReader> b : buckets(live)) {
            if (b.size() < Math.max(2, options.minThreshold())) {
                continue;
            }
            double avg = b.stream().mapToLong(SSTableReader::onDiskSize).average().orElse(0);
            if (avg < bestAverage) {
                bestAverage = avg;
                best = b;
            }
        }
        if (best != null) {
            List<SSTableReader> inputs = best.subList(0, Math.min(best.size(), options.maxThreshold()));
            return new CompactionCandidate(inputs, 0, Long.MAX_VALUE, "Compaction");
        }
        return TombstoneCompactions.candidate(live, options, nowSeconds, gcBefore, Long.MAX_VALUE);
    }

    @Override
    public CompactionCandidate major(List<SSTableReader> live) {
        return live.isEmpty() ? null : new CompactionCandidate(live, 0, Long.MAX_VALUE, "Major compaction");
    }
}
