package org.ringlet.snitch.gossip.proximity;

import java.util.Set;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.NodeContext;
import org.ringlet.api.locator.NodeProximity;
import org.ringlet.api.locator.NodeProximityFactory;

/**
 * Creates the {@code location-aware} proximity: this node, its rack, its datacenter, the rest. It is what
 * Cassandra's rack-aware snitches sort replicas by, so it also answers to their names
 * ({@code GossipingPropertyFileSnitch}, {@code PropertyFileSnitch} and their class names): a node can pick its
 * proximity by its {@code endpoint_snitch}. Uses no options. Stateless.
 */
public final class LocationAwareProximityFactory implements NodeProximityFactory {

    @Override
    public String name() {
        return "location-aware";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("GossipingPropertyFileSnitch", "org.apache.cassandra.locator.GossipingPropertyFileSnitch",
                "PropertyFileSnitch", "org.apache.cassandra.locator.PropertyFileSnitch");
    }

    @Override
    public String description() {
        return "this node, then its rack, then its datacenter, then the rest";
    }

    @Override
    public NodeProximity create(ComponentConfig config, NodeContext context) {
        return new LocationAwareProximity();
    }
}
