/**
 * Compaction: choosing which SSTables to merge ({@link org.ringlet.storage.lsm.compaction.SizeTieredStrategy},
 * {@link org.ringlet.storage.lsm.compaction.LeveledStrategy}, configured with Cassandra's {@code compaction}
 * options), merging them into new SSTables while dropping shadowed data and purging tombstones that can no longer
 * shadow anything ({@link org.ringlet.storage.lsm.compaction.Purger}), throttled to {@code compaction_throughput}
 * without sleeping threads ({@link org.ringlet.storage.lsm.compaction.CompactionTask} reschedules itself).
 */
package org.ringlet.storage.lsm.compaction;
