package org.ringlet.cql.statements.ddl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.query.ClientState;
import org.ringlet.api.query.Response;
import org.ringlet.api.query.Result;
import org.ringlet.api.query.SchemaChange;
import org.ringlet.api.schema.KeyspaceMetadata;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.Identifiers;
import org.ringlet.api.types.UserType;
import org.ringlet.cql.ast.RawStatement;
import org.ringlet.cql.statements.QueryContext;
import org.ringlet.cql.statements.Tables;

/**
 * {@code ALTER TYPE [IF EXISTS] [ks.]name ADD [IF NOT EXISTS] field type | RENAME [IF EXISTS] a TO b [AND ...]}; field
 * types cannot be altered. Tables and types using the type see the new definition; values written before an added
 * field read it as null.
 */
public final class AlterTypeStatement extends SchemaStatement {
    private final String keyspace;
    private final RawStatement.AlterType raw;

    /** @param keyspace the keyspace of the type (the statement's or the connection's) */
    public AlterTypeStatement(String keyspace, RawStatement.AlterType raw) {
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
        UserType type = ks == null ? null : ks.types().get(name);
        if (type == null) {
            if (raw.ifExists()) {
                return Response.of(new Result.Void());
            }
            throw new InvalidRequestException("Type " + keyspace + "." + name + " doesn't exist");
        }
        UserType altered;
        if (raw.alteration() instanceof RawStatement.AddField add) {
            altered = addField(ks, type, add);
        } else if (raw.alteration() instanceof RawStatement.RenameFields rename) {
            altered = renameFields(type, rename);
        } else {
            throw new InvalidRequestException("Altering field types is no longer supported");
        }
        if (altered.equals(type)) {
            return Response.of(new Result.Void());
        }
        context.schemaStore().alterType(altered);
        return Response.of(new Result.SchemaChangeResult(SchemaChange.type(SchemaChange.Change.UPDATED, keyspace,
                name)));
    }

    /** The type as Cassandra's messages name it: {@code ks.name}, each part quoted when it must be. */
    private static String displayName(UserType type) {
        return Identifiers.maybeQuote(type.keyspace()) + "." + Identifiers.maybeQuote(type.name());
    }

    private UserType addField(KeyspaceMetadata ks, UserType type, RawStatement.AddField add) {
        String field = add.field().name();
        if (type.fieldIndex(field) >= 0) {
            if (!add.ifNotExists()) {
                throw new InvalidRequestException("Cannot add field " + field + " to type " + displayName(type)
                        + ": a field with name " + field + " already exists");
            }
            return type;
        }
        TypeFields.check(add.field().type());
        CqlType fieldType = TypeFields.resolve(add.field().type(), ks);
        if (UserTypes.references(fieldType, type.name())) {
            throw new InvalidRequestException("Cannot add new field " + field + " of type "
                    + TypeFields.text(add.field().type(), keyspace) + " to user type " + displayName(type)
                    + " as it would create a circular reference");
        }
        List<String> inPartitionKey = new ArrayList<>();
        for (TableMetadata t : ks.tables().values()) {
            if (t.partitionKeyColumns().stream().anyMatch(c -> UserTypes.references(c.type(), type.name()))) {
                inPartitionKey.add(AlterTableStatement.displayName(t));
            }
        }
        if (!inPartitionKey.isEmpty()) {
            throw new InvalidRequestException("Cannot add new field " + field + " of type "
                    + TypeFields.text(add.field().type(), keyspace) + " to user type " + displayName(type)
                    + " as the type is being used in partition key by the following tables: "
                    + String.join(", ", inPartitionKey));
        }
        List<String> names = new ArrayList<>(type.fieldNames());
        names.add(field);
        List<CqlType> types = new ArrayList<>(type.declaredFieldTypes());
        types.add(fieldType);
        return type.withFields(names, types);
    }

    private UserType renameFields(UserType type, RawStatement.RenameFields rename) {
        // as Cassandra, renames form a map: a later rename of the same field replaces an earlier one
        Map<String, String> renames = new LinkedHashMap<>();
        rename.renames().forEach(pair -> renames.put(pair.get(0), pair.get(1)));
        List<String> names = new ArrayList<>(type.fieldNames());
        for (Map.Entry<String, String> e : renames.entrySet()) {
            int index = type.fieldIndex(e.getKey());
            if (index < 0) {
                if (!rename.ifExists()) {
                    throw new InvalidRequestException("Unkown field " + e.getKey() + " in user type "
                            + displayName(type));
                }
                continue;
            }
            names.set(index, e.getValue());
        }
        Map<String, Long> counts = names.stream().collect(Collectors.groupingBy(n -> n, Collectors.counting()));
        for (String n : names) {
            if (counts.get(n) > 1) {
                // Cassandra's message names the keyspace where the type is meant
                throw new InvalidRequestException("Duplicate field name " + n + " in type " + keyspace);
            }
        }
        return type.withFields(names, type.declaredFieldTypes());
    }
}
