package org.ringlet.tools.nodetool;

import java.io.PrintStream;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.management.openmbean.TabularData;

import org.ringlet.tools.management.CompactionManagerMBean;
import org.ringlet.tools.management.JmxMeterMBean;
import org.ringlet.tools.management.ManagementNames;
import org.ringlet.tools.management.StorageServiceMBean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Storage operations: flush, compact, compactionstats, snapshots, drain, stopdaemon. */
final class StorageCommands {
    private StorageCommands() {
    }

    /** The keyspace of the arguments, or every keyspace; and the tables after it. */
    private static List<String> keyspaces(StorageServiceMBean ss, List<String> args) {
        return args.isEmpty() ? ss.getKeyspaces() : List.of(args.get(0));
    }

    private static String[] tables(List<String> args) {
        return args.size() > 1 ? args.subList(1, args.size()).toArray(String[]::new) : new String[0];
    }

    @Command(name = "flush", description = "Flush one or more tables")
    static final class Flush extends NodeToolCommand {
        @Parameters(arity = "0..*", paramLabel = "<keyspace> <tables>", description = "The keyspace followed by one or many tables")
        List<String> args = new ArrayList<>();

        @Override
        int execute(NodeProbe probe, PrintStream out) throws Exception {
            StorageServiceMBean ss = probe.storageService();
            for (String ks : keyspaces(ss, args)) {
                Progress.run(() -> {
                    ss.forceKeyspaceFlush(ks, tables(args));
                    return null;
                }, probe.compactionManager(), out, parent.terminal, "flushing " + ks);
            }
            return 0;
        }
    }

    @Command(name = "compact", description = "Force a (major) compaction on one or more tables")
    static final class Compact extends NodeToolCommand {
        @Option(names = {"-s", "--split-output"}, description = "Use -s to not create a single big file")
        boolean split;
        @Parameters(arity = "0..*", paramLabel = "<keyspace> <tables>", description = "The keyspace followed by one or many tables")
        List<String> args = new ArrayList<>();

        @Override
        int execute(NodeProbe probe, PrintStream out) throws Exception {
            StorageServiceMBean ss = probe.storageService();
            for (String ks : keyspaces(ss, args)) {
                Progress.run(() -> {
                    ss.forceKeyspaceCompaction(split, ks, tables(args));
                    return null;
                }, probe.compactionManager(), out, parent.terminal, "compacting " + ks);
            }
            return 0;
        }
    }

    @Command(name = "compactionstats", description = "Print statistics on compactions")
    static final class CompactionStats extends NodeToolCommand {
        @Option(names = {"-H", "--human-readable"}, description = "Display bytes in human readable form, i.e. KiB, MiB, GiB, TiB")
        boolean humanReadable;

        @Override
        @SuppressWarnings("unchecked")
        int execute(NodeProbe probe, PrintStream out) throws Exception {
            CompactionManagerMBean cm = probe.compactionManager();
            Formats.Table summary = new Formats.Table(" ");
            summary.add("concurrent compactors", Integer.toString(cm.getCoreCompactorThreads()));
            Object byTable = probe.gauge(ManagementNames.compactionMetric("PendingTasksByTableName"));
            Object pending = probe.gauge(ManagementNames.compactionMetric("PendingTasks"));
            summary.add("pending tasks", String.valueOf(pending == null ? 0 : pending));
            List<String> pendingLines = new ArrayList<>();
            if (byTable instanceof Map<?, ?> m) {
                for (Map.Entry<String, Map<String, Integer>> ks : ((Map<String, Map<String, Integer>>) m).entrySet()) {
                    for (Map.Entry<String, Integer> t : ks.getValue().entrySet()) {
                        pendingLines.add("- " + ks.getKey() + '.' + t.getKey() + ": " + t.getValue());
                    }
                }
            }
            addCount(probe, summary, "compactions completed", "TotalCompactionsCompleted", false);
            addCount(probe, summary, "data compacted", "BytesCompacted", false);
            addCount(probe, summary, "compactions aborted", "CompactionsAborted", false);
            addCount(probe, summary, "compactions reduced", "CompactionsReduced", false);
            addCount(probe, summary, "sstables dropped from compaction", "SSTablesDroppedFromCompaction", false);
            if (probe.has(ManagementNames.compactionMetric("TotalCompactionsCompleted"))) {
                JmxMeterMBean meter = javax.management.JMX.newMBeanProxy(probe.connection(),
                        ManagementNames.compactionMetric("TotalCompactionsCompleted"), JmxMeterMBean.class);
                summary.add("15 minute rate", String.format(Locale.ROOT, "%.2f/minute", meter.getFifteenMinuteRate() * 60));
                summary.add("mean rate", String.format(Locale.ROOT, "%.2f/hour", meter.getMeanRate() * 3600));
            }
            double throughput = probe.storageService().getCompactionThroughtputMibPerSecAsDouble();
            summary.add("compaction throughput (MiB/s)", throughput == 0 ? "throttling disabled (0)"
                    : Double.toString(throughput));
            summary.lines().forEach(l -> out.print(l + "\n"));
            pendingLines.forEach(l -> out.print(l + "\n"));
            List<Map<String, String>> running = cm.getCompactions();
            if (!running.isEmpty()) {
                out.print("\n");
                Formats.Table table = new Formats.Table(" ");
                table.add("id", "compaction type", "keyspace", "table", "completed", "total", "unit", "progress");
                long remaining = 0;
                DecimalFormat pct = new DecimalFormat("0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
                for (Map<String, String> c : running) {
                    long total = Long.parseLong(c.getOrDefault("total", "0"));
                    long completed = Long.parseLong(c.getOrDefault("completed", "0"));
                    String type = c.getOrDefault("taskType", "?");
                    table.add(c.getOrDefault("compactionId", c.getOrDefault("id", "")), type,
                            c.getOrDefault("keyspace", ""), c.getOrDefault("columnfamily", ""),
                            humanReadable ? Formats.fileSize(completed) : Long.toString(completed),
                            humanReadable ? Formats.fileSize(total) : Long.toString(total),
                            c.getOrDefault("unit", "bytes"),
                            total == 0 ? "n/a" : pct.format((double) completed / total * 100) + "%");
                    if (type.equals("Compaction")) {
                        remaining += total - completed;
                    }
                }
                table.lines().forEach(l -> out.print(l + "\n"));
                String remainingTime = "n/a";
                if (throughput > 0) {
                    long secs = (long) (remaining / (1024.0 * 1024.0 * throughput));
                    remainingTime = String.format(Locale.ROOT, "%dh%02dm%02ds", secs / 3600, (secs % 3600) / 60,
                            secs % 60);
                }
                out.print(String.format("%25s%10s%n", "Active compaction remaining time : ", remainingTime));
            }
            return 0;
        }

        private static void addCount(NodeProbe probe, Formats.Table summary, String label, String metric,
                                     boolean gauge) throws Exception {
            Object value = gauge ? probe.gauge(ManagementNames.compactionMetric(metric))
                    : probe.count(ManagementNames.compactionMetric(metric));
            if (value != null) {
                summary.add(label, String.valueOf(value));
            }
        }
    }

    @Command(name = "snapshot", description = "Take a snapshot of specified keyspaces or a snapshot of the specified table")
    static final class Snapshot extends NodeToolCommand {
        @Parameters(arity = "0..*", paramLabel = "<keyspaces...>", description = "List of keyspaces. By default, all keyspaces")
        List<String> keyspaces = new ArrayList<>();
        @Option(names = {"-t", "--tag"}, description = "The name of the snapshot")
        String tag;
        @Option(names = {"-kt", "--kt-list", "-kc", "--kc.list"}, description = "The list of Keyspace.table to take snapshot.")
        String ktList;
        @Option(names = {"-sf", "--skip-flush"}, description = "Do not flush memtables before snapshotting")
        boolean skipFlush;

        @Override
        int execute(NodeProbe probe, PrintStream out) throws Exception {
            String name = tag != null && !tag.isEmpty() ? tag : Long.toString(System.currentTimeMillis());
            Map<String, String> options = new LinkedHashMap<>();
            options.put("skipFlush", Boolean.toString(skipFlush));
            List<String> entities = new ArrayList<>(keyspaces);
            if (ktList != null && !ktList.isEmpty()) {
                if (!keyspaces.isEmpty()) {
                    throw new IllegalArgumentException("When specifying the Keyspace table list (using -kt,--kt-list,"
                            + "-kc,--kc.list), you must not also specify keyspaces to snapshot");
                }
                for (String kt : ktList.split(",")) {
                    entities.add(kt.strip());
                }
            }
            StringBuilder sb = new StringBuilder("Requested creating snapshot(s) for ");
            sb.append(entities.isEmpty() ? "[all keyspaces]" : "[" + String.join(", ", entities) + "]");
            sb.append(" with snapshot name [").append(name).append("]");
            sb.append(" and options ").append(options);
            out.print(sb + "\n");
            probe.storageService().takeSnapshot(name, options, entities.toArray(String[]::new));
            out.print("Snapshot directory: " + name + "\n");
            return 0;
        }
    }

    @Command(name = "listsnapshots", description = "Lists all the snapshots along with the size on disk and true size.")
    static final class ListSnapshots extends NodeToolCommand {
        @Option(names = {"-nt", "--no-ttl"}, description = "Skip snapshots with TTL")
        boolean noTtl;
        @Option(names = {"-e", "--ephemeral"}, description = "Include ephememeral snapshots")
        boolean ephemeral;

        @Override
        int execute(NodeProbe probe, PrintStream out) {
            StorageServiceMBean ss = probe.storageService();
            Map<String, String> options = new LinkedHashMap<>();
            options.put("no_ttl", Boolean.toString(noTtl));
            options.put("include_ephemeral", Boolean.toString(ephemeral));
            out.print("Snapshot Details: \n");
            Map<String, TabularData> details = ss.getSnapshotDetails(options);
            if (details.isEmpty()) {
                out.print("There are no snapshots\n");
                return 0;
            }
            Formats.Table table = new Formats.Table(" ");
            List<String> names = details.values().iterator().next().getTabularType().getIndexNames();
            int hidden = ephemeral ? -1 : names.indexOf("Ephemeral");
            table.add(without(names, hidden));
            for (TabularData data : details.values()) {
                for (Object key : (Set<?>) data.keySet()) {
                    List<String> values = new ArrayList<>();
                    for (Object v : (List<?>) key) {
                        values.add(v == null ? "" : String.valueOf(v));
                    }
                    table.add(without(values, hidden));
                }
            }
            table.lines().forEach(l -> out.print(l + "\n"));
            out.print("\nTotal TrueDiskSpaceUsed: " + Formats.fileSize(ss.trueSnapshotsSize()) + "\n\n");
            return 0;
        }
    }

    private static String[] without(List<String> values, int index) {
        List<String> out = new ArrayList<>(values);
        if (index >= 0 && index < out.size()) {
            out.remove(index);
        }
        return out.toArray(String[]::new);
    }

    @Command(name = "clearsnapshot", description = "Remove the snapshot with the given name from the given keyspaces")
    static final class ClearSnapshot extends NodeToolCommand {
        @Parameters(arity = "0..*", paramLabel = "<keyspaces>", description = "Remove snapshots from the given keyspaces")
        List<String> keyspaces = new ArrayList<>();
        @Option(names = "-t", description = "Remove the snapshot with a given name")
        String tag;
        @Option(names = "--all", description = "Removes all snapshots")
        boolean all;

        @Override
        int execute(NodeProbe probe, PrintStream out) throws Exception {
            if ((tag == null || tag.isEmpty()) && !all) {
                throw new IllegalArgumentException("Specify snapshot name or --all");
            }
            if (tag != null && !tag.isEmpty() && all) {
                throw new IllegalArgumentException("Specify only one of snapshot name or --all");
            }
            StringBuilder sb = new StringBuilder("Requested clearing snapshot(s) for ");
            sb.append(keyspaces.isEmpty() ? "[all keyspaces]" : "[" + String.join(", ", keyspaces) + "]");
            sb.append(all ? " with [all snapshots]" : " with snapshot name [" + tag + "]");
            out.print(sb + "\n");
            probe.storageService().clearSnapshot(all ? "" : tag, keyspaces.toArray(String[]::new));
            return 0;
        }
    }

    @Command(name = "drain", description = "Drain the node (stop accepting writes and flush all tables)")
    static final class Drain extends NodeToolCommand {
        @Override
        int execute(NodeProbe probe, PrintStream out) throws Exception {
            StorageServiceMBean ss = probe.storageService();
            Progress.run(() -> {
                ss.drain();
                return null;
            }, probe.compactionManager(), out, parent.terminal, "draining");
            return 0;
        }
    }

    @Command(name = "stopdaemon", description = "Stop the node's process")
    static final class StopDaemon extends NodeToolCommand {
        @Override
        int execute(NodeProbe probe, PrintStream out) {
            try {
                probe.storageService().stopDaemon();
            } catch (RuntimeException e) {
                // the connection drops as the process ends
            }
            out.print("Node has shut down.\n");
            return 0;
        }
    }
}
