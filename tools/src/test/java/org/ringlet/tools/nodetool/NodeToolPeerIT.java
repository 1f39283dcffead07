package org.ringlet.tools.nodetool;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ringlet's nodetool against Apache Cassandra's own nodetool, on the same running node (profile peer): the outputs
 * must be the same, byte for byte. Needs {@code peer.jmx.port} and the peer's {@code nodetool.sh}.
 */
class NodeToolPeerIT {
    private static final String HOST = System.getProperty("peer.host", "127.0.0.1");
    private static final String JMX_PORT = System.getProperty("peer.jmx.port", "17199");
    private static final Path REAL = Path.of(System.getProperty("peer.nodetool",
            "/work/shared/peer/cassandra/nodetool.sh"));

    private static String ours(String command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("-h", HOST, "-p", JMX_PORT));
        args.addAll(List.of(command.split(" ")));
        int code = NodeTool.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()), false);
        assertEquals(0, code, command);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String theirs(String command) throws Exception {
        List<String> args = new ArrayList<>(List.of(REAL.toString()));
        args.addAll(List.of(command.split(" ")));
        ProcessBuilder pb = new ProcessBuilder(args).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("PEER_JMX_PORT", JMX_PORT);
        pb.environment().put("PEER_JMX_HOST", HOST);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "nodetool.sh did not finish");
        assertEquals(0, p.exitValue(), command);
        return new String(out, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "status system_auth", "ring", "describecluster", "describering system_auth",
        "version", "getendpoints system_auth roles cassandra", "listsnapshots", "tablehistograms system.local",
        "tablestats system_schema.keyspaces", "tablestats -H system_auth"})
    void sameOutputAsCassandrasNodetool(String command) throws Exception {
        String theirs = theirs(command);
        String ours = ours(command);
        if (!ours.equals(theirs)) {
            // the node may have flushed between the two runs (load figures); look once more
            theirs = theirs(command);
            ours = ours(command);
        }
        assertEquals(theirs, ours, command);
    }
}
