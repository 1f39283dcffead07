package org.ringlet.cluster.coordinator;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import org.ringlet.api.Service;
import org.ringlet.api.cluster.ConsistencyLevel;
import org.ringlet.api.cluster.Coordinator;
import org.ringlet.api.cluster.RequestMetrics;
import org.ringlet.api.cluster.WriteType;
import org.ringlet.api.data.Mutation;
import org.ringlet.api.data.Partition;
import org.ringlet.api.runtime.Clock;
import org.ringlet.api.schema.TableId;
import org.ringlet.api.storage.PartitionRangeReadCommand;
import org.ringlet.api.storage.SinglePartitionReadCommand;

import static java.util.Objects.requireNonNull;

/**
 * A coordinator that reports each request's latency, from the call to the completion of its stage (failures
 * included, as Cassandra's {@code ClientRequest} latencies), to the node's {@link RequestMetrics}: reads as
 * {@code Read}, range reads as {@code RangeSlice}, writes, batches and counter updates as {@code Write}.
 *
 * The delegate's lifecycle (a {@link Service}, e.g. the batchlog replay) is started and stopped through this
 * coordinator.
 *
 * <p>Thread-safe.
 */
final class MeasuredCoordinator implements Coordinator, Service {
    private final Coordinator delegate;
    private final RequestMetrics metrics;
    private final Clock clock;

    MeasuredCoordinator(Coordinator delegate, RequestMetrics metrics, Clock clock) {
        this.delegate = requireNonNull(delegate, "delegate is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    private <T> CompletionStage<T> measured(RequestMetrics.Scope scope, Supplier<CompletionStage<T>> request) {
        long start = clock.nanoTime();
        CompletionStage<T> stage;
        try {
            stage = request.get();
        } catch (RuntimeException e) {
            metrics.clientRequest(scope, micros(start));
            throw e;
        }
        if (stage instanceof CompletableFuture<T> f && f.isDone()) {
            metrics.clientRequest(scope, micros(start)); // no completion stage for what already finished
        } else {
            stage.whenComplete((v, e) -> metrics.clientRequest(scope, micros(start)));
        }
        return stage;
    }

    private long micros(long start) {
        return Math.max(0, (clock.nanoTime() - start) / 1000);
    }

    @Override
    public CompletionStage<Void> write(Collection<Mutation> mutations, ConsistencyLevel consistency,
                                       WriteType writeType) {
        return measured(RequestMetrics.Scope.WRITE, () -> delegate.write(mutations, consistency, writeType));
    }

    @Override
    public CompletionStage<Void> writeLoggedBatch(Collection<Mutation> mutations, ConsistencyLevel consistency) {
        return measured(RequestMetrics.Scope.WRITE, () -> delegate.writeLoggedBatch(mutations, consistency));
    }

    @Override
    public CompletionStage<Void> writeCounters(Collection<Mutation> mutations, ConsistencyLevel consistency) {
        return measured(RequestMetrics.Scope.WRITE, () -> delegate.writeCounters(mutations, consistency));
    }

    @Override
    public CompletionStage<Partition> read(SinglePartitionReadCommand command, ConsistencyLevel consistency) {
        return measured(RequestMetrics.Scope.READ, () -> delegate.read(command, consistency));
    }

    @Override
    public CompletionStage<List<Partition>> read(List<SinglePartitionReadCommand> commands,
                                                 ConsistencyLevel consistency) {
        return measured(RequestMetrics.Scope.READ, () -> delegate.read(commands, consistency));
    }

    @Override
    public CompletionStage<List<Partition>> rangeRead(PartitionRangeReadCommand command,
                                                      ConsistencyLevel consistency) {
        return measured(RequestMetrics.Scope.RANGE_SLICE, () -> delegate.rangeRead(command, consistency));
    }

    @Override
    public CompletionStage<Void> truncate(TableId table) {
        return delegate.truncate(table);
    }

    @Override
    public void start() throws Exception {
        if (delegate instanceof Service service) {
            service.start();
        }
    }

    @Override
    public void stop() throws Exception {
        if (delegate instanceof Service service) {
            service.stop();
        }
    }

    @Override
    public String serviceName() {
        return delegate instanceof Service service ? service.serviceName() : "coordinator";
    }
}
