package org.ringlet.tools.stress;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.ringlet.tools.cqlsh.Cqlsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** stress against a running CQL server (profile peer): populate then read back every key. */
class StressPeerIT {
    private static final String HOST = System.getProperty("peer.host", "127.0.0.1");
    private static final String PORT = System.getProperty("peer.port", "19042");
    private static final String KS = "tools_stress_" + Integer.toUnsignedString(ThreadLocalRandom.current().nextInt(), 36);

    private static String stress(int expectedCode, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 6];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--host", HOST, "--port", PORT, "--keyspace", KS}, 0, all, args.length, 6);
        int code = Stress.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(expectedCode, code, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @AfterAll
    static void drop() {
        Cqlsh.run(new String[] {HOST, PORT, "-e", "DROP KEYSPACE IF EXISTS " + KS}, System.in,
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()),
                java.util.Map.of(), false);
    }

    @Test
    void populateThenReadEveryKeyBack() {
        String populate = stress(0, "populate", "--keys", "2000", "--duration", "60s", "--concurrency", "16");
        assertTrue(populate.contains("stress: populate complete: 2000 keys written of 2000"), populate);
        assertTrue(populate.contains("RESULT workload=populate ops=2000 "), populate);
        assertTrue(populate.contains(" errors=0 misses=0 "), populate);

        String read = stress(0, "read", "--keys", "2000", "--duration", "2s", "--prepared", "false");
        assertTrue(read.contains(" errors=0 misses=0 "), read);
        assertTrue(read.lines().anyMatch(l -> l.matches("\\[ {2}1\\.0s\\] ops/s=\\d+ p50_us=\\d+ p99_us=\\d+ max_us=\\d+ errors=0")),
                read);
        assertTrue(read.lines().anyMatch(l -> l.matches("  Latency p99\\.9    : \\d+ us")), read);
    }

    @Test
    void badOptionsExitWithTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Stress.run(new String[] {"mixed", "--ratio", "scan=1"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertEquals("stress: bad ratio 'scan=1': unknown operation 'scan' (use write and read)\n",
                err.toString(StandardCharsets.UTF_8));
    }
}
