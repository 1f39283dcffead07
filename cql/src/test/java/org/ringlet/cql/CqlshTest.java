package org.ringlet.cql;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlet.cql.testing.ServedNode;
import org.ringlet.tools.cqlsh.Cqlsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ringlet's cqlsh (on the Java driver) shows the system tables of the single-node stack. */
class CqlshTest {
    @Test
    void selectsTheSystemTables(@TempDir Path dir) throws Exception {
        try (ServedNode served = new ServedNode(dir)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Cqlsh.run(new String[] {"127.0.0.1", String.valueOf(served.address.getPort()), "-e",
                "SELECT * FROM system.local; SELECT keyspace_name, durable_writes FROM system_schema.keyspaces; "
                    + "SELECT keyspace_name, table_name, flags FROM system_schema.tables WHERE keyspace_name = "
                    + "'system' AND table_name = 'local'"},
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), false);
            String printed = out.toString(StandardCharsets.UTF_8);
            assertEquals("", err.toString(StandardCharsets.UTF_8));
            assertEquals(0, code, printed);
            List<String> lines = printed.lines().toList();
            assertTrue(lines.get(1).startsWith(" key   | bootstrapped | broadcast_address | broadcast_port | "
                    + "cluster_name | cql_version | data_center | gossip_generation | host_id"), printed);
            assertTrue(lines.get(3).startsWith(" local |    COMPLETED |         127.0.0.1 |"), printed);
            assertTrue(lines.get(3).contains(served.node.topology.localHostId().toString()), printed);
            assertTrue(printed.contains("      system_schema |           True"), printed);
            assertTrue(printed.contains("        system |      local | {'compound'}"), printed);
        }
    }
}
