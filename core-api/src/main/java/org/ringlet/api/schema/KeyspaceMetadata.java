package org.ringlet.api.schema;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.ringlet.api.types.UserType;

import static java.util.Objects.requireNonNull;

/**
 * A keyspace: its replication, durability, tables and user types. Immutable.
 *
 * @param name          the keyspace name, case preserved
 * @param replication   the replication as stored
 * @param durableWrites whether writes go through the commit log
 * @param tables        tables by name, sorted
 * @param types         user types by name, sorted
 * @param virtual       whether this is a virtual keyspace (system_views, system_virtual_schema)
 */
public record KeyspaceMetadata(String name, ReplicationParams replication, boolean durableWrites,
                               Map<String, TableMetadata> tables, Map<String, UserType> types, boolean virtual) {
    public KeyspaceMetadata {
        requireNonNull(name, "name is null");
        requireNonNull(replication, "replication is null");
        tables = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(tables, "tables is null")));
        types = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(types, "types is null")));
    }

    /** A new keyspace without tables or types. */
    public static KeyspaceMetadata create(String name, ReplicationParams replication, boolean durableWrites) {
        return new KeyspaceMetadata(name, replication, durableWrites, Map.of(), Map.of(), false);
    }

    public Optional<TableMetadata> table(String tableName) {
        return Optional.ofNullable(tables.get(tableName));
    }

    public Optional<UserType> type(String typeName) {
        return Optional.ofNullable(types.get(typeName));
    }

    /** A copy with the table added or replaced. */
    public KeyspaceMetadata withTable(TableMetadata table) {
        Map<String, TableMetadata> t = new TreeMap<>(tables);
        t.put(table.name(), table);
        return new KeyspaceMetadata(name, replication, durableWrites, t, types, virtual);
    }

    /** A copy without the table. */
    public KeyspaceMetadata withoutTable(String tableName) {
        Map<String, TableMetadata> t = new TreeMap<>(tables);
        t.remove(tableName);
        return new KeyspaceMetadata(name, replication, durableWrites, t, types, virtual);
    }

    /** A copy with the type added or replaced. */
    public KeyspaceMetadata withType(UserType type) {
        Map<String, UserType> t = new TreeMap<>(types);
        t.put(type.name(), type);
        return new KeyspaceMetadata(name, replication, durableWrites, tables, t, virtual);
    }

    /** A copy without the type. */
    public KeyspaceMetadata withoutType(String typeName) {
        Map<String, UserType> t = new TreeMap<>(types);
        t.remove(typeName);
        return new KeyspaceMetadata(name, replication, durableWrites, tables, t, virtual);
    }

    /** A copy with other replication and durability (ALTER KEYSPACE). */
    public KeyspaceMetadata withParams(ReplicationParams newReplication, boolean newDurableWrites) {
        return new KeyspaceMetadata(name, newReplication, newDurableWrites, tables, types, virtual);
    }
}
