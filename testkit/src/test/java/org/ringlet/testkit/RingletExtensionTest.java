package org.ringlet.testkit;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ringlet.node.lifecycle.LifecycleState;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the testkit's extension runs nodes for a class, for each test, and hands them to test methods. */
class RingletExtensionTest {

    private static void accepts(RingletNode node) {
        try (Socket s = new Socket(node.nativeAddress().getAddress(), node.nativeAddress().getPort())) {
            assertTrue(s.isConnected());
        } catch (java.io.IOException e) {
            throw new AssertionError("node " + node.index() + " does not accept CQL connections", e);
        }
    }

    @Nested
    class PerClass {
        @RegisterExtension
        static final RingletExtension RINGLET = RingletExtension.nodes(2).set("num_tokens", "4");

        private static RingletCluster first;

        @Test
        void nodesRunOnTheirOwnAddressesWithTheSettings(RingletCluster cluster, RingletNode node) {
            remember(cluster);
            assertSame(cluster.node(1), node);
            assertEquals(2, cluster.nodes().size());
            assertEquals("127.0.0.2", cluster.node(2).address().getHostAddress());
            assertEquals(4, node.node().config().cluster().numTokens());
            cluster.nodes().forEach(RingletExtensionTest::accepts);
            assertEquals("datacenter1", RINGLET.localDatacenter());
        }

        @Test
        void theSameNodesServeEveryTestOfTheClass(RingletCluster cluster) {
            remember(cluster);
            assertSame(RINGLET.cluster(), cluster);
        }

        private static synchronized void remember(RingletCluster cluster) {
            if (first == null) {
                first = cluster;
            }
            assertSame(first, cluster);
        }
    }

    @Nested
    class PerTest {
        @RegisterExtension
        final RingletExtension ringlet = RingletExtension.singleNode();

        @Test
        void freshNodesForEachTest() {
            RingletCluster cluster = ringlet.cluster();
            Path dir = cluster.directory();
            assertTrue(Files.isDirectory(dir.resolve("node1")));
            accepts(cluster.node(1));
        }
    }

    @Nested
    @ExtendWith(RingletExtension.class)
    class WithExtendWith {
        @Test
        void oneNodeWithTheDefaults(RingletNode node) {
            assertEquals(LifecycleState.STARTED, node.node().state());
            accepts(node);
        }
    }

    @Test
    void closingStopsTheNodesAndDeletesTheirData() {
        RingletCluster cluster = RingletCluster.builder().nodes(1).build().start();
        RingletNode node = cluster.node(1);
        Path dir = cluster.directory();
        assertTrue(node.isRunning());
        cluster.close();
        assertFalse(node.isRunning());
        assertFalse(Files.exists(dir), "the temporary directory is deleted");
        assertThrows(IllegalArgumentException.class, () -> cluster.node(2));
    }

    @Test
    void aNodeRestartsOnTheSamePortWithANewNode() {
        try (RingletCluster cluster = RingletCluster.builder().build().start()) {
            RingletNode node = cluster.node(1);
            var address = node.nativeAddress();
            var before = node.node();
            node.restart();
            assertEquals(address, node.nativeAddress());
            assertNotSame(before, node.node());
            assertEquals(LifecycleState.STOPPED, before.state());
            accepts(node);
        }
    }
}
