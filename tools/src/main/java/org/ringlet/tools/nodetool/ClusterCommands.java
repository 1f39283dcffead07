package org.ringlet.tools.nodetool;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * The commands that change or inspect the cluster's membership (gossipinfo, decommission, removenode, repair): they
 * arrive with the cluster work and, until then, say so instead of pretending.
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

    @Command(name = "gossipinfo", description = "Shows the gossip information for the cluster (not available yet)")
    static final class GossipInfo extends NotYet {
        @Override
        String what() {
            return "gossipinfo";
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
