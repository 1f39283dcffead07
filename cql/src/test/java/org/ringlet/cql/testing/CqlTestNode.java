package org.ringlet.cql.testing;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.ComponentRegistry;
import org.ringlet.api.cluster.ConsistencyLevel;
import org.ringlet.api.cluster.Coordinator;
import org.ringlet.api.error.RingletException;
import org.ringlet.api.locator.Endpoint;
import org.ringlet.api.query.ClientState;
import org.ringlet.api.query.ColumnSpec;
import org.ringlet.api.query.QueryHandler;
import org.ringlet.api.query.QueryOptions;
import org.ringlet.api.query.Response;
import org.ringlet.api.query.Result;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.ring.TopologyService;
import org.ringlet.api.runtime.Clock;
import org.ringlet.api.runtime.RandomSource;
import org.ringlet.api.runtime.Scheduler;
import org.ringlet.api.storage.StorageEngine;
import org.ringlet.api.testing.ManualClock;
import org.ringlet.api.testing.SeededRandomSource;
import org.ringlet.api.testing.locator.StaticComponentRegistry;
import org.ringlet.api.testing.locator.TestReplicationStrategies;
import org.ringlet.api.testing.ring.Murmur3TestPartitioner;
import org.ringlet.api.testing.storage.InMemoryStorageEngine;
import org.ringlet.cql.CqlQueryHandlerFactory;
import org.ringlet.cql.schema.LocalSchema;
import org.ringlet.cql.schema.SchemaStore;
import org.ringlet.cql.schema.SystemKeyspaces;
import org.ringlet.cql.system.SystemLocalTable;

/**
 * A node's query layer in memory: system keyspaces and schema on an in-memory storage engine, a one-node topology,
 * a direct coordinator and the {@code cql} query handler built by its factory. {@link #restart()} builds a new
 * node over the same stored data.
 */
public final class CqlTestNode {
    public static final Partitioner PARTITIONER = new Murmur3TestPartitioner();
    public static final ComponentRegistry REGISTRY = new StaticComponentRegistry(List.of(
            TestReplicationStrategies.simple(), TestReplicationStrategies.networkTopology(),
            TestReplicationStrategies.local(), new CqlQueryHandlerFactory()));

    public final ManualClock clock;
    public final RandomSource random;
    public final Scheduler scheduler = TestRuntime.inlineScheduler();
    public final LocalSchema schema;
    public final InMemoryStorageEngine storage;
    public final SchemaStore store;
    public final TopologyService topology;
    public final Coordinator coordinator;
    public final QueryHandler handler;
    public final ClientState client;
    private final AtomicReference<LocalSchema> schemaRef;
    private final Map<String, String> options;

    private CqlTestNode(ManualClock clock, long seed, InMemoryStorageEngine storage,
                        AtomicReference<LocalSchema> schemaRef, Map<String, String> options) {
        this.clock = clock;
        this.random = new SeededRandomSource(seed);
        this.schemaRef = schemaRef;
        this.options = options;
        this.schema = new LocalSchema(SystemKeyspaces.load());
        schemaRef.set(schema);
        this.storage = storage;
        this.store = new SchemaStore(schema, storage, PARTITIONER, clock);
        store.load();
        SystemLocalTable local = new SystemLocalTable(storage, schema.definitions(), PARTITIONER, clock);
        this.topology = new TestTopology(PARTITIONER, local, random, endpoint(7000), endpoint(9042), 16);
        this.coordinator = new DirectCoordinator(storage, id -> schemaRef.get().current().table(id).orElseThrow());
        Map<Class<?>, Object> services = new HashMap<>();
        services.put(SchemaStore.class, store);
        services.put(Coordinator.class, coordinator);
        services.put(TopologyService.class, topology);
        services.put(StorageEngine.class, storage);
        services.put(ComponentRegistry.class, REGISTRY);
        services.put(Clock.class, clock);
        services.put(Scheduler.class, scheduler);
        services.put(RandomSource.class, random);
        this.handler = new CqlQueryHandlerFactory().create(ComponentConfig.of(options), TestRuntime.context(services));
        this.client = new ClientState(new InetSocketAddress(InetAddress.getLoopbackAddress(), 50000), 4);
    }

    private static Endpoint endpoint(int port) {
        try {
            return new Endpoint(InetAddress.getByName("127.0.0.1"), port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh node. */
    public static CqlTestNode start() {
        return start(Map.of());
    }

    /** A fresh node with options for the {@code cql} factory. */
    public static CqlTestNode start(Map<String, String> options) {
        AtomicReference<LocalSchema> ref = new AtomicReference<>();
        InMemoryStorageEngine storage = new InMemoryStorageEngine(id -> ref.get().current().table(id).orElse(null));
        return new CqlTestNode(new ManualClock(1_764_000_000_000L), 7, storage, ref, options);
    }

    /** A new node over this node's stored data (as after a restart), with other randomness. */
    public CqlTestNode restart() {
        return restart(options);
    }

    public CqlTestNode restart(Map<String, String> newOptions) {
        return new CqlTestNode(clock, 99, storage, schemaRef, newOptions);
    }

    public static QueryOptions options(ConsistencyLevel cl) {
        return QueryOptions.of(cl);
    }

    /** Runs a statement at ONE without paging. */
    public Response execute(String cql) {
        return execute(cql, QueryOptions.of(ConsistencyLevel.ONE));
    }

    public Response execute(String cql, QueryOptions options) {
        try {
            return handler.query(client, cql, options).toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** The error a statement fails with. */
    public RingletException error(String cql) {
        try {
            execute(cql);
        } catch (RingletException e) {
            return e;
        }
        throw new AssertionError("expected an error from: " + cql);
    }

    /** The rows of a SELECT as Java values. */
    public List<List<Object>> rows(String cql) {
        return values((Result.Rows) execute(cql).result());
    }

    /** Another connection to this node, with its own keyspace. */
    public Session newSession() {
        return new Session(handler, new ClientState(new InetSocketAddress(InetAddress.getLoopbackAddress(), 50001),
                4));
    }

    /** A connection: a client state used for its requests. */
    public record Session(QueryHandler handler, ClientState state) {
        public Response execute(String cql, QueryOptions options) {
            try {
                return handler.query(state, cql, options).toCompletableFuture().join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw e;
            }
        }
    }

    /** The rows of a result as Java values. */
    public static List<List<Object>> values(Result.Rows rows) {
        List<List<Object>> out = new ArrayList<>();
        for (List<ByteBuffer> row : rows.rows()) {
            List<Object> r = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                ColumnSpec spec = rows.columns().get(i);
                ByteBuffer v = row.get(i);
                r.add(v == null ? null : spec.type().compose(v));
            }
            out.add(r);
        }
        return out;
    }
}
