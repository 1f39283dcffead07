package org.ringlet.storage.lsm.compaction;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.storage.lsm.sstable.Descriptor;
import org.ringlet.storage.lsm.sstable.SSTableReader;
import org.ringlet.storage.lsm.sstable.SSTableWriter;

/** The table a {@link CompactionTask} works for. Implementations are thread-safe. */
public interface CompactionTarget {

    TableMetadata metadata();

    /** A writer for a new SSTable of the table (a fresh generation in the directory with most space). */
    SSTableWriter newWriter(long expectedKeys, int level) throws IOException;

    /** Opens a finished output (not yet live). */
    SSTableReader openOutput(Descriptor descriptor, int level) throws IOException;

    /**
     * The lowest write timestamp of any data of {@code key} outside {@code compacting}: in other SSTables that may
     * hold the key, and in memtables that hold it; Long.MAX_VALUE when there is none.
     */
    long maxPurgeableTimestamp(DecoratedKey key, Set<SSTableReader> compacting);

    /**
     * Replaces the inputs by the outputs in one durable step (a manifest edit), then in the live set.
     *
     * @throws IOException when the edit fails, or when an input left the live set meanwhile (a truncation): the
     *                     outputs must then be discarded
     */
    void replace(List<SSTableReader> inputs, List<SSTableReader> outputs, int outputLevel) throws IOException;
}
