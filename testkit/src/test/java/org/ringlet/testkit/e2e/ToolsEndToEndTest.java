package org.ringlet.testkit.e2e;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ringlet.testkit.RingletExtension;
import org.ringlet.tools.cqlsh.Cqlsh;
import org.ringlet.tools.nodetool.NodeTool;
import org.ringlet.tools.stress.Stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tools' main entry points against a node started by the testkit, as a user runs them after {@code ./ringlet
 * start}: cqlsh with {@code -e}, {@code -f} and piped input (whole standard output, standard error and exit code),
 * the tutorial's session, nodetool's daily commands and a short stress run. Numbers that change from run to run
 * (load, uptime, latencies, creation times) are masked before whole outputs are compared.
 */
class ToolsEndToEndTest {
    @RegisterExtension
    static final RingletExtension RINGLET = RingletExtension.singleNode();

    record Run(int code, String out, String err) {
    }

    private static Run cqlsh(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(RINGLET.node().address().getHostAddress(),
                Integer.toString(RINGLET.node().nativeAddress().getPort())));
        all.addAll(List.of(args));
        int code = Cqlsh.run(all.toArray(String[]::new),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(), false);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run nodetool(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("-h", RINGLET.node().address().getHostAddress(), "-p",
                Integer.toString(RINGLET.node().jmxPort())));
        all.addAll(List.of(args));
        int code = NodeTool.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Replaces each match of {@code regex} (its first group when it has one) by {@code mask}. */
    private static String mask(String text, String regex, String mask) {
        java.util.regex.Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            int start = m.groupCount() > 0 ? m.start(1) : m.start();
            int end = m.groupCount() > 0 ? m.end(1) : m.end();
            out.append(text, last, start).append(mask);
            last = end;
        }
        return out.append(text.substring(last)).toString();
    }

    @BeforeAll
    static void tutorialSchema() {
        Run r = cqlsh("", "-e", "CREATE KEYSPACE cityinfo WITH replication = {'class': 'SimpleStrategy', "
                + "'replication_factor': 1}; "
                + "CREATE TABLE cityinfo.users (username text PRIMARY KEY, name text, age int); "
                + "CREATE TABLE cityinfo.users_by_cities (username text, name text, city text, age int, "
                + "PRIMARY KEY (city, age)); "
                + "INSERT INTO cityinfo.users (username, name, age) VALUES ('aali24', 'Ali Amin', 34); "
                + "INSERT INTO cityinfo.users (username, name, age) VALUES ('jack01', 'Jack David', 23); "
                + "INSERT INTO cityinfo.users (username, name, age) VALUES ('ninopk', 'Nina Rehman', 34); "
                + "INSERT INTO cityinfo.users (username, name, age) VALUES ('raziz12', 'Rashid Aziz', 34); "
                + "INSERT INTO cityinfo.users_by_cities (username, name, city, age) VALUES "
                + "('aali24', 'Ali Amin', 'Karachi', 34); "
                + "INSERT INTO cityinfo.users_by_cities (username, name, city, age) VALUES "
                + "('jack01', 'Jack David', 'Berlin', 23); "
                + "INSERT INTO cityinfo.users_by_cities (username, name, city, age) VALUES "
                + "('raziz12', 'Rashid Aziz', 'Karachi', 30);");
        assertEquals(new Run(0, "", ""), r);
    }

    @Test
    void tutorialSessionFromAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tutorial.cql");
        Files.writeString(file, "use cityinfo;\n"
                + "select * from users_by_cities where city = 'Karachi';\n"
                + "EXPAND ON;\n"
                + "select token(username) from users;\n"
                + "EXPAND OFF;\n"
                + "SELECT * from users_by_cities where name = 'Ali Amin';\n"
                + "select username,\n  age from users where username = 'jack01';\n");
        Run r = cqlsh("", "-f", file.toString());
        String expected = "\n"
                + " city    | age | name        | username\n"
                + "---------+-----+-------------+----------\n"
                + " Karachi |  30 | Rashid Aziz |  raziz12\n"
                + " Karachi |  34 |    Ali Amin |   aali24\n"
                + "\n"
                + "(2 rows)\n"
                + "Now Expanded output is enabled\n"
                + "\n"
                + "@ Row 1\n"
                + "------------------------+----------------------\n"
                + " system.token(username) | -7905752472182359000\n"
                + "\n"
                + "@ Row 2\n"
                + "------------------------+----------------------\n"
                + " system.token(username) | -882788003101376442\n"
                + "\n"
                + "@ Row 3\n"
                + "------------------------+----------------------\n"
                + " system.token(username) | 2621513098312339776\n"
                + "\n"
                + "@ Row 4\n"
                + "------------------------+----------------------\n"
                + " system.token(username) | 6013687671608201304\n"
                + "\n"
                + "\n"
                + "(4 rows)\n"
                + "Disabled Expanded output.\n"
                + "\n"
                + " username | age\n"
                + "----------+-----\n"
                + "   jack01 |  23\n"
                + "\n"
                + "(1 rows)\n";
        // cqlsh counts the lines of -f input from 2 (its line counter starts at 1 and is raised per line read)
        String error = file + ":7:InvalidRequest: Error from server: code=2200 [Invalid query] message=\"Cannot "
                + "execute this query as it might involve data filtering and thus may have unpredictable performance. "
                + "If you want to execute this query despite the performance unpredictability, use ALLOW FILTERING\"\n";
        assertEquals(new Run(2, expected, error), r);
    }

    @Test
    void executeStatementsWithoutErrorsExitZero() {
        Run r = cqlsh("", "-k", "cityinfo", "-e", "SELECT name, age FROM users WHERE username IN ('aali24', 'x')");
        assertEquals(new Run(0, "\n name     | age\n----------+-----\n Ali Amin |  34\n\n(1 rows)\n", ""), r);
        Run none = cqlsh("", "-e", "SELECT * FROM cityinfo.users WHERE username = 'nobody'");
        // cqlsh prints the header, a blank line for the missing rows and, in batch mode, another before the count
        assertEquals(new Run(0, "\n username | age | name\n----------+-----+------\n\n\n(0 rows)\n", ""), none);
    }

    @Test
    void executeErrorsGoToStandardErrorWithExitCodeTwo() {
        Run syntax = cqlsh("", "-e", "SELEC 1");
        assertEquals(new Run(2, "", "<stdin>:1:SyntaxException: line 1:0 no viable alternative at input 'SELEC' "
                + "([SELEC]...)\n"), syntax);
        Run missing = cqlsh("", "-e", "SELECT * FROM cityinfo.nosuch");
        assertEquals(new Run(2, "", "<stdin>:1:InvalidRequest: Error from server: code=2200 [Invalid query] "
                + "message=\"table nosuch does not exist\"\n"), missing);
    }

    @Test
    void pipedInputIsBatchMode() {
        Run r = cqlsh("USE cityinfo;\nPAGING 2\nSELECT age FROM users_by_cities WHERE city = 'Karachi';\n"
                + "CONSISTENCY\n");
        assertEquals(new Run(0, "Page size: 2\n\n age\n-----\n  30\n  34\n\n(2 rows)\n"
                + "Current consistency level is ONE.\n", ""), r);
    }

    @Test
    void nodetoolStatusHasOneUpNormalLine() {
        Run r = nodetool("status");
        java.util.regex.Matcher m = Pattern.compile("^UN  127\\.0\\.0\\.1  (\\d+(?:\\.\\d+)? (?:bytes|KiB|MiB)) ",
                Pattern.MULTILINE).matcher(r.out());
        assertTrue(m.find(), r.out());
        String load = m.group(1);
        String loadColumn = "%-" + (Math.max("Load".length(), load.length()) + 2) + "s";
        String expected = "Datacenter: datacenter1\n"
                + "=======================\n"
                + "Status=Up/Down\n"
                + "|/ State=Normal/Leaving/Joining/Moving\n"
                + "--  Address    " + String.format(loadColumn, "Load") + "Tokens  Owns (effective)  "
                + "Host ID                               Rack \n"
                + "UN  127.0.0.1  " + String.format(loadColumn, load) + "16      100.0%            "
                + RINGLET.node().hostId() + "  rack1\n"
                + "\n";
        assertEquals(new Run(0, expected, ""), r);
    }

    @Test
    void nodetoolInformationCommands() {
        Run version = nodetool("version");
        assertEquals(new Run(0, "ReleaseVersion: 5.0.6\n", ""), version);

        Run info = nodetool("info");
        String masked = mask(info.out(), "^(?:Load|Uncompressed load) +: (.+)$", "X");
        masked = mask(masked, "^(?:Uptime \\(seconds\\)|Heap Memory \\(MB\\)) +: (.+)$", "N");
        masked = mask(masked, "^(?:Key Cache|Chunk Cache) +: (.+)$", "C");
        assertEquals(new Run(0, "ID                     : " + RINGLET.node().hostId() + "\n"
                + "Gossip active          : false\n"
                + "Native Transport active: true\n"
                + "Load                   : X\n"
                + "Uncompressed load      : X\n"
                + "Generation No          : 0\n"
                + "Uptime (seconds)       : N\n"
                + "Heap Memory (MB)       : N\n"
                + "Off Heap Memory (MB)   : 0.00\n"
                + "Data Center            : datacenter1\n"
                + "Rack                   : rack1\n"
                + "Exceptions             : 0\n"
                + "Key Cache              : C\n"
                + "Row Cache              : entries 0, size 0 bytes, capacity 0 bytes, 0 hits, 0 requests, NaN recent "
                + "hit rate, 0 save period in seconds\n"
                + "Counter Cache          : entries 0, size 0 bytes, capacity 0 bytes, 0 hits, 0 requests, NaN recent "
                + "hit rate, 0 save period in seconds\n"
                + "Chunk Cache            : C\n"
                + "Token                  : (invoke with -T/--tokens to see all 16 tokens)\n"
                + "Bootstrap state        : COMPLETED\n"
                + "Bootstrap failed       : false\n"
                + "Decommissioning        : false\n"
                + "Decommission failed    : false\n", ""), new Run(info.code(), masked, info.err()));

        Run endpoints = nodetool("getendpoints", "cityinfo", "users", "aali24");
        assertEquals(new Run(0, "127.0.0.1\n", ""), endpoints);

        Run gossip = nodetool("gossipinfo");
        assertEquals(1, gossip.code());
        assertEquals("", gossip.out());
        assertEquals("nodetool: gossipinfo is not available yet: it comes with Ringlet's cluster support "
                + "(membership, streaming and repair).\n", gossip.err());
    }

    private static long number(String text, String regex) {
        java.util.regex.Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        assertTrue(m.find(), regex + " in " + text);
        return Long.parseLong(m.group(1));
    }

    @Test
    void nodetoolInfoShowsTheKeyAndChunkCachesOfTheStorageEngine() {
        assertEquals(new Run(0, "", ""), cqlsh("", "-e", "INSERT INTO cityinfo.users (username, name, age) VALUES "
                + "('cached', 'Cee Ache', 40);"));
        assertEquals(new Run(0, "", ""), nodetool("flush", "cityinfo", "users"));
        String before = nodetool("info").out();
        long requestsBefore = number(before, "^Chunk Cache +: .*, (\\d+) requests, ");
        for (int i = 0; i < 3; i++) {
            Run select = cqlsh("", "-e", "SELECT name FROM cityinfo.users WHERE username = 'cached';");
            assertEquals(0, select.code(), select.err());
            assertTrue(select.out().contains("Cee Ache"), select.out());
        }
        String after = nodetool("info").out();
        long requestsAfter = number(after, "^Chunk Cache +: .*, (\\d+) requests, ");
        assertTrue(requestsAfter > requestsBefore, "the reads looked chunks up:\n" + before + "\n" + after);
        assertTrue(Pattern.compile("^Chunk Cache +: entries [1-9]\\d*, size [1-9].*, capacity [1-9].*, \\d+ misses, "
                + "\\d+ requests, [01]\\.\\d{3} recent hit rate, ", Pattern.MULTILINE).matcher(after).find(), after);
        assertTrue(Pattern.compile("^Key Cache +: entries \\d+, size .+, capacity [1-9].*, \\d+ hits, \\d+ requests, "
                + ".+ recent hit rate, 0 save period in seconds$", Pattern.MULTILINE).matcher(after).find(), after);
    }

    @Test
    void nodetoolDescribeClusterListsTheKeyspacesWithStorage() {
        Run r = nodetool("describecluster");
        String masked = mask(r.out(), "^\t\t([0-9a-f-]{36}): \\[127\\.0\\.0\\.1\\]$", "SCHEMA");
        masked = mask(masked, "^\t5\\.0\\.6: \\[127\\.0\\.0\\.1:(\\d+)\\]$", "PORT");
        String expected = "Cluster Information:\n"
                + "\tName: " + clusterName() + "\n"
                + "\tSnitch: org.apache.cassandra.locator.SimpleSnitch\n"
                + "\tDynamicEndPointSnitch: disabled\n"
                + "\tPartitioner: org.apache.cassandra.dht.Murmur3Partitioner\n"
                + "\tSchema versions:\n"
                + "\t\tSCHEMA: [127.0.0.1]\n"
                + "\n"
                + "Stats for all nodes:\n"
                + "\tLive: 1\n"
                + "\tJoining: 0\n"
                + "\tMoving: 0\n"
                + "\tLeaving: 0\n"
                + "\tUnreachable: 0\n"
                + "\n"
                + "Data Centers: \n"
                + "\tdatacenter1 #Nodes: 1 #Down: 0\n"
                + "\n"
                + "Database versions:\n"
                + "\t5.0.6: [127.0.0.1:PORT]\n"
                + "\n"
                + "Keyspaces:\n";
        assertTrue(masked.startsWith(expected), masked);
        assertTrue(masked.contains("\tcityinfo -> Replication class: SimpleStrategy {replication_factor=1}\n"),
                masked);
        assertTrue(!masked.contains("system_views") && !masked.contains("system_virtual_schema"), masked);
        assertEquals(0, r.code());
    }

    private static String clusterName() {
        Run r = cqlsh("", "-e", "SELECT cluster_name FROM system.local");
        String[] lines = r.out().split("\n");
        return lines[3].strip();
    }

    @Test
    void nodetoolStorageOperations() {
        assertEquals(new Run(0, "", ""), nodetool("flush"));
        assertEquals(new Run(0, "", ""), nodetool("flush", "cityinfo", "users"));
        assertEquals(new Run(0, "", ""), nodetool("compact", "cityinfo"));
        assertEquals(new Run(0, "", ""), nodetool("compact"));
        Run virtual = nodetool("flush", "system_views");
        assertEquals(new Run(2, "", "error: Keyspace system_views is virtual: its tables are views of the node's "
                + "state, with nothing to flush, compact or snapshot\n"), virtual);

        Run snapshot = nodetool("snapshot", "-t", "daily", "cityinfo");
        assertEquals(new Run(0, "Requested creating snapshot(s) for [cityinfo] with snapshot name [daily] and "
                + "options {skipFlush=false}\nSnapshot directory: daily\n", ""), snapshot);
        Run list = nodetool("listsnapshots");
        assertEquals(0, list.code(), list.err());
        String[] lines = list.out().split("\n", -1);
        assertEquals("Snapshot Details: ", lines[0]);
        assertEquals("Snapshot name Keyspace name Column family name True size Size on disk Creation time            "
                + "Expiration time", lines[1]);
        Pattern row = Pattern.compile("daily {9}cityinfo {6}(users|users_by_cities)( +)\\d+(?:\\.\\d+)? (?:bytes|KiB) +"
                + "\\d+(?:\\.\\d+)? (?:bytes|KiB) +\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?Z {16}");
        assertTrue(row.matcher(lines[2]).matches() && lines[2].contains(" users "), lines[2]);
        assertTrue(row.matcher(lines[3]).matches() && lines[3].contains(" users_by_cities "), lines[3]);
        assertEquals(List.of("", "Total TrueDiskSpaceUsed: 0 bytes", "", ""), List.of(lines).subList(4, lines.length));
        assertEquals(new Run(0, "Requested clearing snapshot(s) for [cityinfo] with snapshot name [daily]\n", ""),
                nodetool("clearsnapshot", "-t", "daily", "cityinfo"));
        assertTrue(!nodetool("listsnapshots").out().contains("daily"));
    }

    @Test
    void nodetoolStatistics() {
        Run histograms = nodetool("tablehistograms", "cityinfo", "users");
        assertEquals(0, histograms.code(), histograms.err());
        String[] lines = histograms.out().split("\n");
        assertEquals("This node does not estimate partition sizes and cell counts: no 'Partition Size' and "
                + "'Cell Count' percentiles", lines[0]);
        assertEquals("cityinfo/users histograms", lines[1]);
        assertEquals("Percentile      Read Latency     Write Latency          SSTables    Partition Size        "
                + "Cell Count", lines[2]);
        assertEquals(List.of("50%", "75%", "95%", "98%", "99%", "Min", "Max"),
                List.of(lines).subList(4, 11).stream().map(l -> l.split(" ")[0]).toList());
        assertTrue(lines[4].endsWith("               NaN               NaN"), lines[4]);

        Run proxy = nodetool("proxyhistograms");
        assertEquals(0, proxy.code(), proxy.err());
        assertTrue(proxy.out().startsWith("proxy histograms\nPercentile       Read Latency      Write Latency      "
                + "Range Latency   CAS Read Latency  CAS Write Latency View Write Latency\n"), proxy.out());

        Run stats = nodetool("tablestats", "cityinfo.users");
        assertEquals(0, stats.code(), stats.err());
        assertTrue(stats.out().startsWith("Total number of tables: 1\n----------------\nKeyspace: cityinfo\n"),
                stats.out());
        assertTrue(stats.out().contains("\t\tTable: users\n\t\tSSTable count: "), stats.out());

        Run compactions = nodetool("compactionstats");
        assertEquals(0, compactions.code(), compactions.err());
        assertTrue(compactions.out().startsWith("concurrent compactors"), compactions.out());
    }

    @Test
    void stressRunsAndSummarises() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Stress.run(new String[] {"populate", "--host", RINGLET.node().address().getHostAddress(),
                "--port", Integer.toString(RINGLET.node().nativeAddress().getPort()), "-n", "500", "-c", "4",
                "--duration", "30s", "--keyspace", "stress_e2e"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, text + err.toString(StandardCharsets.UTF_8));
        assertTrue(text.contains("stress: populate complete: 500 keys written of 500\n"), text);
        assertTrue(Pattern.compile("^RESULT workload=populate ops=500 ops_per_s=\\S+ errors=0 misses=0 ",
                Pattern.MULTILINE).matcher(text).find(), text);
        Run count = cqlsh("", "-e", "SELECT count(*) FROM stress_e2e.kv");
        assertTrue(count.out().startsWith("\n count\n-------\n   500\n\n(1 rows)\n"), count.out());
    }
}
