package org.ringlet.cql.statements.ddl;

import java.util.ArrayList;
import java.util.List;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.query.ClientState;
import org.ringlet.api.query.Response;
import org.ringlet.api.query.Result;
import org.ringlet.api.query.SchemaChange;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.schema.KeyspaceMetadata;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.UserType;
import org.ringlet.cql.ast.RawStatement;
import org.ringlet.cql.statements.QueryContext;
import org.ringlet.cql.statements.Tables;

/** {@code DROP TYPE [IF EXISTS] [ks.]name}: refused while another type or a table uses it. */
public final class DropTypeStatement extends SchemaStatement {
    private final String keyspace;
    private final RawStatement.DropType raw;

    /** @param keyspace the keyspace of the type (the statement's or the connection's) */
    public DropTypeStatement(String keyspace, RawStatement.DropType raw) {
        this.keyspace = keyspace;
        this.raw = raw;
    }

    @Override
    public String keyspace() {
        return keyspace;
    }

    @Override
    protected void checkBeforeRunning(QueryContext context, ClientState client) {
        Tables.checkModifiable(keyspace);
    }

    @Override
    protected Response apply(QueryContext context, ClientState client) {
        String name = raw.type().name();
        KeyspaceMetadata ks = context.schema().keyspace(keyspace).orElse(null);
        if (ks == null || ks.type(name).isEmpty()) {
            if (raw.ifExists()) {
                return Response.of(new Result.Void());
            }
            throw new InvalidRequestException("Type '" + keyspace + "." + name + "' doesn't exist");
        }
        List<String> types = new ArrayList<>();
        for (UserType t : ks.types().values()) {
            if (!t.name().equals(name) && t.declaredFieldTypes().stream().anyMatch(f -> UserTypes.references(f,
                    name))) {
                types.add(t.name());
            }
        }
        if (!types.isEmpty()) {
            throw new InvalidRequestException("Cannot drop user type '" + keyspace + "." + name
                    + "' as it is still used by user types " + String.join(", ", types));
        }
        List<String> tables = new ArrayList<>();
        for (TableMetadata t : ks.tables().values()) {
            if (t.allColumnsInSelectOrder().stream().map(ColumnMetadata::type)
                    .anyMatch(c -> references(c, name))) {
                tables.add(t.name());
            }
        }
        if (!tables.isEmpty()) {
            throw new InvalidRequestException("Cannot drop user type '" + keyspace + "." + name
                    + "' as it is still used by tables " + String.join(", ", tables));
        }
        context.schemaStore().dropType(keyspace, name);
        return Response.of(new Result.SchemaChangeResult(SchemaChange.type(SchemaChange.Change.DROPPED, keyspace,
                name)));
    }

    private static boolean references(CqlType type, String name) {
        return UserTypes.references(type, name);
    }
}
