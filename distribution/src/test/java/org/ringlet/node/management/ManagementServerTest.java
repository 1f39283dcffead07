package org.ringlet.node.management;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlet.api.locator.Location;
import org.ringlet.api.locator.LocationProvider;
import org.ringlet.api.locator.ReplicationStrategy;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.ring.Token;
import org.ringlet.api.ring.Topology;
import org.ringlet.api.schema.KeyspaceMetadata;
import org.ringlet.api.schema.ReplicationParams;
import org.ringlet.api.schema.Schema;
import org.ringlet.api.schema.SchemaChangeListener;
import org.ringlet.api.schema.SchemaService;
import org.ringlet.api.testing.FixedTopologyService;
import org.ringlet.api.testing.Rings;
import org.ringlet.api.testing.storage.InMemoryStorageEngine;
import org.ringlet.node.Node;
import org.ringlet.node.lifecycle.LifecycleState;
import org.ringlet.node.testing.TestPartitionerFactory;
import org.ringlet.tools.nodetool.NodeTool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** nodetool against the node's management interface: a started node, and the MBeans over service doubles. */
class ManagementServerTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run nodetool(int port, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("-h", "127.0.0.1", "-p", Integer.toString(port)));
        all.addAll(List.of(args));
        int code = NodeTool.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aStartedNodeAnswersNodetoolOnItsJmxPortAndStopsOnStopdaemon() throws Exception {
        Node node = Node.builder().workingDirectory(dir).dataDirectory(Path.of("data"))
                .setAll(Map.of("partitioner", "TestPartitioner", "endpoint_snitch", "test-snitch",
                        "node_proximity", "test-proximity", "cluster_name", "Tools Test", "jmx_port", "0",
                        "native_transport_port", "0", "storage_port", "0"))
                .build();
        assertEquals(-1, node.jmxPort());
        node.start();
        try {
            int port = node.jmxPort();
            assertTrue(port > 0, "port " + port);
            assertEquals(new Run(0, "ReleaseVersion: 5.0.6\n", ""), nodetool(port, "version"));
            Run cluster = nodetool(port, "describecluster");
            assertEquals(0, cluster.code(), cluster.err());
            assertTrue(cluster.out().startsWith("Cluster Information:\n\tName: Tools Test\n\tSnitch: "), cluster.out());
            assertTrue(cluster.out().contains("\tPartitioner: org.apache.cassandra.dht.TestPartitioner\n"),
                    cluster.out());
            assertEquals(new Run(2, "", "error: Keyspace ks does not exist\n"), nodetool(port, "flush", "ks"));
            assertEquals(new Run(0, "", ""), nodetool(port, "flush", "system_schema"));
            assertEquals(new Run(0, "", ""), nodetool(port, "compact", "system_schema", "tables"));
            assertEquals(new Run(0, "Node has shut down.\n", ""), nodetool(port, "stopdaemon"));
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (node.state() != LifecycleState.STOPPED) {
                assertTrue(System.nanoTime() < deadline, "the node did not stop within " + DEADLINE);
                Thread.onSpinWait();
            }
        } finally {
            node.stop();
        }
    }

    /** A schema with one keyspace (SimpleStrategy, RF 1) and no tables. */
    private static final class OneKeyspace implements SchemaService {
        private final Schema schema = new Schema(Map.of("ks",
                KeyspaceMetadata.create("ks", ReplicationParams.simple(1), true)),
                UUID.fromString("59adb24e-f3cd-3e02-97f0-5b395827453f"));

        @Override
        public Schema current() {
            return schema;
        }

        @Override
        public void addListener(SchemaChangeListener listener) {
        }

        @Override
        public void removeListener(SchemaChangeListener listener) {
        }
    }

    /** One replica: the primary owner. */
    private static final class PrimaryOnly implements ReplicationStrategy {
        @Override
        public List<UUID> naturalReplicas(Token token, Topology topology) {
            return List.of(topology.primaryOwner(token));
        }

        @Override
        public int replicationFactor() {
            return 1;
        }

        @Override
        public int replicationFactor(String datacenter) {
            return 1;
        }

        @Override
        public Map<String, String> options() {
            return Map.of("replication_factor", "1");
        }
    }

    @Test
    void statusRingAndEndpointsFromTheNodesServices() throws Exception {
        Partitioner partitioner = new TestPartitionerFactory.HashPartitioner();
        SortedSet<Token> tokens = new TreeSet<>();
        for (int i = 0; i < 16; i++) {
            tokens.add(partitioner.fromString(Long.toString(-8_000_000_000_000_000_000L + i * 1_000_000_000_000_000_000L)));
        }
        Topology topology = Topology.builder().add(Rings.node(0, "datacenter1", "rack1", tokens)).build();
        UUID hostId = Rings.hostId(0);
        LocationProvider location = () -> new Location("datacenter1", "rack1");
        ManagementSources sources = ManagementSources.of(
                Optional.of(new FixedTopologyService(topology, hostId, partitioner)), Optional.empty(),
                Optional.of(new InMemoryStorageEngine(id -> null)), Optional.of(new OneKeyspace()));
        StorageServiceBean bean = new StorageServiceBean(new StorageServiceBean.Identity("Tools Test",
                "org.apache.cassandra.dht.TestPartitioner", 1700000000, 64), partitioner, location, sources,
                (ks, replication) -> new PrimaryOnly(), () -> { });
        ManagementServer server = new ManagementServer(InetAddress.getLoopbackAddress(), 0, bean,
                new ManagementServer.LocationBeans(new ClusterBeans.SnitchInfo(bean, location,
                        "org.apache.cassandra.locator.SimpleSnitch"), new ClusterBeans.Proxy(bean),
                        new ClusterBeans.Gossip(bean), new ClusterBeans.Compactions(2)),
                new LatencyRecorders(), Optional.empty(), Optional.empty(), new org.ringlet.api.testing.ManualClock());
        server.start();
        try {
            int port = server.port();
            assertEquals(new Run(0, ""
                    + "Datacenter: datacenter1\n"
                    + "=======================\n"
                    + "Status=Up/Down\n"
                    + "|/ State=Normal/Leaving/Joining/Moving\n"
                    + "--  Address    Load     Tokens  Owns (effective)  Host ID                               Rack \n"
                    + "UN  127.0.0.2  0 bytes  16      100.0%            " + hostId + "  rack1\n"
                    + "\n", ""), nodetool(port, "status"));
            assertEquals(new Run(2, "", "error: Unknown table 't' in keyspace 'ks'\n"),
                    nodetool(port, "getendpoints", "ks", "t", "x"));
            Run ring = nodetool(port, "ring", "ks");
            assertEquals(0, ring.code(), ring.err());
            assertTrue(ring.out().contains("127.0.0.2       rack1       Up     Normal  0 bytes         100.00%"),
                    ring.out());
            Run describe = nodetool(port, "describering", "ks");
            assertTrue(describe.out().startsWith("Schema Version:59adb24e-f3cd-3e02-97f0-5b395827453f\nTokenRange: \n"
                    + "\tTokenRange(start_token:"), describe.out());
            assertEquals(18, describe.out().split("\n").length, describe.out());
            Run info = nodetool(port, "info");
            assertTrue(info.out().startsWith("ID                     : " + hostId + "\n"), info.out());
            assertTrue(info.out().contains("Token                  : (invoke with -T/--tokens to see all 16 tokens)\n"),
                    info.out());
            assertEquals(new Run(0, ""
                    + "Datacenter: datacenter1\n"
                    + "=======================\n"
                    + "Status=Up/Down\n"
                    + "|/ State=Normal/Leaving/Joining/Moving\n"
                    + "--  Address    Load     Tokens  Owns (effective)  Host ID                               Rack \n"
                    + "UN  127.0.0.2  0 bytes  16      100.0%            " + hostId + "  rack1\n"
                    + "\n", ""), nodetool(port, "status", "ks"));
            assertEquals(new Run(1, "\nError: The keyspace nosuch, does not exist\n", ""), nodetool(port, "status", "nosuch"));
        } finally {
            server.stop();
        }
    }
}
