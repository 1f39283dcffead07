package org.ringlet.tools.nodetool;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.concurrent.Callable;

import javax.management.RuntimeMBeanException;

import org.ringlet.tools.management.ManagementNames;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import static java.util.Objects.requireNonNull;

/**
 * {@code nodetool [-h host] [-p port] <command>}: a node's state and operations over JMX (port 7199 by default, as
 * Cassandra), with Cassandra's command names and output.
 */
@Command(name = "nodetool", usageHelpWidth = 100, sortOptions = false,
        description = "Manage a Ringlet (or Apache Cassandra) node over JMX.",
        subcommands = {
            RingCommands.Status.class, RingCommands.Ring.class, RingCommands.DescribeCluster.class,
            RingCommands.DescribeRing.class, RingCommands.GetEndpoints.class, NodeInfo.class,
            RingCommands.Version.class,
            StorageCommands.Flush.class, StorageCommands.Compact.class, StorageCommands.CompactionStats.class,
            StorageCommands.Snapshot.class, StorageCommands.ListSnapshots.class, StorageCommands.ClearSnapshot.class,
            StorageCommands.Drain.class, StorageCommands.StopDaemon.class,
            TableStatsCommand.class, StatsCommands.TableHistograms.class, StatsCommands.ProxyHistograms.class,
            ClusterCommands.GossipInfo.class, ClusterCommands.Decommission.class, ClusterCommands.RemoveNode.class,
            ClusterCommands.Repair.class,
            CommandLine.HelpCommand.class,
        })
public final class NodeTool implements Callable<Integer> {
    @Option(names = {"-h", "--host"}, defaultValue = "127.0.0.1", description = "Node hostname or ip address.")
    String host;
    @Option(names = {"-p", "--port"}, defaultValue = "" + ManagementNames.DEFAULT_PORT,
            description = "Remote jmx agent port number (default: ${DEFAULT-VALUE}).")
    int port;
    @Option(names = {"-u", "--username"}, description = "Remote jmx agent username.")
    String username;
    @Option(names = {"-pw", "--password"}, description = "Remote jmx agent password.")
    String password;
    @Option(names = "--help", usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    PrintStream out;
    PrintStream err;
    /** Whether standard output is a terminal (progress bars are drawn only then). */
    boolean terminal;

    /** Runs nodetool on the process's terminal and exits with its code. */
    public static void main(String[] args) {
        org.ringlet.tools.Console console = org.ringlet.tools.Console.system();
        System.exit(run(args, console.out(), console.err(), System.console() != null));
    }

    /** Runs nodetool with the given streams; returns its exit code (0 ok, 1 connection or command failure, 2 usage). */
    public static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        NodeTool tool = new NodeTool();
        tool.out = requireNonNull(out, "out is null");
        tool.err = requireNonNull(err, "err is null");
        tool.terminal = terminal;
        return new CommandLine(tool).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(out);
        return 1;
    }

    NodeProbe connect() throws IOException {
        return NodeProbe.connect(host, port, username, password);
    }

    /** Reports a failed command as nodetool does and returns its exit code. */
    int fail(Throwable e) {
        Throwable t = e;
        while ((t instanceof UndeclaredThrowableException || t instanceof RuntimeMBeanException
                || t instanceof javax.management.MBeanException) && t.getCause() != null) {
            t = t.getCause();
        }
        err.print("error: " + t.getMessage() + "\n");
        err.flush();
        return 2;
    }
}
