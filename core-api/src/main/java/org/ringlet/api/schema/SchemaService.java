package org.ringlet.api.schema;

/**
 * The node's current schema. Implemented by the query layer, which stores the schema in the
 * {@code system_schema} tables; read by storage, coordinator and transport; propagated by the cluster.
 *
 * <p>Thread-safe. {@link #current()} is a cheap volatile read of an immutable snapshot.
 */
public interface SchemaService {

    /** The current schema. */
    Schema current();

    /** Subscribes to changes (see {@link SchemaChangeListener} for when it is called). */
    void addListener(SchemaChangeListener listener);

    /** Unsubscribes. */
    void removeListener(SchemaChangeListener listener);
}
