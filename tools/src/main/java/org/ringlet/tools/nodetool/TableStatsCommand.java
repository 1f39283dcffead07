package org.ringlet.tools.nodetool;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.management.ObjectName;

import org.ringlet.tools.management.JmxHistogramMBean;
import org.ringlet.tools.management.ManagementNames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nodetool tablestats}, line for line as Cassandra 5.0's. Every table metric the node publishes is read by
 * its Cassandra name; a line whose metric the node does not publish shows Cassandra's default (0, {@code NaN} for a
 * latency or a mean, -1 for the compression ratio), and the off-heap lines appear only when the node publishes
 * off-heap metrics, as Cassandra's nodetool does.
 */
@Command(name = "tablestats", aliases = "cfstats", description = "Print statistics on tables")
final class TableStatsCommand extends NodeToolCommand {
    private static final List<String> OFF_HEAP = List.of("MemtableOffHeapSize", "BloomFilterOffHeapMemoryUsed",
            "IndexSummaryOffHeapMemoryUsed", "CompressionMetadataOffHeapMemoryUsed");

    @Parameters(arity = "0..*", paramLabel = "<keyspace.table>", description = "List of tables (or keyspace) names")
    List<String> filters = new ArrayList<>();

    @Option(names = {"-H", "--human-readable"}, description = "Display bytes in human readable form, i.e. KiB, MiB, GiB, TiB")
    boolean humanReadable;

    @Override
    int execute(NodeProbe probe, PrintStream out) throws Exception {
        Map<String, Set<String>> all = new LinkedHashMap<>();
        Map<String, Set<String>> selected = new LinkedHashMap<>();
        for (ObjectName name : probe.connection().queryNames(
                ManagementNames.name("org.apache.cassandra.metrics:type=Table,name=LiveSSTableCount,*"), null)) {
            String ks = name.getKeyProperty("keyspace");
            String table = name.getKeyProperty("scope");
            if (ks == null || table == null) {
                continue;
            }
            all.computeIfAbsent(ks, k -> new TreeSet<>()).add(table);
            if (matches(ks, table)) {
                selected.computeIfAbsent(ks, k -> new TreeSet<>()).add(table);
            }
        }
        for (String f : filters) {
            String ks = f.contains(".") ? f.substring(0, f.indexOf('.')) : f;
            if (!all.containsKey(ks) || (f.contains(".")
                    && !all.get(ks).contains(f.substring(f.indexOf('.') + 1)))) {
                throw new IllegalArgumentException("Unknown " + (f.contains(".") ? "table " : "keyspace ") + f);
            }
        }
        int total = selected.values().stream().mapToInt(Set::size).sum();
        out.print("Total number of tables: " + total + "\n");
        out.print("----------------\n");
        for (Map.Entry<String, Set<String>> ks : new TreeMap<>(selected).entrySet()) {
            printKeyspace(probe, out, ks.getKey(), all.get(ks.getKey()), ks.getValue());
        }
        return 0;
    }

    private boolean matches(String ks, String table) {
        if (filters.isEmpty()) {
            return true;
        }
        for (String f : filters) {
            if (f.equals(ks) || f.equals(ks + "." + table)) {
                return true;
            }
        }
        return false;
    }

    /** FBUtilities.prettyPrintMemory: {@code 0B}, {@code 1.159KiB}. */
    static String prettyMemory(long size) {
        int prefix = (63 - Long.numberOfLeadingZeros(Math.abs(size))) / 10;
        if (prefix == 0) {
            return size + "B";
        }
        return String.format(Locale.ROOT, "%.3f%ciB", Math.scalb((float) size, -prefix * 10), " KMGTPE".charAt(prefix));
    }

    private String bytes(long value) {
        return humanReadable ? Formats.fileSize(value) : Long.toString(value);
    }

    private static ObjectName metric(String ks, String table, String name) {
        return ManagementNames.tableMetric(ks, table, name);
    }

    private static long count(NodeProbe probe, String ks, String table, String name) throws IOException {
        Long c = probe.count(metric(ks, table, name));
        return c == null ? 0 : c;
    }

    private static Number number(NodeProbe probe, String ks, String table, String name, Number absent)
            throws IOException {
        Object v = probe.gauge(metric(ks, table, name));
        return v instanceof Number n ? n : absent;
    }

    private static double timerMeanMillis(NodeProbe probe, String ks, String table, String name) throws IOException {
        if (!probe.has(metric(ks, table, name))) {
            return Double.NaN;
        }
        double mean = probe.timer(metric(ks, table, name)).getMean() / 1000;
        return mean > 0 ? mean : Double.NaN;
    }

    /** The keyspace's totals cover all its tables, as Cassandra's, even when only some are shown. */
    private void printKeyspace(NodeProbe probe, PrintStream out, String ks, Set<String> tables, Set<String> shown)
            throws IOException {
        long reads = 0;
        long writes = 0;
        long readTime = 0;
        long writeTime = 0;
        long pendingFlushes = 0;
        for (String t : tables) {
            reads += count(probe, ks, t, "ReadLatency");
            writes += count(probe, ks, t, "WriteLatency");
            readTime += count(probe, ks, t, "ReadTotalLatency");
            writeTime += count(probe, ks, t, "WriteTotalLatency");
            pendingFlushes += count(probe, ks, t, "PendingFlushes");
        }
        out.print("Keyspace: " + ks + "\n");
        out.print("\tRead Count: " + reads + "\n");
        out.print("\tRead Latency: " + (reads > 0 ? (double) readTime / reads / 1000 : Double.NaN) + " ms\n");
        out.print("\tWrite Count: " + writes + "\n");
        out.print("\tWrite Latency: " + (writes > 0 ? (double) writeTime / writes / 1000 : Double.NaN) + " ms\n");
        out.print("\tPending Flushes: " + pendingFlushes + "\n");
        for (String t : shown) {
            printTable(probe, out, ks, t);
        }
        out.print("----------------\n");
    }

    private void printTable(NodeProbe probe, PrintStream out, String ks, String t) throws IOException {
        String in = "\t\t";
        boolean offHeap = true;
        long offHeapTotal = 0;
        for (String m : OFF_HEAP) {
            Object v = probe.gauge(metric(ks, t, m));
            offHeap &= v instanceof Number;
            offHeapTotal += v instanceof Number n ? n.longValue() : 0;
        }
        long readCount = count(probe, ks, t, "ReadLatency");
        long writeCount = count(probe, ks, t, "WriteLatency");
        out.print(in + "Table" + (t.contains(".") ? " (index): " : ": ") + t + "\n");
        out.print(in + "SSTable count: " + number(probe, ks, t, "LiveSSTableCount", 0) + "\n");
        out.print(in + "Old SSTable count: " + number(probe, ks, t, "OldVersionSSTableCount", 0) + "\n");
        out.print(in + "Max SSTable size: " + prettyMemory(number(probe, ks, t, "MaxSSTableSize", 0L).longValue())
                + "\n");
        out.print(in + "Space used (live): " + bytes(count(probe, ks, t, "LiveDiskSpaceUsed")) + "\n");
        out.print(in + "Space used (total): " + bytes(count(probe, ks, t, "TotalDiskSpaceUsed")) + "\n");
        out.print(in + "Space used by snapshots (total): "
                + bytes(number(probe, ks, t, "SnapshotsSize", 0L).longValue()) + "\n");
        if (offHeap) {
            out.print(in + "Off heap memory used (total): " + bytes(offHeapTotal) + "\n");
        }
        out.print(String.format(Locale.ROOT, in + "SSTable Compression Ratio: %01.5f%n",
                number(probe, ks, t, "CompressionRatio", -1.0).doubleValue()));
        Number partitions = number(probe, ks, t, "EstimatedPartitionCount", 0L);
        out.print(in + "Number of partitions (estimate): " + (partitions.longValue() == -1 ? 0 : partitions) + "\n");
        out.print(in + "Memtable cell count: " + number(probe, ks, t, "MemtableColumnsCount", 0) + "\n");
        out.print(in + "Memtable data size: "
                + bytes(number(probe, ks, t, "MemtableLiveDataSize", 0L).longValue()) + "\n");
        if (offHeap) {
            out.print(in + "Memtable off heap memory used: "
                    + bytes(number(probe, ks, t, "MemtableOffHeapSize", 0L).longValue()) + "\n");
        }
        out.print(in + "Memtable switch count: " + count(probe, ks, t, "MemtableSwitchCount") + "\n");
        out.print(in + "Speculative retries: " + count(probe, ks, t, "SpeculativeRetries") + "\n");
        out.print(in + "Local read count: " + readCount + "\n");
        out.print(String.format(Locale.ROOT, in + "Local read latency: %01.3f ms%n",
                timerMeanMillis(probe, ks, t, "ReadLatency")));
        out.print(in + "Local write count: " + writeCount + "\n");
        out.print(String.format(Locale.ROOT, in + "Local write latency: %01.3f ms%n",
                timerMeanMillis(probe, ks, t, "WriteLatency")));
        out.print(String.format(Locale.ROOT, in + "Local read/write ratio: %01.5f%n",
                writeCount > 0 ? readCount / (double) writeCount : 0));
        out.print(in + "Pending flushes: " + count(probe, ks, t, "PendingFlushes") + "\n");
        Number repaired = number(probe, ks, t, "PercentRepaired", null);
        out.print(in + "Percent repaired: " + (repaired == null ? 0.0
                : Math.round(100 * repaired.doubleValue()) / 100.0) + "\n");
        out.print(in + "Bytes repaired: " + prettyMemory(number(probe, ks, t, "BytesRepaired", 0L).longValue()) + "\n");
        out.print(in + "Bytes unrepaired: " + prettyMemory(number(probe, ks, t, "BytesUnrepaired", 0L).longValue())
                + "\n");
        out.print(in + "Bytes pending repair: "
                + prettyMemory(number(probe, ks, t, "BytesPendingRepair", 0L).longValue()) + "\n");
        out.print(in + "Bloom filter false positives: " + number(probe, ks, t, "BloomFilterFalsePositives", 0) + "\n");
        out.print(String.format(Locale.ROOT, in + "Bloom filter false ratio: %01.5f%n",
                number(probe, ks, t, "RecentBloomFilterFalseRatio", 0.0).doubleValue()));
        out.print(in + "Bloom filter space used: "
                + bytes(number(probe, ks, t, "BloomFilterDiskSpaceUsed", 0L).longValue()) + "\n");
        if (offHeap) {
            out.print(in + "Bloom filter off heap memory used: "
                    + bytes(number(probe, ks, t, "BloomFilterOffHeapMemoryUsed", 0L).longValue()) + "\n");
            out.print(in + "Index summary off heap memory used: "
                    + bytes(number(probe, ks, t, "IndexSummaryOffHeapMemoryUsed", 0L).longValue()) + "\n");
            out.print(in + "Compression metadata off heap memory used: "
                    + bytes(number(probe, ks, t, "CompressionMetadataOffHeapMemoryUsed", 0L).longValue()) + "\n");
        }
        out.print(in + "Compacted partition minimum bytes: " + number(probe, ks, t, "MinPartitionSize", 0) + "\n");
        out.print(in + "Compacted partition maximum bytes: " + number(probe, ks, t, "MaxPartitionSize", 0) + "\n");
        out.print(in + "Compacted partition mean bytes: " + number(probe, ks, t, "MeanPartitionSize", 0) + "\n");
        histogram(probe, out, in, ks, t, "LiveScannedHistogram", "live cells");
        histogram(probe, out, in, ks, t, "TombstoneScannedHistogram", "tombstones");
        Object droppable = probe.attribute(ManagementNames.name("org.apache.cassandra.db:type=Tables,keyspace=" + ks
                + ",table=" + t), "DroppableTombstoneRatio");
        out.print(String.format(Locale.ROOT, in + "Droppable tombstone ratio: %01.5f%n",
                droppable instanceof Number n ? n.doubleValue() : 0.0));
        out.print("\n");
    }

    private static void histogram(NodeProbe probe, PrintStream out, String in, String ks, String t, String name,
                                  String what) throws IOException {
        double mean = Double.NaN;
        long max = 0;
        if (probe.has(metric(ks, t, name))) {
            JmxHistogramMBean h = probe.histogram(metric(ks, t, name));
            mean = h.getMean();
            max = h.getMax();
        }
        out.print(in + "Average " + what + " per slice (last five minutes): " + mean + "\n");
        out.print(in + "Maximum " + what + " per slice (last five minutes): " + max + "\n");
    }
}
