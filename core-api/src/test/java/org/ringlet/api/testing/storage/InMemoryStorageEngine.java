package org.ringlet.api.testing.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.Mutation;
import org.ringlet.api.data.Partition;
import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.schema.TableId;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.storage.KeyRange;
import org.ringlet.api.storage.PartitionRangeReadCommand;
import org.ringlet.api.storage.ReadFilters;
import org.ringlet.api.storage.SinglePartitionReadCommand;
import org.ringlet.api.storage.StorageEngine;
import org.ringlet.api.storage.TableStats;

/**
 * A storage engine that keeps merged partitions in memory: the executable model of the storage semantics, used
 * by other modules' tests and as the oracle of the LSM engine's model-based tests. Not durable.
 *
 * <p>Updates of a partition are kept as they come and merged all at once ({@link Partition#merge}) when the
 * partition is read, or when the unmerged updates outnumber the rows already merged: merging every update into the
 * whole partition would cost time proportional to its size per write, quadratic for a wide partition.
 */
public final class InMemoryStorageEngine implements StorageEngine {
    private final Function<TableId, TableMetadata> tables;
    private final Map<TableId, ConcurrentSkipListMap<DecoratedKey, Versions>> data = new ConcurrentHashMap<>();
    private final AtomicLong writes = new AtomicLong();

    /**
     * @param tables the metadata of a table by id; must know every table written or read
     */
    public InMemoryStorageEngine(Function<TableId, TableMetadata> tables) {
        this.tables = tables;
    }

    private TableMetadata metadata(TableId id) {
        TableMetadata t = tables.apply(id);
        if (t == null) {
            throw new InvalidRequestException("Unknown table id " + id);
        }
        return t;
    }

    private ConcurrentSkipListMap<DecoratedKey, Versions> table(TableId id) {
        return data.computeIfAbsent(id, k -> new ConcurrentSkipListMap<>());
    }

    /** A partition's merged state and the updates not yet merged into it. */
    private static final class Versions {
        private Partition merged;
        private final List<Partition> pending = new ArrayList<>();

        void add(Partition update, TableMetadata md) {
            pending.add(update);
            if (pending.size() >= Math.max(16, merged == null ? 0 : merged.rows().size())) {
                merged(md);
            }
        }

        Partition merged(TableMetadata md) {
            if (!pending.isEmpty()) {
                List<Partition> versions = new ArrayList<>(pending.size() + 1);
                if (merged != null) {
                    versions.add(merged);
                }
                versions.addAll(pending);
                merged = Partition.merge(versions, md);
                pending.clear();
            }
            return merged;
        }
    }

    @Override
    public synchronized CompletionStage<Void> apply(Mutation mutation, boolean durable) {
        for (Partition update : mutation.partitions().values()) {
            TableMetadata md = metadata(update.table());
            table(update.table()).computeIfAbsent(update.key(), k -> new Versions()).add(update.purgeShadowed(md), md);
        }
        writes.incrementAndGet();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public Partition readIfInMemory(SinglePartitionReadCommand c) {
        return read(c);
    }

    @Override
    public synchronized Partition read(SinglePartitionReadCommand c) {
        TableMetadata md = metadata(c.table());
        Versions versions = table(c.table()).get(c.key());
        if (versions == null) {
            return Partition.empty(c.table(), c.key());
        }
        Partition stored = versions.merged(md);
        int limit = Math.min(c.limits().rows(), c.limits().rowsPerPartition());
        return ReadFilters.filter(stored, md, c.clustering(), c.columns(), limit, c.limits().distinct(), null,
                c.nowInSeconds());
    }

    @Override
    public synchronized List<Partition> scan(PartitionRangeReadCommand c) {
        TableMetadata md = metadata(c.table());
        NavigableMap<DecoratedKey, Versions> all = table(c.table());
        List<Partition> out = new ArrayList<>();
        KeyRange range = c.range();
        int remaining = c.limits().rows();
        for (Versions v : all.values()) {
            Partition p = v.merged(md);
            if (remaining <= 0) {
                break;
            }
            if (!range.includes(p.key())) {
                continue;
            }
            boolean resumed = range.resumeAfter() != null && p.key().equals(range.resumeAfter());
            int limit = Math.min(remaining, c.limits().rowsPerPartition());
            Partition f = ReadFilters.filter(p, md, c.clustering(), c.columns(), limit, c.limits().distinct(),
                    resumed ? range.resumeWithin() : null, c.nowInSeconds());
            int count = ReadFilters.liveRowCount(f, c.nowInSeconds());
            if (f.rows().isEmpty() && f.staticRow().isEmpty() && f.partitionDeletion().isLive()
                    && f.rangeTombstones().isEmpty()) {
                continue;
            }
            remaining -= c.limits().distinct() ? Math.min(count, 1) : count;
            out.add(f);
        }
        return out;
    }

    @Override
    public long replayCommitLog(Predicate<TableId> selected) {
        return 0;
    }

    @Override
    public CompletionStage<Void> flush(TableId table) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> flushAll() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletionStage<Void> truncate(TableId table, boolean snapshot) {
        data.remove(table);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public TableStats stats(TableId table) {
        long partitions = table(table).size();
        return new TableStats(0, 0, 0, 0, 0, 0, partitions, 0, writes.get(), 0, 0);
    }

    @Override
    public long liveDiskSpaceUsed() {
        return 0;
    }

    @Override
    public void start() {
    }

    @Override
    public void stop() {
    }
}
