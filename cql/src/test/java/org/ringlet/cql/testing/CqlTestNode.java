package org.ringlet.cql.testing;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

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
import org.ringlet.api.locator.Location;
import org.ringlet.api.runtime.Scheduler;
import org.ringlet.api.schema.SchemaService;
import org.ringlet.api.storage.StorageEngine;
import org.ringlet.api.testing.ManualClock;
import org.ringlet.api.testing.SeededRandomSource;
import org.ringlet.api.testing.locator.StaticComponentRegistry;
import org.ringlet.api.testing.ring.Murmur3TestPartitioner;
import org.ringlet.api.testing.storage.InMemoryStorageEngine;
import org.ringlet.cluster.coordinator.CoordinatorConfig;
import org.ringlet.cluster.coordinator.DefaultCoordinator;
import org.ringlet.cluster.coordinator.DefaultCoordinatorFactory;
import org.ringlet.cluster.coordinator.Liveness;
import org.ringlet.cluster.coordinator.LocalReplicaClient;
import org.ringlet.cluster.coordinator.ReplicaClient;
import org.ringlet.cluster.coordinator.ReplicationStrategies;
import org.ringlet.cluster.topology.LocalTopologyConfig;
import org.ringlet.cluster.topology.LocalTopologyService;
import org.ringlet.cql.CqlQueryHandlerFactory;
import org.ringlet.cql.schema.LocalSchema;
import org.ringlet.cql.schema.SchemaStartup;
import org.ringlet.cql.schema.SchemaStore;
import org.ringlet.cql.system.SystemLocalTable;
import org.ringlet.replication.simple.LocalStrategyFactory;
import org.ringlet.replication.simple.SimpleStrategyFactory;
import org.ringlet.replication.topology.NetworkTopologyStrategyFactory;
import org.ringlet.storage.lsm.LsmStorageEngine;
import org.ringlet.storage.lsm.StorageConfig;
import org.ringlet.storage.lsm.io.LocalFileSystem;

/**
 * A node's query layer: system keyspaces and schema on a storage engine and the {@code cql} query handler built by
 * its factory; in memory with a test topology and a direct coordinator, or the single-node stack as the node
 * assembles it (LSM engine on disk, the cluster module's topology and {@code default} coordinator).
 * {@link #restart()} builds a new node over the same stored data (for the LSM engine: stopped and reopened from its
 * files and commit log).
 */
public final class CqlTestNode {
    public static final Partitioner PARTITIONER = new Murmur3TestPartitioner();
    public static final ComponentRegistry REGISTRY = new StaticComponentRegistry(List.of(
            new SimpleStrategyFactory(), new NetworkTopologyStrategyFactory(), new LocalStrategyFactory(),
            new CqlQueryHandlerFactory()));

    public final ManualClock clock;
    public final RandomSource random;
    public final Scheduler scheduler;
    public final LocalSchema schema;
    public final StorageEngine storage;
    public final SchemaStore store;
    public final TopologyService topology;
    public final Coordinator coordinator;
    public final QueryHandler handler;
    public final ClientState client;
    private final AtomicReference<LocalSchema> schemaRef;
    private final Map<String, String> options;
    private final Path lsmDirectory;
    private final int nativePort;

    /** How an LSM node's coordinator is put together (tests that crash or check the batchlog change it). */
    public record LsmOptions(Map<String, String> storage, UnaryOperator<ReplicaClient> replicas,
                             boolean replayBatchlog) {
        public static final LsmOptions DEFAULT = new LsmOptions(Map.of(), UnaryOperator.identity(), true);
    }

    private CqlTestNode(ManualClock clock, long seed, Scheduler scheduler, LocalSchema schema, StorageEngine storage,
                        AtomicReference<LocalSchema> schemaRef, Map<String, String> options, Path lsmDirectory,
                        int nativePort) {
        this(clock, seed, scheduler, schema, storage, schemaRef, options, lsmDirectory, nativePort,
                LsmOptions.DEFAULT);
    }

    private CqlTestNode(ManualClock clock, long seed, Scheduler scheduler, LocalSchema schema, StorageEngine storage,
                        AtomicReference<LocalSchema> schemaRef, Map<String, String> options, Path lsmDirectory,
                        int nativePort, LsmOptions lsm) {
        this.clock = clock;
        this.random = new SeededRandomSource(seed);
        this.scheduler = scheduler;
        this.schemaRef = schemaRef;
        this.options = options;
        this.lsmDirectory = lsmDirectory;
        this.nativePort = nativePort;
        this.schema = schema;
        schemaRef.set(schema);
        this.storage = storage;
        this.store = SchemaStartup.load(schema, storage, PARTITIONER, clock);
        SystemLocalTable local = new SystemLocalTable(storage, schema.definitions(), PARTITIONER, clock);
        if (lsmDirectory == null) {
            this.topology = new TestTopology(PARTITIONER, local, random, endpoint(7000), endpoint(9042), 16);
            this.coordinator = new DirectCoordinator(storage, id -> schemaRef.get().current().table(id)
                    .orElseThrow());
        } else {
            // the single-node stack as the node assembles it: the cluster module's topology and coordinator
            LocalTopologyService local0 = new LocalTopologyService(PARTITIONER,
                    "org.apache.cassandra.dht.Murmur3Partitioner", () -> Location.DEFAULT, local, random,
                    new LocalTopologyConfig(endpoint(7000), endpoint(nativePort), 16, List.of()),
                    scheduler.computeExecutor());
            local0.start();
            this.topology = local0;
            Map<Class<?>, Object> coordinatorServices = Map.of(SchemaService.class, schema,
                    TopologyService.class, topology, StorageEngine.class, storage, ComponentRegistry.class, REGISTRY,
                    Scheduler.class, scheduler, Clock.class, clock);
            if (lsm == LsmOptions.DEFAULT) {
                this.coordinator = new DefaultCoordinatorFactory().create(ComponentConfig.of(Map.of()),
                        TestRuntime.context(coordinatorServices));
            } else {
                ReplicaClient replicas = lsm.replicas().apply(new LocalReplicaClient(topology.localHostId(), storage,
                        schema, scheduler.ioExecutor(), true, clock));
                this.coordinator = new DefaultCoordinator(schema, new ReplicationStrategies(schema, REGISTRY,
                        TestRuntime.context(coordinatorServices)), topology, replicas, Liveness.all(), scheduler,
                        clock, CoordinatorConfig.defaults());
            }
            if (lsm.replayBatchlog()) {
                // as the node starts it; the tests then wait until the batchlog left by the last run is replayed
                try {
                    ((org.ringlet.api.Service) coordinator).start();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                if (coordinator instanceof DefaultCoordinator d) {
                    d.startupReplay().toCompletableFuture().join();
                }
            }
        }
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
        return new CqlTestNode(new ManualClock(1_764_000_000_000L), 7, TestRuntime.inlineScheduler(),
                SchemaStartup.initialSchema(), storage, ref, options, null, 9042);
    }

    /**
     * A node on the LSM storage engine with its files in {@code directory}, started as a node starts (ADR 0041):
     * engine, replay of the system tables, schema, replay of the others. {@link #close()} it.
     */
    public static CqlTestNode startLsm(Path directory) {
        return startLsm(directory, 9042);
    }

    /** The same, with the native port it says clients reach it on ({@code system.local.native_port}). */
    public static CqlTestNode startLsm(Path directory, int nativePort) {
        return openLsm(directory, new ManualClock(1_764_000_000_000L), 7, Map.of(), nativePort);
    }

    /** A node on the LSM storage engine with a coordinator put together as {@code lsm} says. */
    public static CqlTestNode startLsm(Path directory, LsmOptions lsm) {
        return openLsm(directory, new ManualClock(1_764_000_000_000L), 7, Map.of(), 9042, lsm);
    }

    private static CqlTestNode openLsm(Path directory, ManualClock clock, long seed, Map<String, String> options,
                                       int nativePort) {
        return openLsm(directory, clock, seed, options, nativePort, LsmOptions.DEFAULT);
    }

    private static CqlTestNode openLsm(Path directory, ManualClock clock, long seed, Map<String, String> options,
                                       int nativePort, LsmOptions lsm) {
        ThreadScheduler scheduler = new ThreadScheduler();
        LocalSchema schema = SchemaStartup.initialSchema();
        Map<Class<?>, Object> services = Map.of(Clock.class, clock, Scheduler.class, scheduler,
                SchemaService.class, schema, Partitioner.class, PARTITIONER,
                RandomSource.class, new SeededRandomSource(seed + 1));
        Map<String, String> storageOptions = new HashMap<>(Map.of(
                "data_file_directories", directory.resolve("data").toString(),
                "commitlog_directory", directory.resolve("commitlog").toString(),
                "commitlog_segment_size", "1MiB", "memtable_heap_space", "64MiB"));
        storageOptions.putAll(lsm.storage());
        LsmStorageEngine engine = new LsmStorageEngine(StorageConfig.from(ComponentConfig.of(storageOptions),
                1L << 30), new LocalFileSystem(), TestRuntime.context(services));
        try {
            engine.start();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new CqlTestNode(clock, seed, scheduler, schema, engine, new AtomicReference<>(), options, directory,
                nativePort, lsm);
    }

    /** A new node over this node's stored data (as after a restart), with other randomness. */
    public CqlTestNode restart() {
        return restart(options);
    }

    public CqlTestNode restart(Map<String, String> newOptions) {
        if (lsmDirectory != null) {
            close();
            return openLsm(lsmDirectory, clock, 99, newOptions, nativePort);
        }
        return new CqlTestNode(clock, 99, scheduler, SchemaStartup.initialSchema(), storage, schemaRef, newOptions,
                null, nativePort);
    }

    /** Stops the storage engine and the scheduler's threads (LSM nodes). */
    public void close() {
        if (coordinator instanceof org.ringlet.api.Service service) {
            try {
                service.stop();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        if (storage instanceof LsmStorageEngine engine) {
            engine.stop();
        }
        if (scheduler instanceof ThreadScheduler threads) {
            threads.close();
        }
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
