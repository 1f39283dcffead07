package org.ringlet.cql.statements.ddl;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ringlet.api.error.AlreadyExistsException;
import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.query.ClientState;
import org.ringlet.api.query.Response;
import org.ringlet.api.query.Result;
import org.ringlet.api.query.SchemaChange;
import org.ringlet.api.schema.ClusteringOrder;
import org.ringlet.api.schema.KeyspaceMetadata;
import org.ringlet.api.schema.TableId;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.schema.TableParams;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.UserType;
import org.ringlet.cql.ast.RawStatement;
import org.ringlet.cql.statements.QueryContext;
import org.ringlet.cql.statements.Tables;
import org.ringlet.cql.types.TypeResolver;

/**
 * {@code CREATE TABLE [IF NOT EXISTS] [ks.]t (columns, PRIMARY KEY (...)) [WITH options]}, with Cassandra's
 * checks of the primary key, column types, static columns and clustering order.
 */
public final class CreateTableStatement extends SchemaStatement {
    private final String keyspace;
    private final RawStatement.CreateTable raw;

    /** @param keyspace the keyspace of the table (the statement's or the connection's) */
    public CreateTableStatement(String keyspace, RawStatement.CreateTable raw) {
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
        SchemaNames.checkTable(keyspace, raw.table().name());
    }

    @Override
    protected Response apply(QueryContext context, ClientState client) {
        String name = raw.table().name();
        // as Cassandra: option values are read before the table is looked up, checked after
        TableParams params = TableOptions.parseNew(raw.properties());
        KeyspaceMetadata ks = context.schema().keyspace(keyspace)
                .orElseThrow(() -> new InvalidRequestException("Keyspace '" + keyspace + "' doesn't exist"));
        if (ks.table(name).isPresent()) {
            if (raw.ifNotExists()) {
                return Response.of(new Result.Void());
            }
            throw AlreadyExistsException.table(keyspace, name);
        }
        TableOptions.validate(raw.properties(), params);
        TableMetadata table = build(ks, params, context);
        if (!context.schemaStore().createTable(table, raw.ifNotExists())) {
            return Response.of(new Result.Void());
        }
        return Response.of(new Result.SchemaChangeResult(SchemaChange.table(SchemaChange.Change.CREATED, keyspace,
                name)));
    }

    private static UUID uuid(ByteBuffer b) {
        return new UUID(b.getLong(b.position()), b.getLong(b.position() + 8));
    }

    private TableMetadata build(KeyspaceMetadata ks, TableParams params, QueryContext context) {
        String name = raw.table().name();
        // Cassandra names the table as the statement wrote it
        String qualified = raw.table().keyspace() != null ? raw.table().keyspace() + "." + name : name;
        Map<String, CqlType> types = new LinkedHashMap<>();
        Map<String, Boolean> statics = new LinkedHashMap<>();
        List<RawStatement.PrimaryKey> keys = new ArrayList<>(raw.primaryKeys());
        for (RawStatement.ColumnDefinition c : raw.columns()) {
            if (types.containsKey(c.name())) {
                throw new InvalidRequestException("Duplicate column '" + c.name() + "' declaration for table '"
                        + qualified + "'");
            }
            types.put(c.name(), TypeResolver.resolve(c.type(), keyspace, (k, t) -> userType(ks, k, t)));
            statics.put(c.name(), c.isStatic());
            if (c.primaryKey()) {
                keys.add(new RawStatement.PrimaryKey(List.of(c.name()), List.of()));
            }
        }
        for (CqlType t : types.values()) {
            if (t instanceof UserType u && u.isMultiCell()
                    && u.declaredFieldTypes().stream().anyMatch(CqlType::isMultiCell)) {
                throw new InvalidRequestException("Non-frozen UDTs with nested non-frozen collections are not "
                        + "supported");
            }
        }
        if (keys.isEmpty()) {
            throw new InvalidRequestException("No PRIMARY KEY specifed for table '" + qualified
                    + "' (exactly one required)");
        }
        if (keys.size() > 1) {
            throw new InvalidRequestException("Multiple PRIMARY KEY specified for table '" + qualified
                    + "' (exactly one required)");
        }
        RawStatement.PrimaryKey pk = keys.get(0);
        List<String> keyColumns = new ArrayList<>(pk.partitionKey());
        keyColumns.addAll(pk.clustering());
        for (int i = 0; i < keyColumns.size(); i++) {
            String k = keyColumns.get(i);
            if (!types.containsKey(k)) {
                throw new InvalidRequestException("Unknown column '" + k + "' referenced in PRIMARY KEY for table '"
                        + name + "'");
            }
            if (keyColumns.subList(0, i).contains(k)) {
                throw new InvalidRequestException("Duplicate column '" + k + "' in PRIMARY KEY clause for table '"
                        + name + "'");
            }
            CqlType t = types.get(k);
            if (t instanceof UserType u && u.isMultiCell()) {
                throw new InvalidRequestException("Invalid non-frozen user-defined type \"" + u.keyspace() + "."
                        + u.name() + "\" for PRIMARY KEY column '" + k + "'");
            }
            if (t.isMultiCell()) {
                throw new InvalidRequestException("Invalid non-frozen collection type " + t.cqlName()
                        + " for PRIMARY KEY column '" + k + "'");
            }
            if (t.isCounter()) {
                throw new InvalidRequestException("counter type is not supported for PRIMARY KEY column '" + k
                        + "'");
            }
            if (referencesDuration(t)) {
                throw new InvalidRequestException("duration type is not supported for PRIMARY KEY column '" + k
                        + "'");
            }
            if (statics.get(k)) {
                throw new InvalidRequestException("Static column " + k + " cannot be part of the PRIMARY KEY");
            }
        }
        if (pk.clustering().isEmpty() && statics.containsValue(true)) {
            throw new InvalidRequestException("Static columns are only useful (and thus allowed) if the table has "
                    + "at least one clustering column");
        }
        if (raw.compactStorage()) {
            throw new InvalidRequestException("COMPACT STORAGE tables are not allowed starting with version 4.0");
        }
        Map<String, ClusteringOrder> orders = clusteringOrders(pk.clustering());
        long counters = types.entrySet().stream().filter(e -> !keyColumns.contains(e.getKey()))
                .filter(e -> e.getValue().isCounter()).count();
        long nonKey = types.size() - keyColumns.size();
        if (counters > 0 && counters < nonKey) {
            throw new InvalidRequestException("Cannot mix counter and non counter columns in the same table");
        }
        if (counters > 0 && params.defaultTimeToLive() > 0) {
            throw new InvalidRequestException("Cannot set default_time_to_live on a table with counters");
        }
        TableId id = TableOptions.id(raw.properties());
        if (id == null) {
            id = new TableId(uuid(context.nextTimeUuid()));
        }
        TableMetadata.Builder b = TableMetadata.builder(keyspace, name).id(id).params(params);
        for (String p : pk.partitionKey()) {
            b.addPartitionKey(p, types.get(p));
        }
        for (String c : pk.clustering()) {
            b.addClustering(c, types.get(c), orders.get(c));
        }
        for (Map.Entry<String, CqlType> e : types.entrySet()) {
            if (keyColumns.contains(e.getKey())) {
                continue;
            }
            if (statics.get(e.getKey())) {
                b.addStatic(e.getKey(), e.getValue());
            } else {
                b.addRegular(e.getKey(), e.getValue());
            }
        }
        return b.build();
    }

    private static UserType userType(KeyspaceMetadata ks, String keyspace, String type) {
        return ks.name().equals(keyspace) ? ks.types().get(type) : null;
    }

    private Map<String, ClusteringOrder> clusteringOrders(List<String> clustering) {
        Map<String, ClusteringOrder> orders = new LinkedHashMap<>();
        clustering.forEach(c -> orders.put(c, ClusteringOrder.ASC));
        if (raw.clusteringOrder().isEmpty()) {
            return orders;
        }
        List<String> notClustering = raw.clusteringOrder().stream().map(RawStatement.Ordering::column)
                .filter(c -> !clustering.contains(c)).toList();
        if (!notClustering.isEmpty()) {
            throw new InvalidRequestException("Only clustering key columns can be defined in CLUSTERING ORDER "
                    + "directive: " + notClustering + " are not clustering columns");
        }
        List<String> ordered = raw.clusteringOrder().stream().map(RawStatement.Ordering::column).toList();
        for (String c : clustering) {
            if (!ordered.contains(c)) {
                throw new InvalidRequestException("Missing CLUSTERING ORDER for column " + c);
            }
        }
        for (int i = 0; i < clustering.size(); i++) {
            RawStatement.Ordering o = raw.clusteringOrder().get(i);
            if (!o.column().equals(clustering.get(i))) {
                int expected = clustering.indexOf(o.column());
                throw new InvalidRequestException("The order of columns in the CLUSTERING ORDER directive must match "
                        + "that of the clustering columns (" + clustering.get(Math.min(i, expected)) + " must appear "
                        + "before " + clustering.get(Math.max(i, expected)) + ")");
            }
            orders.put(o.column(), o.descending() ? ClusteringOrder.DESC : ClusteringOrder.ASC);
        }
        return orders;
    }

    /** Whether a type is or contains {@code duration} (durations have no order, so they cannot be keys). */
    private static boolean referencesDuration(CqlType type) {
        CqlType t = type.unwrap();
        return t == org.ringlet.api.types.NativeType.DURATION
                || t.subTypes().stream().anyMatch(CreateTableStatement::referencesDuration);
    }
}
