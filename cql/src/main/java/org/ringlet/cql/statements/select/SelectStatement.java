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
import org.ringlet.api.storage.DataLimits;
import org.ringlet.api.storage.KeyRange;
import org.ringlet.api.data.Slices;
import org.ringlet.api.types.MarshalException;
import org.ringlet.api.types.NativeType;
import org.ringlet.cql.restrictions.RowFilter;
import org.ringlet.cql.restrictions.StatementRestrictions;
import org.ringlet.cql.selection.ResultBuilder;
import org.ringlet.cql.selection.RowView;
import org.ringlet.cql.selection.Selection;
import org.ringlet.cql.statements.CqlStatement;
import org.ringlet.cql.statements.QueryContext;
import org.ringlet.cql.terms.Term;

import static java.util.Objects.requireNonNull;

/**
 * A prepared SELECT. Reads the partitions of the restricted keys (in key order) or a token range (in token order),
 * in clustering order or reversed (ORDER BY), and pages by rows (or by groups with GROUP BY, or by partitions with
 * DISTINCT) with an opaque paging state. Aggregates without GROUP BY read every row in batches of the page size and
 * return one row without a paging state. Immutable and thread-safe.
 */
public final class SelectStatement implements CqlStatement {
    /** Rows read per batch by queries that do not page (and by aggregates when the client sets no page size). */
    static final int INTERNAL_BATCH = 10_000;

    /**
     * How a query reads and counts.
     *
     * @param reversed     whether rows are read in reverse clustering order
     * @param distinct     whether each partition gives one row (SELECT DISTINCT)
     * @param groupPrefix  the number of clustering columns of a GROUP BY group, or -1 without GROUP BY
     * @param postOrdering the order to sort the rows of several partitions in (IN with ORDER BY), or null
     */
    record Shape(boolean reversed, boolean distinct, int groupPrefix, RowOrder postOrdering) {
    }

    private final TableMetadata table;
    private final Selection selection;
    private final StatementRestrictions restrictions;
    private final Term limit;
    private final Term perPartitionLimit;
    private final Shape shape;
    private final List<ColumnSpec> bindVariables;
    private final List<Integer> partitionKeyBindIndexes;

    SelectStatement(TableMetadata table, Selection selection, StatementRestrictions restrictions, Term limit,
                    Term perPartitionLimit, Shape shape, List<ColumnSpec> bindVariables,
                    List<Integer> partitionKeyBindIndexes) {
        this.table = requireNonNull(table, "table is null");
        this.selection = requireNonNull(selection, "selection is null");
        this.restrictions = requireNonNull(restrictions, "restrictions is null");
        this.limit = limit;
        this.perPartitionLimit = perPartitionLimit;
        this.shape = requireNonNull(shape, "shape is null");
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

    private static int limitValue(Term term, BoundValues values) {
        if (term == null || term.isUnset(values)) {
            return Integer.MAX_VALUE;
        }
        ByteBuffer v = term.bind(values);
        if (v == null) {
            throw new InvalidRequestException("Invalid null value of limit");
        }
        int n;
        try {
            n = (Integer) NativeType.INT.compose(v);
        } catch (MarshalException e) {
            throw new InvalidRequestException("Invalid limit value");
        }
        if (n <= 0) {
            throw new InvalidRequestException("LIMIT must be strictly positive");
        }
        return n;
    }

    private boolean aggregatesEverything() {
        return shape.groupPrefix() < 0 && selection.isAggregate();
    }

    /** The warnings Cassandra gives for aggregation over several partitions. */
    private List<String> warnings() {
        if (aggregatesEverything() || shape.groupPrefix() >= 0) {
            if (!restrictions.hasPartitionKeyRestrictions()) {
                return List.of("Aggregation query used without partition key");
            }
            if (restrictions.hasPartitionKeyIn()) {
                return List.of("Aggregation query used on multiple partition keys (IN restriction)");
            }
        }
        return List.of();
    }

    @Override
    public CompletionStage<Response> execute(QueryContext context, ClientState client, QueryOptions options) {
        try {
            BoundValues values = options.values();
            int userLimit = limitValue(limit, values);
            int perPartition = limitValue(perPartitionLimit, values);
            long now = options.nowInSeconds() != QueryOptions.NO_NOW ? options.nowInSeconds()
                    : context.clock().currentTimeSeconds();
            List<String> warnings = warnings();
            if (shape.postOrdering() != null && options.pageSize() > 0) {
                throw new InvalidRequestException("Cannot page queries with both ORDER BY and a IN restriction on "
                        + "the partition key; you must either remove the ORDER BY or the IN and sort client side, or "
                        + "disable paging for this query");
            }
            RowFilter filter = restrictions.rowFilter(values);
            DataLimits limits = new DataLimits(DataLimits.NO_LIMIT,
                    filter.isEmpty() && shape.groupPrefix() < 0 ? perPartition : DataLimits.NO_LIMIT,
                    shape.distinct());
            ReadSource source = table.isVirtual() ? ReadSource.virtual(context.virtualTables(), table)
                    : ReadSource.coordinator(context.coordinator(), options.consistency());
            PartitionReader reader = reader(context, values, source, now, limits);
            boolean staticRows = restrictions.queriesFullPartitions();
            if (aggregatesEverything()) {
                return aggregate(reader, filter, staticRows, now, options, warnings);
            }
            PagingState state = options.pagingStateIfAny().map(PagingState::deserialize).orElse(null);
            int remaining = state != null ? state.remaining() : userLimit;
            int pageSize = options.pageSize() > 0 ? options.pageSize() : Integer.MAX_VALUE;
            PartitionReader.Position start = state == null ? null : new PartitionReader.Position(
                    decorate(context.topology().partitioner(), state.partitionKey()), state.clustering());
            boolean grouped = shape.groupPrefix() >= 0;
            ResultBuilder result = grouped ? selection.newGroupingResultBuilder(values)
                    : selection.newResultBuilder(values);
            if (shape.postOrdering() != null) {
                return sorted(reader, result, filter, staticRows, now, perPartition, userLimit, warnings);
            }
            int target = Math.min(pageSize, remaining);
            RowCollector rows = new RowCollector(table, sink(result), filter, staticRows, now, start,
                    state == null ? 0 : state.inPartition(), target, perPartition, shape.distinct(),
                    shape.groupPrefix());
            int batch = grouped ? (options.pageSize() > 0 ? options.pageSize() : INTERNAL_BATCH) : 0;
            return collect(reader, rows, batch).thenApply(exhausted -> {
                ByteBuffer next = null;
                boolean more = grouped ? rows.isFull() : !exhausted && rows.isFull();
                if (more && remaining - rows.emitted() > 0) {
                    PartitionReader.Position p = rows.position();
                    next = new PagingState(p.key().key(), p.clustering(), remaining - rows.emitted(),
                            rows.emittedInPartition()).serialize();
                }
                return new Response(new Result.Rows(selection.columns(), result.build(), next, null), warnings);
            });
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static RowCollector.Sink sink(ResultBuilder result) {
        return new RowCollector.Sink() {
            @Override
            public void startGroup() {
                result.startGroup();
            }

            @Override
            public void add(RowView row) {
                result.add(row);
            }
        };
    }

    private static DecoratedKey decorate(Partitioner partitioner, ByteBuffer key) {
        return new DecoratedKey(partitioner.token(key), key);
    }

    private PartitionReader reader(QueryContext context, BoundValues values, ReadSource source, long now,
                                   DataLimits limits) {
        Slices slices = shape.distinct() ? Slices.ALL : restrictions.slices(values);
        ClusteringFilter clustering = new ClusteringFilter(slices, shape.reversed());
        Partitioner partitioner = context.topology().partitioner();
        if (restrictions.isKeyRange()) {
            return new PartitionReader.Range(table, clustering, source, now, limits,
                    restrictions.keyRange(values, partitioner));
        }
        KeyRange tokens = restrictions.tokenFilter(values, partitioner);
        List<DecoratedKey> keys = new ArrayList<>();
        for (ByteBuffer k : restrictions.partitionKeys(values)) {
            if (k.remaining() > 0xFFFF) {
                throw new InvalidRequestException("Key length of " + k.remaining()
                        + " is longer than maximum of 65535");
            }
            DecoratedKey key = decorate(partitioner, k);
            if (tokens == null || tokens.containsToken(key.token())) {
                keys.add(key);
            }
        }
        if (slices.isEmpty()) {
            keys.clear();
        }
        return new PartitionReader.Keys(table, clustering, source, now, limits, keys);
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
                                                long now, QueryOptions options, List<String> warnings) {
        ResultBuilder result = selection.newResultBuilder(options.values());
        RowCollector rows = new RowCollector(table, sink(result), filter, staticRows, now, null, 0,
                Integer.MAX_VALUE, Integer.MAX_VALUE, shape.distinct(), -1);
        int batch = options.pageSize() > 0 ? options.pageSize() : INTERNAL_BATCH;
        return collect(reader, rows, batch).thenApply(v -> new Response(
                new Result.Rows(selection.columns(), result.build(), null, null), warnings));
    }

    /** IN with ORDER BY, without paging: every row is read, sorted, then limited. */
    private CompletionStage<Response> sorted(PartitionReader reader, ResultBuilder result, RowFilter filter,
                                             boolean staticRows, long now, int perPartition, int userLimit,
                                             List<String> warnings) {
        List<RowView> read = new ArrayList<>();
        RowCollector rows = new RowCollector(table, read::add, filter, staticRows, now, null, 0, Integer.MAX_VALUE,
                perPartition, shape.distinct(), -1);
        return collect(reader, rows, INTERNAL_BATCH).thenApply(v -> {
            read.sort(shape.postOrdering());
            for (int i = 0; i < read.size() && i < userLimit; i++) {
                result.add(read.get(i));
            }
            return new Response(new Result.Rows(selection.columns(), result.build(), null, null), warnings);
        });
    }
}
