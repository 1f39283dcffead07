/**
 * The storage engine SPI: applying mutations durably, reading partition slices and token-ordered scans,
 * flushing, truncating, snapshots and compaction. The {@code lsm} engine in {@code storage-lsm} implements it.
 */
package org.ringlet.api.storage;
