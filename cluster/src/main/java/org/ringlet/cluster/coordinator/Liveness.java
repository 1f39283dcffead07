package org.ringlet.cluster.coordinator;

import java.util.UUID;

/**
 * Whether a node is believed alive. On one node every node of the ring is this node; membership's failure detector
 * will implement it for a cluster. Implementations are thread-safe and never block.
 */
@FunctionalInterface
public interface Liveness {

    boolean isAlive(UUID hostId);

    /** Every node is alive. */
    static Liveness all() {
        return id -> true;
    }
}
