package org.ringlet.tools.cqlsh;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whole-output runs of cqlsh against a running CQL server (Apache Cassandra 5.0.6 or a Ringlet node): run with
 * {@code mvn -Ppeer -Dpeer.port=19042 verify}. Uses a keyspace of its own and drops it at the end.
 */
class CqlshPeerIT {
    private static final String HOST = System.getProperty("peer.host", "127.0.0.1");
    private static final String PORT = System.getProperty("peer.port", "19042");
    private static final String KS = "tools_it_" + Integer.toUnsignedString(ThreadLocalRandom.current().nextInt(), 36);

    record Run(int code, String out, String err) {
    }

    static Run cqlsh(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 2];
        all[0] = HOST;
        all[1] = PORT;
        System.arraycopy(args, 0, all, 2, args.length);
        int code = Cqlsh.run(all, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(), false);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void schema() {
        Run r = cqlsh("", "-e", "CREATE KEYSPACE " + KS + " WITH replication = {'class': 'SimpleStrategy', "
                + "'replication_factor': 1}; CREATE TABLE " + KS + ".users (username text PRIMARY KEY, name text, "
                + "age int, city text, tags set<text>, score double, born timestamp, photo blob); "
                + "INSERT INTO " + KS + ".users (username, name, age, city, tags, score, born, photo) VALUES "
                + "('raziz12', 'Rashid Aziz', 30, 'Karachi', {'b', 'a'}, 3.14159265, '2024-01-02 03:04:05+0000', 0xcafe); "
                + "INSERT INTO " + KS + ".users (username, name, age, city) VALUES ('aali24', 'Ali Amin', 34, 'Karachi');");
        assertEquals(new Run(0, "", ""), r);
    }

    @AfterAll
    static void drop() {
        cqlsh("", "-e", "DROP KEYSPACE IF EXISTS " + KS);
    }

    @Test
    void selectPrintsTheWholeTable() {
        Run r = cqlsh("", "-k", KS, "-e", "SELECT username, name, age, city, tags, score, born, photo FROM users");
        String expected = "\n"
                + " username | name        | age | city    | tags       | score   | born                            | photo\n"
                + "----------+-------------+-----+---------+------------+---------+---------------------------------+--------\n"
                + "   aali24 |    Ali Amin |  34 | Karachi |       null |    null |                            null |   null\n"
                + "  raziz12 | Rashid Aziz |  30 | Karachi | {'a', 'b'} | 3.14159 | 2024-01-02 03:04:05.000000+0000 | 0xcafe\n"
                + "\n"
                + "(2 rows)\n";
        assertEquals(new Run(0, expected, ""), r);
    }

    @Test
    void expandedTokenQuery() {
        Run r = cqlsh("", "-k", KS, "-e", "EXPAND ON; select token(username) from users where username = 'raziz12';");
        String expected = "Now Expanded output is enabled\n"
                + "\n"
                + "@ Row 1\n"
                + "------------------------+---------------------\n"
                + " system.token(username) | -882788003101376442\n"
                + "\n"
                + "\n"
                + "(1 rows)\n";
        assertEquals(new Run(0, expected, ""), r);
    }

    @Test
    void errorsGoToStandardErrorWithTheLineAndExitCodeTwo() {
        Run r = cqlsh("", "-k", KS, "-e", "SELECT * FROM users WHERE age = 30");
        assertEquals(new Run(2, "", "<stdin>:1:InvalidRequest: Error from server: code=2200 [Invalid query] "
                + "message=\"Cannot execute this query as it might involve data filtering and thus may have "
                + "unpredictable performance. If you want to execute this query despite the performance "
                + "unpredictability, use ALLOW FILTERING\"\n"), r);
    }

    @Test
    void fileRunsReportTheFileAndLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("script.cql");
        Files.writeString(file, "USE " + KS + ";\n"
                + "SELECT count(*)\n  FROM users;\n"
                + "SELECT * FROM nosuch;\n"
                + "CONSISTENCY QUORUM\n"
                + "SELEC 1;\n");
        Run r = cqlsh("", "-f", file.toString());
        String expected = "\n"
                + " count\n"
                + "-------\n"
                + "     2\n"
                + "\n"
                + "(1 rows)\n"
                + "\n"
                + "Warnings :\n"
                + "Aggregation query used without partition key\n"
                + "\n"
                + "Consistency level set to QUORUM.\n";
        assertEquals(expected, r.out());
        assertEquals(file + ":5:InvalidRequest: Error from server: code=2200 [Invalid query] message=\"table nosuch "
                + "does not exist\"\n"
                + file + ":7:SyntaxException: line 1:0 no viable alternative at input 'SELEC' ([SELEC]...)\n", r.err());
        assertEquals(2, r.code());
    }

    @Test
    void pipedInputIsBatchModeToo() {
        Run r = cqlsh("USE " + KS + ";\nPAGING 1\nSELECT age FROM users;\n");
        assertEquals(new Run(0, "Page size: 1\n\n age\n-----\n  34\n  30\n\n(2 rows)\n", ""), r);
    }

    @Test
    void describeShapes() {
        Run r = cqlsh("", "-k", KS, "-e", "DESCRIBE TABLES");
        assertEquals(new Run(0, "\nusers\n\n", ""), r);
        Run missing = cqlsh("", "-k", KS, "-e", "DESCRIBE TABLE nosuch");
        assertEquals(new Run(2, "", "<stdin>:1:Table 'nosuch' not found in keyspace '" + KS + "'\n"), missing);
        Run table = cqlsh("", "-k", KS, "-e", "DESC TABLE users");
        assertTrue(table.out().startsWith("\nCREATE TABLE " + KS + ".users (\n    username text PRIMARY KEY,\n"),
                table.out());
        assertTrue(table.out().endsWith(";\n"), table.out());
    }

    @Test
    void connectionRefused() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cqlsh.run(new String[] {HOST, "1", "-e", "select 1"}, new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(), false);
        assertEquals(1, code);
        assertEquals("Connection error: ('Unable to connect to any servers', {'" + HOST + ":1': "
                + "ConnectionRefusedError(111, \"Tried connecting to [('" + HOST + "', 1)]. Last error: Connection "
                + "refused\")})\n", err.toString(StandardCharsets.UTF_8));
    }
}
