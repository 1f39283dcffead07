package org.ringlet.snitch.gossip.location;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ringlet.api.ComponentConfig;
import org.ringlet.api.locator.Location;
import org.ringlet.api.locator.LocationProviderFactory;
import org.ringlet.api.testing.MapNodeContext;
import org.ringlet.api.testing.contract.LocationProviderContractTest;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SimpleSnitchTest extends LocationProviderContractTest {
    @Override
    protected LocationProviderFactory factory() {
        return new SimpleSnitchFactory();
    }

    @Override
    protected ComponentConfig validConfig(Path dir) {
        return ComponentConfig.of(Map.of());
    }

    @Override
    protected Location expectedLocalLocation() {
        return new Location("datacenter1", "rack1");
    }

    @Test
    void everyoneIsInDatacenter1Rack1() throws Exception {
        var p = factory().create(ComponentConfig.empty(), MapNodeContext.empty());
        assertEquals(Optional.of(Location.DEFAULT), p.locationOf(InetAddress.getByName("10.1.2.3")));
        assertEquals("org.apache.cassandra.locator.SimpleSnitch", factory().cassandraClassName().orElseThrow());
        assertEquals("simple", factory().name());
    }
}
