package org.ringlet.tools.nodetool;

import java.io.PrintStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.ringlet.tools.management.EndpointSnitchInfoMBean;
import org.ringlet.tools.management.ManagementNames;
import org.ringlet.tools.management.StorageServiceMBean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The ring and node information commands: status, ring, describecluster, describering, getendpoints, info, version. */
final class RingCommands {
    private RingCommands() {
    }

    /** Effective ownership, or plain ownership and the note explaining why. */
    private record Owns(Map<String, Float> shares, boolean effective, String note) {
        static Owns of(StorageServiceMBean ss, String keyspace) {
            try {
                return new Owns(ss.effectiveOwnershipWithPort(keyspace), true, "");
            } catch (IllegalStateException e) {
                return new Owns(ss.getOwnershipWithPort(), false, "Note: " + e.getMessage() + "\n");
            }
        }
    }

    @Command(name = "status", description = "Print cluster information (state, load, IDs, ...)")
    static final class Status extends NodeToolCommand {
        @Parameters(arity = "0..1", paramLabel = "<keyspace>", description = "The keyspace name")
        String keyspace;

        @Override
        int execute(NodeProbe probe, PrintStream out) throws Exception {
            StorageServiceMBean ss = probe.storageService();
            List<String> joining = ss.getJoiningNodesWithPort();
            List<String> leaving = ss.getLeavingNodesWithPort();
            List<String> moving = ss.getMovingNodesWithPort();
            Map<String, String> load = ss.getLoadMapWithPort();
            Map<String, String> tokens = ss.getTokenToEndpointWithPortMap();
            List<String> live = ss.getLiveNodesWithPort();
            List<String> unreachable = ss.getUnreachableNodesWithPort();
            Map<String, String> hostIds = ss.getEndpointWithPortToHostId();
            EndpointSnitchInfoMBean snitch = probe.snitch();
            Owns owns;
            try {
                owns = Owns.of(ss, keyspace);
            } catch (IllegalArgumentException e) {
                out.print("\nError: " + e.getMessage() + "\n");
                return 1;
            }
            SortedMap<String, List<Ownership.HostStat>> dcs = Ownership.byDatacenter(snitch, tokens, owns.shares());
            boolean tokenPerNode = dcs.size() >= tokens.size();
            Formats.Table table = new Formats.Table("  ");
            List<Integer> rowsPerDc = new ArrayList<>();
            String ownsHeader = owns.effective() ? "Owns (effective)" : "Owns";
            for (List<Ownership.HostStat> stats : dcs.values()) {
                if (tokenPerNode) {
                    table.add("--", "Address", "Load", ownsHeader, "Host ID", "Token", "Rack");
                } else {
                    table.add("--", "Address", "Load", "Tokens", ownsHeader, "Host ID", "Rack");
                }
                Map<String, List<Ownership.HostStat>> byEndpoint = Ownership.byEndpoint(stats);
                for (Map.Entry<String, List<Ownership.HostStat>> e : byEndpoint.entrySet()) {
                    String endpoint = e.getKey();
                    String status = live.contains(endpoint) ? "U" : unreachable.contains(endpoint) ? "D" : "?";
                    String state = joining.contains(endpoint) ? "J" : leaving.contains(endpoint) ? "L"
                            : moving.contains(endpoint) ? "M" : "N";
                    Float share = owns.shares().get(endpoint);
                    String ownsText = share != null && owns.effective() ? Formats.percent1(share) : "?";
                    String rack = snitch.getRack(Ownership.hostOf(endpoint));
                    Ownership.HostStat first = e.getValue().get(0);
                    if (tokenPerNode) {
                        table.add(status + state, first.host(), load.getOrDefault(endpoint, "?"), ownsText,
                                hostIds.get(endpoint), first.token(), rack);
                    } else {
                        table.add(status + state, first.host(), load.getOrDefault(endpoint, "?"),
                                String.valueOf(e.getValue().size()), ownsText, hostIds.get(endpoint), rack);
                    }
                }
                rowsPerDc.add(byEndpoint.size() + 1);
            }
            Iterator<String> lines = table.lines().iterator();
            int i = 0;
            for (String dc : dcs.keySet()) {
                if (i > 0) {
                    out.print("\n");
                }
                String header = "Datacenter: " + dc;
                out.print(header + "\n" + "=".repeat(header.length()) + "\n");
                out.print("Status=Up/Down\n|/ State=Normal/Leaving/Joining/Moving\n");
                for (int r = 0; r < rowsPerDc.get(i); r++) {
                    out.print(lines.next() + "\n");
                }
                i++;
            }
            out.print("\n" + owns.note());
            return 0;
        }
    }

    @Command(name = "ring", description = "Print information about the token ring")
    static final class Ring extends NodeToolCommand {
        @Parameters(arity = "0..1", paramLabel = "<keyspace>",
                description = "Specify a keyspace for accurate ownership information (topology awareness)")
        String keyspace;

        @Override
        int execute(NodeProbe probe, PrintStream out) throws Exception {
            StorageServiceMBean ss = probe.storageService();
            Map<String, String> tokens = ss.getTokenToEndpointWithPortMap();
            boolean vnodes = tokens.values().stream().distinct().count() < tokens.size();
            int maxAddress = tokens.values().stream().mapToInt(String::length).max().orElse(0);
            String format = "%-" + maxAddress + "s  %-12s%-7s%-8s%-16s%-20s%-44s%n";
            Owns owns;
            try {
                owns = Owns.of(ss, keyspace);
            } catch (IllegalArgumentException e) {
                out.print("\nError: " + e.getMessage() + "\n");
                return 1;
            }
            EndpointSnitchInfoMBean snitch = probe.snitch();
            List<String> live = ss.getLiveNodesWithPort();
            List<String> dead = ss.getUnreachableNodesWithPort();
            List<String> joining = ss.getJoiningNodesWithPort();
            List<String> leaving = ss.getLeavingNodesWithPort();
            List<String> moving = ss.getMovingNodesWithPort();
            Map<String, String> load = ss.getLoadMapWithPort();
            out.print("\n");
            for (Map.Entry<String, List<Ownership.HostStat>> dc
                    : Ownership.byDatacenter(snitch, tokens, owns.shares()).entrySet()) {
                out.print("Datacenter: " + dc.getKey() + "\n==========\n");
                List<Ownership.HostStat> stats = dc.getValue();
                out.print(String.format(format, "Address", "Rack", "Status", "State", "Load", "Owns", "Token"));
                if (stats.size() > 1) {
                    out.print(String.format(format, "", "", "", "", "", "", stats.get(stats.size() - 1).token()));
                } else {
                    out.print("\n");
                }
                for (Ownership.HostStat stat : stats) {
                    String endpoint = stat.endpoint();
                    String status = live.contains(endpoint) ? "Up" : dead.contains(endpoint) ? "Down" : "?";
                    String state = joining.contains(endpoint) ? "Joining" : leaving.contains(endpoint) ? "Leaving"
                            : moving.contains(endpoint) ? "Moving" : "Normal";
                    String ownsText = stat.owns() != null && owns.effective() ? Formats.percent2(stat.owns()) : "?";
                    out.print(String.format(format, stat.host(), snitch.getRack(stat.host()), status, state,
                            load.getOrDefault(endpoint, "?"), ownsText, stat.token()));
                }
                out.print("\n");
            }
            if (vnodes) {
                out.print("  Warning: \"nodetool ring\" is used to output all the tokens of a node.\n");
                out.print("  To view status related info of a node use \"nodetool status\" instead.\n\n");
            }
            out.print("\n  " + owns.note());
            return 0;
        }
    }

    @Command(name = "describecluster", description = "Print the name, snitch, partitioner and schema version of a cluster")
    static final class DescribeCluster extends NodeToolCommand {
        @Override
        int execute(NodeProbe probe, PrintStream out) throws Exception {
            StorageServiceMBean ss = probe.storageService();
            out.print("Cluster Information:\n");
            out.print("\tName: " + ss.getClusterName() + "\n");
            String sub = probe.dynamicSubsnitch();
            String snitch = probe.snitch().getSnitchName();
            out.print("\tSnitch: " + (sub != null ? sub : snitch) + "\n");
            out.print("\tDynamicEndPointSnitch: " + (sub != null ? "enabled" : "disabled") + "\n");
            out.print("\tPartitioner: " + ss.getPartitionerName() + "\n");
            out.print("\tSchema versions:\n");
            for (Map.Entry<String, List<String>> e : probe.storageProxy().getSchemaVersions().entrySet()) {
                out.print("\t\t" + e.getKey() + ": " + e.getValue() + "\n\n");
            }
            List<String> unreachable = ss.getUnreachableNodesWithPort();
            out.print("Stats for all nodes:\n");
            out.print("\tLive: " + ss.getLiveNodesWithPort().size() + "\n");
            out.print("\tJoining: " + ss.getJoiningNodesWithPort().size() + "\n");
            out.print("\tMoving: " + ss.getMovingNodesWithPort().size() + "\n");
            out.print("\tLeaving: " + ss.getLeavingNodesWithPort().size() + "\n");
            out.print("\tUnreachable: " + unreachable.size() + "\n");
            Owns owns = Owns.of(ss, null);
            out.print("\nData Centers: \n");
            for (Map.Entry<String, List<Ownership.HostStat>> dc : Ownership.byDatacenter(probe.snitch(),
                    ss.getTokenToEndpointWithPortMap(), owns.shares()).entrySet()) {
                Map<String, List<Ownership.HostStat>> nodes = Ownership.byEndpoint(dc.getValue());
                long down = nodes.keySet().stream().filter(unreachable::contains).count();
                out.print("\t" + dc.getKey() + " #Nodes: " + nodes.size() + " #Down: " + down + "\n");
            }
            out.print("\nDatabase versions:\n");
            for (Map.Entry<String, List<String>> e : probe.gossiper().getReleaseVersionsWithPort().entrySet()) {
                out.print("\t" + e.getKey() + ": " + e.getValue() + "\n\n");
            }
            out.print("Keyspaces:\n");
            for (String ks : ss.getKeyspaces()) {
                String info = ss.getKeyspaceReplicationInfo(ks);
                if (info == null) {
                    out.print("something went wrong for keyspace: " + ks + "\n");
                }
                out.print("\t" + ks + " -> Replication class: " + info + "\n");
            }
            if (!owns.note().isEmpty()) {
                out.print("\n" + owns.note());
            }
            return 0;
        }
    }

    @Command(name = "describering", description = "Shows the token ranges info of a given keyspace")
    static final class DescribeRing extends NodeToolCommand {
        @Parameters(paramLabel = "<keyspace>", description = "The keyspace name")
        String keyspace;

        @Override
        int execute(NodeProbe probe, PrintStream out) throws Exception {
            StorageServiceMBean ss = probe.storageService();
            out.print("Schema Version:" + ss.getSchemaVersion() + "\n");
            out.print("TokenRange: \n");
            for (String range : ss.describeRingJMX(keyspace)) {
                out.print("\t" + range + "\n");
            }
            return 0;
        }
    }

    @Command(name = "getendpoints", description = "Print the end points that owns the key")
    static final class GetEndpoints extends NodeToolCommand {
        @Parameters(index = "0", paramLabel = "<keyspace>")
        String keyspace;
        @Parameters(index = "1", paramLabel = "<table>")
        String table;
        @Parameters(index = "2", paramLabel = "<key>", description = "The partition key for which we need to find the endpoint")
        String key;

        @Override
        int execute(NodeProbe probe, PrintStream out) {
            for (InetAddress a : probe.storageService().getNaturalEndpoints(keyspace, table, key)) {
                out.print(a.getHostAddress() + "\n");
            }
            return 0;
        }
    }

    @Command(name = "version", description = "Print cassandra version")
    static final class Version extends NodeToolCommand {
        @Override
        int execute(NodeProbe probe, PrintStream out) {
            out.print("ReleaseVersion: " + probe.storageService().getReleaseVersion() + "\n");
            return 0;
        }
    }
}
