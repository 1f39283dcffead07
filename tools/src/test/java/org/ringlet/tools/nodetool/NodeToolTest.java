package org.ringlet.tools.nodetool;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.management.ObjectName;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringlet.tools.management.JmxCounterMBean;
import org.ringlet.tools.management.JmxGaugeMBean;
import org.ringlet.tools.management.JmxHistogramMBean;
import org.ringlet.tools.management.JmxTimerMBean;
import org.ringlet.tools.management.ManagementNames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** nodetool against a real JMX connector server with the test's MBeans; whole outputs and exit codes. */
class NodeToolTest {
    private static final String HOST_ID = "bcb57440-7303-4849-9afc-af0237587870";
    private static final List<String> SIXTEEN = List.of("-9000", "-8000", "-7000", "-6000", "-5000", "-4000", "-3000",
            "-2000", "-1000", "0", "1000", "2000", "3000", "4000", "5000", "6000");

    private JmxTestServer server;
    private FakeNode node;

    record Run(int code, String out, String err) {
    }

    @BeforeEach
    void start() throws Exception {
        server = new JmxTestServer();
        node = new FakeNode();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private void oneNode() {
        node.add(new FakeNode.Member("127.0.0.1", HOST_ID, "datacenter1", "rack1", "103.67 KiB", SIXTEEN, "U", "N", 1f));
        node.registerOn(server);
    }

    private Run nodetool(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("-h", "127.0.0.1", "-p", Integer.toString(server.port())));
        all.addAll(List.of(args));
        int code = NodeTool.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void statusOfOneNodeWithVnodes() {
        oneNode();
        assertEquals(new Run(0, ""
                + "Datacenter: datacenter1\n"
                + "=======================\n"
                + "Status=Up/Down\n"
                + "|/ State=Normal/Leaving/Joining/Moving\n"
                + "--  Address    Load        Tokens  Owns (effective)  Host ID                               Rack \n"
                + "UN  127.0.0.1  103.67 KiB  16      100.0%            " + HOST_ID + "  rack1\n"
                + "\n", ""), nodetool("status"));
    }

    @Test
    void statusWithoutEffectiveOwnershipSaysWhy() {
        node.sameReplication = false;
        oneNode();
        assertEquals(new Run(0, ""
                + "Datacenter: datacenter1\n"
                + "=======================\n"
                + "Status=Up/Down\n"
                + "|/ State=Normal/Leaving/Joining/Moving\n"
                + "--  Address    Load        Tokens  Owns  Host ID                               Rack \n"
                + "UN  127.0.0.1  103.67 KiB  16      ?     " + HOST_ID + "  rack1\n"
                + "\n"
                + "Note: Non-system keyspaces don't have the same replication settings, effective ownership "
                + "information is meaningless\n", ""), nodetool("status"));
        assertEquals(new Run(1, "\nError: The keyspace nosuch, does not exist\n", ""), nodetool("status", "nosuch"));
    }

    @Test
    void statusOfSeveralDatacentersSharesColumnWidths() {
        node.add(new FakeNode.Member("127.0.0.1", "11111111-1111-1111-1111-111111111111", "dc1", "r1", "1.5 MiB",
                List.of("-100"), "U", "N", 0.5f));
        node.add(new FakeNode.Member("127.0.0.2", "22222222-2222-2222-2222-222222222222", "dc1", "r2", "?",
                List.of("0"), "D", "N", 0.5f));
        node.add(new FakeNode.Member("127.0.0.10", "33333333-3333-3333-3333-333333333333", "dc2", "rack1", "12 bytes",
                List.of("100"), "U", "J", 1f));
        node.registerOn(server);
        assertEquals(new Run(0, ""
                + "Datacenter: dc1\n"
                + "===============\n"
                + "Status=Up/Down\n"
                + "|/ State=Normal/Leaving/Joining/Moving\n"
                + "--  Address     Load      Tokens  Owns (effective)  Host ID                               Rack \n"
                + "UN  127.0.0.1   1.5 MiB   1       50.0%             11111111-1111-1111-1111-111111111111  r1   \n"
                + "DN  127.0.0.2   ?         1       50.0%             22222222-2222-2222-2222-222222222222  r2   \n"
                + "\n"
                + "Datacenter: dc2\n"
                + "===============\n"
                + "Status=Up/Down\n"
                + "|/ State=Normal/Leaving/Joining/Moving\n"
                + "--  Address     Load      Tokens  Owns (effective)  Host ID                               Rack \n"
                + "UJ  127.0.0.10  12 bytes  1       100.0%            33333333-3333-3333-3333-333333333333  rack1\n"
                + "\n", ""), nodetool("status", "ks"));
    }

    @Test
    void ringListsEveryToken() {
        node.add(new FakeNode.Member("127.0.0.1", HOST_ID, "datacenter1", "rack1", "103.67 KiB", List.of("-10", "10"),
                "U", "N", 1f));
        node.registerOn(server);
        String row = "%-14s  %-12s%-7s%-8s%-16s%-20s%-44s%n";
        assertEquals(new Run(0, "\n"
                + "Datacenter: datacenter1\n"
                + "==========\n"
                + String.format(row, "Address", "Rack", "Status", "State", "Load", "Owns", "Token")
                + String.format(row, "", "", "", "", "", "", "10")
                + String.format(row, "127.0.0.1", "rack1", "Up", "Normal", "103.67 KiB", "100.00%", "-10")
                + String.format(row, "127.0.0.1", "rack1", "Up", "Normal", "103.67 KiB", "100.00%", "10")
                + "\n"
                + "  Warning: \"nodetool ring\" is used to output all the tokens of a node.\n"
                + "  To view status related info of a node use \"nodetool status\" instead.\n"
                + "\n"
                + "\n  ", ""), nodetool("ring"));
    }

    @Test
    void describeClusterAndRingAndEndpointsAndVersion() {
        oneNode();
        assertEquals(new Run(0, ""
                + "Cluster Information:\n"
                + "\tName: Test Cluster\n"
                + "\tSnitch: org.apache.cassandra.locator.SimpleSnitch\n"
                + "\tDynamicEndPointSnitch: disabled\n"
                + "\tPartitioner: org.apache.cassandra.dht.Murmur3Partitioner\n"
                + "\tSchema versions:\n"
                + "\t\t59adb24e-f3cd-3e02-97f0-5b395827453f: [127.0.0.1]\n"
                + "\n"
                + "Stats for all nodes:\n"
                + "\tLive: 1\n"
                + "\tJoining: 0\n"
                + "\tMoving: 0\n"
                + "\tLeaving: 0\n"
                + "\tUnreachable: 0\n"
                + "\n"
                + "Data Centers: \n"
                + "\tdatacenter1 #Nodes: 1 #Down: 0\n"
                + "\n"
                + "Database versions:\n"
                + "\t5.0.6: [127.0.0.1:7000]\n"
                + "\n"
                + "Keyspaces:\n"
                + "\tks -> Replication class: SimpleStrategy {replication_factor=1}\n"
                + "\tsystem -> Replication class: LocalStrategy {}\n"
                + "\tsystem_schema -> Replication class: LocalStrategy {}\n", ""), nodetool("describecluster"));
        assertEquals(new Run(0, "Schema Version:59adb24e-f3cd-3e02-97f0-5b395827453f\nTokenRange: \n"
                + "\tTokenRange(start_token:-10, end_token:10, endpoints:[127.0.0.1], rpc_endpoints:[127.0.0.1], "
                + "endpoint_details:[EndpointDetails(host:127.0.0.1, datacenter:datacenter1, rack:rack1)])\n", ""),
                nodetool("describering", "ks"));
        assertEquals(new Run(0, "127.0.0.1\n", ""), nodetool("getendpoints", "ks", "users", "raziz12"));
        assertEquals(List.of("getNaturalEndpoints ks users raziz12"), node.calls);
        assertEquals(new Run(0, "ReleaseVersion: 5.0.6\n", ""), nodetool("version"));
    }

    @Test
    void info() throws Exception {
        oneNode();
        server.mbeans().registerMBean(ManagementFactory.getRuntimeMXBean(),
                new ObjectName(ManagementFactory.RUNTIME_MXBEAN_NAME));
        server.mbeans().registerMBean(ManagementFactory.getMemoryMXBean(),
                new ObjectName(ManagementFactory.MEMORY_MXBEAN_NAME));
        server.register(ManagementNames.storageMetric("Exceptions"), new FakeNode.Counter(3), JmxCounterMBean.class);
        Run run = nodetool("info");
        assertEquals(0, run.code(), run.err());
        String[] lines = run.out().split("\n");
        assertEquals(17, lines.length, run.out());
        assertEquals("ID                     : " + HOST_ID, lines[0]);
        assertEquals("Gossip active          : true", lines[1]);
        assertEquals("Native Transport active: true", lines[2]);
        assertEquals("Load                   : 103.67 KiB", lines[3]);
        assertEquals("Uncompressed load      : 103.67 KiB", lines[4]);
        assertEquals("Generation No          : 1700000000", lines[5]);
        assertTrue(lines[6].matches("Uptime \\(seconds\\)       : \\d+"), lines[6]);
        assertTrue(lines[7].matches("Heap Memory \\(MB\\)       : \\d+\\.\\d\\d / \\d+\\.\\d\\d"), lines[7]);
        assertEquals("Off Heap Memory (MB)   : 0.00", lines[8]);
        assertEquals("Data Center            : datacenter1", lines[9]);
        assertEquals("Rack                   : rack1", lines[10]);
        assertEquals("Exceptions             : 3", lines[11]);
        assertEquals("Token                  : (invoke with -T/--tokens to see all 16 tokens)", lines[12]);
        assertEquals("Bootstrap state        : COMPLETED", lines[13]);
        assertEquals("Decommission failed    : false", lines[16]);

        // a node with caches, a network buffer pool, repair statistics and off-heap table memory (Cassandra)
        server.register(ManagementNames.name(ManagementNames.CACHES), new Caches(), CachesMBean.class);
        for (String cache : List.of("KeyCache", "RowCache", "CounterCache")) {
            server.register(ManagementNames.cacheMetric(cache, "Entries"), new FakeNode.Gauge(8), JmxGaugeMBean.class);
            server.register(ManagementNames.cacheMetric(cache, "Size"), new FakeNode.Gauge(640L), JmxGaugeMBean.class);
            server.register(ManagementNames.cacheMetric(cache, "Capacity"), new FakeNode.Gauge(53477376L),
                    JmxGaugeMBean.class);
            server.register(ManagementNames.cacheMetric(cache, "Hits"), new FakeNode.Counter(71), JmxCounterMBean.class);
            server.register(ManagementNames.cacheMetric(cache, "Requests"), new FakeNode.Counter(78),
                    JmxCounterMBean.class);
            server.register(ManagementNames.cacheMetric(cache, "HitRate"), new FakeNode.Gauge(cache.equals("KeyCache")
                    ? 0.9102564 : Double.NaN), JmxGaugeMBean.class);
        }
        server.register(ManagementNames.bufferPoolMetric("networking", "Size"), new FakeNode.Gauge(8388608L),
                JmxGaugeMBean.class);
        server.register(ManagementNames.bufferPoolMetric("networking", "OverflowSize"), new FakeNode.Gauge(0L),
                JmxGaugeMBean.class);
        server.register(ManagementNames.bufferPoolMetric("networking", "Capacity"), new FakeNode.Gauge(67108864L),
                JmxGaugeMBean.class);
        server.register(ManagementNames.globalTableMetric("PercentRepaired"), new FakeNode.Gauge(100.0),
                JmxGaugeMBean.class);
        server.register(ManagementNames.tableMetric("ks", "users", "MemtableOffHeapSize"), new FakeNode.Gauge(1572864L),
                JmxGaugeMBean.class);
        server.register(ManagementNames.tableMetric("ks", "events", "BloomFilterOffHeapMemoryUsed"),
                new FakeNode.Gauge(524288L), JmxGaugeMBean.class);
        String[] full = nodetool("info").out().split("\n");
        assertEquals(List.of("Off Heap Memory (MB)   : 2.00",
                "Data Center            : datacenter1",
                "Rack                   : rack1",
                "Exceptions             : 3",
                "Key Cache              : entries 8, size 640 bytes, capacity 51 MiB, 71 hits, 78 requests, 0.910 "
                        + "recent hit rate, 14400 save period in seconds",
                "Row Cache              : entries 8, size 640 bytes, capacity 51 MiB, 71 hits, 78 requests, NaN recent "
                        + "hit rate, 0 save period in seconds",
                "Counter Cache          : entries 8, size 640 bytes, capacity 51 MiB, 71 hits, 78 requests, NaN "
                        + "recent hit rate, 7200 save period in seconds",
                "Network Cache          : size 8 MiB, overflow size: 0 bytes, capacity 64 MiB",
                "Percent Repaired       : 100.0%",
                "Token                  : (invoke with -T/--tokens to see all 16 tokens)"),
                List.of(full).subList(8, 18));
        String tokens = nodetool("info", "-T").out();
        assertTrue(tokens.contains("Token                  : -9000\nToken                  : -8000\n"), tokens);
    }

    /** Cassandra's cache service, as far as nodetool info reads it. */
    public interface CachesMBean {
        int getKeyCacheSavePeriodInSeconds();

        int getRowCacheSavePeriodInSeconds();

        int getCounterCacheSavePeriodInSeconds();
    }

    static final class Caches implements CachesMBean {
        @Override public int getKeyCacheSavePeriodInSeconds() { return 14400; }
        @Override public int getRowCacheSavePeriodInSeconds() { return 0; }
        @Override public int getCounterCacheSavePeriodInSeconds() { return 7200; }
    }

    @Test
    void flushCompactSnapshotsDrainAndStop() {
        oneNode();
        assertEquals(new Run(0, "", ""), nodetool("flush", "ks", "users", "events"));
        assertEquals(new Run(0, "", ""), nodetool("flush"));
        assertEquals(new Run(0, "", ""), nodetool("compact", "-s", "ks"));
        assertEquals(new Run(0, "Requested creating snapshot(s) for [ks] with snapshot name [daily] and options "
                + "{skipFlush=false}\nSnapshot directory: daily\n", ""), nodetool("snapshot", "-t", "daily", "ks"));
        assertEquals(new Run(0, "Requested clearing snapshot(s) for [all keyspaces] with [all snapshots]\n", ""),
                nodetool("clearsnapshot", "--all"));
        assertEquals(new Run(2, "", "error: Specify snapshot name or --all\n"), nodetool("clearsnapshot"));
        assertEquals(new Run(0, "", ""), nodetool("drain"));
        assertEquals(new Run(0, "Node has shut down.\n", ""), nodetool("stopdaemon"));
        assertEquals(List.of("flush ks users,events", "flush ks ", "flush system ", "flush system_schema ",
                "compact true ks ", "snapshot daily {skipFlush=false} ks", "clearsnapshot '' ", "drain",
                "stopdaemon"), node.calls);
    }

    @Test
    void aLongOperationDrawsAProgressBarOnATerminal() {
        oneNode();
        node.running.add(Map.of("compactionId", "c1", "taskType", "Compaction", "keyspace", "ks", "columnfamily",
                "users", "completed", "25", "total", "100", "unit", "bytes"));
        node.progressPolls = new java.util.concurrent.CountDownLatch(2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = NodeTool.run(new String[] {"-p", Integer.toString(server.port()), "compact", "ks"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()), true);
        assertEquals(0, code);
        String shown = out.toString(StandardCharsets.UTF_8);
        assertTrue(shown.startsWith("\r[#######.......................]  25%  compacting ks"), shown);
        assertTrue(shown.endsWith("\r[##############################] 100%  compacting ks\n"), shown);
    }

    @Test
    void listSnapshots() {
        oneNode();
        assertEquals(new Run(0, ""
                + "Snapshot Details: \n"
                + "Snapshot name  Keyspace name Column family name True size Size on disk Creation time            Expiration time\n"
                + "daily          ks            users              1.1 KiB   6.29 KiB     2026-01-02T03:04:05.678Z                \n"
                + "before-upgrade ks            users              1.1 KiB   6.29 KiB     2026-01-02T03:04:05.678Z                \n"
                + "\n"
                + "Total TrueDiskSpaceUsed: 2.2 KiB\n"
                + "\n", ""), nodetool("listsnapshots"));
    }

    @Test
    void compactionStatsWithARunningCompaction() {
        oneNode();
        server.register(ManagementNames.compactionMetric("PendingTasks"), new FakeNode.Gauge(1), JmxGaugeMBean.class);
        server.register(ManagementNames.compactionMetric("BytesCompacted"), new FakeNode.Counter(6304141),
                JmxCounterMBean.class);
        node.running.add(Map.of("compactionId", "9a1c0b10-0000-4000-8000-000000000001", "taskType", "Compaction",
                "keyspace", "ks", "columnfamily", "users", "completed", "1048576", "total", "4194304", "unit",
                "bytes"));
        assertEquals(new Run(0, ""
                + "concurrent compactors         2      \n"
                + "pending tasks                 1      \n"
                + "data compacted                6304141\n"
                + "compaction throughput (MiB/s) 64.0   \n"
                + "\n"
                + "id                                   compaction type keyspace table completed total   unit  progress\n"
                + "9a1c0b10-0000-4000-8000-000000000001 Compaction      ks       users 1048576   4194304 bytes 25.00%  \n"
                + "Active compaction remaining time :   0h00m00s\n", ""), nodetool("compactionstats"));
    }

    @Test
    void histograms() {
        oneNode();
        FakeNode.Timer read = new FakeNode.Timer(10, 8, 20, 535, 1331, 1916, 3, 24601, 100);
        server.register(ManagementNames.clientRequestLatency("Read"), read, JmxTimerMBean.class);
        server.register(ManagementNames.tableMetric("ks", "users", "ReadLatency"), read, JmxTimerMBean.class);
        server.register(ManagementNames.tableMetric("ks", "users", "SSTablesPerReadHistogram"),
                new FakeNode.Histogram(10, 1, 1, 2, 2, 3, 0, 3), JmxHistogramMBean.class);
        long[] sizes = new long[151];
        sizes[17] = 3;
        sizes[18] = 1;
        server.register(ManagementNames.tableMetric("ks", "users", "EstimatedPartitionSizeHistogram"),
                new FakeNode.Gauge(sizes), JmxGaugeMBean.class);
        long[] cells = new long[119];
        cells[1] = 4;
        server.register(ManagementNames.tableMetric("ks", "users", "EstimatedColumnCountHistogram"),
                new FakeNode.Gauge(cells), JmxGaugeMBean.class);
        String proxy = "%-10s%19s%19s%19s%19s%19s%19s%n";
        String numbers = "%-10s%19.2f%19.2f%19.2f%19.2f%19.2f%19.2f%n";
        StringBuilder expected = new StringBuilder("proxy histograms\n");
        expected.append(String.format(proxy, "Percentile", "Read Latency", "Write Latency", "Range Latency",
                "CAS Read Latency", "CAS Write Latency", "View Write Latency"));
        expected.append(String.format(proxy, "", "(micros)", "(micros)", "(micros)", "(micros)", "(micros)", "(micros)"));
        double[] r = {8, 20, 535, 1331, 1916, 3, 24601};
        String[] names = {"50%", "75%", "95%", "98%", "99%", "Min", "Max"};
        for (int i = 0; i < 7; i++) {
            expected.append(String.format(java.util.Locale.ROOT, numbers, names[i], r[i], 0.0, 0.0, 0.0, 0.0, 0.0));
        }
        expected.append("\n");
        assertEquals(new Run(0, expected.toString(), ""), nodetool("proxyhistograms"));

        StringBuilder table = new StringBuilder("ks/users histograms\n");
        table.append(String.format("%-10s%18s%18s%18s%18s%18s%n", "Percentile", "Read Latency", "Write Latency",
                "SSTables", "Partition Size", "Cell Count"));
        table.append(String.format("%-10s%18s%18s%18s%18s%18s%n", "", "(micros)", "(micros)", "", "(bytes)", ""));
        double[] sst = {1, 1, 2, 2, 3, 0, 3};
        double[] size = {50, 50, 60, 60, 60, 43, 60};
        for (int i = 0; i < 7; i++) {
            table.append(String.format(java.util.Locale.ROOT, "%-10s%18.2f%18.2f%18.2f%18.0f%18.0f%n", names[i], r[i],
                    0.0, sst[i], size[i], 2.0));
        }
        table.append("\n");
        assertEquals(new Run(0, table.toString(), ""), nodetool("tablehistograms", "ks.users"));
        assertEquals(new Run(0, table.toString(), ""), nodetool("tablehistograms", "ks", "users"));

        // no sstables yet (Cassandra's empty histograms), and a node that does not estimate them at all
        server.register(ManagementNames.tableMetric("ks", "events", "EstimatedPartitionSizeHistogram"),
                new FakeNode.Gauge(new long[0]), JmxGaugeMBean.class);
        server.register(ManagementNames.tableMetric("ks", "events", "EstimatedColumnCountHistogram"),
                new FakeNode.Gauge(new long[0]), JmxGaugeMBean.class);
        server.register(ManagementNames.tableMetric("ks", "events", "ReadLatency"), read, JmxTimerMBean.class);
        StringBuilder nanRows = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            nanRows.append(String.format(java.util.Locale.ROOT, "%-10s%18.2f%18.2f%18.2f%18.0f%18.0f%n", names[i], r[i],
                    0.0, 0.0, Double.NaN, Double.NaN));
        }
        nanRows.append("\n");
        String header = table.substring(table.indexOf("\n") + 1, table.indexOf("\n", table.indexOf("(micros)")) + 1);
        Run empty = nodetool("tablehistograms", "ks", "events");
        assertEquals(new Run(0, "No SSTables exists, unable to calculate 'Partition Size' and 'Cell Count' "
                + "percentiles\nks/events histograms\n" + header + nanRows, ""), empty);
        server.register(ManagementNames.tableMetric("ks", "kv", "ReadLatency"), read, JmxTimerMBean.class);
        Run absent = nodetool("tablehistograms", "ks", "kv");
        assertEquals(new Run(0, "This node does not estimate partition sizes and cell counts: no 'Partition Size' "
                + "and 'Cell Count' percentiles\nks/kv histograms\n" + header + nanRows, ""), absent);
    }

    @Test
    void tableStats() {
        oneNode();
        server.register(ManagementNames.tableMetric("ks", "users", "LiveSSTableCount"), new FakeNode.Gauge(2),
                JmxGaugeMBean.class);
        server.register(ManagementNames.tableMetric("ks", "users", "LiveDiskSpaceUsed"), new FakeNode.Counter(5293),
                JmxCounterMBean.class);
        server.register(ManagementNames.tableMetric("ks", "users", "ReadLatency"),
                new FakeNode.Timer(4, 0, 0, 0, 0, 0, 0, 0, 91.5), JmxTimerMBean.class);
        server.register(ManagementNames.tableMetric("ks", "users", "ReadTotalLatency"), new FakeNode.Counter(366),
                JmxCounterMBean.class);
        server.register(ManagementNames.tableMetric("ks", "users", "MaxPartitionSize"), new FakeNode.Gauge(60L),
                JmxGaugeMBean.class);
        // another table of the keyspace: counted in the keyspace's totals even when only ks.users is shown
        server.register(ManagementNames.tableMetric("ks", "events", "LiveSSTableCount"), new FakeNode.Gauge(0),
                JmxGaugeMBean.class);
        server.register(ManagementNames.tableMetric("ks", "events", "WriteLatency"),
                new FakeNode.Timer(8, 0, 0, 0, 0, 0, 0, 0, 50), JmxTimerMBean.class);
        server.register(ManagementNames.tableMetric("ks", "events", "WriteTotalLatency"), new FakeNode.Counter(400),
                JmxCounterMBean.class);
        String users = ""
                + "\t\tTable: users\n"
                + "\t\tSSTable count: 2\n"
                + "\t\tOld SSTable count: 0\n"
                + "\t\tMax SSTable size: 0B\n"
                + "\t\tSpace used (live): 5293\n"
                + "\t\tSpace used (total): 0\n"
                + "\t\tSpace used by snapshots (total): 0\n"
                + "\t\tSSTable Compression Ratio: -1.00000\n"
                + "\t\tNumber of partitions (estimate): 0\n"
                + "\t\tMemtable cell count: 0\n"
                + "\t\tMemtable data size: 0\n"
                + "\t\tMemtable switch count: 0\n"
                + "\t\tSpeculative retries: 0\n"
                + "\t\tLocal read count: 4\n"
                + "\t\tLocal read latency: 0.092 ms\n"
                + "\t\tLocal write count: 0\n"
                + "\t\tLocal write latency: NaN ms\n"
                + "\t\tLocal read/write ratio: 0.00000\n"
                + "\t\tPending flushes: 0\n"
                + "\t\tPercent repaired: 0.0\n"
                + "\t\tBytes repaired: 0B\n"
                + "\t\tBytes unrepaired: 0B\n"
                + "\t\tBytes pending repair: 0B\n"
                + "\t\tBloom filter false positives: 0\n"
                + "\t\tBloom filter false ratio: 0.00000\n"
                + "\t\tBloom filter space used: 0\n"
                + "\t\tCompacted partition minimum bytes: 0\n"
                + "\t\tCompacted partition maximum bytes: 60\n"
                + "\t\tCompacted partition mean bytes: 0\n"
                + "\t\tAverage live cells per slice (last five minutes): NaN\n"
                + "\t\tMaximum live cells per slice (last five minutes): 0\n"
                + "\t\tAverage tombstones per slice (last five minutes): NaN\n"
                + "\t\tMaximum tombstones per slice (last five minutes): 0\n"
                + "\t\tDroppable tombstone ratio: 0.00000\n"
                + "\n";
        String keyspace = ""
                + "Keyspace: ks\n"
                + "\tRead Count: 4\n"
                + "\tRead Latency: 0.0915 ms\n"
                + "\tWrite Count: 8\n"
                + "\tWrite Latency: 0.05 ms\n"
                + "\tPending Flushes: 0\n";
        assertEquals(new Run(0, "Total number of tables: 1\n----------------\n" + keyspace + users
                + "----------------\n", ""), nodetool("tablestats", "ks.users"));
        assertEquals(new Run(2, "", "error: Unknown keyspace other\n"), nodetool("tablestats", "other"));

        // a node that publishes every metric (Cassandra): off-heap lines, repair, bloom filters, scanned cells
        Map<String, Object> gauges = new java.util.LinkedHashMap<>();
        gauges.put("MaxSSTableSize", 1187L);
        gauges.put("MemtableOffHeapSize", 1024L);
        gauges.put("BloomFilterOffHeapMemoryUsed", 16L);
        gauges.put("IndexSummaryOffHeapMemoryUsed", 8L);
        gauges.put("CompressionMetadataOffHeapMemoryUsed", 0L);
        gauges.put("CompressionRatio", 0.4567);
        gauges.put("PercentRepaired", 37.256);
        gauges.put("BytesUnrepaired", 2048L);
        gauges.put("RecentBloomFilterFalseRatio", 0.25);
        gauges.put("BloomFilterDiskSpaceUsed", 2048L);
        gauges.put("MemtableLiveDataSize", 3L * 1024 * 1024);
        for (Map.Entry<String, Object> g : gauges.entrySet()) {
            server.register(ManagementNames.tableMetric("ks", "events", g.getKey()), new FakeNode.Gauge(g.getValue()),
                    JmxGaugeMBean.class);
        }
        server.register(ManagementNames.tableMetric("ks", "events", "LiveScannedHistogram"),
                new FakeNode.Histogram(3, 4.0, 4, 4, 4, 4, 4, 4), JmxHistogramMBean.class);
        Run events = nodetool("tablestats", "-H", "ks.events");
        assertEquals(0, events.code(), events.err());
        String[] lines = events.out().split("\n");
        assertEquals(List.of("\t\tTable: events",
                "\t\tSSTable count: 0",
                "\t\tOld SSTable count: 0",
                "\t\tMax SSTable size: 1.159KiB",
                "\t\tSpace used (live): 0 bytes",
                "\t\tSpace used (total): 0 bytes",
                "\t\tSpace used by snapshots (total): 0 bytes",
                "\t\tOff heap memory used (total): 1.02 KiB",
                "\t\tSSTable Compression Ratio: 0.45670",
                "\t\tNumber of partitions (estimate): 0",
                "\t\tMemtable cell count: 0",
                "\t\tMemtable data size: 3 MiB",
                "\t\tMemtable off heap memory used: 1 KiB",
                "\t\tMemtable switch count: 0",
                "\t\tSpeculative retries: 0",
                "\t\tLocal read count: 0",
                "\t\tLocal read latency: NaN ms",
                "\t\tLocal write count: 8",
                "\t\tLocal write latency: 0.050 ms",
                "\t\tLocal read/write ratio: 0.00000",
                "\t\tPending flushes: 0",
                "\t\tPercent repaired: 37.26",
                "\t\tBytes repaired: 0B",
                "\t\tBytes unrepaired: 2.000KiB",
                "\t\tBytes pending repair: 0B",
                "\t\tBloom filter false positives: 0",
                "\t\tBloom filter false ratio: 0.25000",
                "\t\tBloom filter space used: 2 KiB",
                "\t\tBloom filter off heap memory used: 16 bytes",
                "\t\tIndex summary off heap memory used: 8 bytes",
                "\t\tCompression metadata off heap memory used: 0 bytes",
                "\t\tCompacted partition minimum bytes: 0",
                "\t\tCompacted partition maximum bytes: 0",
                "\t\tCompacted partition mean bytes: 0",
                "\t\tAverage live cells per slice (last five minutes): 4.0",
                "\t\tMaximum live cells per slice (last five minutes): 4",
                "\t\tAverage tombstones per slice (last five minutes): NaN",
                "\t\tMaximum tombstones per slice (last five minutes): 0",
                "\t\tDroppable tombstone ratio: 0.00000", "", "----------------"), List.of(lines).subList(8, lines.length));
    }

    @Test
    void clusterCommandsSayTheyAreNotAvailableYet() {
        oneNode();
        assertEquals(new Run(1, "", "nodetool: repair is not available yet: it comes with Ringlet's cluster support "
                + "(membership, streaming and repair).\n"), nodetool("repair", "ks"));
        assertEquals(1, nodetool("decommission").code());
        assertEquals(new Run(1, "", "nodetool: gossipinfo is not available yet: it comes with Ringlet's cluster "
                + "support (membership, streaming and repair).\n"), nodetool("gossipinfo"));
    }

    @Test
    void gossipInfoFromTheFailureDetector() {
        oneNode();
        String state = "/127.0.0.1\n  generation:1795672354\n  heartbeat:205\n  STATUS:59:NORMAL,-1503337450829588932\n";
        server.register(ManagementNames.FAILURE_DETECTOR, new org.ringlet.tools.management.FailureDetectorMBean() {
            @Override public String getAllEndpointStates() { return state; }
            @Override public String getAllEndpointStatesWithPort() { return state.replace("/127.0.0.1", "/127.0.0.1:7000"); }
        }, org.ringlet.tools.management.FailureDetectorMBean.class);
        // Cassandra's nodetool prints the state with println: a blank line closes it
        assertEquals(new Run(0, state + "\n", ""), nodetool("gossipinfo"));
        assertEquals(new Run(0, state.replace("/127.0.0.1", "/127.0.0.1:7000") + "\n", ""),
                nodetool("gossipinfo", "-pp"));
    }

    @Test
    void connectionRefused() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = NodeTool.run(new String[] {"-p", Integer.toString(port), "status"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8), false);
        assertEquals(1, code);
        assertEquals("nodetool: Failed to connect to '127.0.0.1:" + port + "' - ConnectException: 'Connection refused'.\n",
                err.toString(StandardCharsets.UTF_8));
    }
}
