package org.ringlet.tools.cqlsh;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.datastax.oss.driver.api.core.CqlSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlet.tools.cqlsh.format.CqlValueFormatter;
import org.ringlet.tools.cqlsh.format.DisplaySettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shell loop with the shell's own commands, which need no server: whole outputs, line numbers and the error
 * flag that makes batch mode exit with 2. The session is a stand-in that fails if anything reaches the server.
 */
class ShellTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<String> sent = new ArrayList<>();

    @TempDir
    Path dir;

    private ShellContext context() {
        CqlSession session = (CqlSession) Proxy.newProxyInstance(CqlSession.class.getClassLoader(),
                new Class<?>[] {CqlSession.class}, (proxy, method, args) -> {
                    sent.add(method.getName());
                    throw new IllegalStateException("no server in this test");
                });
        return new ShellContext(session, "127.0.0.1", 9042, new CqlValueFormatter(DisplaySettings.defaults()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ShellContext.Versions("Test Cluster", "Ringlet 0.1.0", "3.4.7", 5), 10, List::of);
    }

    private ShellState batch(String input, String single) {
        ShellState state = new ShellState();
        new Shell(context(), state, LineSource.of(new StringReader(input), "<stdin>"), false).run(single);
        return state;
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void switchesPrintWhatCqlshPrints() {
        ShellState state = batch("EXPAND\nEXPAND ON\nexpand on;\nEXPAND OFF\nTRACING\nPAGING\nPAGING 50\nPAGING OFF\n"
                + "CONSISTENCY\nCONSISTENCY local_quorum\nSERIAL CONSISTENCY\nSERIAL CONSISTENCY LOCAL_SERIAL\n", null);
        assertEquals(""
                + "Expanded output is currently disabled. Use EXPAND ON to enable.\n"
                + "Now Expanded output is enabled\n"
                + "Disabled Expanded output.\n"
                + "Tracing is currently disabled. Use TRACING ON to enable.\n"
                + "Query paging is currently enabled. Use PAGING OFF to disable\n"
                + "Page size: 100\n"
                + "Page size: 50\n"
                + "Disabled Query paging.\n"
                + "Current consistency level is ONE.\n"
                + "Consistency level set to LOCAL_QUORUM.\n"
                + "Current serial consistency level is SERIAL.\n"
                + "Serial consistency level set to LOCAL_SERIAL.\n", out());
        assertEquals("<stdin>:4:Expanded output is already enabled. Use EXPAND OFF to disable.\n", err());
        assertTrue(state.statementError);
        assertEquals(List.of(), sent);
    }

    @Test
    void errorsCarryTheLineCqlshCountsAndStatementsSpanLines() {
        ShellState state = batch("CONSISTENCY\n\nCONSISTENCY FOO\n", null);
        assertEquals("Current consistency level is ONE.\n", out());
        assertEquals("<stdin>:4:Improper CONSISTENCY command.\n", err());
        assertTrue(state.statementError);
    }

    @Test
    void singleStatementsCountAsLineOne() {
        batch("", "EXPAND OFF;");
        assertEquals("", out());
        assertEquals("<stdin>:1:Expanded output is not enabled.\n", err());
    }

    @Test
    void anIncompleteStatementAtTheEndIsReported() {
        ShellState state = batch("select * from t\nwhere k = 1\n", null);
        assertEquals("", out());
        assertEquals("<stdin>:3:Incomplete statement at end of file\n", err());
        assertTrue(state.statementError);
        assertEquals(List.of(), sent);
    }

    @Test
    void statementsGoToTheServerAndItsFailuresAreErrors() {
        ShellState state = batch("select * from t;\n", null);
        assertEquals(List.of("executeAsync"), sent);
        assertEquals("<stdin>:2:IllegalStateException: no server in this test\n", err());
        assertTrue(state.statementError);
    }

    @Test
    void exitStopsReading() {
        ShellState state = batch("EXPAND ON\nexit\nEXPAND OFF\n", null);
        assertEquals("Now Expanded output is enabled\n", out());
        assertFalse(state.statementError);
    }

    @Test
    void sourceRunsAFileWithItsOwnNameInErrors() throws Exception {
        Path file = dir.resolve("part.cql");
        Files.writeString(file, "CONSISTENCY ALL\nPAGING maybe\n");
        ShellState state = batch("SOURCE '" + file + "'\nCONSISTENCY\n", null);
        assertEquals("Consistency level set to ALL.\nCurrent consistency level is ONE.\n", out());
        assertEquals(file + ":3:Improper PAGING command.\n", err());
        assertFalse(state.statementError, "errors of a sourced file are the sub-shell's, as in cqlsh");
        batch("SOURCE '" + dir.resolve("missing.cql") + "'\n", null);
        assertTrue(err().endsWith("<stdin>:2:Could not open '" + dir.resolve("missing.cql")
                + "': [Errno 2] No such file or directory: '" + dir.resolve("missing.cql") + "'\n"), err());
    }

    @Test
    void helpListsTheTopics() {
        batch("HELP\nHELP NOSUCH\n", null);
        String help = out();
        assertTrue(help.startsWith("\nDocumented shell commands:\n===========================\n"
                + "CAPTURE  CLS          DESC      EXIT    HELP     PAGING  SHOW    TRACING\n"
                + "CLEAR    CONSISTENCY  DESCRIBE  EXPAND  HISTORY  SERIAL  SOURCE\n\n"
                + "CQL help topics:\n================\n"), help);
        assertEquals("<stdin>:3:*** No help on NOSUCH\n", err());
    }

    @Test
    void bannerAndVersion() {
        ShellState state = new ShellState();
        Shell shell = new Shell(context(), state, LineSource.of(new StringReader("SHOW VERSION\nSHOW HOST\n"),
                "<stdin>"), false);
        shell.printBanner();
        shell.run(null);
        assertEquals(""
                + "Connected to Test Cluster at 127.0.0.1:9042\n"
                + "[cqlsh 6.2.0 | Ringlet 0.1.0 | CQL spec 3.4.7 | Native protocol v5]\n"
                + "Use HELP for help.\n"
                + "[cqlsh 6.2.0 | Ringlet 0.1.0 | CQL spec 3.4.7 | Native protocol v5]\n"
                + "Connected to Test Cluster at 127.0.0.1:9042\n", out());
    }
}
