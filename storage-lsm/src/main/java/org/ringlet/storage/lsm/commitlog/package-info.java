/**
 * The commit log: every durable write is appended here before it is applied to a memtable, so that a crash loses
 * nothing that was acknowledged. Segments of a fixed size hold CRC-framed records ({@link
 * org.ringlet.storage.lsm.commitlog.CommitLogFormat}); a sync loop makes them durable in the
 * {@code periodic}, {@code batch} or {@code group} mode; segments whose tables were all flushed are reused.
 * {@link org.ringlet.storage.lsm.commitlog.CommitLogReader} reads segments back for replay at start-up.
 */
package org.ringlet.storage.lsm.commitlog;
