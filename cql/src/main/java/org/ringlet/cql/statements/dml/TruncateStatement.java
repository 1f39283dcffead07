package org.ringlet.cql.statements.dml;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.query.ClientState;
import org.ringlet.api.query.ColumnSpec;
import org.ringlet.api.query.QueryOptions;
import org.ringlet.api.query.Response;
import org.ringlet.api.query.Result;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.types.Identifiers;
import org.ringlet.cql.ast.RawStatement;
import org.ringlet.cql.statements.CqlStatement;
import org.ringlet.cql.statements.QueryContext;
import org.ringlet.cql.statements.Tables;

/** {@code TRUNCATE [TABLE] [ks.]t}: deletes every row of the table on every node. */
public final class TruncateStatement implements CqlStatement {
    private final TableMetadata table;

    private TruncateStatement(TableMetadata table) {
        this.table = table;
    }

    public static TruncateStatement prepare(RawStatement.Truncate raw, QueryContext context, String keyspace) {
        return new TruncateStatement(Tables.table(context.schema(), raw.table(), keyspace));
    }

    @Override
    public List<ColumnSpec> bindVariables() {
        return List.of();
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
    public CompletionStage<Response> execute(QueryContext context, ClientState client, QueryOptions options) {
        if (table.isVirtual()) {
            return CompletableFuture.failedFuture(new InvalidRequestException("Truncation is not supported by table "
                    + Identifiers.maybeQuote(table.keyspace()) + "." + Identifiers.maybeQuote(table.name())));
        }
        return context.coordinator().truncate(table.id()).thenApply(v -> Response.of(new Result.Void()));
    }
}
