package org.ringlet.api.testing;

import java.util.UUID;
import java.util.function.Consumer;

import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.ring.Topology;
import org.ringlet.api.ring.TopologyService;

import static java.util.Objects.requireNonNull;

/**
 * A {@link TopologyService} whose topology never changes, for tests of components that only need the local host
 * id or a fixed ring. Immutable; listeners are never called.
 */
public final class FixedTopologyService implements TopologyService {
    private final Topology topology;
    private final UUID localHostId;
    private final Partitioner partitioner;

    /**
     * @param topology    the topology
     * @param localHostId this node's host id
     * @param partitioner the partitioner, or null when the test has none ({@link #partitioner()} then fails)
     */
    public FixedTopologyService(Topology topology, UUID localHostId, Partitioner partitioner) {
        this.topology = requireNonNull(topology, "topology is null");
        this.localHostId = requireNonNull(localHostId, "localHostId is null");
        this.partitioner = partitioner;
    }

    @Override
    public Topology current() {
        return topology;
    }

    @Override
    public UUID localHostId() {
        return localHostId;
    }

    @Override
    public Partitioner partitioner() {
        if (partitioner == null) {
            throw new UnsupportedOperationException("this test topology service has no partitioner");
        }
        return partitioner;
    }

    @Override
    public void addListener(Consumer<Topology> listener) {
        requireNonNull(listener, "listener is null");
    }
}
