package org.ringlet.snitch.gossip.proximity;

import java.util.Set;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.NodeContext;
import org.ringlet.api.locator.NodeProximity;
import org.ringlet.api.locator.NodeProximityFactory;

/**
 * Creates the {@code ring-order} proximity: nodes keep the order they are given in (for replicas, the ring order),
 * as with Cassandra's SimpleSnitch, so it also answers to {@code SimpleSnitch} and its class name. Uses no
 * options. Stateless.
 */
public final class RingOrderProximityFactory implements NodeProximityFactory {

    @Override
    public String name() {
        return "ring-order";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("SimpleSnitch", "org.apache.cassandra.locator.SimpleSnitch");
    }

    @Override
    public String description() {
        return "keep the given (ring) order";
    }

    @Override
    public NodeProximity create(ComponentConfig config, NodeContext context) {
        return new RingOrderProximity();
    }
}
