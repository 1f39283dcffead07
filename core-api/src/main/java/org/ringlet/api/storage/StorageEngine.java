package org.ringlet.api.storage;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

import org.ringlet.api.Service;
import org.ringlet.api.data.Mutation;
import org.ringlet.api.data.Partition;
import org.ringlet.api.schema.TableId;

/**
 * Stores the node's data. Tables are known from the node's {@code SchemaService} (which an engine takes from its
 * {@code NodeContext}); the engine follows schema changes (dropping a table deletes its data).
 *
 * <p>Thread-safe: any number of threads may write and read concurrently. Reads are synchronous and may block on
 * file I/O; callers choose the thread. Writes complete their stage once durable per the commit log's sync mode.
 *
 * <p>Start-up order: {@link #start()} opens the stored data of the tables the schema knows; the node then calls
 * {@link #replayCommitLog} for the system tables, loads the rest of the schema, and calls it again for all
 * tables. Records of tables that are not replayed yet are kept until they are.
 */
public interface StorageEngine extends Service {

    /**
     * Applies a mutation atomically (all its partition updates or none).
     *
     * @param mutation the mutation; its tables must exist in the schema
     * @param durable  false for keyspaces with {@code durable_writes = false}: skip the commit log
     * @return completes when the write is applied and as durable as the sync mode promises; fails with a
     *         {@link org.ringlet.api.error.RingletException} (e.g. a write failure when the disk is full)
     */
    CompletionStage<Void> apply(Mutation mutation, boolean durable);

    /**
     * Reads a partition's slice: memtables and files merged, deletions applied but tombstones kept, at most the
     * limit's number of live rows (tombstoned rows met before the limit are included), in the requested order.
     * Returns an empty partition when nothing is stored.
     */
    Partition read(SinglePartitionReadCommand command);

    /**
     * Reads like {@link #read} when the answer can be had from memory alone (memtables, caches, in-memory indexes)
     * without waiting for a file read, else returns null and the caller runs {@link #read} on a thread that may
     * block (the scheduler's {@code readExecutor()}). Never blocks on file I/O; may do part of the read's work
     * before it gives up. Thread-safe.
     *
     * @return the partition, or null when the read needs data that is not in memory (the default: always null)
     */
    default Partition readIfInMemory(SinglePartitionReadCommand command) {
        return null;
    }

    /**
     * Statistics of the engine's caches ({@code nodetool info}, the {@code org.apache.cassandra.metrics:type=Cache}
     * MBeans); empty for engines without caches.
     */
    default List<CacheStats> cacheStats() {
        return List.of();
    }

    /**
     * Reads partitions in token order, with the same rules per partition; partitions with nothing in the
     * selected slices are omitted. Stops once the total limit of live rows (or distinct partitions) is reached.
     */
    List<Partition> scan(PartitionRangeReadCommand command);

    /**
     * Replays commit log records of the selected tables that are not yet in files. Idempotent; stops at a torn
     * or corrupt record at the tail of the log.
     *
     * @return the number of mutations replayed
     */
    long replayCommitLog(Predicate<TableId> tables);

    /** Flushes a table's memtable to a file. */
    CompletionStage<Void> flush(TableId table);

    /** Flushes every table. */
    CompletionStage<Void> flushAll();

    /**
     * Deletes all of a table's data, taking a snapshot first when {@code snapshot} is true (as
     * {@code auto_snapshot} asks).
     */
    CompletionStage<Void> truncate(TableId table, boolean snapshot);

    /** Statistics of one table. */
    TableStats stats(TableId table);

    /** Bytes on disk of all live data files (what {@code nodetool status} shows as Load). */
    long liveDiskSpaceUsed();

    /**
     * Subscribes to table events (writes, flushes, files added and removed) of every table.
     *
     * @throws UnsupportedOperationException when the engine has no files to observe
     */
    default void addObserver(TableObserver observer) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no table observers");
    }

    /** Unsubscribes; unknown observers are ignored. */
    default void removeObserver(TableObserver observer) {
    }

    /** The table's live files, in generation order; empty for engines without files. */
    default List<SSTableInfo> sstables(TableId table) {
        return List.of();
    }

    /**
     * Compacts all of a table's files at once (a major compaction, {@code nodetool compact}). Completes when done;
     * fails with {@link UnsupportedOperationException} on engines without compaction.
     */
    default CompletionStage<Void> compact(TableId table) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(getClass().getSimpleName()
                + " does not compact"));
    }

    /** The compactions running now ({@code nodetool compactionstats}); empty for engines without compaction. */
    default List<CompactionProgress> compactionProgress() {
        return List.of();
    }

    /** The compactions finished since start, oldest first ({@code system.compaction_history}). */
    default List<CompactionHistoryEntry> compactionHistory() {
        return List.of();
    }

    /**
     * Sets {@code compaction_throughput} while running ({@code nodetool setcompactionthroughput}).
     *
     * @param bytesPerSecond the limit; 0 for none
     */
    default void setCompactionThroughput(long bytesPerSecond) {
    }

    /**
     * Takes a snapshot (hard links of the current files, after a flush) of the given tables, or of all tables when
     * the collection is empty ({@code nodetool snapshot}).
     *
     * @param tag the snapshot's name: letters, digits, {@code -}, {@code _} and {@code .}, not starting with a dot
     * @return completes when the snapshot exists; fails with {@link IllegalArgumentException} for a bad tag or one
     *         already used by a table, with {@link UnsupportedOperationException} on engines without files
     */
    default CompletionStage<Void> snapshot(String tag, Collection<TableId> tables) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(getClass().getSimpleName()
                + " has no snapshots"));
    }

    /**
     * Deletes snapshots ({@code nodetool clearsnapshot}).
     *
     * @param tag    the snapshot's name, or null or empty for every snapshot
     * @param tables the tables, or empty for all
     */
    default void clearSnapshot(String tag, Collection<TableId> tables) {
    }

    /** The snapshots, per table ({@code nodetool listsnapshots}). */
    default List<SnapshotInfo> listSnapshots() {
        return List.of();
    }

    /** Subscribes to the failures a failure policy was applied to. */
    default void addFailureListener(StorageFailureListener listener) {
    }
}
