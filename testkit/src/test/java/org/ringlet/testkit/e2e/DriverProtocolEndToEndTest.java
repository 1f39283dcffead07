package org.ringlet.testkit.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.codahale.metrics.Meter;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultProtocolVersion;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.SchemaChangeListenerBase;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;
import com.datastax.oss.driver.api.core.metrics.DefaultSessionMetric;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import com.datastax.oss.driver.internal.core.context.InternalDriverContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ringlet.testkit.RingletExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What the drivers negotiate with a started node, and what the node pushes to them: the Java driver reaches protocol
 * v5 by itself and still works when v4 is forced; LZ4 compression on v4 and v5 carries writes and reads and really
 * shrinks what crosses the wire; schema changes made on one session reach another Java session's metadata and the
 * Python driver's metadata through pushed SCHEMA_CHANGE events (neither driver polls for schema, and the watching
 * sides run no statement after connecting, so only events can bring the changes in).
 */
class DriverProtocolEndToEndTest {
    @RegisterExtension
    static final RingletExtension RINGLET = RingletExtension.singleNode();

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private static CqlSession connect(String protocolVersion, String compression, boolean bytesMetric) {
        return Drivers.connect(RINGLET.contactPoints(), RINGLET.localDatacenter(), options -> {
            if (protocolVersion != null) {
                options.withString(DefaultDriverOption.PROTOCOL_VERSION, protocolVersion);
            }
            if (compression != null) {
                options.withString(DefaultDriverOption.PROTOCOL_COMPRESSION, compression);
            }
            if (bytesMetric) {
                options.withStringList(DefaultDriverOption.METRICS_SESSION_ENABLED,
                        List.of(DefaultSessionMetric.BYTES_RECEIVED.getPath()));
            }
        }, builder -> { });
    }

    private static void keyspace(CqlSession session, String name) {
        session.execute("CREATE KEYSPACE IF NOT EXISTS " + name + " WITH replication = {'class': 'SimpleStrategy', "
                + "'replication_factor': 1}");
    }

    /** Writes and reads back through a prepared statement and a simple one. */
    private static void writesAndReads(CqlSession session, String keyspace) {
        keyspace(session, keyspace);
        session.execute("CREATE TABLE IF NOT EXISTS " + keyspace + ".kv (k int PRIMARY KEY, v text)");
        PreparedStatement put = session.prepare("INSERT INTO " + keyspace + ".kv (k, v) VALUES (?, ?)");
        for (int i = 0; i < 50; i++) {
            session.execute(put.bind(i, "value " + i));
        }
        PreparedStatement get = session.prepare("SELECT v FROM " + keyspace + ".kv WHERE k = ?");
        assertEquals("value 42", session.execute(get.bind(42)).one().getString(0));
        assertEquals(50L, session.execute("SELECT count(*) FROM " + keyspace + ".kv").one().getLong(0));
    }

    @Test
    void theJavaDriverNegotiatesV5ByItself() {
        try (CqlSession session = connect(null, null, false)) {
            assertEquals(DefaultProtocolVersion.V5, session.getContext().getProtocolVersion());
            writesAndReads(session, "proto_v5");
        }
    }

    @Test
    void v4CanBeForced() {
        try (CqlSession session = connect("V4", null, false)) {
            assertEquals(DefaultProtocolVersion.V4, session.getContext().getProtocolVersion());
            writesAndReads(session, "proto_v4");
        }
    }

    private static long bytesReceived(CqlSession session) {
        return ((Meter) session.getMetrics().orElseThrow().getSessionMetric(DefaultSessionMetric.BYTES_RECEIVED)
                .orElseThrow(() -> new AssertionError("bytes-received is not enabled"))).getCount();
    }

    /**
     * A 256 KiB value that compresses well, written through an LZ4 session and read back through it and through a
     * session without compression. The drivers count the bytes they receive before decompressing them: the
     * compressed reads must be far smaller than the value, the plain ones at least as large.
     */
    @ParameterizedTest
    @EnumSource(value = DefaultProtocolVersion.class, names = {"V4", "V5"})
    void lz4CarriesWritesAndReadsAndShrinksThem(DefaultProtocolVersion version) {
        String keyspace = "lz4_" + version.name().toLowerCase();
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 256 * 1024; i++) {
            text.append("row ").append(i % 64).append(" of a compressible value; ");
        }
        String value = text.toString();
        try (CqlSession lz4 = connect(version.name(), "lz4", true);
             CqlSession plain = connect(version.name(), null, true)) {
            assertEquals(version, lz4.getContext().getProtocolVersion());
            assertEquals("lz4", ((InternalDriverContext) lz4.getContext()).getCompressor().algorithm());
            writesAndReads(lz4, keyspace);
            lz4.execute("CREATE TABLE IF NOT EXISTS " + keyspace + ".big (k int PRIMARY KEY, v text)");
            PreparedStatement put = lz4.prepare("INSERT INTO " + keyspace + ".big (k, v) VALUES (?, ?)");
            lz4.execute(put.bind(1, value));

            String select = "SELECT v FROM " + keyspace + ".big WHERE k = 1";
            long before = bytesReceived(lz4);
            for (int i = 0; i < 4; i++) {
                assertEquals(value, lz4.execute(select).one().getString(0));
            }
            long compressed = bytesReceived(lz4) - before;
            before = bytesReceived(plain);
            for (int i = 0; i < 4; i++) {
                assertEquals(value, plain.execute(select).one().getString(0));
            }
            long uncompressed = bytesReceived(plain) - before;
            assertTrue(uncompressed >= 4L * value.length(), "without compression: " + uncompressed + " bytes");
            assertTrue(compressed < value.length(), "with lz4, four reads of " + value.length() + " characters took "
                    + compressed + " bytes");
        }
    }

    /** Records what a session's schema metadata learns, as the driver reports it to listeners. */
    private static final class Changes extends SchemaChangeListenerBase {
        private final String keyspace;
        private final BlockingQueue<String> seen = new LinkedBlockingQueue<>();

        Changes(String keyspace) {
            this.keyspace = keyspace;
        }

        private void add(String keyspaceName, String change) {
            if (keyspaceName.equals(keyspace)) {
                seen.add(change);
            }
        }

        @Override
        public void onKeyspaceCreated(KeyspaceMetadata k) {
            add(k.getName().asInternal(), "created keyspace");
        }

        @Override
        public void onKeyspaceDropped(KeyspaceMetadata k) {
            add(k.getName().asInternal(), "dropped keyspace");
        }

        @Override
        public void onTableCreated(TableMetadata t) {
            add(t.getKeyspace().asInternal(), "created table " + t.getName().asInternal() + " " + columns(t));
        }

        @Override
        public void onTableUpdated(TableMetadata current, TableMetadata previous) {
            add(current.getKeyspace().asInternal(), "updated table " + current.getName().asInternal() + " "
                    + columns(current));
        }

        @Override
        public void onTableDropped(TableMetadata t) {
            add(t.getKeyspace().asInternal(), "dropped table " + t.getName().asInternal());
        }

        @Override
        public void onUserDefinedTypeCreated(UserDefinedType type) {
            add(type.getKeyspace().asInternal(), "created type " + type.getName().asInternal());
        }

        private static String columns(TableMetadata t) {
            return t.getColumns().keySet().stream().map(c -> c.asInternal()).sorted()
                    .collect(Collectors.joining(",", "[", "]"));
        }

        String await(String expected) {
            long end = System.nanoTime() + DEADLINE.toNanos();
            List<String> other = new ArrayList<>();
            try {
                while (true) {
                    long left = end - System.nanoTime();
                    String change = left <= 0 ? null : seen.poll(left, TimeUnit.NANOSECONDS);
                    if (change == null) {
                        fail("the watching session did not learn '" + expected + "' within " + DEADLINE
                                + "; it learned " + other);
                    }
                    if (change.equals(expected)) {
                        return change;
                    }
                    other.add(change);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    @Test
    void schemaChangesOnOneSessionReachAnotherSessionsMetadataByEvents() {
        String ks = "events_java";
        Changes changes = new Changes(ks);
        // the changing session has no schema metadata of its own; the watching one only listens
        try (CqlSession watching = Drivers.connect(RINGLET.contactPoints(), RINGLET.localDatacenter(),
                options -> { }, builder -> builder.withSchemaChangeListener(changes));
             CqlSession changing = Drivers.connect(RINGLET.contactPoints(), RINGLET.localDatacenter(),
                     options -> options.withBoolean(DefaultDriverOption.METADATA_SCHEMA_ENABLED, false),
                     builder -> { })) {
            assertTrue(watching.getMetadata().getKeyspace(ks).isEmpty());
            keyspace(changing, ks);
            changes.await("created keyspace");
            changing.execute("CREATE TABLE " + ks + ".t (k int PRIMARY KEY, v text)");
            changes.await("created table t [k,v]");
            changing.execute("ALTER TABLE " + ks + ".t ADD w int");
            changes.await("updated table t [k,v,w]");
            TableMetadata t = watching.getMetadata().getKeyspace(ks).orElseThrow().getTable("t").orElseThrow();
            assertTrue(t.getColumn("w").isPresent(), "the metadata object has the new column");
            changing.execute("CREATE TYPE " + ks + ".addr (city text)");
            changes.await("created type addr");
            assertTrue(watching.getMetadata().getKeyspace(ks).orElseThrow().getUserDefinedType("addr").isPresent());
            changing.execute("DROP TABLE " + ks + ".t");
            changes.await("dropped table t");
            assertTrue(watching.getMetadata().getKeyspace(ks).orElseThrow().getTable("t").isEmpty());
            changing.execute("DROP KEYSPACE " + ks);
            changes.await("dropped keyspace");
            assertTrue(watching.getMetadata().getKeyspace(ks).isEmpty());
        }
    }

    @Test
    void schemaChangesByTheJavaDriverReachThePythonDriversMetadataByEvents() {
        String python = Prerequisites.pythonWithDriver();
        String ks = "events_py";
        String port = Integer.toString(RINGLET.node().nativeAddress().getPort());
        try (Processes.Interactive watcher = Processes.start(List.of(python, "testkit/src/test/python/schema_watch.py",
                port, ks), Prerequisites.sourceRoot());
             CqlSession changing = Drivers.connect(RINGLET.contactPoints(), RINGLET.localDatacenter(),
                     options -> options.withBoolean(DefaultDriverOption.METADATA_SCHEMA_ENABLED, false),
                     builder -> { })) {
            assertEquals("protocol_version 5", watcher.await(DEADLINE, "protocol_version"),
                    "the Python driver negotiates v5 by itself");
            watcher.await(DEADLINE, "ready");
            List<List<String>> steps = List.of(
                    List.of("CREATE KEYSPACE " + ks + " WITH replication = {'class': 'SimpleStrategy', "
                            + "'replication_factor': 1}", "keyspace"),
                    List.of("CREATE TABLE " + ks + ".t (k int PRIMARY KEY, v text)", "table t"),
                    List.of("ALTER TABLE " + ks + ".t ADD w int", "column t w"),
                    List.of("CREATE TYPE " + ks + ".addr (city text)", "type addr"),
                    List.of("DROP TABLE " + ks + ".t", "no-table t"),
                    List.of("DROP KEYSPACE " + ks, "no-keyspace"));
            for (List<String> step : steps) {
                changing.execute(step.get(0));
                watcher.send(step.get(1));
                assertEquals("seen " + step.get(1), watcher.await(DEADLINE.plusSeconds(10), "seen ", "timeout "),
                        "after " + step.get(0));
            }
            watcher.send("quit");
            List<String> events = new ArrayList<>();
            String line;
            while (!(line = watcher.await(DEADLINE, "event ", "done")).equals("done")) {
                events.add(line);
            }
            assertEquals(List.of("event CREATED KEYSPACE " + ks, "event CREATED TABLE " + ks + ".t",
                    "event UPDATED TABLE " + ks + ".t", "event CREATED TYPE " + ks + ".addr",
                    "event DROPPED TABLE " + ks + ".t", "event DROPPED TYPE " + ks + ".addr",
                    "event DROPPED KEYSPACE " + ks), events, "the events the Python driver received, as Cassandra "
                    + "5.0.6 pushes them for these statements");
            assertEquals(0, watcher.waitFor(DEADLINE));
        }
    }
}
