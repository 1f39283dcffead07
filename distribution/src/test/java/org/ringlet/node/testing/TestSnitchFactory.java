package org.ringlet.node.testing;

import java.util.Set;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.NodeContext;
import org.ringlet.api.locator.Location;
import org.ringlet.api.locator.LocationProvider;
import org.ringlet.api.locator.LocationProviderFactory;

/**
 * A location provider that takes this node's location from its {@code dc} and {@code rack} options (the node's
 * {@code CASSANDRA_DC} / {@code --dc} overrides), defaulting to datacenter1/rack1; for assembly tests only.
 */
public final class TestSnitchFactory implements LocationProviderFactory {
    @Override
    public String name() {
        return "test-snitch";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("TestSnitch");
    }

    @Override
    public LocationProvider create(ComponentConfig config, NodeContext context) {
        Location local = new Location(config.get("dc", Location.DEFAULT.datacenter()),
                config.get("rack", Location.DEFAULT.rack()));
        return () -> local;
    }
}
