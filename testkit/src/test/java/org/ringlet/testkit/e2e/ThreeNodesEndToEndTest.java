package org.ringlet.testkit.e2e;

import java.net.InetAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.metadata.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ringlet.testkit.RingletExtension;
import org.ringlet.testkit.RingletNode;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Three nodes in one JVM and one class loader, on 127.0.0.1, 127.0.0.2 and 127.0.0.3 with their own bound ports,
 * each answering a Java driver connected to it alone. (Without gossip each node is a ring of its own.)
 */
class ThreeNodesEndToEndTest {
    @RegisterExtension
    static final RingletExtension RINGLET = RingletExtension.nodes(3);

    @Test
    void eachNodeAnswersItsOwnDriver() throws Exception {
        Set<UUID> hostIds = new HashSet<>();
        Set<Integer> ports = new HashSet<>();
        for (RingletNode node : RINGLET.cluster().nodes()) {
            InetAddress expected = InetAddress.getByName("127.0.0." + node.index());
            assertEquals(expected, node.nativeAddress().getAddress());
            ports.add(node.nativeAddress().getPort());
            try (CqlSession session = Drivers.connect(List.of(node.nativeAddress()), "datacenter1")) {
                Node seen = session.getMetadata().getNodes().values().iterator().next();
                assertEquals(1, session.getMetadata().getNodes().size());
                assertEquals(node.hostId(), seen.getHostId());
                assertEquals(expected, session.execute("SELECT rpc_address FROM system.local").one()
                        .getInetAddress(0));
                session.execute("CREATE KEYSPACE IF NOT EXISTS app WITH replication = {'class': 'SimpleStrategy', "
                        + "'replication_factor': 1}");
                session.execute("CREATE TABLE IF NOT EXISTS app.hello (k int PRIMARY KEY, who text)");
                session.execute("INSERT INTO app.hello (k, who) VALUES (1, 'node" + node.index() + "')");
                assertEquals("node" + node.index(), session.execute("SELECT who FROM app.hello WHERE k = 1").one()
                        .getString(0), "each node keeps its own data");
                hostIds.add(seen.getHostId());
            }
        }
        assertEquals(3, hostIds.size());
        assertEquals(3, ports.size(), "three distinct bound ports: " + ports);
        assertEquals(3, RINGLET.contactPoints().size());
    }
}
