package org.ringlet.tools.nodetool;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.management.ObjectName;

import org.ringlet.tools.management.JmxHistogramMBean;
import org.ringlet.tools.management.JmxTimerMBean;
import org.ringlet.tools.management.ManagementNames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Statistics: tablehistograms, proxyhistograms (tablestats is {@link TableStatsCommand}). */
final class StatsCommands {
    private static final List<String> ROW_NAMES = List.of("50%", "75%", "95%", "98%", "99%", "Min", "Max");

    private StatsCommands() {
    }

    /** A timer's (or histogram's) 50/75/95/98/99th percentiles, min and max; zeros when the node has none. */
    static double[] rows(NodeProbe probe, ObjectName name, boolean histogram) throws Exception {
        if (!probe.has(name)) {
            return new double[7];
        }
        if (histogram) {
            JmxHistogramMBean h = probe.histogram(name);
            return new double[] {h.get50thPercentile(), h.get75thPercentile(), h.get95thPercentile(),
                h.get98thPercentile(), h.get99thPercentile(), h.getMin(), h.getMax()};
        }
        JmxTimerMBean t = probe.timer(name);
        return new double[] {t.get50thPercentile(), t.get75thPercentile(), t.get95thPercentile(),
            t.get98thPercentile(), t.get99thPercentile(), t.getMin(), t.getMax()};
    }

    /** The bucketed histogram of a table gauge ({@code EstimatedPartitionSizeHistogram}, …); zeros when absent. */
    static double[] bucketRows(NodeProbe probe, ObjectName name, PrintStream err, String what) throws Exception {
        Object value = probe.gauge(name);
        if (!(value instanceof long[] buckets) || buckets.length == 0) {
            return new double[7];
        }
        EstimatedHistogram h = new EstimatedHistogram(buckets);
        if (h.isOverflowed()) {
            err.print(String.format("%s are larger than %s, unable to calculate percentiles%n", what,
                    EstimatedHistogram.offsets(buckets.length - 1)[buckets.length - 2]));
            double[] nan = new double[7];
            java.util.Arrays.fill(nan, Double.NaN);
            return nan;
        }
        return h.rows();
    }

    private static double[] nan() {
        double[] nan = new double[7];
        java.util.Arrays.fill(nan, Double.NaN);
        return nan;
    }

    private static boolean empty(Object histogram) {
        return !(histogram instanceof long[] buckets) || buckets.length == 0;
    }

    @Command(name = "tablehistograms", aliases = "cfhistograms",
            description = "Print statistic histograms for a given table")
    static final class TableHistograms extends NodeToolCommand {
        @Parameters(arity = "1..2", paramLabel = "<keyspace> <table> | <keyspace.table>")
        List<String> args = new ArrayList<>();

        @Override
        int execute(NodeProbe probe, PrintStream out) throws Exception {
            String ks;
            String table;
            if (args.size() == 2) {
                ks = args.get(0);
                table = args.get(1);
            } else if (args.get(0).contains(".")) {
                ks = args.get(0).substring(0, args.get(0).indexOf('.'));
                table = args.get(0).substring(args.get(0).indexOf('.') + 1);
            } else {
                throw new IllegalArgumentException("tablehistograms requires <keyspace> <table> or <keyspace.table> format argument.");
            }
            if (!probe.has(ManagementNames.tableMetric(ks, table, "ReadLatency"))
                    && !probe.storageService().getKeyspaces().contains(ks)) {
                throw new IllegalArgumentException("Unknown keyspace " + ks);
            }
            double[] read = rows(probe, ManagementNames.tableMetric(ks, table, "ReadLatency"), false);
            double[] write = rows(probe, ManagementNames.tableMetric(ks, table, "WriteLatency"), false);
            double[] sstables = rows(probe, ManagementNames.tableMetric(ks, table, "SSTablesPerReadHistogram"), true);
            ObjectName sizeMetric = ManagementNames.tableMetric(ks, table, "EstimatedPartitionSizeHistogram");
            ObjectName cellMetric = ManagementNames.tableMetric(ks, table, "EstimatedColumnCountHistogram");
            double[] sizes;
            double[] cells;
            if (!probe.has(sizeMetric) || !probe.has(cellMetric)) {
                out.print("This node does not estimate partition sizes and cell counts: no 'Partition Size' and "
                        + "'Cell Count' percentiles\n");
                sizes = nan();
                cells = nan();
            } else if (empty(probe.gauge(sizeMetric)) || empty(probe.gauge(cellMetric))) {
                out.print("No SSTables exists, unable to calculate 'Partition Size' and 'Cell Count' percentiles\n");
                sizes = nan();
                cells = nan();
            } else {
                sizes = bucketRows(probe, sizeMetric, parent.err, "Row sizes");
                cells = bucketRows(probe, cellMetric, parent.err, "Column counts");
            }
            out.print(String.format("%s/%s histograms%n", ks, table));
            out.print(String.format("%-10s%18s%18s%18s%18s%18s%n", "Percentile", "Read Latency", "Write Latency",
                    "SSTables", "Partition Size", "Cell Count"));
            out.print(String.format("%-10s%18s%18s%18s%18s%18s%n", "", "(micros)", "(micros)", "", "(bytes)", ""));
            for (int i = 0; i < ROW_NAMES.size(); i++) {
                out.print(String.format(Locale.ROOT, "%-10s%18.2f%18.2f%18.2f%18.0f%18.0f%n", ROW_NAMES.get(i), read[i],
                        write[i], sstables[i], sizes[i], cells[i]));
            }
            out.print("\n");
            return 0;
        }
    }

    @Command(name = "proxyhistograms", description = "Print statistic histograms for network operations")
    static final class ProxyHistograms extends NodeToolCommand {
        @Override
        int execute(NodeProbe probe, PrintStream out) throws Exception {
            List<double[]> columns = new ArrayList<>();
            for (String scope : ManagementNames.CLIENT_REQUEST_SCOPES) {
                columns.add(rows(probe, ManagementNames.clientRequestLatency(scope), false));
            }
            out.print("proxy histograms\n");
            out.print(String.format("%-10s%19s%19s%19s%19s%19s%19s%n", "Percentile", "Read Latency", "Write Latency",
                    "Range Latency", "CAS Read Latency", "CAS Write Latency", "View Write Latency"));
            out.print(String.format("%-10s%19s%19s%19s%19s%19s%19s%n", "", "(micros)", "(micros)", "(micros)",
                    "(micros)", "(micros)", "(micros)"));
            for (int i = 0; i < ROW_NAMES.size(); i++) {
                out.print(String.format(Locale.ROOT, "%-10s%19.2f%19.2f%19.2f%19.2f%19.2f%19.2f%n", ROW_NAMES.get(i),
                        columns.get(0)[i], columns.get(1)[i], columns.get(2)[i], columns.get(3)[i], columns.get(4)[i],
                        columns.get(5)[i]));
            }
            out.print("\n");
            return 0;
        }
    }
}
