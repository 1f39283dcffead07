package org.ringlet.api.schema;

import java.util.Map;

import org.ringlet.api.storage.StorageEngine;

/**
 * The schema layer of a node, as the query layer that owns the schema brings it up (ADR 0041): a
 * {@link SchemaService} that exists before the storage engine (the engine is created with it and knows the local
 * system tables from the start), and the loading of the stored schema once the engine has started.
 *
 * <p>The node calls {@link #schema()} while it assembles, then, after {@link StorageEngine#start()}, calls
 * {@link #load} once, before it creates the topology service, the coordinator and the query handler. Thread-safe.
 */
public interface SchemaManager {

    /** The node's schema service; from creation on it holds the local system keyspaces. Never null. */
    SchemaService schema();

    /**
     * Brings the stored schema up on the started storage engine: replays the commit log of the system tables,
     * loads and publishes the stored schema, then replays the commit log of every other table.
     *
     * @param storage the node's started storage engine
     * @return the node services this makes available to the components created afterwards, each value an
     *         instance of its key: at least a {@link org.ringlet.api.cluster.LocalNodeStore}; implementations may
     *         add their own types for their own query handler
     * @throws org.ringlet.api.error.RingletException when the stored schema cannot be read
     */
    Map<Class<?>, Object> load(StorageEngine storage);
}
