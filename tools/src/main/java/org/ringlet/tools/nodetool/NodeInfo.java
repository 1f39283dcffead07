package org.ringlet.tools.nodetool;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Locale;

import javax.management.ObjectName;

import org.ringlet.tools.management.EndpointSnitchInfoMBean;
import org.ringlet.tools.management.ManagementNames;
import org.ringlet.tools.management.StorageServiceMBean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nodetool info}, line for line as Cassandra's: the cache and buffer pool lines appear when the node has those
 * MBeans (a Cassandra node does; a Ringlet node, which has no such caches, does not), and the generation number is 0
 * when the node does not gossip.
 */
@Command(name = "info", description = "Print node information (uptime, load, ...)")
final class NodeInfo extends NodeToolCommand {
    private static final List<String> OFF_HEAP_METRICS = List.of("MemtableOffHeapSize",
            "BloomFilterOffHeapMemoryUsed", "IndexSummaryOffHeapMemoryUsed", "CompressionMetadataOffHeapMemoryUsed");
    private static final String CACHE_LINE = "%-23s: entries %d, size %s, capacity %s, %d hits, %d requests, "
            + "%.3f recent hit rate, %d save period in seconds%n";

    @Option(names = {"-T", "--tokens"}, description = "Display all tokens")
    boolean tokens;

    private static void line(PrintStream out, String name, Object value) {
        out.print(String.format("%-23s: %s%n", name, value));
    }

    @Override
    int execute(NodeProbe probe, PrintStream out) throws Exception {
        StorageServiceMBean ss = probe.storageService();
        EndpointSnitchInfoMBean snitch = probe.snitch();
        boolean gossip = ss.isGossipRunning();
        line(out, "ID", ss.getLocalHostId());
        line(out, "Gossip active", gossip);
        line(out, "Native Transport active", ss.isNativeTransportRunning());
        line(out, "Load", ss.getLoadString());
        line(out, "Uncompressed load", ss.getUncompressedLoadString());
        line(out, "Generation No", gossip ? ss.getCurrentGenerationNumber() : 0);
        line(out, "Uptime (seconds)", probe.runtime().getUptime() / 1000);
        MemoryUsage heap = probe.memory().getHeapMemoryUsage();
        line(out, "Heap Memory (MB)", String.format(Locale.ROOT, "%.2f / %.2f",
                heap.getUsed() / (1024.0 * 1024.0), heap.getMax() / (1024.0 * 1024.0)));
        line(out, "Off Heap Memory (MB)", String.format(Locale.ROOT, "%.2f", offHeapBytes(probe) / (1024d * 1024)));
        line(out, "Data Center", snitch.getDatacenter());
        line(out, "Rack", snitch.getRack());
        Long exceptions = probe.count(ManagementNames.storageMetric("Exceptions"));
        line(out, "Exceptions", exceptions == null ? 0 : exceptions);
        if (probe.has(ManagementNames.name(ManagementNames.CACHES))) {
            cache(probe, out, "Key Cache", "KeyCache");
            cache(probe, out, "Row Cache", "RowCache");
            cache(probe, out, "Counter Cache", "CounterCache");
        }
        chunkCache(probe, out);
        if (probe.has(ManagementNames.bufferPoolMetric("networking", "Size"))) {
            out.print(String.format("%-23s: size %s, overflow size: %s, capacity %s%n", "Network Cache",
                    Formats.fileSize(number(probe, ManagementNames.bufferPoolMetric("networking", "Size"))),
                    Formats.fileSize(number(probe, ManagementNames.bufferPoolMetric("networking", "OverflowSize"))),
                    Formats.fileSize(number(probe, ManagementNames.bufferPoolMetric("networking", "Capacity")))));
        }
        Object repaired = probe.gauge(ManagementNames.globalTableMetric("PercentRepaired"));
        if (repaired != null) {
            out.print(String.format("%-23s: %s%%%n", "Percent Repaired", repaired));
        }
        if (ss.isJoined()) {
            List<String> own = ss.getTokens();
            if (tokens || own.size() == 1) {
                for (String t : own) {
                    line(out, "Token", t);
                }
            } else {
                line(out, "Token", "(invoke with -T/--tokens to see all " + own.size() + " tokens)");
            }
        } else {
            line(out, "Token", "(node is not joined to the cluster)");
        }
        line(out, "Bootstrap state", ss.getBootstrapState());
        line(out, "Bootstrap failed", ss.isBootstrapFailed());
        line(out, "Decommissioning", ss.isDecommissioning());
        line(out, "Decommission failed", ss.isDecommissionFailed());
        return 0;
    }

    /** The off-heap bytes of every table's memtables, bloom filters, index summaries and compression metadata. */
    private static long offHeapBytes(NodeProbe probe) throws IOException {
        long total = 0;
        for (String metric : OFF_HEAP_METRICS) {
            for (ObjectName name : probe.connection().queryNames(ManagementNames.name(
                    "org.apache.cassandra.metrics:type=Table,name=" + metric + ",*"), null)) {
                if (name.getKeyProperty("keyspace") != null) {
                    Object v = probe.gauge(name);
                    total += v instanceof Number n ? n.longValue() : 0;
                }
            }
        }
        return total;
    }

    private static long number(NodeProbe probe, ObjectName gauge) throws IOException {
        Object v = probe.gauge(gauge);
        return v instanceof Number n ? n.longValue() : 0;
    }

    private static double rate(NodeProbe probe, ObjectName gauge) throws IOException {
        Object v = probe.gauge(gauge);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static long meter(NodeProbe probe, ObjectName meter) throws IOException {
        Long v = probe.count(meter);
        return v == null ? 0 : v;
    }

    private static void cache(NodeProbe probe, PrintStream out, String label, String cache) throws IOException {
        Object period = probe.attribute(ManagementNames.name(ManagementNames.CACHES),
                cache + "SavePeriodInSeconds");
        out.print(String.format(Locale.ROOT, CACHE_LINE, label,
                number(probe, ManagementNames.cacheMetric(cache, "Entries")),
                Formats.fileSize(number(probe, ManagementNames.cacheMetric(cache, "Size"))),
                Formats.fileSize(number(probe, ManagementNames.cacheMetric(cache, "Capacity"))),
                meter(probe, ManagementNames.cacheMetric(cache, "Hits")),
                meter(probe, ManagementNames.cacheMetric(cache, "Requests")),
                rate(probe, ManagementNames.cacheMetric(cache, "HitRate")),
                period instanceof Number n ? n.longValue() : 0));
    }

    private static void chunkCache(NodeProbe probe, PrintStream out) throws IOException {
        if (!probe.has(ManagementNames.cacheMetric("ChunkCache", "Entries"))) {
            return;
        }
        Object missLatency = probe.attribute(ManagementNames.cacheMetric("ChunkCache", "MissLatency"), "Mean");
        out.print(String.format(Locale.ROOT, "%-23s: entries %d, size %s, capacity %s, %d misses, %d requests, "
                        + "%.3f recent hit rate, %.3f %s miss latency%n", "Chunk Cache",
                number(probe, ManagementNames.cacheMetric("ChunkCache", "Entries")),
                Formats.fileSize(number(probe, ManagementNames.cacheMetric("ChunkCache", "Size"))),
                Formats.fileSize(number(probe, ManagementNames.cacheMetric("ChunkCache", "Capacity"))),
                meter(probe, ManagementNames.cacheMetric("ChunkCache", "Misses")),
                meter(probe, ManagementNames.cacheMetric("ChunkCache", "Requests")),
                rate(probe, ManagementNames.cacheMetric("ChunkCache", "HitRate")),
                missLatency instanceof Number n ? n.doubleValue() : Double.NaN,
                probe.gauge(ManagementNames.cacheMetric("ChunkCache", "MissLatencyUnit"))));
    }
}
