package org.ringlet.storage.lsm.compaction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.ringlet.storage.lsm.sstable.SSTableReader;

/**
 * Single-SSTable compactions to drop tombstones: an SSTable older than {@code tombstone_compaction_interval} whose
 * estimated droppable tombstones exceed {@code tombstone_threshold}, and (unless
 * {@code unchecked_tombstone_compaction}) whose key range no other SSTable overlaps, since overlapping data would
 * keep its tombstones from being purged anyway. Stateless.
 */
final class TombstoneCompactions {
    private TombstoneCompactions() {
    }

    static CompactionCandidate candidate(List<SSTableReader> live, CompactionOptions options, long nowSeconds,
                                         long gcBefore, long maxOutputSize) {
        List<SSTableReader> byAge = new ArrayList<>(live);
        byAge.sort(Comparator.comparingLong(r -> r.stats().createdAtMillis()));
        for (SSTableReader r : byAge) {
            long ageSeconds = nowSeconds - r.stats().createdAtMillis() / 1000;
            if (ageSeconds < options.tombstoneCompactionInterval()) {
                continue;
            }
            if (r.stats().droppableTombstoneRatio(gcBefore) <= options.tombstoneThreshold()) {
                continue;
            }
            if (!options.uncheckedTombstoneCompaction() && overlapsAnother(r, live)) {
                continue;
            }
            return new CompactionCandidate(List.of(r), r.level(), maxOutputSize, "Tombstone compaction");
        }
        return null;
    }

    static boolean overlapsAnother(SSTableReader r, List<SSTableReader> live) {
        for (SSTableReader o : live) {
            if (o != r && o.first().compareTo(r.last()) <= 0 && r.first().compareTo(o.last()) <= 0) {
                return true;
            }
        }
        return false;
    }
}
