package org.ringlet.storage.lsm.read;

import java.util.Iterator;

import org.ringlet.api.data.Partition;
import org.ringlet.api.data.Row;
import org.ringlet.api.data.Slice;

/** One version of a partition: from a memtable or an SSTable. Used by one thread. */
public interface PartitionSource {

    /** The partition deletion, static row and range tombstones, as a partition without rows. */
    Partition header();

    /** Whether the header holds nothing: no partition deletion, range tombstone or static row. */
    default boolean headerIsEmpty() {
        Partition h = header();
        return h.partitionDeletion().isLive() && h.rangeTombstones().isEmpty() && h.staticRow().isEmpty()
                && h.rows().isEmpty();
    }

    /** The rows of a slice in clustering order, or reversed; deletions not applied. */
    Iterator<Row> rows(Slice slice, boolean reversed);

    /** The highest write timestamp the source may hold (for skipping sources a deletion shadows). */
    long maxTimestamp();
}
