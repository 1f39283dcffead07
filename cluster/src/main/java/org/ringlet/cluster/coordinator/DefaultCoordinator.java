package org.ringlet.cluster.coordinator;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import org.ringlet.api.Service;
import org.ringlet.api.cluster.ConsistencyLevel;
import org.ringlet.api.cluster.Coordinator;
import org.ringlet.api.cluster.WriteType;
import org.ringlet.api.data.Mutation;
import org.ringlet.api.data.Partition;
import org.ringlet.api.data.Row;
import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.error.ReadFailureException;
import org.ringlet.api.error.ReadTimeoutException;
import org.ringlet.api.error.RequestFailureReason;
import org.ringlet.api.error.RingletException;
import org.ringlet.api.error.TruncateException;
import org.ringlet.api.error.UnavailableException;
import org.ringlet.api.error.WriteFailureException;
import org.ringlet.api.error.WriteTimeoutException;
import org.ringlet.api.locator.ReplicationStrategy;
import org.ringlet.api.ring.Topology;
import org.ringlet.api.ring.TopologyService;
import org.ringlet.api.runtime.Cancellable;
import org.ringlet.api.runtime.Clock;
import org.ringlet.api.runtime.Scheduler;
import org.ringlet.api.schema.KeyspaceMetadata;
import org.ringlet.api.schema.SchemaService;
import org.ringlet.api.schema.TableId;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.storage.PartitionRangeReadCommand;
import org.ringlet.api.storage.SinglePartitionReadCommand;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The coordinator: writes go to every live replica and complete when the consistency level's number of replicas
 * acknowledged; reads go to the closest replicas the level needs and their answers are reconciled. On a one-node
 * ring the only replica is this node, served through the same path (see {@link LocalReplicaClient}).
 *
 * <p>Thread-safe.
 */
public final class DefaultCoordinator implements Coordinator, Service {
    /** How often the batchlog is replayed (Cassandra's batchlog replay interval). */
    static final Duration BATCHLOG_REPLAY_INTERVAL = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(DefaultCoordinator.class);

    private final SchemaService schema;
    private final ReplicationStrategies strategies;
    private final ReplicaPlanner planner;
    private final TopologyService topology;
    private final ReplicaClient replicas;
    private final Liveness liveness;
    private final Scheduler scheduler;
    private final CoordinatorConfig config;
    private final RangeReads rangeReads;
    private final LoggedBatches loggedBatches;
    private final RequestDeadlines deadlines;
    private volatile Cancellable batchlogReplay;
    private volatile CompletionStage<Integer> startupReplay = CompletableFuture.completedFuture(0);
    private volatile Cancellable startupReplayTask;

    public DefaultCoordinator(SchemaService schema, ReplicationStrategies strategies, TopologyService topology,
                              ReplicaClient replicas, Liveness liveness, Scheduler scheduler, Clock clock,
                              CoordinatorConfig config) {
        this.schema = requireNonNull(schema, "schema is null");
        this.strategies = requireNonNull(strategies, "strategies is null");
        this.topology = requireNonNull(topology, "topology is null");
        this.replicas = requireNonNull(replicas, "replicas is null");
        this.liveness = requireNonNull(liveness, "liveness is null");
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        this.config = requireNonNull(config, "config is null");
        this.planner = new ReplicaPlanner(strategies, topology, liveness);
        this.deadlines = new RequestDeadlines(scheduler, clock, RequestDeadlines.DEFAULT_TICK);
        this.rangeReads = new RangeReads(this, planner, topology);
        this.loggedBatches = new LoggedBatches(this, schema, topology, requireNonNull(clock, "clock is null"),
                scheduler.computeExecutor());
    }

    // --------------------------------------------------------------------------------------------- lifecycle

    /**
     * Starts replaying the batchlog left by the last run (every entry present now), without waiting for it (the
     * replay runs on the scheduler's executors, which a deterministic scheduler only runs when driven), then every
     * {@link #BATCHLOG_REPLAY_INTERVAL} the entries older than twice the write timeout (batches whose writes
     * failed). Replaying an entry of a batch of this run that is still being written is harmless: the replay writes
     * the same mutations with the same timestamps before it removes the entry. {@link #startupReplay()} completes
     * when the first replay has.
     */
    @Override
    public void start() {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        startupReplay = done;
        // a scheduled task, so that a stop before it ran leaves nothing queued
        startupReplayTask = scheduler.schedule(() -> loggedBatches.replay(Duration.ZERO)
                .whenComplete((replayed, failure) -> {
                    if (failure != null) {
                        LOG.warn("Replaying the batchlog at start failed; the periodic replay retries", failure);
                        done.completeExceptionally(failure);
                    } else {
                        if (replayed > 0) {
                            LOG.info("Replayed {} logged batches left in the batchlog", replayed);
                        }
                        done.complete(replayed);
                    }
                }), Duration.ZERO);
        batchlogReplay = scheduler.scheduleWithFixedDelay(() -> loggedBatches.replay(
                config.writeTimeout().multipliedBy(2)), BATCHLOG_REPLAY_INTERVAL, BATCHLOG_REPLAY_INTERVAL);
    }

    /** The replay {@link #start()} began: the number of batches replayed (completed already when not started). */
    public CompletionStage<Integer> startupReplay() {
        return startupReplay;
    }

    @Override
    public void stop() {
        Cancellable replay = batchlogReplay;
        if (replay != null) {
            replay.cancel();
        }
        Cancellable first = startupReplayTask;
        if (first != null) {
            first.cancel();
        }
    }

    @Override
    public String serviceName() {
        return "coordinator";
    }

    /** Replays the batchlog's entries at least this old now (tests and tools). */
    public CompletionStage<Integer> replayBatchlog(Duration olderThan) {
        return loggedBatches.replay(olderThan);
    }

    // ------------------------------------------------------------------------------------------------ writes

    @Override
    public CompletionStage<Void> write(Collection<Mutation> mutations, ConsistencyLevel consistency,
                                       WriteType writeType) {
        try {
            ConsistencyRules.validateForWrite(consistency);
            List<ReplicaPlan> plans = new ArrayList<>(mutations.size());
            List<KeyspaceMetadata> keyspaces = new ArrayList<>(mutations.size());
            for (Mutation m : mutations) {
                KeyspaceMetadata ks = strategies.keyspace(m.keyspace());
                keyspaces.add(ks);
                plans.add(planner.forWrite(ks, m.key().token(), consistency));
            }
            List<CompletableFuture<?>> all = new ArrayList<>(plans.size());
            int i = 0;
            for (Mutation m : mutations) {
                all.add(sendWrite(plans.get(i), keyspaces.get(i), m, writeType, config.writeTimeout()));
                i++;
            }
            return CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0]));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<List<Void>> sendWrite(ReplicaPlan plan, KeyspaceMetadata ks, Mutation m,
                                                    WriteType writeType, Duration timeout) {
        Predicate<UUID> counts = counting(plan, ks);
        ResponseCollector<Void> responses = new ResponseCollector<>(plan.contacts(), counts, writeBlockFor(plan));
        responses.timeoutAfter(timeout, () -> new WriteTimeoutException(writeType, plan.consistency(),
                responses.received(), plan.blockFor()));
        for (UUID r : plan.contacts()) {
            replicas.apply(r, m, ks.durableWrites()).whenComplete((v, e) -> {
                try {
                    if (e == null) {
                        responses.onAnswer(r, null);
                    } else {
                        responses.onFailure(r, unwrap(e), () -> new WriteFailureException("Operation failed - "
                                + "received " + responses.received() + " responses and " + responses.failures()
                                + " failures", plan.consistency(), responses.received(), plan.blockFor(),
                                failureMap(r), writeType));
                    }
                } catch (RuntimeException bug) {
                    responses.fail(bug);
                }
            });
        }
        return responses.started(deadlines);
    }

    private static int writeBlockFor(ReplicaPlan plan) {
        // ANY is satisfied by a hint when no replica is alive; with live replicas one acknowledgement is enough
        return plan.consistency() == ConsistencyLevel.ANY ? Math.min(1, plan.contacts().size()) : plan.blockFor();
    }

    private Predicate<UUID> counting(ReplicaPlan plan, KeyspaceMetadata ks) {
        ReplicationStrategy strategy = planner.strategy(ks);
        if (!ConsistencyRules.countsLocalDcOnly(plan.consistency(), strategy)) {
            return r -> true;
        }
        Topology t = topology.current();
        String localDc = t.location(topology.localHostId()).datacenter();
        return r -> t.location(r).datacenter().equals(localDc);
    }

    private Map<InetAddress, RequestFailureReason> failureMap(UUID replica) {
        return topology.current().node(replica)
                .map(n -> Map.of(n.endpoint().address(), RequestFailureReason.UNKNOWN))
                .orElse(Map.of());
    }

    static Throwable unwrap(Throwable e) {
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /**
     * Writes a logged batch through the batchlog (see {@link LoggedBatches}): applied entirely, also across a
     * crash of this node.
     */
    @Override
    public CompletionStage<Void> writeLoggedBatch(Collection<Mutation> mutations, ConsistencyLevel consistency) {
        try {
            return loggedBatches.write(mutations, consistency);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Checks that every mutation has enough live replicas for the level.
     *
     * @throws UnavailableException when one has not
     */
    void checkWritable(Collection<Mutation> mutations, ConsistencyLevel consistency) {
        ConsistencyRules.validateForWrite(consistency);
        for (Mutation m : mutations) {
            planner.forWrite(strategies.keyspace(m.keyspace()), m.key().token(), consistency);
        }
    }

    @Override
    public CompletionStage<Void> writeCounters(Collection<Mutation> mutations, ConsistencyLevel consistency) {
        try {
            ConsistencyRules.validateForWrite(consistency);
            if (consistency == ConsistencyLevel.ANY) {
                throw new InvalidRequestException("Consistency level ANY is not yet supported for counter table "
                        + mutations.iterator().next().keyspace());
            }
            List<CompletableFuture<?>> all = new ArrayList<>();
            for (Mutation m : mutations) {
                KeyspaceMetadata ks = strategies.keyspace(m.keyspace());
                ReplicaPlan plan = planner.forWrite(ks, m.key().token(), consistency);
                UUID leader = plan.contacts().get(0);
                CompletableFuture<List<Void>> done = replicas.applyCounters(leader, m).toCompletableFuture()
                        .thenCompose(result -> {
                            ReplicaPlan rest = new ReplicaPlan(plan.consistency(), plan.natural(), plan.live(),
                                    plan.contacts().subList(1, plan.contacts().size()),
                                    Math.max(0, plan.blockFor() - 1));
                            return sendWrite(rest, ks, result, WriteType.COUNTER, config.counterTimeout());
                        });
                all.add(done);
            }
            return CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0]));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    // ------------------------------------------------------------------------------------------------- reads

    TableMetadata table(TableId id) {
        return schema.current().table(id).orElseThrow(() -> new InvalidRequestException("Unknown table id " + id));
    }

    @Override
    public CompletionStage<Partition> read(SinglePartitionReadCommand command, ConsistencyLevel consistency) {
        try {
            ConsistencyRules.validateForRead(consistency);
            TableMetadata table = table(command.table());
            KeyspaceMetadata ks = strategies.keyspace(table.keyspace());
            ReplicaPlan plan = planner.forRead(ks, command.key().token(),
                    ConsistencyRules.effectiveForRead(consistency));
            ResponseCollector<Partition> responses = collect(plan, config.readTimeout());
            for (UUID r : plan.contacts()) {
                replicas.read(r, command).whenComplete((p, e) -> answer(responses, plan, r, p, e));
            }
            return started(responses).thenApply(versions -> reconcile(versions, table, command));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    <T> ResponseCollector<T> collect(ReplicaPlan plan, Duration timeout) {
        ResponseCollector<T> responses = new ResponseCollector<>(plan.contacts(), r -> true, plan.blockFor());
        responses.timeoutAfter(timeout, () -> new ReadTimeoutException(plan.consistency(),
                responses.received(), plan.blockFor(), responses.received() > 0));
        return responses;
    }

    /** The answers of a request {@link #collect collected} once it was sent: its timeout runs from now. */
    <T> CompletableFuture<List<T>> started(ResponseCollector<T> responses) {
        return responses.started(deadlines);
    }

    <T> void answer(ResponseCollector<T> responses, ReplicaPlan plan, UUID replica, T value, Throwable error) {
        try {
            if (error == null) {
                responses.onAnswer(replica, value);
            } else {
                responses.onFailure(replica, unwrap(error), () -> new ReadFailureException("Operation failed - "
                        + "received " + responses.received() + " responses and " + responses.failures()
                        + " failures", plan.consistency(), responses.received(), plan.blockFor(),
                        failureMap(replica), responses.received() > 0));
            }
        } catch (RuntimeException bug) {
            responses.fail(bug);
        }
    }

    private static Partition reconcile(List<Partition> versions, TableMetadata table,
                                       SinglePartitionReadCommand command) {
        if (versions.size() == 1) {
            return versions.get(0);
        }
        Partition merged = Partition.merge(versions, table);
        if (command.clustering().reversed()) {
            List<Row> rows = new ArrayList<>(merged.rows());
            Collections.reverse(rows);
            return merged.withRows(rows);
        }
        return merged;
    }

    @Override
    public CompletionStage<List<Partition>> read(List<SinglePartitionReadCommand> commands,
                                                 ConsistencyLevel consistency) {
        List<CompletableFuture<Partition>> all = new ArrayList<>(commands.size());
        for (SinglePartitionReadCommand c : commands) {
            all.add(read(c, consistency).toCompletableFuture());
        }
        return CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])).thenApply(v -> {
            List<Partition> out = new ArrayList<>(all.size());
            all.forEach(f -> out.add(f.join()));
            return out;
        });
    }

    @Override
    public CompletionStage<List<Partition>> rangeRead(PartitionRangeReadCommand command,
                                                      ConsistencyLevel consistency) {
        try {
            ConsistencyRules.validateForRead(consistency);
            return rangeReads.read(command, ConsistencyRules.effectiveForRead(consistency));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    ReplicaClient replicas() {
        return replicas;
    }

    ReplicationStrategies strategies() {
        return strategies;
    }

    CoordinatorConfig config() {
        return config;
    }

    // ---------------------------------------------------------------------------------------------- truncate

    @Override
    public CompletionStage<Void> truncate(TableId table) {
        try {
            table(table);
            Topology t = topology.current();
            List<UUID> nodes = new ArrayList<>(t.hostIds());
            long alive = nodes.stream().filter(liveness::isAlive).count();
            if (alive < nodes.size()) {
                throw new UnavailableException(ConsistencyLevel.ALL, nodes.size(), (int) alive);
            }
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (UUID n : nodes) {
                all.add(replicas.truncate(n, table).toCompletableFuture());
            }
            CompletableFuture<Void> done = CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0]));
            CompletableFuture<Void> result = new CompletableFuture<>();
            Cancellable timeout = scheduler.schedule(() -> result.completeExceptionally(
                    new TruncateException("Truncate timed out - received only " + all.stream()
                            .filter(CompletableFuture::isDone).count() + " responses")), config.truncateTimeout());
            done.whenComplete((v, e) -> {
                timeout.cancel();
                if (e == null) {
                    result.complete(null);
                } else {
                    Throwable cause = unwrap(e);
                    result.completeExceptionally(cause instanceof RingletException ? cause
                            : new TruncateException("Error during truncate: " + cause, cause));
                }
            });
            return result;
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
