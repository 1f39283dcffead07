package org.ringlet.replication.simple;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.ringlet.api.locator.ReplicationStrategyFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReplicationSimpleServiceLoaderTest {
    @Test
    void servicesFileRegistersEveryStrategy() {
        Map<String, Class<?>> found = new TreeMap<>();
        for (ReplicationStrategyFactory f : ServiceLoader.load(ReplicationStrategyFactory.class)) {
            found.put(f.name(), f.getClass());
        }
        assertEquals(Map.of("simple", SimpleStrategyFactory.class, "local", LocalStrategyFactory.class,
                "everywhere", EverywhereStrategyFactory.class), found);
    }
}
