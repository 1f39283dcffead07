package org.ringlet.cql.statements.ddl;

import org.ringlet.api.query.ClientState;
import org.ringlet.api.query.Response;
import org.ringlet.api.query.Result;
import org.ringlet.api.query.SchemaChange;
import org.ringlet.cql.ast.RawStatement;
import org.ringlet.cql.statements.QueryContext;
import org.ringlet.cql.statements.Tables;

/** {@code DROP TABLE [IF EXISTS] [ks.]t}. */
public final class DropTableStatement extends SchemaStatement {
    private final String keyspace;
    private final RawStatement.DropTable raw;

    /** @param keyspace the keyspace of the table (the statement's or the connection's) */
    public DropTableStatement(String keyspace, RawStatement.DropTable raw) {
        this.keyspace = keyspace;
        this.raw = raw;
    }

    @Override
    public String keyspace() {
        return keyspace;
    }

    @Override
    public String table() {
        return raw.table().name();
    }

    @Override
    protected void checkBeforeRunning(QueryContext context, ClientState client) {
        Tables.checkModifiable(keyspace);
    }

    @Override
    protected Response apply(QueryContext context, ClientState client) {
        if (context.schemaStore().dropTable(keyspace, raw.table().name(), raw.ifExists()) == null) {
            return Response.of(new Result.Void());
        }
        return Response.of(new Result.SchemaChangeResult(SchemaChange.table(SchemaChange.Change.DROPPED, keyspace,
                raw.table().name())));
    }
}
