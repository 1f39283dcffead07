package org.ringlet.tools.nodetool;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import javax.management.JMX;
import javax.management.ObjectName;

import org.ringlet.tools.management.FailureDetectorMBean;
import org.ringlet.tools.management.ManagementNames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * The commands that change or inspect the cluster's membership (gossipinfo, decommission, removenode, repair): they
 * arrive with the cluster work and, until then, say so instead of pretending (gossipinfo already works against a
 * node that publishes its gossip state, such as Cassandra).
 */
final class ClusterCommands {
    private ClusterCommands() {
    }

    private abstract static class NotYet extends NodeToolCommand {
        @Unmatched
        List<String> ignored = new ArrayList<>();

        abstract String what();

        @Override
        boolean needsConnection() {
            return false;
        }

        @Override
        int execute(NodeProbe probe, PrintStream out) {
            parent.err.print("nodetool: " + what() + " is not available yet: it comes with Ringlet's cluster "
                    + "support (membership, streaming and repair).\n");
            return 1;
        }
    }

    /**
     * The gossip state of every endpoint, from the failure detector's MBean when the node has one (a Cassandra node,
     * or a Ringlet node with cluster membership); otherwise it says that it is not available.
     */
    @Command(name = "gossipinfo", description = "Shows the gossip information for the cluster")
    static final class GossipInfo extends NodeToolCommand {
        @Option(names = {"-pp", "--print-port"}, description = "Operate in 4.0 mode with hosts disambiguated by port")
        boolean printPort;

        @Override
        int execute(NodeProbe probe, PrintStream out) throws Exception {
            ObjectName name = ManagementNames.name(ManagementNames.FAILURE_DETECTOR);
            if (!probe.has(name)) {
                parent.err.print("nodetool: gossipinfo is not available yet: it comes with Ringlet's cluster "
                        + "support (membership, streaming and repair).\n");
                return 1;
            }
            FailureDetectorMBean fd = JMX.newMBeanProxy(probe.connection(), name, FailureDetectorMBean.class);
            out.print((printPort ? fd.getAllEndpointStatesWithPort() : fd.getAllEndpointStates()) + "\n");
            return 0;
        }
    }

    @Command(name = "decommission", description = "Decommission the node (not available yet)")
    static final class Decommission extends NotYet {
        @Override
        String what() {
            return "decommission";
        }
    }

    @Command(name = "removenode", description = "Remove a node from the cluster (not available yet)")
    static final class RemoveNode extends NotYet {
        @Parameters(arity = "0..*")
        List<String> args = new ArrayList<>();

        @Override
        String what() {
            return "removenode";
        }
    }

    @Command(name = "repair", description = "Repair one or more tables (not available yet)")
    static final class Repair extends NotYet {
        @Parameters(arity = "0..*")
        List<String> args = new ArrayList<>();

        @Override
        String what() {
            return "repair";
        }
    }
}
