package org.ringlet.node.config;

import static java.util.Objects.requireNonNull;

/**
 * Which implementation of each node-level component the node assembles, by factory name, alias or Cassandra class
 * name (Ringlet's own settings; {@code ringlet components} lists what is installed).
 *
 * @param storageEngine   {@code storage_engine} (default {@code lsm})
 * @param schemaManager   {@code schema_manager}: the schema layer that goes with the query handler (default
 *                        {@code cql})
 * @param queryHandler    {@code query_handler} (default {@code cql})
 * @param topologyService {@code topology_service} (default {@code local})
 * @param coordinator     {@code coordinator} (default {@code default})
 * @param nativeTransport {@code native_transport}: the client protocol server (default {@code native})
 */
public record ComponentsConfig(String storageEngine, String schemaManager, String queryHandler,
                               String topologyService, String coordinator, String nativeTransport) {
    public ComponentsConfig {
        requireNonNull(storageEngine, "storageEngine is null");
        requireNonNull(schemaManager, "schemaManager is null");
        requireNonNull(queryHandler, "queryHandler is null");
        requireNonNull(topologyService, "topologyService is null");
        requireNonNull(coordinator, "coordinator is null");
        requireNonNull(nativeTransport, "nativeTransport is null");
    }
}
