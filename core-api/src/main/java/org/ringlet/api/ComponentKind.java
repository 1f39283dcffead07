package org.ringlet.api;

/**
 * The kinds of pluggable component a node is assembled from. Each kind has one factory interface.
 */
public enum ComponentKind {
    PARTITIONER("partitioner", "org.ringlet.api.ring.PartitionerFactory"),
    REPLICATION_STRATEGY("replication-strategy", "org.ringlet.api.locator.ReplicationStrategyFactory"),
    LOCATION_PROVIDER("snitch", "org.ringlet.api.locator.LocationProviderFactory"),
    NODE_PROXIMITY("proximity", "org.ringlet.api.locator.NodeProximityFactory"),
    MEMBERSHIP("membership", "org.ringlet.api.membership.MembershipFactory"),
    STORAGE_ENGINE("storage-engine", "org.ringlet.api.storage.StorageEngineFactory"),
    MESSAGING("messaging", "org.ringlet.api.messaging.MessagingServiceFactory"),
    TRANSPORT("transport", "org.ringlet.api.query.TransportFactory"),
    QUERY_HANDLER("query-handler", "org.ringlet.api.query.QueryHandlerFactory"),
    COORDINATOR("coordinator", "org.ringlet.api.cluster.CoordinatorFactory"),
    SCHEMA_MANAGER("schema-manager", "org.ringlet.api.schema.SchemaManagerFactory"),
    TOPOLOGY("topology", "org.ringlet.api.ring.TopologyServiceFactory");

    private final String label;
    private final String factoryInterface;

    ComponentKind(String label, String factoryInterface) {
        this.label = label;
        this.factoryInterface = factoryInterface;
    }

    /** The lowercase label shown to users, e.g. {@code "partitioner"}. */
    public String label() {
        return label;
    }

    /** The fully qualified name of the factory interface of this kind. */
    public String factoryInterface() {
        return factoryInterface;
    }
}
