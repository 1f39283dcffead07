package org.ringlet.cql;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.ringlet.api.query.Event;
import org.ringlet.api.query.EventListener;
import org.ringlet.api.query.SchemaChange;
import org.ringlet.api.schema.KeyspaceMetadata;
import org.ringlet.api.schema.SchemaChangeListener;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.types.UserType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns schema changes (made here or received from other nodes) into SCHEMA_CHANGE events for the connections
 * that registered for them, and evicts prepared statements of dropped tables. Thread-safe.
 */
final class SchemaEvents implements SchemaChangeListener {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaEvents.class);

    private final List<EventListener> listeners = new CopyOnWriteArrayList<>();
    private final PreparedStatements prepared;

    SchemaEvents(PreparedStatements prepared) {
        this.prepared = prepared;
    }

    void add(EventListener listener) {
        listeners.add(listener);
    }

    void remove(EventListener listener) {
        listeners.remove(listener);
    }

    private void send(SchemaChange change) {
        Event event = new Event.SchemaChangeEvent(change);
        for (EventListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("Event listener {} failed", l, e);
            }
        }
    }

    @Override
    public void onCreateKeyspace(KeyspaceMetadata keyspace) {
        send(SchemaChange.keyspace(SchemaChange.Change.CREATED, keyspace.name()));
    }

    @Override
    public void onAlterKeyspace(KeyspaceMetadata before, KeyspaceMetadata after) {
        send(SchemaChange.keyspace(SchemaChange.Change.UPDATED, after.name()));
    }

    @Override
    public void onDropKeyspace(KeyspaceMetadata keyspace) {
        prepared.evict(keyspace.name(), null);
        send(SchemaChange.keyspace(SchemaChange.Change.DROPPED, keyspace.name()));
    }

    @Override
    public void onCreateTable(TableMetadata table) {
        send(SchemaChange.table(SchemaChange.Change.CREATED, table.keyspace(), table.name()));
    }

    @Override
    public void onAlterTable(TableMetadata before, TableMetadata after) {
        prepared.evict(after.keyspace(), after.name());
        send(SchemaChange.table(SchemaChange.Change.UPDATED, after.keyspace(), after.name()));
    }

    @Override
    public void onDropTable(TableMetadata table) {
        prepared.evict(table.keyspace(), table.name());
        send(SchemaChange.table(SchemaChange.Change.DROPPED, table.keyspace(), table.name()));
    }

    @Override
    public void onCreateType(UserType type) {
        send(SchemaChange.type(SchemaChange.Change.CREATED, type.keyspace(), type.name()));
    }

    @Override
    public void onAlterType(UserType before, UserType after) {
        send(SchemaChange.type(SchemaChange.Change.UPDATED, after.keyspace(), after.name()));
    }

    @Override
    public void onDropType(UserType type) {
        send(SchemaChange.type(SchemaChange.Change.DROPPED, type.keyspace(), type.name()));
    }
}
