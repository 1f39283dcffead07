package org.ringlet.api.testing.storage;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.ringlet.api.schema.KeyspaceMetadata;
import org.ringlet.api.schema.ReplicationParams;
import org.ringlet.api.schema.Schema;
import org.ringlet.api.schema.SchemaChangeListener;
import org.ringlet.api.schema.SchemaService;
import org.ringlet.api.schema.TableMetadata;

/**
 * A schema service for storage tests: tables are created, altered and dropped by the test, and listeners are
 * told synchronously, as the real service does. Thread-safe.
 */
public final class MutableSchemaService implements SchemaService {
    private volatile Schema schema = new Schema(Map.of(), new UUID(0, 0));
    private final List<SchemaChangeListener> listeners = new CopyOnWriteArrayList<>();
    private long version;

    @Override
    public Schema current() {
        return schema;
    }

    @Override
    public void addListener(SchemaChangeListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(SchemaChangeListener listener) {
        listeners.remove(listener);
    }

    private UUID nextVersion() {
        return new UUID(0, ++version);
    }

    /** Creates a table (and its keyspace, with durable writes, if missing). */
    public synchronized TableMetadata createTable(TableMetadata table) {
        KeyspaceMetadata ks = schema.keyspace(table.keyspace()).orElseGet(() -> {
            KeyspaceMetadata created = KeyspaceMetadata.create(table.keyspace(),
                    ReplicationParams.simple(1), true);
            return created;
        });
        boolean newKeyspace = schema.keyspace(table.keyspace()).isEmpty();
        schema = schema.withKeyspace(ks.withTable(table), nextVersion());
        if (newKeyspace) {
            listeners.forEach(l -> l.onCreateKeyspace(ks));
        }
        listeners.forEach(l -> l.onCreateTable(table));
        return table;
    }

    /** Replaces a table's definition. */
    public synchronized void alterTable(TableMetadata after) {
        TableMetadata before = schema.table(after.id()).orElseThrow();
        KeyspaceMetadata ks = schema.keyspace(after.keyspace()).orElseThrow();
        schema = schema.withKeyspace(ks.withTable(after), nextVersion());
        listeners.forEach(l -> l.onAlterTable(before, after));
    }

    /** Drops a table. */
    public synchronized void dropTable(TableMetadata table) {
        KeyspaceMetadata ks = schema.keyspace(table.keyspace()).orElseThrow();
        schema = schema.withKeyspace(ks.withoutTable(table.name()), nextVersion());
        listeners.forEach(l -> l.onDropTable(table));
    }
}
