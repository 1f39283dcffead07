/**
 * The log-structured storage engine: commit log, memtables, SSTables, compaction and recovery.
 */
package org.ringlet.storage.lsm;
