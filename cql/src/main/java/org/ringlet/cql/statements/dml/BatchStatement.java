package org.ringlet.cql.statements.dml;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.query.ClientState;
import org.ringlet.api.query.ColumnSpec;
import org.ringlet.api.query.QueryOptions;
import org.ringlet.api.query.Response;
import org.ringlet.cql.ast.RawStatement;
import org.ringlet.cql.parser.ParsedStatement;
import org.ringlet.cql.statements.CqlStatement;
import org.ringlet.cql.statements.QueryContext;
import org.ringlet.cql.terms.BindSpecs;
import org.ringlet.cql.terms.Marker;
import org.ringlet.cql.terms.TermPreparer;

import static java.util.Objects.requireNonNull;

/**
 * {@code BEGIN [UNLOGGED | COUNTER] BATCH [USING TIMESTAMP t] ... APPLY BATCH}: modifications that share the
 * statement's bind markers and one write timestamp, written together. Immutable and thread-safe.
 */
public final class BatchStatement implements CqlStatement {
    private final RawStatement.BatchType type;
    private final Attributes attributes;
    private final List<Modification> statements;
    private final List<ColumnSpec> bindVariables;
    private final List<Integer> partitionKeyBindIndexes;

    private BatchStatement(RawStatement.BatchType type, Attributes attributes, List<Modification> statements,
                           List<ColumnSpec> bindVariables, List<Integer> partitionKeyBindIndexes) {
        this.type = requireNonNull(type, "type is null");
        this.attributes = requireNonNull(attributes, "attributes is null");
        this.statements = List.copyOf(statements);
        this.bindVariables = List.copyOf(bindVariables);
        this.partitionKeyBindIndexes = List.copyOf(partitionKeyBindIndexes);
    }

    /**
     * Prepares a batch: every child with the batch's bind markers, then the batch rules.
     *
     * @throws InvalidRequestException with Cassandra's messages
     */
    public static BatchStatement prepare(ParsedStatement parsed, RawStatement.Batch raw, QueryContext context,
                                         String keyspace) {
        BindSpecs binds = new BindSpecs(parsed.markers());
        List<Modification> children = new ArrayList<>(raw.statements().size());
        for (RawStatement child : raw.statements()) {
            children.add(prepareChild(binds, child, context, keyspace));
        }
        Attributes attributes = batchAttributes(raw.attributes(), binds, context);
        BatchRules.check(raw.type(), attributes.timestamp() != null, children);
        return new BatchStatement(raw.type(), attributes, children, binds.toList(),
                routingIndexes(binds, attributes, children));
    }

    /**
     * Cassandra's routing indexes for a batch: those of the first statement's table when every statement writes
     * that table and the batch has no timestamp marker of its own (Cassandra 5.0.6 sends none then).
     */
    private static List<Integer> routingIndexes(BindSpecs binds, Attributes attributes, List<Modification> children) {
        if (children.isEmpty() || attributes.timestamp() instanceof Marker || children.stream().anyMatch(
                s -> !s.tableMetadata().id().equals(children.get(0).tableMetadata().id()))) {
            return List.of();
        }
        return binds.partitionKeyIndexes(children.get(0).tableMetadata());
    }

    private static Modification prepareChild(BindSpecs binds, RawStatement child, QueryContext context,
                                             String keyspace) {
        if (child instanceof RawStatement.Insert i) {
            return InsertStatement.prepare(binds, false, i, context, keyspace);
        }
        if (child instanceof RawStatement.Update u) {
            return UpdateStatement.prepare(binds, false, u, context, keyspace);
        }
        if (child instanceof RawStatement.Delete d) {
            return DeleteStatement.prepare(binds, false, d, context, keyspace);
        }
        throw new InvalidRequestException(BatchRules.ONLY_MODIFICATIONS);
    }

    /** The batch's USING clause: a timestamp (its marker's table is {@code [batch].[batch]}), never a TTL. */
    private static Attributes batchAttributes(RawStatement.Attributes raw, BindSpecs binds, QueryContext context) {
        if (raw.timeToLive() != null) {
            throw new InvalidRequestException("Global TTL on the BATCH statement is not supported.");
        }
        return Attributes.prepare(raw, "[batch]", "[batch]", new TermPreparer(binds, context.functions(), null,
                context.clock()));
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
    public CompletionStage<Response> execute(QueryContext context, ClientState client, QueryOptions options) {
        try {
            QueryOptions batchOptions = options;
            if (attributes.timestamp() != null) {
                batchOptions = BatchWriter.withTimestamp(options, attributes.timestamp(options.values(),
                        options.timestamp()));
            }
            List<BatchWriter.Bound> bound = new ArrayList<>(statements.size());
            for (Modification s : statements) {
                bound.add(new BatchWriter.Bound(s, batchOptions));
            }
            return BatchWriter.write(context, type, bound, batchOptions);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
