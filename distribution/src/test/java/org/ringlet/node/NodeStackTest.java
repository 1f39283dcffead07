package org.ringlet.node;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlet.api.Service;
import org.ringlet.api.cluster.ConsistencyLevel;
import org.ringlet.api.cluster.Coordinator;
import org.ringlet.api.query.ClientState;
import org.ringlet.api.query.QueryHandler;
import org.ringlet.api.query.QueryOptions;
import org.ringlet.api.query.Response;
import org.ringlet.api.query.Result;
import org.ringlet.api.ring.TopologyService;
import org.ringlet.api.storage.StorageEngine;
import org.ringlet.node.inject.CoordinatorStage;
import org.ringlet.node.inject.QueryHandlerStage;
import org.ringlet.node.inject.SchemaLoading;
import org.ringlet.node.inject.StorageDrain;
import org.ringlet.node.inject.TopologyStage;
import org.ringlet.node.inject.TransportStage;
import org.ringlet.node.lifecycle.LifecycleManager;
import org.ringlet.node.management.ManagementServer;
import org.ringlet.tools.nodetool.NodeTool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The node as {@code ./ringlet start} assembles it from its defaults (murmur3, lsm, cql, local topology, default
 * coordinator, native transport), driven through its query handler and its JMX endpoint: the start-up order of
 * ADR 0041, data and identity across a clean stop, nodetool's view of it.
 */
class NodeStackTest {
    private static final Map<String, String> PORTS = Map.of("jmx_port", "0", "native_transport_port", "0",
            "storage_port", "0", "commitlog_segment_size", "1MiB");

    @TempDir
    Path dir;

    private Node node() {
        return Node.builder().workingDirectory(dir).dataDirectory(Path.of("data")).setAll(PORTS).build();
    }

    private static Response cql(Node node, ClientState client, String statement) {
        QueryHandler handler = node.service(QueryHandler.class).orElseThrow();
        try {
            return handler.query(client, statement, QueryOptions.of(ConsistencyLevel.ONE)).toCompletableFuture()
                    .join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static List<List<String>> texts(Response response) {
        Result.Rows rows = (Result.Rows) response.result();
        List<List<String>> out = new ArrayList<>();
        for (List<ByteBuffer> row : rows.rows()) {
            List<String> r = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                r.add(row.get(i) == null ? null : String.valueOf(rows.columns().get(i).type().compose(row.get(i))));
            }
            out.add(r);
        }
        return out;
    }

    private static ClientState client() {
        return new ClientState(new InetSocketAddress("127.0.0.1", 50000), 4);
    }

    @Test
    void startsInTheOrderOfAdr0041AndStopsInReverse() {
        Node node = node();
        node.start();
        try {
            List<Class<?>> order = new ArrayList<>();
            for (Service s : node.instance(LifecycleManager.class).services()) {
                order.add(s.getClass());
            }
            int storage = indexOf(order, StorageEngine.class);
            int drain = order.indexOf(StorageDrain.class);
            int schema = order.indexOf(SchemaLoading.class);
            int topology = order.indexOf(TopologyStage.class);
            int coordinator = order.indexOf(CoordinatorStage.class);
            int handler = order.indexOf(QueryHandlerStage.class);
            int transport = order.indexOf(TransportStage.class);
            assertTrue(0 <= storage && storage < drain && drain < schema && schema < topology
                    && topology < coordinator && coordinator < handler && handler < transport, order.toString());
            int jmx = order.indexOf(ManagementServer.class);
            assertEquals(transport, order.size() - 3, "the transport starts last but for JMX (ADR 0145) and the "
                    + "assembly, which only logs: " + order);
            assertEquals(transport + 1, jmx, order.toString());
            assertTrue(node.nativeAddress().isPresent());
            try (Socket s = new Socket()) {
                s.connect(node.nativeAddress().get(), 5000);
            } catch (java.io.IOException e) {
                throw new AssertionError("the native port does not accept", e);
            }
            assertEquals(node.config().network().nativeTransportPort(), node.nativeAddress().get().getPort(),
                    "port 0 was resolved before assembly, so the node announces the port it serves");
        } finally {
            node.stop();
        }
    }

    private static int indexOf(List<Class<?>> order, Class<?> type) {
        for (int i = 0; i < order.size(); i++) {
            if (type.isAssignableFrom(order.get(i))) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aCleanStopKeepsDataOfNonDurableKeyspacesTokensAndHostId() {
        Node first = node();
        first.start();
        UUID hostId;
        List<List<String>> tokens;
        ClientState client = client();
        try {
            cql(first, client, "CREATE KEYSPACE volatile WITH replication = {'class': 'SimpleStrategy', "
                    + "'replication_factor': 1} AND durable_writes = false");
            cql(first, client, "CREATE TABLE volatile.kv (k int PRIMARY KEY, v text)");
            for (int i = 0; i < 20; i++) {
                cql(first, client, "INSERT INTO volatile.kv (k, v) VALUES (" + i + ", 'v" + i + "')");
            }
            hostId = first.service(TopologyService.class).orElseThrow().localHostId();
            tokens = texts(cql(first, client, "SELECT host_id, tokens FROM system.local"));
            assertEquals(hostId.toString(), tokens.get(0).get(0));
        } finally {
            first.stop();
        }
        Node second = node();
        second.start();
        try {
            assertEquals(List.of(List.of("20")), texts(cql(second, client, "SELECT count(*) FROM volatile.kv")),
                    "writes that skipped the commit log were flushed when the node stopped");
            assertEquals(tokens, texts(cql(second, client, "SELECT host_id, tokens FROM system.local")));
            assertEquals(hostId, second.service(TopologyService.class).orElseThrow().localHostId());
        } finally {
            second.stop();
        }
    }

    @Test
    void nodetoolSeesTheRingStorageAndLatenciesAndDrainStopsClients() throws Exception {
        Node node = node();
        node.start();
        try {
            ClientState client = client();
            cql(node, client, "CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', "
                    + "'replication_factor': 1}");
            cql(node, client, "CREATE TABLE ks.t (k int PRIMARY KEY, v text)");
            for (int i = 0; i < 10; i++) {
                cql(node, client, "INSERT INTO ks.t (k, v) VALUES (" + i + ", 'x')");
                cql(node, client, "SELECT * FROM ks.t WHERE k = " + i);
            }
            int port = node.instance(ManagementServer.class).port();
            String hostId = node.service(TopologyService.class).orElseThrow().localHostId().toString();
            assertEquals(0, nodetool(port, "flush", "ks").code);
            String status = nodetool(port, "status").out;
            String line = status.lines().filter(l -> l.startsWith("UN  127.0.0.1")).findFirst()
                    .orElseThrow(() -> new AssertionError(status));
            assertTrue(line.matches("UN  127\\.0\\.0\\.1  \\d+(\\.\\d+)? (bytes|KiB|MiB)\\s+16\\s+100\\.0%\\s+"
                    + hostId + "  rack1"), line);
            String proxy = nodetool(port, "proxyhistograms").out;
            double[] max = maxLine(proxy);
            assertTrue(max[0] > 0 && max[1] > 0, "coordinator reads and writes were recorded:\n" + proxy);
            String table = nodetool(port, "tablehistograms", "ks", "t").out;
            assertTrue(maxLine(table)[0] > 0, "the table's local reads were recorded:\n" + table);
            assertEquals(0, nodetool(port, "snapshot", "-t", "before", "ks").code);
            String snapshots = nodetool(port, "listsnapshots").out;
            assertTrue(snapshots.lines().anyMatch(l -> l.matches("before\\s+ks\\s+t\\s+.*")), snapshots);
            assertEquals(0, nodetool(port, "drain").code);
            assertTrue(node.nativeAddress().isEmpty(), "drain stops serving clients");
            assertTrue(node.service(org.ringlet.api.query.Transport.class).isEmpty());
        } finally {
            node.stop();
        }
    }

    @Test
    void jmxStartsAfterTheClientTransportAndShowsTheTablesThatWereThere() throws Exception {
        Node first = node();
        first.start();
        try {
            ClientState client = client();
            cql(first, client, "CREATE KEYSPACE before WITH replication = {'class': 'SimpleStrategy', "
                    + "'replication_factor': 1}");
            cql(first, client, "CREATE TABLE before.t (k int PRIMARY KEY, v text)");
            cql(first, client, "INSERT INTO before.t (k, v) VALUES (1, 'x')");
        } finally {
            first.stop();
        }
        Node node = node();
        List<org.ringlet.api.Service> services = node.instance(
                org.ringlet.node.lifecycle.LifecycleManager.class).services();
        int transport = serviceIndex(services, org.ringlet.node.inject.TransportStage.class);
        int jmx = serviceIndex(services, ManagementServer.class);
        assertTrue(transport >= 0 && transport < jmx, "the CQL port opens before JMX starts: " + services);
        node.start();
        try {
            int port = node.instance(ManagementServer.class).port();
            assertTrue(port > 0, "JMX is up once start returns");
            cql(node, client(), "SELECT * FROM before.t WHERE k = 1");
            Run table = nodetool(port, "tablehistograms", "before", "t");
            assertEquals(0, table.code, table.err);
            assertTrue(maxLine(table.out)[0] > 0, "the table's MBean counts the read:\n" + table.out);
            Run stats = nodetool(port, "tablestats", "before.t");
            assertEquals(0, stats.code, stats.err);
            assertTrue(stats.out.contains("Table: t"), stats.out);
        } finally {
            node.stop();
        }
    }

    private static int serviceIndex(List<org.ringlet.api.Service> services, Class<?> type) {
        for (int i = 0; i < services.size(); i++) {
            if (type.isInstance(services.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The numbers of a histogram output's {@code Max} line. */
    private static double[] maxLine(String output) {
        String line = output.lines().filter(l -> l.startsWith("Max")).findFirst()
                .orElseThrow(() -> new AssertionError(output));
        String[] parts = line.trim().split("\\s+");
        double[] out = new double[parts.length - 1];
        for (int i = 1; i < parts.length; i++) {
            out[i - 1] = Double.parseDouble(parts[i]);
        }
        return out;
    }

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
}
