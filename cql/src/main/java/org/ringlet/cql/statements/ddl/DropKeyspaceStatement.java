package org.ringlet.cql.statements.ddl;

import org.ringlet.api.query.ClientState;
import org.ringlet.api.query.Response;
import org.ringlet.api.query.Result;
import org.ringlet.api.query.SchemaChange;
import org.ringlet.cql.ast.RawStatement;
import org.ringlet.cql.statements.QueryContext;
import org.ringlet.cql.statements.Tables;

/** {@code DROP KEYSPACE [IF EXISTS] ks}. */
public final class DropKeyspaceStatement extends SchemaStatement {
    private final RawStatement.DropKeyspace raw;

    public DropKeyspaceStatement(RawStatement.DropKeyspace raw) {
        this.raw = raw;
    }

    @Override
    public String keyspace() {
        return raw.keyspace();
    }

    @Override
    protected void checkBeforeRunning(QueryContext context, ClientState client) {
        Tables.checkModifiable(raw.keyspace());
    }

    @Override
    protected Response apply(QueryContext context, ClientState client) {
        if (context.schemaStore().dropKeyspace(raw.keyspace(), raw.ifExists()) == null) {
            return Response.of(new Result.Void());
        }
        return Response.of(new Result.SchemaChangeResult(SchemaChange.keyspace(SchemaChange.Change.DROPPED,
                raw.keyspace())));
    }
}
