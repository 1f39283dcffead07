package org.ringlet.cql.statements.select;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.query.BoundValues;
import org.ringlet.api.query.ClientState;
import org.ringlet.api.query.ColumnSpec;
import org.ringlet.api.query.QueryOptions;
import org.ringlet.api.query.Response;
import org.ringlet.api.query.Result;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.storage.ClusteringFilter;
import org.ringlet.api.types.NativeType;
import org.ringlet.cql.restrictions.RowFilter;
import org.ringlet.cql.restrictions.StatementRestrictions;
import org.ringlet.cql.selection.ResultBuilder;
import org.ringlet.cql.selection.Selection;
import org.ringlet.cql.statements.CqlStatement;
import org.ringlet.cql.statements.QueryContext;
import org.ringlet.cql.terms.Term;

import static java.util.Objects.requireNonNull;

/**
 * A prepared SELECT. Reads the partitions of the restricted keys (in key order) or a token range (in token order),
 * pages by rows with an opaque paging state, and aggregates over every row when the selection aggregates (reading
 * in batches of the page size, returning one row and no paging state). Immutable and thread-safe.
 */
public final class SelectStatement implements CqlStatement {
    /** Rows read per batch by queries that do not page (and by aggregates when the client sets no page size). */
    static final int INTERNAL_BATCH = 10_000;

    private final TableMetadata table;
    private final Selection selection;
    private final StatementRestrictions restrictions;
    private final Term limit;
    private final List<ColumnSpec> bindVariables;
    private final List<Integer> partitionKeyBindIndexes;

    SelectStatement(TableMetadata table, Selection selection, StatementRestrictions restrictions, Term limit,
                    List<ColumnSpec> bindVariables, List<Integer> partitionKeyBindIndexes) {
        this.table = requireNonNull(table, "table is null");
        this.selection = requireNonNull(selection, "selection is null");
        this.restrictions = requireNonNull(restrictions, "restrictions is null");
        this.limit = limit;
        this.bindVariables = List.copyOf(bindVariables);
        this.partitionKeyBindIndexes = List.copyOf(partitionKeyBindIndexes);
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
    public List<ColumnSpec> resultColumns() {
        return selection.columns();
    }

    @Override
    public String keyspace() {
        return table.keyspace();
    }

    @Override
    public String table() {
        return table.name();
    }

    private int userLimit(BoundValues values) {
        if (limit == null) {
            return Integer.MAX_VALUE;
        }
        if (limit.isUnset(values)) {
            return Integer.MAX_VALUE;
        }
        ByteBuffer v = limit.bind(values);
        if (v == null) {
            throw new InvalidRequestException("Invalid null value of limit");
        }
        int n = (Integer) NativeType.INT.compose(v);
        if (n <= 0) {
            throw new InvalidRequestException("LIMIT must be strictly positive");
        }
        return n;
    }

    @Override
    public CompletionStage<Response> execute(QueryContext context, ClientState client, QueryOptions options) {
        try {
            BoundValues values = options.values();
            int userLimit = userLimit(values);
            long now = options.nowInSeconds() != QueryOptions.NO_NOW ? options.nowInSeconds()
                    : context.clock().currentTimeSeconds();
            ReadSource source = table.isVirtual() ? ReadSource.virtual(context.virtualTables(), table)
                    : ReadSource.coordinator(context.coordinator(), options.consistency());
            PartitionReader reader = reader(context, values, source, now);
            RowFilter filter = restrictions.rowFilter(values);
            boolean staticRows = !restrictions.hasClusteringRestrictions();
            if (selection.isAggregate()) {
                return aggregate(reader, filter, staticRows, now, options);
            }
            PagingState state = options.pagingStateIfAny().map(PagingState::deserialize).orElse(null);
            int remaining = state != null ? state.remaining() : userLimit;
            int pageSize = options.pageSize() > 0 ? options.pageSize() : Integer.MAX_VALUE;
            int target = Math.min(pageSize, remaining);
            PartitionReader.Position start = state == null ? null : new PartitionReader.Position(
                    decorate(context.topology().partitioner(), state.partitionKey()), state.clustering());
            ResultBuilder result = selection.newResultBuilder();
            RowCollector rows = new RowCollector(table, result, filter, staticRows, now, start, target);
            return collect(reader, rows, 0).thenApply(exhausted -> {
                ByteBuffer next = null;
                if (!exhausted && rows.isFull() && remaining - rows.emitted() > 0) {
                    PartitionReader.Position p = rows.position();
                    next = new PagingState(p.key().key(), p.clustering(), remaining - rows.emitted()).serialize();
                }
                return Response.of(new Result.Rows(selection.columns(), result.build(), next, null));
            });
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static DecoratedKey decorate(Partitioner partitioner, ByteBuffer key) {
        return new DecoratedKey(partitioner.token(key), key);
    }

    private PartitionReader reader(QueryContext context, BoundValues values, ReadSource source, long now) {
        ClusteringFilter clustering = new ClusteringFilter(restrictions.slices(values), false);
        if (restrictions.isKeyRange()) {
            return new PartitionReader.Range(table, clustering, source, now,
                    restrictions.keyRange(values, context.topology().partitioner()));
        }
        Partitioner partitioner = context.topology().partitioner();
        List<DecoratedKey> keys = new ArrayList<>();
        for (ByteBuffer k : restrictions.partitionKeys(values)) {
            if (k.remaining() > 0xFFFF) {
                throw new InvalidRequestException("Key length of " + k.remaining()
                        + " is longer than maximum of 65535");
            }
            keys.add(decorate(partitioner, k));
        }
        return new PartitionReader.Keys(table, clustering, source, now, keys);
    }

    /**
     * Reads batches until the collector is full or nothing is left. Batches that are already read (local reads
     * complete at once) are handled in a loop rather than by nesting stages, so long scans use no stack.
     *
     * @param batchSize the rows per batch, or 0 for as many as the collector still wants
     * @return whether everything was read
     */
    private static CompletionStage<Boolean> collect(PartitionReader reader, RowCollector rows, int batchSize) {
        while (true) {
            if (rows.isFull()) {
                return CompletableFuture.completedFuture(false);
            }
            int batch = batchSize > 0 ? batchSize : Math.min(Math.max(rows.wanted(), 1), INTERNAL_BATCH);
            CompletableFuture<PartitionReader.Batch> read = reader.read(rows.position(), batch).toCompletableFuture();
            if (!read.isDone() || read.isCompletedExceptionally()) {
                return read.thenCompose(b -> {
                    rows.add(b.partitions());
                    return b.exhausted() ? CompletableFuture.completedFuture(true)
                            : collect(reader, rows, batchSize);
                });
            }
            PartitionReader.Batch b = read.join();
            rows.add(b.partitions());
            if (b.exhausted()) {
                return CompletableFuture.completedFuture(true);
            }
        }
    }

    private CompletionStage<Response> aggregate(PartitionReader reader, RowFilter filter, boolean staticRows,
                                                long now, QueryOptions options) {
        ResultBuilder result = selection.newResultBuilder();
        RowCollector rows = new RowCollector(table, result, filter, staticRows, now, null, Integer.MAX_VALUE);
        List<String> warnings = new ArrayList<>();
        if (restrictions.isKeyRange()) {
            warnings.add("Aggregation query used without partition key");
        } else if (restrictions.hasPartitionKeyIn()) {
            warnings.add("Aggregation query used on multiple partition keys (IN restriction)");
        }
        int batch = options.pageSize() > 0 ? options.pageSize() : INTERNAL_BATCH;
        return collect(reader, rows, batch).thenApply(v -> new Response(
                new Result.Rows(selection.columns(), result.build(), null, null), warnings));
    }
}
