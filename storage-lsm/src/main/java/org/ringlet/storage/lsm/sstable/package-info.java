/**
 * SSTables: immutable sorted files of partitions, one set of components per table generation. The format is
 * defined in {@link org.ringlet.storage.lsm.sstable.SSTableFormat} and documented in {@code docs/format/}:
 * LZ4-compressed, checksummed data blocks, a partition index with a sampled summary and per-partition row
 * indexes, a bloom filter, statistics, and a table of contents written last.
 * {@link org.ringlet.storage.lsm.sstable.SSTableWriter} writes one crash-safely (temporary names, fsync,
 * rename, directory fsync); {@link org.ringlet.storage.lsm.sstable.SSTableReader} reads one with shared block
 * and key caches.
 */
package org.ringlet.storage.lsm.sstable;
