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
 */
public final class InMemoryStorageEngine implements StorageEngine {
    private final Function<TableId, TableMetadata> tables;
    private final Map<TableId, ConcurrentSkipListMap<DecoratedKey, Partition>> data = new ConcurrentHashMap<>();
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

    private ConcurrentSkipListMap<DecoratedKey, Partition> table(TableId id) {
        return data.computeIfAbsent(id, k -> new ConcurrentSkipListMap<>());
    }

    @Override
    public synchronized CompletionStage<Void> apply(Mutation mutation, boolean durable) {
        for (Partition update : mutation.partitions().values()) {
            TableMetadata md = metadata(update.table());
            table(update.table()).merge(update.key(), update.purgeShadowed(md),
                    (a, b) -> Partition.merge(List.of(a, b), md));
        }
        writes.incrementAndGet();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public Partition readIfInMemory(SinglePartitionReadCommand c) {
        return read(c);
    }

    @Override
    public Partition read(SinglePartitionReadCommand c) {
        TableMetadata md = metadata(c.table());
        Partition stored = table(c.table()).get(c.key());
        if (stored == null) {
            return Partition.empty(c.table(), c.key());
        }
        int limit = Math.min(c.limits().rows(), c.limits().rowsPerPartition());
        return ReadFilters.filter(stored, md, c.clustering(), c.columns(), limit, c.limits().distinct(), null,
                c.nowInSeconds());
    }

    @Override
    public List<Partition> scan(PartitionRangeReadCommand c) {
        TableMetadata md = metadata(c.table());
        NavigableMap<DecoratedKey, Partition> all = table(c.table());
        List<Partition> out = new ArrayList<>();
        KeyRange range = c.range();
        int remaining = c.limits().rows();
        for (Partition p : all.values()) {
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
