package org.ringlet.bench.kv;

/**
 * One engine under the key-value benchmark: 8-byte keys (a bigint partition key) mapped to values. Methods other
 * than {@link #close()} may be called from several threads at once.
 */
interface KvStore extends AutoCloseable {

    /** Writes a value; returns when the write is acknowledged (write-ahead log appended, not synced). */
    void put(long key, byte[] value) throws Exception;

    /** The length of the key's value, or -1 when the key has none. */
    int get(long key) throws Exception;

    /** Reads every entry in the engine's order; returns how many there were (and checks their values' sizes). */
    long scanAll(int valueSize) throws Exception;

    /** Flushes memory to files and waits until background compaction has nothing left to do. */
    void settle() throws Exception;

    /** Files and sizes, for the report. */
    String describe() throws Exception;

    @Override
    void close() throws Exception;
}
