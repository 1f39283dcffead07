package org.ringlet.cql.statements.select;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.ringlet.api.data.Clustering;
import org.ringlet.api.data.ClusteringBound;
import org.ringlet.api.data.ClusteringComparator;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.Partition;
import org.ringlet.api.data.Slice;
import org.ringlet.api.data.Slices;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.storage.ClusteringFilter;
import org.ringlet.api.storage.ColumnFilter;
import org.ringlet.api.storage.DataLimits;
import org.ringlet.api.storage.KeyRange;
import org.ringlet.api.storage.PartitionRangeReadCommand;
import org.ringlet.api.storage.ReadFilters;
import org.ringlet.api.storage.SinglePartitionReadCommand;

/**
 * Reads a query's partitions in order, a batch at a time, resuming after a position: the partitions of given keys
 * one after the other, or a token range scan.
 */
abstract class PartitionReader {

    /**
     * Where reading resumes: after the row at {@code clustering} of partition {@code key}, or after the whole
     * partition when {@code clustering} is null.
     */
    record Position(DecoratedKey key, Clustering clustering) {
    }

    /**
     * A batch read.
     *
     * @param partitions the partitions, in order
     * @param exhausted  whether nothing is left after them
     */
    record Batch(List<Partition> partitions, boolean exhausted) {
    }

    protected final TableMetadata table;
    protected final ClusteringFilter clustering;
    protected final ReadSource source;
    protected final long nowInSeconds;
    protected final DataLimits limits;

    /**
     * @param limits the limits of every read (rows per partition, distinct); the number of rows is set per read
     */
    PartitionReader(TableMetadata table, ClusteringFilter clustering, ReadSource source, long nowInSeconds,
                    DataLimits limits) {
        this.table = table;
        this.clustering = clustering;
        this.source = source;
        this.nowInSeconds = nowInSeconds;
        this.limits = limits;
    }

    /** Reads the next partitions after {@code after} (null: from the start), holding at most {@code limit} rows. */
    abstract CompletionStage<Batch> read(Position after, int limit);

    int liveRows(List<Partition> partitions) {
        int n = 0;
        for (Partition p : partitions) {
            n += ReadFilters.liveRowCount(p, nowInSeconds);
        }
        return n;
    }

    /** The partitions of the given keys, in the given order. */
    static final class Keys extends PartitionReader {
        private final List<DecoratedKey> keys;

        Keys(TableMetadata table, ClusteringFilter clustering, ReadSource source, long nowInSeconds,
             DataLimits limits, List<DecoratedKey> keys) {
            super(table, clustering, source, nowInSeconds, limits);
            this.keys = List.copyOf(keys);
        }

        @Override
        CompletionStage<Batch> read(Position after, int limit) {
            int start = 0;
            Clustering within = null;
            if (after != null) {
                start = keys.indexOf(after.key());
                if (start < 0) {
                    return CompletableFuture.completedFuture(new Batch(List.of(), true));
                }
                if (after.clustering() == null) {
                    start++;
                } else {
                    within = after.clustering();
                }
            }
            return next(start, within, limit, new ArrayList<>());
        }

        private CompletionStage<Batch> next(int index, Clustering within, int remaining, List<Partition> out) {
            if (index >= keys.size()) {
                return CompletableFuture.completedFuture(new Batch(out, true));
            }
            if (remaining <= 0) {
                return CompletableFuture.completedFuture(new Batch(out, false));
            }
            ClusteringFilter filter = within == null ? clustering
                    : new ClusteringFilter(after(clustering.slices(), within), clustering.reversed());
            SinglePartitionReadCommand command = new SinglePartitionReadCommand(table.id(), keys.get(index), filter,
                    ColumnFilter.ALL, limits.withRows(remaining), nowInSeconds);
            return source.read(command).thenCompose(p -> {
                if (!p.isEmpty()) {
                    out.add(p);
                }
                int live = ReadFilters.liveRowCount(p, nowInSeconds);
                if (live >= remaining) {
                    // the limit stopped this read: the partition may hold more rows
                    return CompletableFuture.completedFuture(new Batch(out, false));
                }
                return next(index + 1, null, remaining - live, out);
            });
        }

        private Slices after(Slices slices, Clustering last) {
            ClusteringComparator comparator = ClusteringComparator.of(table);
            List<Slice> out = new ArrayList<>();
            for (Slice s : slices) {
                Slice cut;
                if (clustering.reversed()) {
                    ClusteringBound end = ClusteringBound.exclusiveEnd(last);
                    cut = new Slice(s.start(), comparator.compare(end, s.end()) < 0 ? end : s.end());
                } else {
                    ClusteringBound start = ClusteringBound.exclusiveStart(last);
                    cut = new Slice(comparator.compare(start, s.start()) > 0 ? start : s.start(), s.end());
                }
                out.add(cut);
            }
            return Slices.of(comparator, out);
        }
    }

    /** The partitions of a token range, in token order. */
    static final class Range extends PartitionReader {
        private final KeyRange range;

        Range(TableMetadata table, ClusteringFilter clustering, ReadSource source, long nowInSeconds,
              DataLimits limits, KeyRange range) {
            super(table, clustering, source, nowInSeconds, limits);
            this.range = range;
        }

        @Override
        CompletionStage<Batch> read(Position after, int limit) {
            KeyRange r = after == null ? range : range.resumingAfter(after.key(), after.clustering());
            PartitionRangeReadCommand command = new PartitionRangeReadCommand(table.id(), r, clustering,
                    ColumnFilter.ALL, limits.withRows(limit), nowInSeconds);
            return source.scan(command).thenApply(partitions -> new Batch(partitions,
                    liveRows(partitions) < limit));
        }
    }
}
