package org.ringlet.api.locator;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ringlet.api.ring.Token;
import org.ringlet.api.ring.Topology;

/**
 * Decides which nodes hold the replicas of a token: a pure function of the token and a {@link Topology}.
 *
 * <p>Implementations are immutable and thread-safe; they may cache per topology version.
 */
public interface ReplicationStrategy {

    /**
     * The replicas of {@code token}, distinct, in the strategy's order (for SimpleStrategy, clockwise from the
     * token's owner). Fewer than the replication factor when the ring has too few nodes.
     */
    List<UUID> naturalReplicas(Token token, Topology topology);

    /**
     * The total replication factor over all datacenters, as configured. A strategy whose factor follows the ring
     * (EverywhereStrategy) returns its factor on a one-node ring here; callers that have a topology use
     * {@link #replicationFactor(Topology)}.
     */
    int replicationFactor();

    /**
     * The replication factor in one datacenter. Strategies that are not datacenter-aware return the total for
     * any datacenter. Datacenter-aware strategies return 0 for a datacenter they do not replicate to.
     */
    int replicationFactor(String datacenter);

    /**
     * The total replication factor on this topology: what consistency levels count against. The default is
     * {@link #replicationFactor()}; strategies whose factor follows the ring override it.
     */
    default int replicationFactor(Topology topology) {
        return replicationFactor();
    }

    /**
     * The replication factor in one datacenter on this topology. The default is
     * {@link #replicationFactor(String)}; strategies whose factor follows the ring override it.
     */
    default int replicationFactor(String datacenter, Topology topology) {
        return replicationFactor(datacenter);
    }

    /** Whether the strategy places replicas per datacenter (so LOCAL_* and EACH_QUORUM levels count per DC). */
    default boolean isDatacenterAware() {
        return false;
    }

    /**
     * The options as the schema stores them, without {@code class}: e.g. {@code {replication_factor=2}} or
     * {@code {dc1=3, dc2=2}}.
     */
    Map<String, String> options();
}
