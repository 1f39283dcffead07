package org.ringlet.cql.statements.dml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.ringlet.api.cluster.WriteType;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.Mutation;
import org.ringlet.api.data.Partition;
import org.ringlet.api.query.QueryOptions;
import org.ringlet.api.query.Response;
import org.ringlet.api.query.Result;
import org.ringlet.api.schema.TableId;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.cql.ast.RawStatement;
import org.ringlet.cql.statements.QueryContext;

import static java.util.Objects.requireNonNull;

/**
 * Writes the statements of a batch (a BATCH statement or a protocol BATCH message): one timestamp for all,
 * the mutations of one partition merged into one, through the coordinator's path for the batch's kind.
 */
public final class BatchWriter {
    private BatchWriter() {
    }

    /** A statement of a batch with its options (its own bound values, the batch's timestamp). */
    public record Bound(Modification statement, QueryOptions options) {
        public Bound {
            requireNonNull(statement, "statement is null");
            requireNonNull(options, "options is null");
        }
    }

    /** The options with a client timestamp. */
    static QueryOptions withTimestamp(QueryOptions o, long timestamp) {
        return new QueryOptions(o.consistency(), o.values(), o.skipMetadata(), o.pageSize(), o.pagingState(),
                o.serialConsistency(), timestamp, o.keyspace(), o.nowInSeconds());
    }

    /** The options with a fixed "now". */
    private static QueryOptions withNow(QueryOptions o, int now) {
        return new QueryOptions(o.consistency(), o.values(), o.skipMetadata(), o.pageSize(), o.pagingState(),
                o.serialConsistency(), o.timestamp(), o.keyspace(), now);
    }

    /**
     * Checks and writes a protocol BATCH message's statements.
     *
     * @throws org.ringlet.api.error.InvalidRequestException with Cassandra's message when they may not go together
     */
    public static CompletionStage<Response> writeChecked(QueryContext context, RawStatement.BatchType type,
                                                         List<Bound> statements, QueryOptions batchOptions) {
        BatchRules.check(type, false, statements.stream().map(Bound::statement).toList());
        return write(context, type, statements, batchOptions);
    }

    /**
     * Writes checked statements: LOGGED through the batchlog path, UNLOGGED as one unlogged write; counter updates
     * (of a COUNTER or UNLOGGED batch) then through the counter path.
     */
    static CompletionStage<Response> write(QueryContext context, RawStatement.BatchType type, List<Bound> statements,
                                           QueryOptions batchOptions) {
        long timestamp = batchOptions.timestamp() != QueryOptions.NO_TIMESTAMP ? batchOptions.timestamp()
                : context.nextTimestamp();
        int now = batchOptions.nowInSeconds() != QueryOptions.NO_NOW ? batchOptions.nowInSeconds()
                : (int) context.clock().currentTimeSeconds();
        List<CompletableFuture<List<Mutation>>> made = new ArrayList<>(statements.size());
        for (Bound b : statements) {
            made.add(b.statement().mutations(context, withNow(withTimestamp(b.options(), timestamp), now))
                    .toCompletableFuture());
        }
        return CompletableFuture.allOf(made.toArray(CompletableFuture[]::new)).thenCompose(v -> {
            List<Mutation> mutations = new ArrayList<>();
            List<Mutation> counterUpdates = new ArrayList<>();
            for (int i = 0; i < statements.size(); i++) {
                (statements.get(i).statement().isCounterUpdate() ? counterUpdates : mutations)
                        .addAll(made.get(i).join());
            }
            Map<TableId, TableMetadata> tables = tables(statements);
            List<Mutation> merged = merge(tables, mutations);
            List<String> warnings = BatchLimits.check(merged, counterUpdates, tables,
                    type == RawStatement.BatchType.LOGGED);
            return write(context, type, merged, counterUpdates, batchOptions)
                    .thenApply(w -> new Response(new Result.Void(), warnings));
        });
    }

    private static CompletionStage<Void> write(QueryContext context, RawStatement.BatchType type,
                                               List<Mutation> merged, List<Mutation> counterUpdates,
                                               QueryOptions batchOptions) {
        if (merged.isEmpty() && counterUpdates.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletionStage<Void> write;
        if (type == RawStatement.BatchType.LOGGED) {
            write = context.coordinator().writeLoggedBatch(merged, batchOptions.consistency());
        } else {
            write = merged.isEmpty() ? CompletableFuture.completedFuture(null)
                    : context.coordinator().write(merged, batchOptions.consistency(), WriteType.UNLOGGED_BATCH);
        }
        if (!counterUpdates.isEmpty()) {
            // each delta applied on its own: merging would reconcile two increments of one counter into one
            write = write.thenCompose(v -> context.coordinator().writeCounters(counterUpdates,
                    batchOptions.consistency()));
        }
        return write;
    }

    private static Map<TableId, TableMetadata> tables(List<Bound> statements) {
        Map<TableId, TableMetadata> tables = new LinkedHashMap<>();
        for (Bound b : statements) {
            tables.put(b.statement().tableMetadata().id(), b.statement().tableMetadata());
        }
        return tables;
    }

    /** One mutation per keyspace and partition key, each table's updates reconciled into one partition. */
    private static List<Mutation> merge(Map<TableId, TableMetadata> tables, List<Mutation> mutations) {
        Map<String, Map<DecoratedKey, Map<TableId, List<Partition>>>> grouped = new LinkedHashMap<>();
        for (Mutation m : mutations) {
            Map<TableId, List<Partition>> byTable = grouped.computeIfAbsent(m.keyspace(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(m.key(), k -> new LinkedHashMap<>());
            m.partitions().forEach((id, p) -> byTable.computeIfAbsent(id, k -> new ArrayList<>()).add(p));
        }
        List<Mutation> out = new ArrayList<>();
        grouped.forEach((keyspace, byKey) -> byKey.forEach((key, byTable) -> {
            List<Partition> merged = new ArrayList<>(byTable.size());
            byTable.forEach((id, versions) -> merged.add(versions.size() == 1 ? versions.get(0)
                    : Partition.merge(versions, tables.get(id))));
            out.add(Mutation.of(keyspace, merged));
        }));
        return out;
    }
}
