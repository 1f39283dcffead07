package org.ringlet.node;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlet.api.locator.Location;
import org.ringlet.api.locator.LocationProvider;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.runtime.Scheduler;
import org.ringlet.node.lifecycle.LifecycleState;
import org.ringlet.node.runtime.ThreadPoolScheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three nodes in one JVM and one class loader, with their own data directories, addresses 127.0.0.1-3 and
 * environments: the proof that nothing in the assembly is static or global.
 */
class ThreeNodesInOneJvmTest {
    @TempDir
    Path dir;

    @Test
    void threeNodesRunSideBySideAndStopCleanly() throws Exception {
        List<Node> nodes = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            nodes.add(Node.builder()
                    .workingDirectory(dir)
                    .dataDirectory(Path.of("node" + i))
                    .environment(Map.of("CASSANDRA_LISTEN_ADDRESS", "127.0.0." + i, "CASSANDRA_RACK", "rack" + i,
                            "CASSANDRA_SEEDS", "127.0.0.1"))
                    .setAll(NodeTest.TEST_PORTS)
                    .setAll(NodeTest.TEST_COMPONENTS)
                    .build());
        }
        nodes.forEach(Node::start);
        try {
            Set<Object> schedulers = new HashSet<>();
            for (int i = 1; i <= 3; i++) {
                Node node = nodes.get(i - 1);
                assertEquals(LifecycleState.STARTED, node.state());
                assertEquals(InetAddress.getByName("127.0.0." + i), node.config().network().listenAddress());
                assertEquals(dir.resolve("node" + i), node.config().dataDirectory());
                assertEquals(new Location("datacenter1", "rack" + i), node.instance(LocationProvider.class).local());
                schedulers.add(node.instance(Scheduler.class));
            }
            assertEquals(3, schedulers.size(), "each node owns its scheduler");
            assertNotSame(nodes.get(0).instance(Partitioner.class), nodes.get(1).instance(Partitioner.class));
            assertEquals(nodes.get(0).config().cluster().seeds(), nodes.get(2).config().cluster().seeds());
        } finally {
            nodes.forEach(Node::stop);
        }
        for (Node node : nodes) {
            assertEquals(LifecycleState.STOPPED, node.state());
            assertTrue(((ThreadPoolScheduler) node.instance(Scheduler.class)).isStopped());
        }
    }

    @Test
    void threeNodesWithTheBuiltInComponentsAndTheirOwnDatacenters() throws Exception {
        java.nio.file.Path conf = java.nio.file.Files.createDirectories(dir.resolve("conf"));
        java.nio.file.Files.writeString(conf.resolve("cassandra-rackdc.properties"), "dc=dc1\nrack=rack1\n");
        List<Node> nodes = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            nodes.add(Node.builder()
                    .workingDirectory(dir)
                    .dataDirectory(Path.of("real" + i))
                    .confDirectory(conf)
                    .environment(Map.of("CASSANDRA_LISTEN_ADDRESS", "127.0.0." + i, "CASSANDRA_DC", "dc" + i,
                            "CASSANDRA_ENDPOINT_SNITCH", "GossipingPropertyFileSnitch"))
                    .set("partitioner", "org.apache.cassandra.dht.Murmur3Partitioner")
                    .setAll(NodeTest.TEST_PORTS)
                    .build());
        }
        nodes.forEach(Node::start);
        try {
            for (int i = 1; i <= 3; i++) {
                Node node = nodes.get(i - 1);
                assertEquals(new Location("dc" + i, "rack1"), node.instance(LocationProvider.class).local(),
                        "CASSANDRA_DC overrides the rackdc file per node");
                assertEquals("org.ringlet.partitioner", node.instance(Partitioner.class).getClass().getPackageName());
            }
        } finally {
            nodes.forEach(Node::stop);
        }
        nodes.forEach(n -> assertEquals(LifecycleState.STOPPED, n.state()));
    }
}
