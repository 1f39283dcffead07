package org.ringlet.partitioner;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.ringlet.api.ring.PartitionerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PartitionerServiceLoaderTest {
    @Test
    void servicesFileRegistersEveryPartitioner() {
        Map<String, Class<?>> found = new TreeMap<>();
        for (PartitionerFactory f : ServiceLoader.load(PartitionerFactory.class)) {
            found.put(f.name(), f.getClass());
        }
        assertEquals(Map.of("murmur3", Murmur3PartitionerFactory.class, "random", RandomPartitionerFactory.class,
                "byte-ordered", ByteOrderedPartitionerFactory.class), found);
    }
}
