package org.ringlet.api.locator;

import java.util.List;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.ComponentFactory;
import org.ringlet.api.ComponentKind;
import org.ringlet.api.ring.Topology;

/**
 * Creates a {@link ReplicationStrategy} for a keyspace. The {@link ComponentConfig}'s scope is the keyspace name
 * and its options are the keyspace's replication map without {@code class}.
 *
 * <p>{@link #create} validates what it can without a topology (an unknown option, a missing, negative or
 * non-numeric factor is a {@link org.ringlet.api.error.ConfigurationException}) but never depends on the current
 * topology, so a stored keyspace always loads. {@link #normalizeForCreate} and {@link #normalizeForAlter} are
 * called when a keyspace is created or altered: they complete the options (defaults, datacenter expansion) and
 * validate them against the live topology. Strategies with a Cassandra counterpart use Cassandra's messages and
 * check in Cassandra's order, so that clients see the same first error.
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

    /**
     * The options an ALTER KEYSPACE stores, given what the user wrote and the keyspace's previous replication
     * options (of whatever strategy it had, without {@code class}): for example NetworkTopologyStrategy keeps
     * the previous factor of datacenters that an expanded {@code replication_factor} would otherwise change.
     * The default ignores the previous options.
     *
     * @throws org.ringlet.api.error.ConfigurationException when the options are invalid for this cluster
     */
    default ComponentConfig normalizeForAlter(ComponentConfig config, ComponentConfig previous, Topology topology) {
        return normalizeForCreate(config, topology);
    }

    /**
     * Warnings a client gets when it creates or alters a keyspace with these (normalized, valid) options on this
     * topology, for example a replication factor larger than the number of nodes. Never fails.
     */
    default List<String> warnings(ComponentConfig config, Topology topology) {
        return List.of();
    }
}
