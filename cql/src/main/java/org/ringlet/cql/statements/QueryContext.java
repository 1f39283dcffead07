package org.ringlet.cql.statements;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.ringlet.api.ComponentRegistry;
import org.ringlet.api.NodeContext;
import org.ringlet.api.cluster.Coordinator;
import org.ringlet.api.ring.TopologyService;
import org.ringlet.api.runtime.Clock;
import org.ringlet.api.runtime.RandomSource;
import org.ringlet.api.schema.Schema;
import org.ringlet.cql.functions.FunctionRegistry;
import org.ringlet.cql.functions.FunctionResolver;
import org.ringlet.cql.schema.SchemaStore;
import org.ringlet.cql.virtual.VirtualTables;

import static java.util.Objects.requireNonNull;

/**
 * The node services statements run with. Immutable and thread-safe.
 */
public final class QueryContext {
    private final SchemaStore schema;
    private final Coordinator coordinator;
    private final TopologyService topology;
    private final ComponentRegistry registry;
    private final NodeContext node;
    private final Clock clock;
    private final RandomSource random;
    private final Executor blockingExecutor;
    private final FunctionResolver functions;
    private final VirtualTables virtualTables;
    private final TimeUuids timeUuids;
    private final String clusterName;
    private long lastTimestamp = Long.MIN_VALUE;

    /**
     * @param blockingExecutor where work that blocks (schema changes) runs, never a transport thread
     */
    public QueryContext(SchemaStore schema, Coordinator coordinator, TopologyService topology,
                        ComponentRegistry registry, NodeContext node, Clock clock, RandomSource random,
                        Executor blockingExecutor, VirtualTables virtualTables) {
        this(schema, coordinator, topology, registry, node, clock, random, blockingExecutor, virtualTables,
                "Test Cluster");
    }

    /**
     * @param blockingExecutor where work that blocks (schema changes) runs, never a transport thread
     * @param clusterName      the cluster's name (DESCRIBE CLUSTER)
     */
    public QueryContext(SchemaStore schema, Coordinator coordinator, TopologyService topology,
                        ComponentRegistry registry, NodeContext node, Clock clock, RandomSource random,
                        Executor blockingExecutor, VirtualTables virtualTables, String clusterName) {
        this.clusterName = requireNonNull(clusterName, "clusterName is null");
        this.schema = requireNonNull(schema, "schema is null");
        this.coordinator = requireNonNull(coordinator, "coordinator is null");
        this.topology = requireNonNull(topology, "topology is null");
        this.registry = requireNonNull(registry, "registry is null");
        this.node = requireNonNull(node, "node is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.random = requireNonNull(random, "random is null");
        this.blockingExecutor = requireNonNull(blockingExecutor, "blockingExecutor is null");
        this.virtualTables = requireNonNull(virtualTables, "virtualTables is null");
        this.timeUuids = new TimeUuids(clock, random);
        this.functions = new FunctionResolver(FunctionRegistry.create(clock, random, timeUuids::next,
                topology.partitioner()));
    }

    /** The name of the cluster this node belongs to. */
    public String clusterName() {
        return clusterName;
    }

    public SchemaStore schemaStore() {
        return schema;
    }

    /** The current schema. */
    public Schema schema() {
        return schema.schema().current();
    }

    public Coordinator coordinator() {
        return coordinator;
    }

    public TopologyService topology() {
        return topology;
    }

    public ComponentRegistry registry() {
        return registry;
    }

    public NodeContext node() {
        return node;
    }

    public Clock clock() {
        return clock;
    }

    public RandomSource random() {
        return random;
    }

    public FunctionResolver functions() {
        return functions;
    }

    public VirtualTables virtualTables() {
        return virtualTables;
    }

    /** A new time-based UUID (for list element paths and timeuuid functions). */
    public ByteBuffer nextTimeUuid() {
        return timeUuids.next();
    }

    /**
     * A write timestamp in microseconds for a statement the client gave none: the clock's time, strictly
     * increasing across calls so that two writes of one node never tie.
     */
    public synchronized long nextTimestamp() {
        long now = clock.currentTimeMicros();
        lastTimestamp = Math.max(now, lastTimestamp == Long.MIN_VALUE ? now : lastTimestamp + 1);
        return lastTimestamp;
    }

    /** Runs blocking work (a schema change) off the calling thread. */
    public <T> CompletionStage<T> blocking(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, blockingExecutor);
    }
}
