package org.ringlet.storage.lsm.compaction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

import org.ringlet.api.data.DecoratedKey;
import org.ringlet.storage.lsm.sstable.SSTableReader;

import static java.util.Objects.requireNonNull;

/**
 * Leveled compaction: flushes land in level 0; four or more level-0 SSTables are compacted (at most 32) with the
 * level-1 SSTables they overlap into level 1; a level L ≥ 1 holding more than {@code fanout_size^L} ×
 * {@code sstable_size_in_mb} bytes compacts its SSTable with the lowest keys with the level L+1
 * SSTables it overlaps into level L+1. Outputs are cut at {@code sstable_size_in_mb}, so levels above 0 hold
 * non-overlapping SSTables of about that size.
 */
public final class LeveledStrategy implements CompactionStrategy {
    /** Level-0 SSTables that trigger a compaction into level 1. */
    static final int L0_TRIGGER = 4;
    /** The most level-0 SSTables compacted at once. */
    static final int L0_MAX = 32;

    private final CompactionOptions options;

    public LeveledStrategy(CompactionOptions options) {
        this.options = requireNonNull(options, "options is null");
    }

    @Override
    public CompactionOptions options() {
        return options;
    }

    /** The byte budget of a level (level 0 has none). */
    public long maxBytes(int level) {
        return level == 0 ? Long.MAX_VALUE : (long) (Math.pow(options.fanoutSize(), level) * options.sstableSize());
    }

    /** Live SSTables by level, each level sorted by first key. */
    public static TreeMap<Integer, List<SSTableReader>> levels(List<SSTableReader> live) {
        TreeMap<Integer, List<SSTableReader>> levels = new TreeMap<>();
        for (SSTableReader r : live) {
            levels.computeIfAbsent(r.level(), l -> new ArrayList<>()).add(r);
        }
        for (List<SSTableReader> l : levels.values()) {
            l.sort(Comparator.comparing(SSTableReader::first));
        }
        return levels;
    }

    @Override
    public CompactionCandidate next(List<SSTableReader> live, long nowSeconds, long gcBefore) {
        if (!options.enabled()) {
            return null;
        }
        TreeMap<Integer, List<SSTableReader>> levels = levels(live);
        List<SSTableReader> l0 = levels.getOrDefault(0, List.of());
        if (l0.size() >= L0_TRIGGER) {
            List<SSTableReader> inputs = new ArrayList<>(l0.subList(0, Math.min(l0.size(), L0_MAX)));
            inputs.addAll(overlapping(inputs, levels.getOrDefault(1, List.of())));
            return new CompactionCandidate(inputs, 1, options.sstableSize(), "Compaction");
        }
        for (var e : levels.entrySet()) {
            int level = e.getKey();
            if (level == 0) {
                continue;
            }
            long bytes = e.getValue().stream().mapToLong(SSTableReader::onDiskSize).sum();
            if (bytes > maxBytes(level)) {
                SSTableReader pick = e.getValue().get(0);
                List<SSTableReader> inputs = new ArrayList<>();
                inputs.add(pick);
                inputs.addAll(overlapping(List.of(pick), levels.getOrDefault(level + 1, List.of())));
                return new CompactionCandidate(inputs, level + 1, options.sstableSize(), "Compaction");
            }
        }
        return TombstoneCompactions.candidate(live, options, nowSeconds, gcBefore, options.sstableSize());
    }

    @Override
    public CompactionCandidate major(List<SSTableReader> live) {
        if (live.isEmpty()) {
            return null;
        }
        return new CompactionCandidate(live, 1, options.sstableSize(), "Major compaction");
    }

    /** The SSTables of {@code level} whose key range meets the range of {@code inputs}. */
    static List<SSTableReader> overlapping(List<SSTableReader> inputs, List<SSTableReader> level) {
        DecoratedKey first = null;
        DecoratedKey last = null;
        for (SSTableReader r : inputs) {
            first = first == null || r.first().compareTo(first) < 0 ? r.first() : first;
            last = last == null || r.last().compareTo(last) > 0 ? r.last() : last;
        }
        List<SSTableReader> out = new ArrayList<>();
        for (SSTableReader r : level) {
            if (!inputs.contains(r) && r.first().compareTo(last) <= 0 && first.compareTo(r.last()) <= 0) {
                out.add(r);
            }
        }
        return out;
    }
}
