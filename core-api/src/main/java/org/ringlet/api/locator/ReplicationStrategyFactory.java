package org.ringlet.api.locator;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.ComponentFactory;
import org.ringlet.api.ComponentKind;
import org.ringlet.api.ring.Topology;

/**
 * Creates a {@link ReplicationStrategy} for a keyspace. The {@link ComponentConfig}'s scope is the keyspace name
 * and its options are the keyspace's replication map without {@code class}.
 *
 * <p>{@link #create} validates the options (an unknown option, or a missing, negative or non-numeric factor, is
 * a {@link org.ringlet.api.error.ConfigurationException} naming it) but never depends on the current topology,
 * so a stored keyspace always loads. {@link #normalizeForCreate} is called when a keyspace is created or
 * altered and may check and expand options against the live topology.
 */
public interface ReplicationStrategyFactory extends ComponentFactory<ReplicationStrategy> {
    @Override
    default ComponentKind kind() {
        return ComponentKind.REPLICATION_STRATEGY;
    }

    /**
     * The options a CREATE or ALTER KEYSPACE stores, given what the user wrote: for example
     * NetworkTopologyStrategy expands {@code replication_factor} into one entry per known datacenter.
     *
     * @throws org.ringlet.api.error.ConfigurationException when the options are invalid for this cluster
     */
    default ComponentConfig normalizeForCreate(ComponentConfig config, Topology topology) {
        return config;
    }
}
