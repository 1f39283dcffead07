package org.ringlet.tools.cqlsh;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.loadbalancing.NodeDistance;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.ringlet.tools.cqlsh.format.CqlValueFormatter;
import org.ringlet.tools.cqlsh.format.DisplaySettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import static java.util.Objects.requireNonNull;

/**
 * {@code cqlsh}: the CQL shell, with cqlsh's options, commands and output. Runs in-process with the given
 * streams: {@link #run} returns the exit code (0, 1 when it cannot connect, 2 for bad options or, in batch mode,
 * when a statement failed).
 */
@Command(name = "cqlsh", usageHelpWidth = 100, sortOptions = false,
        description = "CQL Shell for Ringlet and Apache Cassandra.",
        footer = {"", "Connects to 127.0.0.1:9042 by default. These defaults can be changed by setting $CQLSH_HOST "
                + "and/or $CQLSH_PORT. When a host (and optional port number) are given on the command line, they "
                + "take precedence over any defaults."})
public final class Cqlsh implements Callable<Integer> {
    static final String DEFAULT_HOST = "127.0.0.1";
    static final int DEFAULT_PORT = 9042;

    @Parameters(index = "0", arity = "0..1", paramLabel = "host", description = "Host to connect to.")
    String host;
    @Parameters(index = "1", arity = "0..1", paramLabel = "port", description = "Native protocol port.")
    String port;
    @Option(names = {"-C", "--color"}, description = "Always use color output.")
    boolean color;
    @Option(names = "--no-color", description = "Never use color output.")
    boolean noColor;
    @Option(names = {"-u", "--username"}, description = "Authenticate as user.")
    String username;
    @Option(names = {"-p", "--password"}, description = "Authenticate using password.")
    String password;
    @Option(names = {"-k", "--keyspace"}, description = "Authenticate to the given keyspace.")
    String keyspace;
    @Option(names = {"-f", "--file"}, description = "Execute commands from FILE, then exit.")
    String file;
    @Option(names = {"-e", "--execute"}, description = "Execute the statement and quit.")
    String execute;
    @Option(names = "--connect-timeout", defaultValue = "5",
            description = "Specify the connection timeout in seconds (default: ${DEFAULT-VALUE} seconds).")
    int connectTimeout;
    @Option(names = "--request-timeout", defaultValue = "10",
            description = "Specify the default request timeout in seconds (default: ${DEFAULT-VALUE} seconds).")
    int requestTimeout;
    @Option(names = {"-t", "--tty"}, description = "Force tty mode (command prompt).")
    boolean tty;
    @Option(names = "--float-precision", defaultValue = "5",
            description = "Significant digits of float values (default: ${DEFAULT-VALUE}).")
    int floatPrecision;
    @Option(names = "--double-precision", defaultValue = "5",
            description = "Significant digits of double values (default: ${DEFAULT-VALUE}).")
    int doublePrecision;
    @Option(names = "--timezone", description = "Time zone of displayed timestamps (default: $TZ, else UTC).")
    String timezone;
    @Option(names = "--protocol-version", description = "Native protocol version (default: negotiated).")
    Integer protocolVersion;
    @Option(names = "--encoding", description = "Output encoding (only UTF-8 is supported).")
    String encoding;
    @Option(names = "--cqlversion", description = "Accepted for compatibility; the server's CQL version is used.")
    String cqlVersion;
    @Option(names = "--debug", description = "Show additional debugging information.")
    boolean debug;
    @Option(names = {"-v", "--version"}, versionHelp = true, description = "Print the current version of cqlsh.")
    boolean version;
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    private InputStream in;
    private PrintStream out;
    private PrintStream err;
    private Map<String, String> env;
    private boolean stdinIsTerminal;

    /** Runs cqlsh on the process's terminal and exits with its code. */
    public static void main(String[] args) {
        org.ringlet.tools.Console console = org.ringlet.tools.Console.system();
        int code = run(args, System.in, console.out(), console.err(), System.getenv(), System.console() != null);
        System.exit(code);
    }

    /**
     * Runs cqlsh.
     *
     * @param stdinIsTerminal whether the input is an interactive terminal (then, as cqlsh, it prompts, shows the
     *                        banner and uses colours unless told otherwise)
     * @return the exit code
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env,
                          boolean stdinIsTerminal) {
        Cqlsh cqlsh = new Cqlsh();
        cqlsh.in = requireNonNull(in, "in is null");
        cqlsh.out = requireNonNull(out, "out is null");
        cqlsh.err = requireNonNull(err, "err is null");
        cqlsh.env = requireNonNull(env, "env is null");
        cqlsh.stdinIsTerminal = stdinIsTerminal;
        CommandLine cl = new CommandLine(cqlsh)
                .setOut(new java.io.PrintWriter(out, true))
                .setErr(new java.io.PrintWriter(err, true));
        cl.getCommandSpec().version("cqlsh " + ShellCommands.CQLSH_VERSION);
        return cl.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        String h = host != null ? host : env.getOrDefault("CQLSH_HOST", DEFAULT_HOST);
        String portText = port != null ? port : env.getOrDefault("CQLSH_PORT", Integer.toString(DEFAULT_PORT));
        int p;
        try {
            p = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            err.print("cqlsh: error: '" + portText + "' is not a valid port number.\n");
            return 2;
        }
        boolean batch = file != null || execute != null;
        boolean useTty = !batch && (tty || stdinIsTerminal);
        boolean useColor = color || (!noColor && file == null && stdinIsTerminal && !"dumb".equals(env.get("TERM"))
                && env.get("TERM") != null && !env.get("TERM").isEmpty());
        Reader fileReader = null;
        if (file != null) {
            try {
                fileReader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.print("Can't open " + ErrorMessages.pyString(file) + ": [Errno 2] No such file or directory: "
                        + ErrorMessages.pyString(file) + "\n");
                return 1;
            }
        }
        DisplaySettings settings = new DisplaySettings(floatPrecision, doublePrecision, zone(), useColor);
        CqlSession session;
        try {
            session = connect(h, p);
        } catch (RuntimeException e) {
            err.print("Connection error: " + ErrorMessages.connectionError(e, h, p, refuses(h, p)) + "\n");
            return 1;
        }
        try (session) {
            ShellContext.Versions versions = versions(session);
            ShellState state = new ShellState();
            state.keyspace = keyspace;
            Terminal terminal = null;
            LineSource source;
            List<String> historyLines = new ArrayList<>();
            ShellContext[] holder = new ShellContext[1];
            Shell[] shellHolder = new Shell[1];
            LineReader reader = null;
            if (useTty) {
                terminal = TerminalBuilder.builder().streams(in, out).system(stdinIsTerminal && in == System.in)
                        .dumb(true).build();
                reader = LineReaderBuilder.builder().terminal(terminal)
                        .variable(LineReader.HISTORY_FILE, historyFile())
                        .completer(new CqlCompleter(() -> Optional.of(session.getMetadata()),
                                () -> shellHolder[0] == null ? null : shellHolder[0].state.keyspace, () -> ""))
                        .history(new DefaultHistory())
                        .build();
                reader.unsetOpt(LineReader.Option.INSERT_TAB);
                source = new TerminalLineSource(reader);
            } else if (fileReader != null) {
                source = LineSource.of(fileReader, file);
            } else {
                source = LineSource.of(new InputStreamReader(in, StandardCharsets.UTF_8), "<stdin>");
            }
            LineReader historyReader = reader;
            ShellContext ctx = new ShellContext(session, h, p, new CqlValueFormatter(settings), out, err, versions,
                    requestTimeout, () -> {
                        List<String> lines = new ArrayList<>();
                        if (historyReader != null) {
                            historyReader.getHistory().forEach(e -> lines.add(e.line()));
                        }
                        return lines;
                    });
            holder[0] = ctx;
            Shell shell = new Shell(ctx, state, source, useTty);
            shellHolder[0] = shell;
            if (useTty) {
                shell.printBanner();
            }
            String single = execute == null ? null : (execute.endsWith(";") ? execute : execute + ";");
            try {
                shell.run(single);
            } finally {
                out.flush();
                err.flush();
                if (reader != null) {
                    try {
                        reader.getHistory().save();
                    } catch (IOException e) {
                        // history is best effort, as in cqlsh
                    }
                }
                if (terminal != null) {
                    terminal.close();
                }
                if (fileReader != null) {
                    fileReader.close();
                }
            }
            return !useTty && state.statementError ? 2 : 0;
        }
    }

    /** Whether a plain TCP connection to the address is refused (the driver reports it less plainly). */
    private boolean refuses(String h, int p) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new InetSocketAddress(h, p), connectTimeout * 1000);
            return false;
        } catch (java.net.ConnectException e) {
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private ZoneId zone() {
        String z = timezone != null ? timezone : env.get("TZ");
        if (z == null || z.isEmpty()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(z);
        } catch (RuntimeException e) {
            err.print("Warning: could not recognize timezone '" + z + "'\n\n");
            return ZoneOffset.UTC;
        }
    }

    private Path historyFile() {
        String configured = env.get("CQL_HISTORY");
        if (configured != null) {
            return Paths.get(configured);
        }
        Path dir = Paths.get(System.getProperty("user.home"), ".cassandra");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            err.print("\nWarning: Cannot create directory at `" + dir + "`. Command history will not be saved.\n\n");
        }
        return dir.resolve("cqlsh_history");
    }

    private CqlSession connect(String h, int p) {
        InetSocketAddress contact = new InetSocketAddress(h, p);
        ProgrammaticDriverConfigLoaderBuilder config = DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(requestTimeout))
                .withDuration(DefaultDriverOption.CONNECTION_CONNECT_TIMEOUT, Duration.ofSeconds(connectTimeout))
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(connectTimeout))
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, Duration.ofSeconds(connectTimeout))
                .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, Duration.ofSeconds(requestTimeout))
                .withString(DefaultDriverOption.LOAD_BALANCING_POLICY_CLASS, "DcInferringLoadBalancingPolicy")
                .withString(DefaultDriverOption.REQUEST_CONSISTENCY, "ONE")
                .withBoolean(DefaultDriverOption.REQUEST_LOG_WARNINGS, false)
                .withInt(DefaultDriverOption.CONNECTION_POOL_LOCAL_SIZE, 1);
        if (protocolVersion != null) {
            config = config.withString(DefaultDriverOption.PROTOCOL_VERSION, "V" + protocolVersion);
        }
        CqlSessionBuilder builder = CqlSession.builder()
                .addContactPoint(contact)
                .withConfigLoader(config.build())
                .withNodeDistanceEvaluator((node, localDc) ->
                        contact.equals(node.getEndPoint().resolve()) ? null : NodeDistance.IGNORED);
        if (username != null) {
            builder = builder.withAuthCredentials(username, password == null ? "" : password);
        }
        if (keyspace != null) {
            builder = builder.withKeyspace(keyspace.startsWith("\"") ? CqlIdentifier.fromCql(keyspace)
                    : CqlIdentifier.fromInternal(keyspace));
        }
        return builder.build();
    }

    /** The banner's versions, from the connection and {@code system.local}. */
    static ShellContext.Versions versions(CqlSession session) {
        Row local = session.execute(SimpleStatement.newInstance("select * from system.local where key = 'local'"))
                .one();
        String cluster = session.getMetadata().getClusterName()
                .orElse(local == null ? "Unknown Cluster" : local.getString("cluster_name"));
        String product = "Unknown";
        String cql = "3.4.7";
        if (local != null) {
            cql = local.getString("cql_version");
            if (local.getColumnDefinitions().contains("ringlet_version")
                    && local.getString("ringlet_version") != null) {
                product = "Ringlet " + local.getString("ringlet_version");
            } else {
                product = "Cassandra " + local.getString("release_version");
            }
        }
        return new ShellContext.Versions(cluster, product, cql,
                session.getContext().getProtocolVersion().getCode());
    }
}
