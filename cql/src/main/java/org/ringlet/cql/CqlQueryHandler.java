package org.ringlet.cql;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.error.UnpreparedException;
import org.ringlet.api.query.BatchRequest;
import org.ringlet.api.query.BoundValues;
import org.ringlet.api.query.ClientState;
import org.ringlet.api.query.ColumnSpec;
import org.ringlet.api.query.EventListener;
import org.ringlet.api.query.QueryHandler;
import org.ringlet.api.query.QueryOptions;
import org.ringlet.api.query.Response;
import org.ringlet.api.query.Result;
import org.ringlet.cql.ast.RawStatement;
import org.ringlet.cql.parser.CqlParsers;
import org.ringlet.cql.parser.ParsedStatement;
import org.ringlet.cql.statements.CqlStatement;
import org.ringlet.cql.statements.QueryContext;
import org.ringlet.cql.statements.dml.BatchWriter;
import org.ringlet.cql.statements.dml.Modification;
import org.ringlet.cql.system.LocalInfo;

import static java.util.Objects.requireNonNull;

/**
 * The node's CQL: parses, prepares and executes statements for the native protocol server, keeps prepared
 * statements by their deterministic ids and pushes schema events to registered connections. Thread-safe.
 */
public final class CqlQueryHandler implements QueryHandler {
    private final QueryContext context;
    private final PreparedStatements prepared;
    private final SchemaEvents events;

    CqlQueryHandler(QueryContext context, PreparedStatements prepared, SchemaEvents events) {
        this.context = requireNonNull(context, "context is null");
        this.prepared = requireNonNull(prepared, "prepared is null");
        this.events = requireNonNull(events, "events is null");
    }

    /** The prepared statements (for tests and metrics). */
    PreparedStatements preparedStatements() {
        return prepared;
    }

    @Override
    public Map<String, List<String>> supportedOptions() {
        return Map.of("CQL_VERSION", List.of(LocalInfo.CQL_VERSION));
    }

    private static String keyspace(ClientState state, String requestKeyspace) {
        return requestKeyspace != null ? requestKeyspace : state.keyspace().orElse(null);
    }

    @Override
    public CompletionStage<Response> query(ClientState state, String query, QueryOptions options) {
        try {
            ParsedStatement parsed = CqlParsers.parse(query);
            CqlStatement statement = StatementPreparer.prepare(parsed, context, keyspace(state, options.keyspace()));
            return statement.execute(context, state, bind(statement, options));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletionStage<Response> prepare(ClientState state, String query, String keyspace) {
        try {
            String ks = keyspace(state, keyspace);
            byte[] id = PreparedStatements.statementId(ks, query);
            PreparedStatements.Entry entry = prepared.get(id);
            if (entry == null) {
                CqlStatement statement = StatementPreparer.prepare(CqlParsers.parse(query), context, ks);
                entry = new PreparedStatements.Entry(id, PreparedStatements.resultMetadataId(
                        statement.resultColumns()), ks, query, statement);
                prepared.put(entry);
            }
            CqlStatement s = entry.statement();
            return CompletableFuture.completedFuture(Response.of(new Result.Prepared(entry.id(),
                    entry.resultMetadataId(), s.bindVariables(), s.partitionKeyBindIndexes(), s.resultColumns())));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletionStage<Response> execute(ClientState state, byte[] id, byte[] resultMetadataId,
                                             QueryOptions options) {
        try {
            PreparedStatements.Entry entry = lookup(id);
            CqlStatement statement = entry.statement();
            return statement.execute(context, state, bind(statement, options))
                    .thenApply(r -> withMetadataId(r, resultMetadataId, entry.resultMetadataId()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Protocol v5: when the client holds another result-metadata id than the statement's, the rows carry the
     * statement's id so the client takes the new columns.
     */
    private static Response withMetadataId(Response response, byte[] clientId, byte[] currentId) {
        if (clientId != null && response.result() instanceof Result.Rows rows && !Arrays.equals(clientId, currentId)) {
            return new Response(new Result.Rows(rows.columns(), rows.rows(), rows.pagingState(), currentId),
                    response.warnings());
        }
        return response;
    }

    private PreparedStatements.Entry lookup(byte[] id) {
        PreparedStatements.Entry entry = prepared.get(id);
        if (entry == null) {
            throw new UnpreparedException(id, "Prepared query with ID " + PreparedStatements.hex(id)
                    + " not found (either the query was not prepared on this host (maybe the host has been "
                    + "restarted?) or you have prepared too many queries and it has been evicted from the internal "
                    + "cache)");
        }
        return entry;
    }

    /** The options with values in marker order (named values matched to the markers' names) and checked in number. */
    private static QueryOptions bind(CqlStatement statement, QueryOptions options) {
        List<ColumnSpec> specs = statement.bindVariables();
        BoundValues values = options.values();
        if (values.names() != null) {
            values = byName(specs, values);
        }
        if (values.size() != specs.size()) {
            throw new InvalidRequestException("Invalid amount of bind variables");
        }
        return values == options.values() ? options : options.withValues(values);
    }

    private static BoundValues byName(List<ColumnSpec> specs, BoundValues named) {
        List<ByteBuffer> out = new ArrayList<>(specs.size());
        BitSet unset = new BitSet();
        for (int i = 0; i < specs.size(); i++) {
            String name = specs.get(i).name();
            int j = named.names().indexOf(name);
            if (j < 0) {
                throw new InvalidRequestException("No value for bind variable " + name);
            }
            out.add(named.get(j));
            if (named.isUnset(j)) {
                unset.set(i);
            }
        }
        return BoundValues.of(out, unset);
    }

    @Override
    public CompletionStage<Response> batch(ClientState state, BatchRequest batch) {
        try {
            String ks = keyspace(state, batch.options().keyspace());
            List<BatchWriter.Bound> bound = new ArrayList<>(batch.statements().size());
            for (BatchRequest.Statement child : batch.statements()) {
                CqlStatement statement = child.id() != null ? lookup(child.id()).statement()
                        : StatementPreparer.prepare(CqlParsers.parse(child.query()), context, ks);
                if (!(statement instanceof Modification modification)) {
                    throw new InvalidRequestException("Invalid statement in batch: only UPDATE, INSERT and DELETE "
                            + "statements are allowed.");
                }
                bound.add(new BatchWriter.Bound(modification,
                        bind(statement, batch.options().withValues(child.values()))));
            }
            RawStatement.BatchType type = switch (batch.type()) {
                case LOGGED -> RawStatement.BatchType.LOGGED;
                case UNLOGGED -> RawStatement.BatchType.UNLOGGED;
                case COUNTER -> RawStatement.BatchType.COUNTER;
            };
            return BatchWriter.writeChecked(context, type, bound, batch.options());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void addEventListener(EventListener listener) {
        events.add(requireNonNull(listener, "listener is null"));
    }

    @Override
    public void removeEventListener(EventListener listener) {
        events.remove(listener);
    }
}
