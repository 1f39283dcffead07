package org.ringlet.cql.statements;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.query.ClientState;
import org.ringlet.api.query.ColumnSpec;
import org.ringlet.api.query.QueryOptions;
import org.ringlet.api.query.Response;
import org.ringlet.api.query.Result;

/** {@code USE ks}: sets the connection's keyspace. */
public record UseStatement(String keyspace) implements CqlStatement {

    @Override
    public List<ColumnSpec> bindVariables() {
        return List.of();
    }

    @Override
    public CompletionStage<Response> execute(QueryContext context, ClientState client, QueryOptions options) {
        if (context.schema().keyspace(keyspace).isEmpty()) {
            return CompletableFuture.failedFuture(new InvalidRequestException("Keyspace '" + keyspace
                    + "' does not exist"));
        }
        client.setKeyspace(keyspace);
        return CompletableFuture.completedFuture(Response.of(new Result.SetKeyspace(keyspace)));
    }
}
