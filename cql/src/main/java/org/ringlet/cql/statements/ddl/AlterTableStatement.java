package org.ringlet.cql.statements.ddl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.query.ClientState;
import org.ringlet.api.query.Response;
import org.ringlet.api.query.Result;
import org.ringlet.api.query.SchemaChange;
import org.ringlet.api.schema.ColumnKind;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.schema.DroppedColumn;
import org.ringlet.api.schema.KeyspaceMetadata;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.schema.TableParams;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.Identifiers;
import org.ringlet.api.types.UserType;
import org.ringlet.cql.ast.RawStatement;
import org.ringlet.cql.statements.QueryContext;
import org.ringlet.cql.statements.Tables;
import org.ringlet.cql.types.TypeResolver;

/**
 * {@code ALTER TABLE [IF EXISTS] t ...}: ADD [IF NOT EXISTS] columns, DROP [IF EXISTS] columns (remembered as dropped,
 * so their data stays hidden even if a column of that name comes back), RENAME primary key columns, WITH options;
 * ALTER ... TYPE and DROP COMPACT STORAGE are refused as Cassandra 5.0 refuses them. Checks and messages are
 * Cassandra's, in its order; an alteration that changes nothing answers Void.
 */
public final class AlterTableStatement extends SchemaStatement {
    private final String keyspace;
    private final RawStatement.AlterTable raw;

    /** @param keyspace the keyspace of the table (the statement's or the connection's) */
    public AlterTableStatement(String keyspace, RawStatement.AlterTable raw) {
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
        if (raw.alteration() instanceof RawStatement.AlterOptions o) {
            // as Cassandra, option values are read before the table is looked up
            TableOptions.parse(TableParams.defaults(), o.properties());
        }
    }

    @Override
    protected Response apply(QueryContext context, ClientState client) {
        String name = raw.table().name();
        KeyspaceMetadata ks = context.schema().keyspace(keyspace).orElse(null);
        TableMetadata table = ks == null ? null : ks.table(name).orElse(null);
        if (table == null) {
            if (raw.ifExists()) {
                return Response.of(new Result.Void());
            }
            throw new InvalidRequestException("Table '" + keyspace + "." + name + "' doesn't exist");
        }
        RawStatement.TableAlteration alteration = raw.alteration();
        TableMetadata altered;
        if (alteration instanceof RawStatement.AddColumns a) {
            altered = addColumns(ks, table, a);
        } else if (alteration instanceof RawStatement.DropColumns d) {
            altered = dropColumns(table, d, context);
        } else if (alteration instanceof RawStatement.RenameColumns r) {
            altered = renameColumns(table, r);
        } else if (alteration instanceof RawStatement.AlterOptions o) {
            altered = alterOptions(table, o);
        } else if (alteration instanceof RawStatement.AlterColumnType) {
            throw new InvalidRequestException("Altering column types is no longer supported");
        } else {
            throw new InvalidRequestException("DROP COMPACT STORAGE is disabled. Enable in cassandra.yaml to use.");
        }
        if (altered.equals(table)) {
            return Response.of(new Result.Void());
        }
        context.schemaStore().alterTable(altered);
        return Response.of(new Result.SchemaChangeResult(SchemaChange.table(SchemaChange.Change.UPDATED, keyspace,
                name)));
    }

    /** The table as Cassandra's messages name it: {@code ks.t}, each part quoted when it must be. */
    static String displayName(TableMetadata table) {
        return Identifiers.maybeQuote(table.keyspace()) + "." + Identifiers.maybeQuote(table.name());
    }

    private TableMetadata addColumns(KeyspaceMetadata ks, TableMetadata table, RawStatement.AddColumns add) {
        TableMetadata.Builder b = table.toBuilder();
        for (RawStatement.ColumnDefinition c : add.columns()) {
            CqlType type = TypeResolver.resolve(c.type(), keyspace,
                    (k, t) -> ks.name().equals(k) ? ks.types().get(t) : null);
            if (b.hasColumn(c.name())) {
                if (!add.ifNotExists()) {
                    throw new InvalidRequestException("Column with name '" + c.name() + "' already exists");
                }
                continue;
            }
            if (c.isStatic() && table.clusteringColumns().isEmpty()) {
                throw new InvalidRequestException("Static columns are only useful (and thus allowed) if the table has "
                        + "at least one clustering column");
            }
            if (type instanceof UserType u && u.isMultiCell()
                    && u.declaredFieldTypes().stream().anyMatch(CqlType::isMultiCell)) {
                throw new InvalidRequestException("Non-frozen UDTs with nested non-frozen collections are not "
                        + "supported for column " + c.name());
            }
            DroppedColumn dropped = table.droppedColumns().get(c.name());
            if (dropped != null) {
                if (!serializationCompatible(type, dropped.type())) {
                    throw new InvalidRequestException("Cannot re-add previously dropped column '" + c.name()
                            + "' of type " + type.cqlName() + ", incompatible with previous type "
                            + dropped.type().cqlName());
                }
                ColumnKind kind = c.isStatic() ? ColumnKind.STATIC : ColumnKind.REGULAR;
                if (dropped.kind() != kind) {
                    throw new InvalidRequestException("Cannot re-add previously dropped column '" + c.name()
                            + "' of kind " + kind + ", incompatible with previous kind " + dropped.kind());
                }
                if (table.isCounter()) {
                    throw new InvalidRequestException("Cannot re-add previously dropped counter column " + c.name());
                }
            }
            if (c.isStatic()) {
                b.addStatic(c.name(), type);
            } else {
                b.addRegular(c.name(), type);
            }
        }
        TableMetadata altered = b.build();
        checkCounters(table.isCounter(), altered);
        return altered;
    }

    /**
     * Whether values of the dropped type read as values of the new one, cell for cell (Cassandra's
     * {@code isSerializationCompatibleWith}): a user type is not a tuple, even with the same fields.
     */
    private static boolean serializationCompatible(CqlType type, CqlType dropped) {
        return type.equals(dropped) || (type.isMultiCell() == dropped.isMultiCell()
                && type.fixedLength() == dropped.fixedLength() && type.isValueCompatibleWith(dropped));
    }

    /** Cassandra's {@code TableMetadata.validate}: a counter table has only counters, others have none. */
    private static void checkCounters(boolean counterTable, TableMetadata table) {
        for (List<ColumnMetadata> columns : List.of(table.staticColumns(), table.regularColumns())) {
            for (ColumnMetadata c : columns) {
                if (counterTable && !c.type().isCounter()) {
                    throw new ConfigurationException(table.keyspace() + "." + table.name() + ": Cannot have a non "
                            + "counter column (\"" + c.name() + "\") in a counter table");
                }
                if (!counterTable && c.type().isCounter()) {
                    throw new ConfigurationException(table.keyspace() + "." + table.name() + ": Cannot have a "
                            + "counter column (\"" + c.name() + "\") in a non counter table");
                }
            }
        }
    }

    private TableMetadata dropColumns(TableMetadata table, RawStatement.DropColumns drop, QueryContext context) {
        TableMetadata.Builder b = table.toBuilder();
        long timestamp = drop.timestamp() != null ? drop.timestamp() : context.nextTimestamp();
        for (String name : drop.columns()) {
            ColumnMetadata c = table.column(name).orElse(null);
            if (c == null) {
                if (!drop.ifExists()) {
                    throw new InvalidRequestException("Column " + name + " was not found in table '"
                            + displayName(table) + "'");
                }
                continue;
            }
            if (c.isPrimaryKeyColumn()) {
                throw new InvalidRequestException("Cannot drop PRIMARY KEY column " + name);
            }
            if (c.type() instanceof UserType u && u.isMultiCell()) {
                throw new InvalidRequestException("Cannot drop non-frozen column " + name + " of user type "
                        + u.cqlName());
            }
            b.removeColumn(name);
            b.addDroppedColumn(new DroppedColumn(name, UserTypes.expand(c.type()), c.kind(), timestamp));
        }
        return b.build();
    }

    private static TableMetadata renameColumns(TableMetadata table, RawStatement.RenameColumns rename) {
        // as Cassandra, renames form a map: a later rename of the same column replaces an earlier one
        Map<String, String> renames = new LinkedHashMap<>();
        rename.renames().forEach(pair -> renames.put(pair.get(0), pair.get(1)));
        TableMetadata.Builder b = table.toBuilder();
        for (Map.Entry<String, String> e : renames.entrySet()) {
            ColumnMetadata c = table.requireColumn(e.getKey());
            if (!c.isPrimaryKeyColumn()) {
                throw new InvalidRequestException("Cannot rename non PRIMARY KEY column " + e.getKey());
            }
            if (table.column(e.getValue()).isPresent()) {
                throw new InvalidRequestException("Cannot rename column " + e.getKey() + " to " + e.getValue()
                        + " in table '" + displayName(table) + "'; another column with that name already exists");
            }
            b.removeColumn(e.getKey());
            b.addColumn(c.withName(e.getValue()));
        }
        return b.build();
    }

    private static TableMetadata alterOptions(TableMetadata table, RawStatement.AlterOptions options) {
        TableOptions.validate(options.properties(), TableOptions.parse(TableParams.defaults(),
                options.properties()));
        if (options.properties().get(TableOptions.ID).isPresent()) {
            throw new ConfigurationException("Cannot alter table id.");
        }
        TableParams params = TableOptions.parse(table.params(), options.properties());
        if (table.isCounter() && params.defaultTimeToLive() > 0) {
            throw new InvalidRequestException("Cannot set default_time_to_live on a table with counters");
        }
        TableOptions.validate(params);
        return table.toBuilder().params(params).build();
    }
}
