/**
 * The log-structured storage engine ({@code lsm}): {@link org.ringlet.storage.lsm.LsmStorageEngine} appends each
 * durable write to the commit log, applies it to the table's memtable, flushes memtables to SSTables, merges
 * memtables and SSTables on reads, compacts SSTables, and recovers from the commit log at start-up. Sub-packages
 * hold the commit log, memtables, SSTables, the manifest, compaction, the read path and the file system
 * abstraction.
 */
package org.ringlet.storage.lsm;
