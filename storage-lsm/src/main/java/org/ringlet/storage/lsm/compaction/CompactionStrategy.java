package org.ringlet.storage.lsm.compaction;

import java.util.List;

import org.ringlet.storage.lsm.sstable.SSTableReader;

/** Chooses what to compact. Implementations are immutable; the caller runs one compaction per table at a time. */
public interface CompactionStrategy {

    /**
     * The next background compaction, or null when none is due.
     *
     * @param live        the table's live SSTables
     * @param nowSeconds  the current time
     * @param gcBefore    tombstones deleted before this (seconds) are past {@code gc_grace_seconds}
     */
    CompactionCandidate next(List<SSTableReader> live, long nowSeconds, long gcBefore);

    /** A major compaction of all the SSTables. */
    CompactionCandidate major(List<SSTableReader> live);

    /** The options the strategy was made from. */
    CompactionOptions options();

    /** The strategy of a table's options. */
    static CompactionStrategy of(CompactionOptions options) {
        return options.leveled() ? new LeveledStrategy(options) : new SizeTieredStrategy(options);
    }
}
