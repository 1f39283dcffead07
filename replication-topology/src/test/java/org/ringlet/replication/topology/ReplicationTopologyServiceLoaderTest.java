package org.ringlet.replication.topology;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.ringlet.api.locator.ReplicationStrategyFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReplicationTopologyServiceLoaderTest {
    @Test
    void servicesFileRegistersTheStrategy() {
        Map<String, Class<?>> found = new TreeMap<>();
        for (ReplicationStrategyFactory f : ServiceLoader.load(ReplicationStrategyFactory.class)) {
            found.put(f.name(), f.getClass());
        }
        assertEquals(Map.of("network-topology", NetworkTopologyStrategyFactory.class), found);
    }
}
