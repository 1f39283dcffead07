/**
 * The read path: the versions of a partition from memtables and SSTables ({@link
 * org.ringlet.storage.lsm.read.PartitionSource}) merged row by row in clustering order with deletions applied,
 * filtered and limited as {@link org.ringlet.api.storage.ReadFilters} defines, without materializing the
 * partition; and the k-way merge used by reads, scans and compaction.
 */
package org.ringlet.storage.lsm.read;
