package org.ringlet.testkit.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ringlet.testkit.RingletExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Node.js driver ({@code cassandra-driver}, pinned by {@code testkit/src/test/node/package-lock.json}) against a
 * started node: {@code driver_check.js} connects with local datacenter {@code datacenter1}, creates a table, writes
 * and reads with prepared statements.
 */
class NodeJsDriverEndToEndTest {
    @RegisterExtension
    static final RingletExtension RINGLET = RingletExtension.singleNode();

    @Test
    void driverCheckConnectsPreparesWritesAndReads() {
        Path project = Prerequisites.nodeProject();
        String port = Integer.toString(RINGLET.node().nativeAddress().getPort());
        Processes.Result r = Processes.run(List.of("node", "driver_check.js", "127.0.0.1", port), project, Map.of(),
                Duration.ofMinutes(2));
        assertEquals("protocol 1 host(s), version 4\nrow key1 1\ncount 3\n", r.output(),
                "the Node.js driver settles on protocol v4, its highest");
        assertEquals(0, r.exitCode());
    }
}
