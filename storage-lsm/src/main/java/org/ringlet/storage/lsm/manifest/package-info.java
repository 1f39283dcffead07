/**
 * The per-table manifest: an append-only, checksummed log of edits (SSTables added and removed, levels, the
 * commit log position the table is flushed up to, the next generation) that says which SSTables are live. A
 * flush or compaction becomes visible by one durable edit, which makes replacing SSTables atomic across a crash.
 */
package org.ringlet.storage.lsm.manifest;
