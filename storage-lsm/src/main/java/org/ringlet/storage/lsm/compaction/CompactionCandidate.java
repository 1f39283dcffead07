package org.ringlet.storage.lsm.compaction;

import java.util.List;

import org.ringlet.storage.lsm.sstable.SSTableReader;

/**
 * SSTables a strategy chose to compact together.
 *
 * @param inputs       the SSTables
 * @param outputLevel  the level of the outputs (0 for size-tiered)
 * @param maxOutputSize the size after which an output SSTable is closed and another begun
 * @param kind         what it is, for progress and history: {@code Compaction}, {@code Major compaction},
 *                     {@code Tombstone compaction}
 */
public record CompactionCandidate(List<SSTableReader> inputs, int outputLevel, long maxOutputSize, String kind) {
    public CompactionCandidate {
        inputs = List.copyOf(inputs);
    }
}
