package org.ringlet.cql.statements.ddl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.query.ClientState;
import org.ringlet.api.query.Response;
import org.ringlet.api.query.Result;
import org.ringlet.api.query.SchemaChange;
import org.ringlet.api.schema.KeyspaceMetadata;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.UserType;
import org.ringlet.cql.ast.RawStatement;
import org.ringlet.cql.statements.QueryContext;
import org.ringlet.cql.statements.Tables;

/**
 * {@code CREATE TYPE [IF NOT EXISTS] [ks.]name (field type, ...)}: fields may not be counters or non-frozen user
 * types; their types are kept as declared.
 */
public final class CreateTypeStatement extends SchemaStatement {
    private final String keyspace;
    private final RawStatement.CreateType raw;

    /** @param keyspace the keyspace of the type (the statement's or the connection's) */
    public CreateTypeStatement(String keyspace, RawStatement.CreateType raw) {
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
        KeyspaceMetadata ks = context.schema().keyspace(keyspace)
                .orElseThrow(() -> new InvalidRequestException("Keyspace '" + keyspace + "' doesn't exist"));
        if (ks.type(name).isPresent()) {
            if (raw.ifNotExists()) {
                return Response.of(new Result.Void());
            }
            throw new InvalidRequestException("A user type with name '" + name + "' already exists");
        }
        Set<String> names = new HashSet<>();
        for (RawStatement.Field f : raw.fields()) {
            if (!names.add(f.name())) {
                throw new InvalidRequestException("Duplicate field name '" + f.name() + "' in type '" + name + "'");
            }
        }
        raw.fields().forEach(f -> TypeFields.check(f.type()));
        List<String> fieldNames = new ArrayList<>();
        List<CqlType> fieldTypes = new ArrayList<>();
        for (RawStatement.Field f : raw.fields()) {
            fieldNames.add(f.name());
            fieldTypes.add(TypeFields.resolve(f.type(), ks));
        }
        if (!context.schemaStore().createType(UserType.of(keyspace, name, fieldNames, fieldTypes),
                raw.ifNotExists())) {
            return Response.of(new Result.Void());
        }
        return Response.of(new Result.SchemaChangeResult(SchemaChange.type(SchemaChange.Change.CREATED, keyspace,
                name)));
    }
}
