package org.ringlet.transport.nativeproto.driver;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.DefaultProtocolVersion;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.TokenMap;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;
import com.datastax.oss.driver.api.core.servererrors.AlreadyExistsException;
import com.datastax.oss.driver.api.core.servererrors.BootstrappingException;
import com.datastax.oss.driver.api.core.servererrors.DefaultWriteType;
import com.datastax.oss.driver.api.core.servererrors.FunctionFailureException;
import com.datastax.oss.driver.api.core.servererrors.InvalidConfigurationInQueryException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.ReadFailureException;
import com.datastax.oss.driver.api.core.servererrors.ReadTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.ServerError;
import com.datastax.oss.driver.api.core.servererrors.SyntaxError;
import com.datastax.oss.driver.api.core.servererrors.TruncateException;
import com.datastax.oss.driver.api.core.servererrors.UnauthorizedException;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import com.datastax.oss.driver.api.core.servererrors.WriteFailureException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.internal.core.context.InternalDriverContext;
import com.datastax.oss.driver.internal.core.metadata.TopologyEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.ringlet.api.query.Event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Apache Cassandra Java driver 4.18 against the real server on a real socket: it negotiates down from DSE_V2
 * through our refusals to the highest version the server accepts, starts up, registers for events, reads the
 * system tables into its metadata and token map, pages, prepares and executes, batches, sends and receives
 * messages larger than a v5 segment, and decodes every error with its fields. Run once per protocol version by
 * the subclasses.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JavaDriverChecks {
    static final int ROWS = 2_500;

    RunningServer server;
    CqlSession session;

    /** The highest protocol version the server accepts, which the driver must end up with. */
    abstract DefaultProtocolVersion version();

    /** The driver's {@code advanced.protocol.compression}. */
    String compression() {
        return "none";
    }

    @BeforeAll
    void start() throws Exception {
        server = new RunningServer(ROWS, Map.of("native_transport_max_negotiable_protocol_version",
                String.valueOf(version().getCode())));
        DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(20))
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(20))
                .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, Duration.ofSeconds(20))
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, Duration.ofSeconds(20))
                .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(50))
                .withClass(DefaultDriverOption.RETRY_POLICY_CLASS, RethrowRetryPolicy.class)
                .withString(DefaultDriverOption.PROTOCOL_COMPRESSION, compression())
                .build();
        // Writes go to their own table, so that the reads of `items` see exactly the rows the node started with.
        server.node.createUserTable("ks", "scratch", "pk int", "ck int", "v text");
        session = CqlSession.builder()
                .addContactPoint(server.address)
                .withLocalDatacenter("datacenter1")
                .withKeyspace("ks")
                .withConfigLoader(config)
                .build();
    }

    @AfterAll
    void stop() throws Exception {
        if (session != null) {
            session.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void negotiatesTheHighestVersionAndBuildsMetadataFromTheSystemTables() {
        // The driver starts at DSE_V2: reaching this version means every higher one was refused as it expects.
        assertEquals(version(), session.getContext().getProtocolVersion());
        assertEquals(FakeNode.CLUSTER_NAME, session.getMetadata().getClusterName().orElseThrow());
        Node node = session.getMetadata().getNodes().values().iterator().next();
        assertEquals(FakeNode.HOST_ID, node.getHostId());
        assertEquals("datacenter1", node.getDatacenter());
        assertEquals("5.0.6", node.getCassandraVersion().toString());

        KeyspaceMetadata ks = session.getMetadata().getKeyspace("ks").orElseThrow();
        TableMetadata items = ks.getTable("items").orElseThrow();
        assertEquals(List.of("pk"), items.getPartitionKey().stream().map(c -> c.getName().asInternal()).toList());
        assertEquals(List.of("ck"),
                items.getClusteringColumns().keySet().stream().map(c -> c.getName().asInternal()).toList());
        assertEquals(DataTypes.TEXT, items.getColumn("v").orElseThrow().getType());

        TokenMap tokens = session.getMetadata().getTokenMap().orElseThrow();
        assertEquals("Murmur3Partitioner", tokens.getPartitionerName().replaceAll(".*\\.", ""));
        assertEquals(1, tokens.getReplicas("ks", ByteBuffer.wrap(new byte[] {0, 0, 0, 1})).size());
        assertEquals("ks", session.getKeyspace().orElseThrow().asInternal());
    }

    @Test
    void pagesThroughEveryRowWithTheOpaquePagingState() {
        int before = server.node.pagingStatesReceived.size();
        ResultSet rs = session.execute(SimpleStatement.newInstance("SELECT * FROM ks.items").setPageSize(100));
        List<Integer> keys = new ArrayList<>();
        for (Row row : rs) {
            keys.add(row.getInt("pk"));
            assertEquals("v" + row.getInt("pk"), row.getString("v"));
        }
        assertEquals(ROWS, keys.size());
        for (int i = 0; i < ROWS; i++) {
            assertEquals(i, keys.get(i));
        }
        List<ByteBuffer> received = server.node.pagingStatesReceived.subList(before,
                server.node.pagingStatesReceived.size());
        assertEquals(ROWS / 100 - 1, received.size());
        assertTrue(server.node.pagingStatesSent.containsAll(received), "states come back byte for byte");
    }

    @Test
    void preparedStatementsKeepTheirIdAcrossReprepare() {
        String cql = "SELECT v FROM ks.items WHERE pk = ? AND ck = ?";
        PreparedStatement ps = session.prepare(cql);
        byte[] id = new byte[ps.getId().remaining()];
        ps.getId().duplicate().get(id);
        assertArrayEquals(FakeNode.md5("ks|" + cql), id);
        assertEquals(List.of(0), ps.getPartitionKeyIndices());
        assertEquals(2, ps.getVariableDefinitions().size());
        assertEquals("pk", ps.getVariableDefinitions().get(0).getName().asInternal());
        assertEquals("ck", ps.getVariableDefinitions().get(1).getName().asInternal());
        assertEquals(DataTypes.INT, ps.getVariableDefinitions().get(1).getType());
        assertEquals("items", ps.getVariableDefinitions().get(0).getTable().asInternal());
        assertEquals(1, ps.getResultSetDefinitions().size());
        assertEquals("v", ps.getResultSetDefinitions().get(0).getName().asInternal());

        BoundStatement bound = ps.bind(7, 7);
        assertEquals("v7", session.execute(bound).one().getString("v"));

        // The node "restarts": it forgets its prepared statements. The driver gets 0x2500 with the id,
        // prepares again, gets the same id, and retries.
        int prepares = server.node.prepares.get();
        server.node.prepared.clear();
        assertEquals("v8", session.execute(ps.bind(8, 8)).one().getString("v"));
        assertTrue(server.node.prepares.get() > prepares, "re-prepared after UNPREPARED");
    }

    @Test
    void batchesOfPreparedAndSimpleStatements() {
        PreparedStatement insert = session.prepare("INSERT INTO ks.scratch (pk, ck, v) VALUES (?, ?, ?)");
        BatchStatement batch = BatchStatement.newInstance(DefaultBatchType.UNLOGGED)
                .add(insert.bind(100_001, 100_001, "batched 1"))
                .add(insert.bind(100_002, 100_002, "batched 2"))
                .add(SimpleStatement.newInstance("INSERT INTO ks.scratch (pk, ck, v) VALUES (?, ?, ?)",
                        100_003, 100_003, "batched 3"));
        session.execute(batch.setConsistencyLevel(DefaultConsistencyLevel.QUORUM));
        PreparedStatement select = session.prepare("SELECT v FROM ks.scratch WHERE pk = ? AND ck = ?");
        assertEquals("batched 2", session.execute(select.bind(100_002, 100_002)).one().getString("v"));
        assertEquals("batched 3", session.execute(select.bind(100_003, 100_003)).one().getString("v"));
    }

    @Test
    void manyConcurrentRequestsOnOneConnection() throws Exception {
        PreparedStatement select = session.prepare("SELECT v FROM ks.items WHERE pk = ? AND ck = ?");
        List<CompletionStage<AsyncResultSet>> futures = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            futures.add(session.executeAsync(select.bind(i, i)));
        }
        for (int i = 0; i < futures.size(); i++) {
            AsyncResultSet rs = futures.get(i).toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertEquals("v" + i, rs.one().getString("v"));
        }
    }

    @Test
    void messagesLargerThanASegmentGoBothWays() {
        String big = "x".repeat(300_000);
        PreparedStatement insert = session.prepare("INSERT INTO ks.scratch (pk, ck, v) VALUES (?, ?, ?)");
        session.execute(insert.bind(200_000, 200_000, big));
        PreparedStatement select = session.prepare("SELECT v FROM ks.scratch WHERE pk = ? AND ck = ?");
        assertEquals(big, session.execute(select.bind(200_000, 200_000)).one().getString("v"));
    }

    @Test
    void warningsReachTheApplication() {
        ResultSet rs = session.execute("WARN");
        assertEquals(List.of("first warning", "second warning"), rs.getExecutionInfo().getWarnings());
    }

    @Test
    void errorsArriveWithTheirClassAndFields() {
        UnavailableException unavailable = assertThrows(UnavailableException.class,
                () -> session.execute("FAIL unavailable"));
        assertEquals(DefaultConsistencyLevel.QUORUM, unavailable.getConsistencyLevel());
        assertEquals(2, unavailable.getRequired());
        assertEquals(1, unavailable.getAlive());

        WriteTimeoutException writeTimeout = assertThrows(WriteTimeoutException.class,
                () -> session.execute("FAIL write_timeout"));
        assertEquals(DefaultConsistencyLevel.ALL, writeTimeout.getConsistencyLevel());
        assertEquals(1, writeTimeout.getReceived());
        assertEquals(3, writeTimeout.getBlockFor());
        assertEquals(DefaultWriteType.BATCH_LOG, writeTimeout.getWriteType());

        ReadTimeoutException readTimeout = assertThrows(ReadTimeoutException.class,
                () -> session.execute("FAIL read_timeout"));
        assertEquals(DefaultConsistencyLevel.LOCAL_QUORUM, readTimeout.getConsistencyLevel());
        assertEquals(1, readTimeout.getReceived());
        assertEquals(2, readTimeout.getBlockFor());
        assertTrue(readTimeout.wasDataPresent());

        ReadFailureException readFailure = assertThrows(ReadFailureException.class,
                () -> session.execute("FAIL read_failure"));
        assertEquals(DefaultConsistencyLevel.ONE, readFailure.getConsistencyLevel());
        assertEquals(0, readFailure.getReceived());
        assertEquals(1, readFailure.getBlockFor());
        assertEquals(1, readFailure.getNumFailures());
        assertEquals(false, readFailure.wasDataPresent());

        WriteFailureException writeFailure = assertThrows(WriteFailureException.class,
                () -> session.execute("FAIL write_failure"));
        assertEquals(DefaultConsistencyLevel.TWO, writeFailure.getConsistencyLevel());
        assertEquals(2, writeFailure.getNumFailures());
        assertEquals(DefaultWriteType.UNLOGGED_BATCH, writeFailure.getWriteType());

        FunctionFailureException function = assertThrows(FunctionFailureException.class,
                () -> session.execute("FAIL function_failure"));
        assertTrue(function.getMessage().contains("/ by zero"), function.getMessage());

        AlreadyExistsException table = assertThrows(AlreadyExistsException.class,
                () -> session.execute("FAIL already_exists_table"));
        // The driver builds its message from the keyspace and table fields of the body.
        assertEquals("Object ks.items already exists", table.getMessage());
        AlreadyExistsException keyspace = assertThrows(AlreadyExistsException.class,
                () -> session.execute("FAIL already_exists_keyspace"));
        assertEquals("Keyspace ks already exists", keyspace.getMessage());

        assertTrue(assertThrows(SyntaxError.class, () -> session.execute("FAIL syntax")).getMessage()
                .contains("no viable alternative"));
        assertTrue(assertThrows(InvalidQueryException.class, () -> session.execute("FAIL invalid")).getMessage()
                .contains("ALLOW FILTERING"));
        assertThrows(InvalidQueryException.class, () -> session.execute("SELECT * FROM ks.nope"));
        assertThrows(UnauthorizedException.class, () -> session.execute("FAIL unauthorized"));
        assertThrows(InvalidConfigurationInQueryException.class, () -> session.execute("FAIL config"));
        assertThrows(OverloadedException.class, () -> session.execute("FAIL overloaded"));
        assertThrows(TruncateException.class, () -> session.execute("FAIL truncate"));
        assertEquals("something broke",
                assertThrows(ServerError.class, () -> session.execute("FAIL server")).getMessage());
        // The driver tries another node on "bootstrapping"; there is none, so it reports every node's error.
        AllNodesFailedException allFailed = assertThrows(AllNodesFailedException.class,
                () -> session.execute("FAIL bootstrapping"));
        Throwable first = allFailed.getAllErrors().values().iterator().next().get(0);
        assertInstanceOf(BootstrappingException.class, first);

        assertEquals("v1", session.execute("SELECT v FROM ks.items WHERE pk = 1 AND ck = 1").one().getString("v"),
                "the connection survived every error");
    }

    @Test
    void schemaChangesReachTheDriverMetadataByResultAndByEvent() {
        ResultSet created = session.execute("CREATE TABLE ks.created_here (k int PRIMARY KEY)");
        assertTrue(created.getExecutionInfo().isSchemaInAgreement());
        RunningServer.await("table created_here in the driver's metadata", Duration.ofSeconds(30),
                () -> session.getMetadata().getKeyspace("ks").orElseThrow().getTable("created_here").isPresent());

        // A change made elsewhere reaches the driver only through the SCHEMA_CHANGE event it registered for.
        server.node.createTableElsewhere("ks", "created_elsewhere");
        RunningServer.await("table created_elsewhere in the driver's metadata", Duration.ofSeconds(30),
                () -> session.getMetadata().getKeyspace("ks").orElseThrow().getTable("created_elsewhere")
                        .isPresent());
    }

    @Test
    void statusAndTopologyEventsReachTheDriver() {
        // What the cluster work will publish through the query handler's listeners, for another node.
        InetSocketAddress other = new InetSocketAddress("127.0.0.2", server.address.getPort());
        InternalDriverContext context = (InternalDriverContext) session.getContext();
        List<TopologyEvent> seen = new CopyOnWriteArrayList<>();
        Object key = context.getEventBus().register(TopologyEvent.class, e -> {
            if (e.broadcastRpcAddress.equals(other)) {
                seen.add(e);
            }
        });
        try {
            server.node.fire(new Event.StatusChange("DOWN", other));
            server.node.fire(new Event.TopologyChange("NEW_NODE", other));
            server.node.fire(new Event.StatusChange("UP", other));
            server.node.fire(new Event.TopologyChange("REMOVED_NODE", other));
            RunningServer.await("four topology events in the driver", Duration.ofSeconds(30), () -> seen.size() >= 4);
            assertEquals(List.of(TopologyEvent.suggestDown(other), TopologyEvent.suggestAdded(other),
                    TopologyEvent.suggestUp(other), TopologyEvent.suggestRemoved(other)), seen,
                    "the control connection decoded each event and its address");
        } finally {
            context.getEventBus().unregister(key, TopologyEvent.class);
        }
        assertEquals("v1", session.execute("SELECT v FROM ks.items WHERE pk = 1 AND ck = 1").one().getString("v"));
    }
}
