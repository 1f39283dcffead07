package org.ringlet.cql.statements.ddl;

import java.util.List;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.query.ClientState;
import org.ringlet.api.query.Response;
import org.ringlet.api.query.Result;
import org.ringlet.api.query.SchemaChange;
import org.ringlet.api.schema.KeyspaceMetadata;
import org.ringlet.cql.ast.RawStatement;
import org.ringlet.cql.statements.QueryContext;
import org.ringlet.cql.schema.SystemKeyspaces;

/** {@code CREATE KEYSPACE [IF NOT EXISTS] ks WITH replication = {...} [AND durable_writes = ...]}. */
public final class CreateKeyspaceStatement extends SchemaStatement {
    private final RawStatement.CreateKeyspace raw;

    public CreateKeyspaceStatement(RawStatement.CreateKeyspace raw) {
        this.raw = raw;
    }

    @Override
    public String keyspace() {
        return raw.keyspace();
    }

    @Override
    protected void checkBeforeRunning(QueryContext context, ClientState client) {
        if (SystemKeyspaces.isSystem(raw.keyspace())) {
            throw new InvalidRequestException("System keyspace '" + raw.keyspace() + "' is not user-modifiable");
        }
        SchemaNames.checkKeyspace(raw.keyspace());
    }

    @Override
    protected Response apply(QueryContext context, ClientState client) {
        // as Cassandra: the properties are checked, then an existing keyspace ends IF NOT EXISTS, then the strategy
        KeyspaceOptions.validate(raw.properties());
        if (raw.properties().get("replication").isEmpty()) {
            throw new InvalidRequestException("Missing mandatory option 'replication'");
        }
        if (raw.ifNotExists() && context.schema().keyspace(raw.keyspace()).isPresent()) {
            return Response.of(new Result.Void());
        }
        KeyspaceOptions options = KeyspaceOptions.forCreate(raw.keyspace(), raw.properties(), context);
        KeyspaceMetadata ks = KeyspaceMetadata.create(raw.keyspace(), options.replication(), options.durableWrites());
        List<String> warnings = options.warnings(context.topology().current());
        if (!context.schemaStore().createKeyspace(ks, raw.ifNotExists())) {
            return Response.of(new Result.Void());
        }
        return new Response(new Result.SchemaChangeResult(SchemaChange.keyspace(SchemaChange.Change.CREATED,
                raw.keyspace())), warnings);
    }
}
