package org.ringlet.tools.cqlsh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.ringlet.tools.cqlsh.format.Ansi;

import static java.util.Objects.requireNonNull;

/**
 * One cqlsh command loop: reads lines, gathers them into statements, runs each (a shell command or CQL sent to
 * the server) and reports errors as cqlsh does. In batch mode (no terminal: {@code -e}, {@code -f}, piped input, a
 * {@code SOURCE}d file) errors are prefixed with {@code NAME:LINE:} and make the process exit with 2. Not thread-safe.
 */
final class Shell {
    static final String DEFAULT_PROMPT = "cqlsh> ";
    static final String CONTINUE_PROMPT = "   ... ";

    final ShellContext ctx;
    final ShellState state;
    final boolean tty;
    private final LineSource input;
    private final ShellCommands commands;
    private final QueryOutput queries;
    private final StringBuilder statement = new StringBuilder();
    private String prompt = "";
    private int emptyLines;
    private boolean stop;
    private String lastLine = "";

    Shell(ShellContext ctx, ShellState state, LineSource input, boolean tty) {
        this.ctx = requireNonNull(ctx, "ctx is null");
        this.state = requireNonNull(state, "state is null");
        this.input = requireNonNull(input, "input is null");
        this.tty = tty;
        this.queries = new QueryOutput(this);
        this.commands = new ShellCommands(this, queries);
        resetPrompt();
    }

    /** Prints the banner shown when cqlsh starts on a terminal. */
    void printBanner() {
        commands.showHost();
        commands.showVersion();
        ctx.print("Use HELP for help.");
    }

    /**
     * Runs until EXIT, the end of input or, with {@code singleStatement}, after that one input.
     *
     * @param singleStatement the {@code -e} statements, or null to read from the input
     */
    void run(String singleStatement) {
        String single = singleStatement;
        while (!stop) {
            String line;
            try {
                if (single != null) {
                    line = single;
                    single = null;
                    stop = true;
                } else {
                    line = input.readLine(prompt);
                    if (line == null) {
                        handleEof();
                        break;
                    }
                    lastLine = line;
                    state.lineno++;
                }
                statement.append(line);
                if (tty && !line.endsWith("\n")) {
                    statement.append('\n');
                }
                if (onecmd(statement.toString())) {
                    resetStatement();
                }
            } catch (LineSource.Interrupted e) {
                resetStatement();
                ctx.print("");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Stops the loop after the current statement. */
    void stop() {
        stop = true;
    }

    /** The name errors are prefixed with in batch mode. */
    String inputName() {
        return input.name();
    }

    /** The terminal's input, to read the {@code ---MORE---} answer from. */
    LineSource input() {
        return input;
    }

    private boolean onecmd(String text) {
        StatementSplitter.Split split = StatementSplitter.split(text);
        List<StatementSplitter.Statement> statements = split.statements();
        if (!split.complete()) {
            setContinuePrompt();
            return false;
        }
        if (statements.isEmpty()) {
            return true;
        }
        if (tty) {
            addToHistory(text);
        }
        for (StatementSplitter.Statement st : statements) {
            try {
                handleStatement(st);
            } catch (RuntimeException e) {
                printErr(ErrorMessages.describe(e));
            }
        }
        return true;
    }

    private void addToHistory(String text) {
        // the terminal source records whole statements itself; nothing to do for streams
    }

    private void handleEof() {
        if (tty) {
            ctx.print("");
        }
        String text = statement.toString();
        if (!text.isBlank()) {
            StatementSplitter.Split split = StatementSplitter.split(text + "\n");
            boolean lineCommand = split.complete() && !text.endsWith("\n");
            if (lineCommand) {
                onecmd(text + "\n");
            } else if (!onecmd(text)) {
                printErr("Incomplete statement at end of file");
            }
        }
        stop = true;
    }

    private void handleStatement(StatementSplitter.Statement st) {
        switch (st.command()) {
            case "?", "help" -> commands.help(st);
            case "consistency" -> commands.consistency(st);
            case "serial" -> commands.serialConsistency(st);
            case "describe", "desc" -> commands.describe(st);
            case "show" -> commands.show(st);
            case "source" -> commands.source(st);
            case "capture" -> commands.capture(st);
            case "login" -> commands.login(st);
            case "tracing" -> state.tracing = commands.toggle(st, "TRACING", "Tracing", state.tracing);
            case "expand" -> state.expand = commands.toggle(st, "EXPAND", "Expanded output", state.expand);
            case "paging" -> commands.paging(st);
            case "exit", "quit" -> commands.exit(st);
            case "clear", "cls" -> commands.clear(st);
            case "history" -> commands.history(st);
            case "debug" -> { }
            case "copy" -> printErr("COPY is not supported by this cqlsh; use the CQL driver or stress "
                    + "populate to load data.");
            case "use" -> commands.use(st);
            default -> queries.perform(st.text());
        }
    }

    /** cqlsh's {@code printerr}: an error line on standard error, prefixed with the input position in batch mode. */
    void printErr(String text) {
        state.statementError = true;
        String line = tty ? text : input.name() + ":" + state.lineno + ":" + text;
        ctx.err.print(ctx.applyColor(line, Ansi.RED) + "\n");
        ctx.err.flush();
    }

    /** The prompt for the current keyspace. */
    void resetPrompt() {
        prompt = state.keyspace == null ? DEFAULT_PROMPT : "cqlsh:" + state.keyspace + "> ";
    }

    private void resetStatement() {
        resetPrompt();
        statement.setLength(0);
        emptyLines = 0;
    }

    private void setContinuePrompt() {
        if (emptyLines >= 3) {
            prompt = "Statements are terminated with a ';'.  You can press CTRL-C to cancel an incomplete statement.";
            emptyLines = 0;
            return;
        }
        prompt = state.keyspace == null ? CONTINUE_PROMPT : " ".repeat(state.keyspace.length()) + "    ... ";
        emptyLines = lastLine.replace("\n", "").isEmpty() ? emptyLines + 1 : 0;
    }
}
