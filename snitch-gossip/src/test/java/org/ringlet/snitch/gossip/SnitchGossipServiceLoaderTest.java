package org.ringlet.snitch.gossip;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.ringlet.api.locator.LocationProviderFactory;
import org.ringlet.api.locator.NodeProximityFactory;
import org.ringlet.snitch.gossip.location.GossipingPropertyFileSnitchFactory;
import org.ringlet.snitch.gossip.location.PropertyFileSnitchFactory;
import org.ringlet.snitch.gossip.location.SimpleSnitchFactory;
import org.ringlet.snitch.gossip.proximity.LocationAwareProximityFactory;
import org.ringlet.snitch.gossip.proximity.RingOrderProximityFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SnitchGossipServiceLoaderTest {
    @Test
    void servicesFilesRegisterEveryLocationProviderAndProximity() {
        Map<String, Class<?>> locations = new TreeMap<>();
        ServiceLoader.load(LocationProviderFactory.class).forEach(f -> locations.put(f.name(), f.getClass()));
        assertEquals(Map.of("simple", SimpleSnitchFactory.class,
                "gossiping-property-file", GossipingPropertyFileSnitchFactory.class,
                "property-file", PropertyFileSnitchFactory.class), locations);
        Map<String, Class<?>> proximities = new TreeMap<>();
        ServiceLoader.load(NodeProximityFactory.class).forEach(f -> proximities.put(f.name(), f.getClass()));
        assertEquals(Map.of("location-aware", LocationAwareProximityFactory.class,
                "ring-order", RingOrderProximityFactory.class), proximities);
    }
}
