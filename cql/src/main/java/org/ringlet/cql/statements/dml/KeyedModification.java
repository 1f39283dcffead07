package org.ringlet.cql.statements.dml;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.ringlet.api.cluster.WriteType;
import org.ringlet.api.data.Clustering;
import org.ringlet.api.data.ClusteringComparator;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.Mutation;
import org.ringlet.api.data.Partition;
import org.ringlet.api.data.Row;
import org.ringlet.api.data.Slice;
import org.ringlet.api.data.Slices;
import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.query.BoundValues;
import org.ringlet.api.query.ClientState;
import org.ringlet.api.query.ColumnSpec;
import org.ringlet.api.query.QueryOptions;
import org.ringlet.api.query.Response;
import org.ringlet.api.query.Result;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.storage.ClusteringFilter;
import org.ringlet.api.storage.ColumnFilter;
import org.ringlet.api.storage.DataLimits;
import org.ringlet.api.storage.SinglePartitionReadCommand;
import org.ringlet.cql.data.CellWriter;
import org.ringlet.cql.restrictions.StatementRestrictions;
import org.ringlet.cql.statements.QueryContext;

import static java.util.Objects.requireNonNull;

/**
 * An UPDATE or DELETE: rows named by a WHERE clause on the primary key (every combination of the partition keys
 * and clusterings it gives), changed by operations on their columns. Immutable and thread-safe.
 */
abstract class KeyedModification implements Modification {
    protected final TableMetadata table;
    protected final StatementRestrictions where;
    protected final List<Operation> operations;
    protected final Attributes attributes;
    private final List<ColumnSpec> bindVariables;
    private final List<Integer> partitionKeyBindIndexes;

    KeyedModification(TableMetadata table, StatementRestrictions where, List<Operation> operations,
                      Attributes attributes, List<ColumnSpec> bindVariables, List<Integer> partitionKeyBindIndexes) {
        this.table = requireNonNull(table, "table is null");
        this.where = requireNonNull(where, "where is null");
        this.operations = List.copyOf(operations);
        this.attributes = requireNonNull(attributes, "attributes is null");
        this.bindVariables = List.copyOf(bindVariables);
        this.partitionKeyBindIndexes = List.copyOf(partitionKeyBindIndexes);
    }

    @Override
    public TableMetadata tableMetadata() {
        return table;
    }

    @Override
    public List<ColumnSpec> bindVariables() {
        return bindVariables;
    }

    @Override
    public List<Integer> partitionKeyBindIndexes() {
        return partitionKeyBindIndexes;
    }

    @Override
    public String keyspace() {
        return table.keyspace();
    }

    @Override
    public String table() {
        return table.name();
    }

    @Override
    public boolean isCounter() {
        return table.isCounter();
    }

    @Override
    public boolean hasTimestamp() {
        return attributes.timestamp() != null;
    }

    /** The writer of cells for one execution. */
    protected CellWriter cells(QueryContext context, QueryOptions options, boolean withTtl) {
        BoundValues bound = options.values();
        long defaultTs = options.timestamp() != QueryOptions.NO_TIMESTAMP ? options.timestamp()
                : context.nextTimestamp();
        long now = options.nowInSeconds() != QueryOptions.NO_NOW ? options.nowInSeconds()
                : context.clock().currentTimeSeconds();
        int ttl = withTtl ? attributes.ttl(bound, table, now) : 0;
        return new CellWriter(attributes.timestamp(bound, defaultTs), ttl, now, context::nextTimeUuid);
    }

    /** The decorated partition keys the WHERE clause names. */
    protected List<DecoratedKey> keys(QueryContext context, BoundValues values) {
        List<DecoratedKey> out = new ArrayList<>();
        for (ByteBuffer k : where.partitionKeys(values)) {
            if (k.remaining() > 0xFFFF) {
                throw new InvalidRequestException("Key length of " + k.remaining()
                        + " is longer than maximum of 65535");
            }
            out.add(new DecoratedKey(context.topology().partitioner().token(k), k));
        }
        return out;
    }

    /** Whether an operation needs the stored rows first. */
    protected boolean requiresRead() {
        return operations.stream().anyMatch(Operation::requiresRead);
    }

    /**
     * Applies the operations to a row: static columns to the partition's static row, others to the row (none when
     * {@code clustering} is null).
     *
     * @param current the partition's stored rows when the operations read them, else null
     */
    protected void applyOperations(Partition.Builder partition, Clustering clustering, CellWriter cells,
                                   BoundValues values, Operation.ListPaths paths, Partition current) {
        Row.Builder row = clustering == null ? null : partition.row(clustering);
        for (Operation op : operations) {
            if (op.column().isStatic()) {
                op.apply(partition.staticRow(), cells, values, paths, currentRow(current, Clustering.STATIC,
                        cells.nowInSeconds()));
            } else if (row != null) {
                op.apply(row, cells, values, paths, currentRow(current, clustering, cells.nowInSeconds()));
            }
        }
    }

    private static Row currentRow(Partition current, Clustering clustering, long now) {
        if (current == null) {
            return null;
        }
        if (clustering == Clustering.STATIC || clustering.equals(Clustering.STATIC)) {
            return current.staticRow().liveView(now);
        }
        for (Row r : current.rows()) {
            if (r.clustering().equals(clustering)) {
                return r.liveView(now);
            }
        }
        return null;
    }

    @Override
    public CompletionStage<List<Mutation>> mutations(QueryContext context, QueryOptions options) {
        try {
            List<DecoratedKey> keys = keys(context, options.values());
            if (!requiresRead()) {
                return CompletableFuture.completedFuture(build(context, options, keys, Map.of()));
            }
            return readCurrent(context, options, keys).thenApply(current -> build(context, options, keys, current));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * The mutations of the statement for these keys.
     *
     * @param current the stored partitions by key when the operations read them (a key may be missing)
     */
    protected abstract List<Mutation> build(QueryContext context, QueryOptions options, List<DecoratedKey> keys,
                                            Map<DecoratedKey, Partition> current);

    /** Reads the rows the statement changes (read-before-write), at the statement's consistency level. */
    private CompletionStage<Map<DecoratedKey, Partition>> readCurrent(QueryContext context, QueryOptions options,
                                                                      List<DecoratedKey> keys) {
        long now = options.nowInSeconds() != QueryOptions.NO_NOW ? options.nowInSeconds()
                : context.clock().currentTimeSeconds();
        ClusteringFilter filter;
        if (where.restrictsWholeRows() && !table.clusteringColumns().isEmpty()) {
            ClusteringComparator comparator = ClusteringComparator.of(table);
            List<Slice> slices = clusterings(options.values()).stream().map(Slice::exactly).toList();
            filter = new ClusteringFilter(Slices.of(comparator, slices), false);
        } else {
            filter = ClusteringFilter.ALL;
        }
        List<SinglePartitionReadCommand> commands = keys.stream().map(k -> new SinglePartitionReadCommand(
                table.id(), k, filter, ColumnFilter.ALL, DataLimits.NONE, now)).toList();
        return context.coordinator().read(commands, options.consistency()).thenApply(partitions -> {
            Map<DecoratedKey, Partition> out = new HashMap<>();
            for (Partition p : partitions) {
                out.put(p.key(), p);
            }
            return out;
        });
    }

    /** Writes the mutations (the counter path for counter tables). */
    @Override
    public CompletionStage<Response> execute(QueryContext context, ClientState client, QueryOptions options) {
        try {
            return mutations(context, options).thenCompose(mutations -> {
                if (mutations.isEmpty()) {
                    return CompletableFuture.completedFuture(null);
                }
                return isCounterUpdate() ? context.coordinator().writeCounters(mutations, options.consistency())
                        : context.coordinator().write(mutations, options.consistency(), WriteType.SIMPLE);
            }).thenApply(v -> Response.of(new Result.Void()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The paths of list elements, in write order. */
    protected static Operation.ListPaths listPaths(QueryContext context) {
        return new Operation.ListPaths() {
            @Override
            public ByteBuffer append() {
                return context.nextTimeUuid();
            }

            @Override
            public ByteBuffer prepend() {
                return PrependPaths.next(context);
            }
        };
    }

    /** Builds one mutation of a partition from its builder. */
    protected Mutation mutation(Partition.Builder partition) {
        return Mutation.of(table.keyspace(), partition.build());
    }

    /** The clusterings of the rows a WHERE clause with whole rows names. */
    protected List<Clustering> clusterings(BoundValues values) {
        return where.clusterings(values);
    }
}
