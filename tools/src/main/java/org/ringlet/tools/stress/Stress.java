package org.ringlet.tools.stress;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import static java.util.Objects.requireNonNull;

/**
 * {@code stress}: runs a bounded workload against any CQL server and reports throughput and latency percentiles.
 * The table ({@code loadgen.kv (k bigint PRIMARY KEY, v blob)} by default), the options and the {@code RESULT} line
 * match the peer load generator, so the same run can be made against Ringlet and Apache Cassandra.
 */
@Command(name = "stress", usageHelpWidth = 100, sortOptions = false, mixinStandardHelpOptions = true,
        version = "stress (Ringlet tools)",
        description = {"Runs a bounded load against a CQL server and reports throughput and latencies.",
            "Workloads: write (random keys), read (random keys; absent rows count as misses), mixed (--ratio), "
                + "populate (every key once)."})
public final class Stress implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "WORKLOAD", description = "write, read, mixed or populate.")
    String workload;
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Contact point (default: ${DEFAULT-VALUE}).")
    String host;
    @Option(names = "--port", defaultValue = "9042", description = "Native protocol port (default: ${DEFAULT-VALUE}).")
    int port;
    @Option(names = "--dc", description = "Local datacenter (default: data_center of system.local).")
    String dc;
    @Option(names = {"-n", "--keys"}, defaultValue = "1000000", description = "Key space size (default: ${DEFAULT-VALUE}).")
    String keys;
    @Option(names = "--duration", defaultValue = "30s",
            description = "How long to measure: 30, 30s, 2m (default: ${DEFAULT-VALUE}); populate stops earlier when done.")
    String duration;
    @Option(names = "--warmup", defaultValue = "0", description = "Unmeasured time before measuring (default: ${DEFAULT-VALUE}).")
    String warmup;
    @Option(names = {"-c", "--concurrency"}, defaultValue = "32",
            description = "Requests in flight (default: ${DEFAULT-VALUE}).")
    int concurrency;
    @Option(names = "--cl", defaultValue = "LOCAL_ONE", description = "Consistency level (default: ${DEFAULT-VALUE}).")
    String cl;
    @Option(names = "--prepared", defaultValue = "true", arity = "1",
            description = "Prepared statements (true) or CQL strings with literals (false); default: ${DEFAULT-VALUE}.")
    boolean prepared;
    @Option(names = "--rf", defaultValue = "1", description = "Replication factor of the keyspace it creates (default: ${DEFAULT-VALUE}).")
    int rf;
    @Option(names = "--ratio", description = "Mixed workload weights, e.g. write=1,read=3 (default: write=1,read=1).")
    String ratio;
    @Option(names = "--value-size", defaultValue = "100", description = "Bytes per value (default: ${DEFAULT-VALUE}).")
    int valueSize;
    @Option(names = "--max-ops", defaultValue = "0", description = "Stop after this many measured operations (0: no limit).")
    long maxOps;
    @Option(names = "--timeout-ms", defaultValue = "12000", description = "Request timeout (default: ${DEFAULT-VALUE}).")
    long timeoutMs;
    @Option(names = "--connections", defaultValue = "1", description = "Connections per node (default: ${DEFAULT-VALUE}).")
    int connections;
    @Option(names = "--keyspace", defaultValue = "loadgen", description = "Keyspace (default: ${DEFAULT-VALUE}).")
    String keyspace;
    @Option(names = "--table", defaultValue = "kv", description = "Table (default: ${DEFAULT-VALUE}).")
    String table;
    @Option(names = "--no-schema", description = "Do not create the keyspace and table.")
    boolean noSchema;
    @Option(names = "--drop", description = "Drop the keyspace first.")
    boolean drop;
    @Option(names = "--report-interval", defaultValue = "1s", description = "Live line interval (default: ${DEFAULT-VALUE}).")
    String reportInterval;
    @Option(names = "--seed", defaultValue = "42", description = "Seed of keys and values (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = {"-u", "--username"}, description = "User name (when the server authenticates).")
    String username;
    @Option(names = {"-p", "--password"}, description = "Password.")
    String password;

    private PrintStream out;
    private PrintStream err;

    /** Runs stress and exits with its code. */
    public static void main(String[] args) {
        org.ringlet.tools.Console console = org.ringlet.tools.Console.system();
        System.exit(run(args, console.out(), console.err()));
    }

    /** Runs stress with the given streams; returns 0, 1 when requests failed or it could not run, 2 for bad options. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Stress stress = new Stress();
        stress.out = requireNonNull(out, "out is null");
        stress.err = requireNonNull(err, "err is null");
        return new CommandLine(stress).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
    }

    @Override
    public Integer call() {
        StressConfig config;
        try {
            config = config();
        } catch (IllegalArgumentException e) {
            err.print("stress: " + e.getMessage() + "\n");
            return 2;
        }
        try {
            String localDc = dc != null ? dc : discoverDc(config);
            out.printf(Locale.ROOT, "stress: host=%s port=%d dc=%s workload=%s keys=%d duration=%.0fs warmup=%.0fs "
                            + "concurrency=%d cl=%s prepared=%s rf=%d value_size=%d%n", host, port, localDc,
                    config.mix().workload(), config.keys(), config.duration().toMillis() / 1000.0,
                    config.warmup().toMillis() / 1000.0, concurrency, config.consistency(), prepared, rf, valueSize);
            try (CqlSession session = builder(localDc, false).build()) {
                if (!noSchema) {
                    createSchema(session);
                }
                StressRun.Outcome outcome = new StressRun(session, config, out).run();
                return outcome.errors() > 0 ? 1 : 0;
            }
        } catch (RuntimeException e) {
            err.print("stress: " + e.getClass().getSimpleName() + ": " + e.getMessage() + "\n");
            return 1;
        }
    }

    private StressConfig config() {
        OperationMix mix = OperationMix.of(workload, ratio);
        long keyCount;
        try {
            keyCount = Long.parseLong(keys.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad --keys '" + keys + "': expected a whole number");
        }
        ConsistencyLevel level;
        try {
            level = DefaultConsistencyLevel.valueOf(cl.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown consistency level '" + cl + "'");
        }
        Duration d = Durations.parse(duration);
        if (keyCount < 1 || concurrency < 1 || d.isZero() || d.compareTo(Duration.ofHours(1)) > 0 || valueSize < 0
                || rf < 1 || maxOps < 0 || connections < 1) {
            throw new IllegalArgumentException("need keys >= 1, concurrency >= 1, 0 < duration <= 1h, value size >= 0,"
                    + " rf >= 1, max-ops >= 0 and connections >= 1");
        }
        return new StressConfig(mix, keyCount, d, Durations.parse(warmup), concurrency, level, prepared,
                valueSize, maxOps, Duration.ofMillis(timeoutMs), Durations.parse(reportInterval), seed,
                quote(keyspace) + "." + quote(table), port);
    }

    private static String quote(String name) {
        return name.matches("[a-z][a-z0-9_]*") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private void createSchema(CqlSession session) {
        Duration ddl = Duration.ofSeconds(60);
        if (drop) {
            session.execute(SimpleStatement.newInstance("DROP KEYSPACE IF EXISTS " + quote(keyspace))
                    .setTimeout(ddl).setConsistencyLevel(DefaultConsistencyLevel.ONE));
        }
        session.execute(SimpleStatement.newInstance("CREATE KEYSPACE IF NOT EXISTS " + quote(keyspace)
                + " WITH replication = {'class':'SimpleStrategy','replication_factor':" + rf + "}")
                .setTimeout(ddl).setConsistencyLevel(DefaultConsistencyLevel.ONE));
        session.execute(SimpleStatement.newInstance("CREATE TABLE IF NOT EXISTS " + quote(keyspace) + "."
                + quote(table) + " (k bigint PRIMARY KEY, v blob)")
                .setTimeout(ddl).setConsistencyLevel(DefaultConsistencyLevel.ONE));
    }

    private String discoverDc(StressConfig config) {
        try (CqlSession s = builder(null, true).build()) {
            Row r = s.execute(SimpleStatement.newInstance("SELECT data_center FROM system.local")
                    .setConsistencyLevel(DefaultConsistencyLevel.ONE)).one();
            String found = r == null ? null : r.getString("data_center");
            if (found == null || found.isEmpty()) {
                throw new IllegalStateException("could not read data_center from system.local; pass --dc");
            }
            return found;
        }
    }

    private CqlSessionBuilder builder(String localDc, boolean inferDc) {
        ProgrammaticDriverConfigLoaderBuilder cfg = DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofMillis(timeoutMs))
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(10))
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, Duration.ofSeconds(10))
                .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, Duration.ofSeconds(30))
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, Duration.ofSeconds(30))
                .withInt(DefaultDriverOption.CONNECTION_POOL_LOCAL_SIZE, connections)
                .withInt(DefaultDriverOption.CONNECTION_MAX_REQUESTS, Math.max(1024, concurrency * 2))
                .withString(DefaultDriverOption.REQUEST_CONSISTENCY, cl.toUpperCase(Locale.ROOT))
                .withBoolean(DefaultDriverOption.REQUEST_DEFAULT_IDEMPOTENCE, true)
                .withBoolean(DefaultDriverOption.REQUEST_LOG_WARNINGS, false);
        if (inferDc) {
            cfg = cfg.withString(DefaultDriverOption.LOAD_BALANCING_POLICY_CLASS, "DcInferringLoadBalancingPolicy");
        }
        CqlSessionBuilder b = CqlSession.builder().addContactPoint(new InetSocketAddress(host, port))
                .withConfigLoader(cfg.build());
        if (localDc != null) {
            b = b.withLocalDatacenter(localDc);
        }
        if (username != null) {
            b = b.withAuthCredentials(username, password == null ? "" : password);
        }
        return b;
    }
}
