package org.ringlet.api.storage;

/**
 * What {@code nodetool tablestats} shows of one table.
 *
 * @param liveSSTableCount       files currently read
 * @param liveDiskSpaceUsed      bytes of the live files
 * @param totalDiskSpaceUsed     bytes of all files, obsolete ones not yet deleted included
 * @param memtableDataSize       bytes of data in the current memtable
 * @param memtableCellCount      cells in the current memtable
 * @param memtableSwitchCount    how many times the memtable was flushed
 * @param estimatedPartitionCount an estimate of the number of partitions
 * @param readCount              local reads served
 * @param writeCount             local writes applied
 * @param pendingFlushes         flushes queued or running
 * @param compactedPartitionMaxBytes the largest partition seen by a flush or compaction
 */
public record TableStats(int liveSSTableCount, long liveDiskSpaceUsed, long totalDiskSpaceUsed,
                         long memtableDataSize, long memtableCellCount, long memtableSwitchCount,
                         long estimatedPartitionCount, long readCount, long writeCount, int pendingFlushes,
                         long compactedPartitionMaxBytes) {
}
