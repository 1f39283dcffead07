package org.ringlet.api.schema;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * An immutable snapshot of the whole schema, with its version (the {@code schema_version} nodes compare to agree).
 */
public final class Schema {
    private final Map<String, KeyspaceMetadata> keyspaces;
    private final Map<TableId, TableMetadata> tablesById;
    private final UUID version;

    public Schema(Map<String, KeyspaceMetadata> keyspaces, UUID version) {
        this.keyspaces = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(keyspaces, "keyspaces is null")));
        this.version = requireNonNull(version, "version is null");
        Map<TableId, TableMetadata> byId = new HashMap<>();
        for (KeyspaceMetadata ks : this.keyspaces.values()) {
            for (TableMetadata t : ks.tables().values()) {
                byId.put(t.id(), t);
            }
        }
        this.tablesById = Collections.unmodifiableMap(byId);
    }

    public UUID version() {
        return version;
    }

    /** Keyspaces by name, sorted. */
    public Map<String, KeyspaceMetadata> keyspaces() {
        return keyspaces;
    }

    public Optional<KeyspaceMetadata> keyspace(String name) {
        return Optional.ofNullable(keyspaces.get(name));
    }

    public Optional<TableMetadata> table(String keyspace, String table) {
        KeyspaceMetadata ks = keyspaces.get(keyspace);
        return ks == null ? Optional.empty() : ks.table(table);
    }

    public Optional<TableMetadata> table(TableId id) {
        return Optional.ofNullable(tablesById.get(id));
    }

    /** A schema with the keyspace added or replaced, at another version. */
    public Schema withKeyspace(KeyspaceMetadata keyspace, UUID newVersion) {
        Map<String, KeyspaceMetadata> m = new TreeMap<>(keyspaces);
        m.put(keyspace.name(), keyspace);
        return new Schema(m, newVersion);
    }

    /** A schema without the keyspace, at another version. */
    public Schema withoutKeyspace(String name, UUID newVersion) {
        Map<String, KeyspaceMetadata> m = new TreeMap<>(keyspaces);
        m.remove(name);
        return new Schema(m, newVersion);
    }
}
