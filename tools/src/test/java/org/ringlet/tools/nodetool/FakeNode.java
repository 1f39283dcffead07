package org.ringlet.tools.nodetool;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import javax.management.openmbean.TabularData;
import javax.management.openmbean.TabularDataSupport;
import javax.management.openmbean.TabularType;

import org.ringlet.tools.management.CompactionManagerMBean;
import org.ringlet.tools.management.EndpointSnitchInfoMBean;
import org.ringlet.tools.management.GossiperMBean;
import org.ringlet.tools.management.JmxCounterMBean;
import org.ringlet.tools.management.JmxGaugeMBean;
import org.ringlet.tools.management.JmxHistogramMBean;
import org.ringlet.tools.management.JmxTimerMBean;
import org.ringlet.tools.management.ManagementNames;
import org.ringlet.tools.management.StorageProxyMBean;
import org.ringlet.tools.management.StorageServiceMBean;

/**
 * A node's management MBeans with data set by the test: a test double of the node side of the contract (the node
 * assembly registers the real ones), recording the operations it is asked for.
 */
final class FakeNode implements StorageServiceMBean, EndpointSnitchInfoMBean, StorageProxyMBean, GossiperMBean,
        CompactionManagerMBean {

    /** A node of the fake cluster. */
    record Member(String address, String hostId, String dc, String rack, String load, List<String> tokens,
                  String status, String state, float owns) {
        String withPort() {
            return address + ":7000";
        }
    }

    final List<Member> members = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    final List<Map<String, String>> running = new ArrayList<>();
    boolean sameReplication = true;
    /** When set, compactions wait until nodetool has polled their progress this many times. */
    java.util.concurrent.CountDownLatch progressPolls;
    String localAddress = "127.0.0.1";

    FakeNode add(Member m) {
        members.add(m);
        return this;
    }

    private Member local() {
        return members.stream().filter(m -> m.address().equals(localAddress)).findFirst().orElseThrow();
    }

    private Member member(String host) throws UnknownHostException {
        String h = Ownership.hostOf(host);
        return members.stream().filter(m -> m.address().equals(h)).findFirst()
                .orElseThrow(() -> new UnknownHostException(host));
    }

    private List<String> where(String field, boolean port) {
        List<String> out = new ArrayList<>();
        for (Member m : members) {
            boolean match = switch (field) {
                case "live" -> m.status().equals("U");
                case "down" -> m.status().equals("D");
                default -> m.state().equals(field);
            };
            if (match) {
                out.add(port ? m.withPort() : m.address());
            }
        }
        return out;
    }

    @Override public List<String> getLiveNodes() { return where("live", false); }
    @Override public List<String> getLiveNodesWithPort() { return where("live", true); }
    @Override public List<String> getUnreachableNodes() { return where("down", false); }
    @Override public List<String> getUnreachableNodesWithPort() { return where("down", true); }
    @Override public List<String> getJoiningNodes() { return where("J", false); }
    @Override public List<String> getJoiningNodesWithPort() { return where("J", true); }
    @Override public List<String> getLeavingNodes() { return where("L", false); }
    @Override public List<String> getLeavingNodesWithPort() { return where("L", true); }
    @Override public List<String> getMovingNodes() { return where("M", false); }
    @Override public List<String> getMovingNodesWithPort() { return where("M", true); }

    private Map<String, String> tokens(boolean port) {
        TreeMap<Long, String> sorted = new TreeMap<>();
        for (Member m : members) {
            for (String t : m.tokens()) {
                sorted.put(Long.parseLong(t), port ? m.withPort() : m.address());
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        sorted.forEach((t, e) -> out.put(Long.toString(t), e));
        return out;
    }

    @Override public Map<String, String> getTokenToEndpointMap() { return tokens(false); }
    @Override public Map<String, String> getTokenToEndpointWithPortMap() { return tokens(true); }

    private Map<String, String> map(java.util.function.Function<Member, String> key,
                                    java.util.function.Function<Member, String> value) {
        Map<String, String> out = new LinkedHashMap<>();
        members.forEach(m -> out.put(key.apply(m), value.apply(m)));
        return out;
    }

    @Override public Map<String, String> getHostIdToEndpoint() { return map(Member::hostId, Member::address); }
    @Override public Map<String, String> getHostIdToEndpointWithPort() { return map(Member::hostId, Member::withPort); }
    @Override public Map<String, String> getEndpointToHostId() { return map(Member::address, Member::hostId); }
    @Override public Map<String, String> getEndpointWithPortToHostId() { return map(Member::withPort, Member::hostId); }
    @Override public Map<String, String> getLoadMap() { return map(Member::address, Member::load); }
    @Override public Map<String, String> getLoadMapWithPort() { return map(Member::withPort, Member::load); }
    @Override public String getLoadString() { return local().load(); }
    @Override public String getUncompressedLoadString() { return local().load(); }
    @Override public List<String> getTokens() { return local().tokens(); }
    @Override public List<String> getTokens(String endpoint) throws UnknownHostException { return member(endpoint).tokens(); }

    @Override
    public Map<InetAddress, Float> getOwnership() {
        Map<InetAddress, Float> out = new LinkedHashMap<>();
        for (Member m : members) {
            try {
                out.put(InetAddress.getByName(m.address()), m.owns());
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    @Override
    public Map<String, Float> getOwnershipWithPort() {
        Map<String, Float> out = new LinkedHashMap<>();
        members.forEach(m -> out.put(m.withPort(), m.owns()));
        return out;
    }

    @Override
    public Map<InetAddress, Float> effectiveOwnership(String keyspace) {
        checkOwnership(keyspace);
        return getOwnership();
    }

    @Override
    public Map<String, Float> effectiveOwnershipWithPort(String keyspace) {
        checkOwnership(keyspace);
        return getOwnershipWithPort();
    }

    private void checkOwnership(String keyspace) {
        if (keyspace == null && !sameReplication) {
            throw new IllegalStateException("Non-system keyspaces don't have the same replication settings, "
                    + "effective ownership information is meaningless");
        }
        if (keyspace != null && !getKeyspaces().contains(keyspace)) {
            throw new IllegalArgumentException("The keyspace " + keyspace + ", does not exist");
        }
    }

    @Override
    public List<String> describeRingJMX(String keyspace) {
        return List.of("TokenRange(start_token:-10, end_token:10, endpoints:[127.0.0.1], rpc_endpoints:[127.0.0.1], "
                + "endpoint_details:[EndpointDetails(host:127.0.0.1, datacenter:datacenter1, rack:rack1)])");
    }

    @Override public List<String> describeRingWithPortJMX(String keyspace) { return describeRingJMX(keyspace); }

    @Override
    public List<InetAddress> getNaturalEndpoints(String keyspace, String table, String key) {
        calls.add("getNaturalEndpoints " + keyspace + " " + table + " " + key);
        try {
            return List.of(InetAddress.getByName(members.get(0).address()));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<String> getNaturalEndpointsWithPort(String keyspace, String table, String key) {
        return List.of(members.get(0).withPort());
    }

    @Override public String getKeyspaceReplicationInfo(String keyspace) {
        return keyspace.startsWith("system") ? "LocalStrategy {}" : "SimpleStrategy {replication_factor=1}";
    }
    @Override public List<String> getKeyspaces() { return List.of("ks", "system", "system_schema"); }
    @Override public List<String> getNonSystemKeyspaces() { return List.of("ks"); }
    @Override public String getLocalHostId() { return local().hostId(); }
    @Override public String getClusterName() { return "Test Cluster"; }
    @Override public String getPartitionerName() { return "org.apache.cassandra.dht.Murmur3Partitioner"; }
    @Override public String getReleaseVersion() { return "5.0.6"; }
    @Override public String getSchemaVersion() { return "59adb24e-f3cd-3e02-97f0-5b395827453f"; }
    @Override public String getOperationMode() { return "NORMAL"; }
    @Override public String getBootstrapState() { return "COMPLETED"; }
    @Override public boolean isBootstrapFailed() { return false; }
    @Override public boolean isDecommissioning() { return false; }
    @Override public boolean isDecommissionFailed() { return false; }
    @Override public int getCurrentGenerationNumber() { return 1700000000; }
    @Override public boolean isGossipRunning() { return true; }
    @Override public boolean isNativeTransportRunning() { return true; }
    @Override public boolean isJoined() { return true; }
    @Override public boolean isDrained() { return calls.contains("drain"); }
    @Override public boolean isDraining() { return false; }
    @Override public double getCompactionThroughtputMibPerSecAsDouble() { return 64.0; }

    @Override
    public void forceKeyspaceFlush(String keyspace, String... tables) {
        calls.add("flush " + keyspace + " " + String.join(",", tables));
    }

    @Override
    public void forceKeyspaceCompaction(boolean splitOutput, String keyspace, String... tables) {
        calls.add("compact " + splitOutput + " " + keyspace + " " + String.join(",", tables));
        if (progressPolls != null) {
            try {
                if (!progressPolls.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    throw new IllegalStateException("nodetool never asked for the progress");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void takeSnapshot(String tag, Map<String, String> options, String... entities) {
        calls.add("snapshot " + tag + " " + options + " " + String.join(",", entities));
    }

    @Override
    public void clearSnapshot(String tag, String... keyspaces) {
        calls.add("clearsnapshot '" + tag + "' " + String.join(",", keyspaces));
    }

    static final String[] SNAPSHOT_ITEMS = {"Snapshot name", "Keyspace name", "Column family name", "True size",
        "Size on disk", "Creation time", "Expiration time", "Ephemeral"};

    @Override
    public Map<String, TabularData> getSnapshotDetails(Map<String, String> options) {
        try {
            OpenType<?>[] types = new OpenType<?>[SNAPSHOT_ITEMS.length];
            java.util.Arrays.fill(types, SimpleType.STRING);
            CompositeType row = new CompositeType("SnapshotDetails", "a snapshot", SNAPSHOT_ITEMS, SNAPSHOT_ITEMS, types);
            TabularType table = new TabularType("SnapshotDetails", "snapshots", row, SNAPSHOT_ITEMS);
            Map<String, TabularData> out = new LinkedHashMap<>();
            for (String tag : List.of("daily", "before-upgrade")) {
                TabularDataSupport data = new TabularDataSupport(table);
                data.put(new CompositeDataSupport(row, SNAPSHOT_ITEMS, new Object[] {tag, "ks", "users", "1.1 KiB",
                    "6.29 KiB", "2026-01-02T03:04:05.678Z", null, "false"}));
                out.put(tag, data);
            }
            return out;
        } catch (OpenDataException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override public long trueSnapshotsSize() { return 2253; }
    @Override public void drain() { calls.add("drain"); }
    @Override public void stopDaemon() { calls.add("stopdaemon"); }

    // EndpointSnitchInfoMBean
    @Override public String getRack(String host) throws UnknownHostException { return member(host).rack(); }
    @Override public String getDatacenter(String host) throws UnknownHostException { return member(host).dc(); }
    @Override public String getRack() { return local().rack(); }
    @Override public String getDatacenter() { return local().dc(); }
    @Override public String getSnitchName() { return "org.apache.cassandra.locator.SimpleSnitch"; }

    // StorageProxyMBean
    @Override public Map<String, List<String>> getSchemaVersions() {
        return Map.of(getSchemaVersion(), members.stream().map(Member::address).toList());
    }
    @Override public Map<String, List<String>> getSchemaVersionsWithPort() {
        return Map.of(getSchemaVersion(), members.stream().map(Member::withPort).toList());
    }

    // GossiperMBean
    @Override public Map<String, List<String>> getReleaseVersionsWithPort() {
        return Map.of("5.0.6", members.stream().map(Member::withPort).toList());
    }

    // CompactionManagerMBean
    @Override
    public List<Map<String, String>> getCompactions() {
        if (progressPolls != null) {
            progressPolls.countDown();
        }
        return running;
    }
    @Override public int getCoreCompactorThreads() { return 2; }

    /** Registers every MBean of this node on {@code server}. */
    void registerOn(JmxTestServer server) {
        server.register(ManagementNames.STORAGE_SERVICE, this, StorageServiceMBean.class);
        server.register(ManagementNames.ENDPOINT_SNITCH_INFO, this, EndpointSnitchInfoMBean.class);
        server.register(ManagementNames.STORAGE_PROXY, this, StorageProxyMBean.class);
        server.register(ManagementNames.GOSSIPER, this, GossiperMBean.class);
        server.register(ManagementNames.COMPACTION_MANAGER, this, CompactionManagerMBean.class);
    }

    record Gauge(Object value) implements JmxGaugeMBean {
        @Override public Object getValue() { return value; }
    }

    record Counter(long count) implements JmxCounterMBean {
        @Override public long getCount() { return count; }
    }

    /** A latency distribution with fixed percentiles (micros). */
    record Timer(long count, double p50, double p75, double p95, double p98, double p99, double min, double max,
                 double mean) implements JmxTimerMBean {
        @Override public long getCount() { return count; }
        @Override public double getMin() { return min; }
        @Override public double getMax() { return max; }
        @Override public double getMean() { return mean; }
        @Override public double get50thPercentile() { return p50; }
        @Override public double get75thPercentile() { return p75; }
        @Override public double get95thPercentile() { return p95; }
        @Override public double get98thPercentile() { return p98; }
        @Override public double get99thPercentile() { return p99; }
        @Override public double get999thPercentile() { return max; }
        @Override public String getDurationUnit() { return "microseconds"; }
    }

    record Histogram(long count, double p50, double p75, double p95, double p98, double p99, long min, long max)
            implements JmxHistogramMBean {
        @Override public long getCount() { return count; }
        @Override public long getMin() { return min; }
        @Override public long getMax() { return max; }
        @Override public double getMean() { return p50; }
        @Override public double get50thPercentile() { return p50; }
        @Override public double get75thPercentile() { return p75; }
        @Override public double get95thPercentile() { return p95; }
        @Override public double get98thPercentile() { return p98; }
        @Override public double get99thPercentile() { return p99; }
        @Override public double get999thPercentile() { return p99; }
    }
}
