package org.ringlet.api.storage;

import org.ringlet.api.data.Partition;
import org.ringlet.api.schema.TableId;

/**
 * Follows what happens to tables' stored data, for components that keep their own per-file structures next to a
 * table's data (secondary indexes, for example). Registered with {@link StorageEngine#addObserver}.
 *
 * <p>Calls come from the engine's writing and flushing threads: observers must be quick, thread-safe and must
 * not throw (an exception is logged and ignored). Every method has an empty default.
 */
public interface TableObserver {

    /** A partition update was applied to the table's memtable (after it became durable). */
    default void onWrite(TableId table, Partition update) {
    }

    /** A memtable was flushed; {@code sstable} is the file it produced, or null when it was empty. */
    default void onFlush(TableId table, SSTableInfo sstable) {
    }

    /** A file joined the table's live set (a flush, a compaction, an import). */
    default void onSSTableAdded(TableId table, SSTableInfo sstable) {
    }

    /** A file left the table's live set (compacted away, truncated, dropped, quarantined). */
    default void onSSTableRemoved(TableId table, SSTableInfo sstable) {
    }
}
