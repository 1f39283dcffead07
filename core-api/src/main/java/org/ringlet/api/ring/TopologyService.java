package org.ringlet.api.ring;

import java.util.UUID;
import java.util.function.Consumer;

/**
 * The node's current ring: this node's identity, the partitioner and the latest {@link Topology}. Implemented
 * by the cluster module; read by the coordinator, the query layer (system tables) and replication.
 *
 * <p>Thread-safe. {@link #current()} is a cheap volatile read.
 */
public interface TopologyService {

    /** The latest topology. */
    Topology current();

    /** This node's host id. */
    UUID localHostId();

    /** The partitioner of the whole cluster. */
    Partitioner partitioner();

    /**
     * The class name the partitioner is shown as in {@code system.local.partitioner}: its Cassandra class name
     * (for example {@code org.apache.cassandra.dht.Murmur3Partitioner}), as the component registry's
     * {@code displayClassName} gives it. The default is the partitioner's own class name; implementations that
     * were given the partitioner's factory return that factory's display name.
     */
    default String partitionerClassName() {
        return partitioner().getClass().getName();
    }

    /** Calls {@code listener} with each new topology, on a scheduler thread, in version order. */
    void addListener(Consumer<Topology> listener);
}
