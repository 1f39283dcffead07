package org.ringlet.cql.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.ringlet.api.schema.KeyspaceMetadata;
import org.ringlet.api.schema.Schema;
import org.ringlet.api.schema.SchemaChangeListener;
import org.ringlet.api.schema.SchemaService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The node's current schema. Starts with the local and virtual system keyspaces (so that the storage engine knows
 * the system tables before anything is read); {@link SchemaStore} publishes the stored schema and every change.
 * Listeners are told what changed, in registration order, after the new schema is current.
 *
 * <p>Thread-safe: {@link #current()} is a volatile read; publications are serialized by the {@link SchemaStore}.
 */
public final class LocalSchema implements SchemaService {
    private static final Logger LOG = LoggerFactory.getLogger(LocalSchema.class);

    private final SystemKeyspaces definitions;
    private final List<SchemaChangeListener> listeners = new CopyOnWriteArrayList<>();
    private volatile Schema current;

    public LocalSchema(SystemKeyspaces definitions) {
        this.definitions = requireNonNull(definitions, "definitions is null");
        Map<String, KeyspaceMetadata> initial = new LinkedHashMap<>();
        definitions.localKeyspaces().forEach(k -> initial.put(k.name(), k));
        definitions.virtualKeyspaces().forEach(k -> initial.put(k.name(), k));
        this.current = new Schema(initial, SchemaDigest.version(initial.values()));
    }

    /** The system keyspaces' definitions this schema started from. */
    public SystemKeyspaces definitions() {
        return definitions;
    }

    @Override
    public Schema current() {
        return current;
    }

    @Override
    public void addListener(SchemaChangeListener listener) {
        listeners.add(requireNonNull(listener, "listener is null"));
    }

    @Override
    public void removeListener(SchemaChangeListener listener) {
        listeners.remove(listener);
    }

    /** Makes {@code next} current and tells the listeners what changed. Called by the {@link SchemaStore} only. */
    void publish(Schema next) {
        Schema before = current;
        current = next;
        SchemaDiff.notify(before, next, listeners, LOG);
    }
}
