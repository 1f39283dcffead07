package org.ringlet.cql.statements.ddl;

import java.util.ArrayList;
import java.util.List;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.query.ClientState;
import org.ringlet.api.query.Response;
import org.ringlet.api.query.Result;
import org.ringlet.api.query.SchemaChange;
import org.ringlet.api.schema.KeyspaceMetadata;
import org.ringlet.cql.ast.RawStatement;
import org.ringlet.cql.statements.QueryContext;
import org.ringlet.cql.statements.Tables;

/**
 * {@code ALTER KEYSPACE [IF EXISTS] ks WITH replication = {...} [AND durable_writes = ...]}: what is not given keeps
 * its current value. As Cassandra, the strategy's warnings come first, then a reminder to repair when the
 * replication factor grows; a change that changes nothing answers Void.
 */
public final class AlterKeyspaceStatement extends SchemaStatement {
    private static final String REPAIR_WARNING = "When increasing replication factor you need to run a full (-full) "
            + "repair to distribute the data.";
    private final RawStatement.AlterKeyspace raw;

    public AlterKeyspaceStatement(RawStatement.AlterKeyspace raw) {
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
        KeyspaceOptions.validate(raw.properties());
        KeyspaceMetadata current = context.schema().keyspace(raw.keyspace()).orElse(null);
        if (current == null) {
            if (raw.ifExists()) {
                return Response.of(new Result.Void());
            }
            throw new InvalidRequestException("Keyspace '" + raw.keyspace() + "' doesn't exist");
        }
        KeyspaceOptions options = KeyspaceOptions.forAlter(current, raw.properties(), context);
        List<String> warnings = new ArrayList<>(options.warnings(context.topology().current()));
        KeyspaceMetadata altered = current.withParams(options.replication(), options.durableWrites());
        if (altered.equals(current)) {
            return new Response(new Result.Void(), warnings);
        }
        if (KeyspaceOptions.stored(current, context).replicationFactor(context)
                < options.replicationFactor(context)) {
            warnings.add(REPAIR_WARNING);
        }
        context.schemaStore().alterKeyspace(altered);
        return new Response(new Result.SchemaChangeResult(SchemaChange.keyspace(SchemaChange.Change.UPDATED,
                raw.keyspace())), warnings);
    }
}
