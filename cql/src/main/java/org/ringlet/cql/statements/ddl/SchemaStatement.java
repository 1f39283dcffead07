package org.ringlet.cql.statements.ddl;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.ringlet.api.query.ClientState;
import org.ringlet.api.query.ColumnSpec;
import org.ringlet.api.query.QueryOptions;
import org.ringlet.api.query.Response;
import org.ringlet.cql.statements.CqlStatement;
import org.ringlet.cql.statements.QueryContext;

/**
 * A statement that changes the schema. It is checked against the schema current when it runs (not when it was
 * prepared), and runs on the blocking executor because the change is written to the schema tables.
 */
abstract class SchemaStatement implements CqlStatement {

    @Override
    public List<ColumnSpec> bindVariables() {
        return List.of();
    }

    @Override
    public final CompletionStage<Response> execute(QueryContext context, ClientState client, QueryOptions options) {
        try {
            checkBeforeRunning(context, client);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return context.blocking(() -> apply(context, client));
    }

    /** Checks that need no schema lock (names, properties), on the calling thread. */
    protected void checkBeforeRunning(QueryContext context, ClientState client) {
    }

    /** Validates and applies the change. */
    protected abstract Response apply(QueryContext context, ClientState client);
}
