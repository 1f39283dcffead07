package org.ringlet.cluster.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;

import org.ringlet.api.NodeContext;
import org.ringlet.api.cluster.LocalNodeStore;
import org.ringlet.api.runtime.Cancellable;
import org.ringlet.api.runtime.Scheduler;
import org.ringlet.api.testing.ManualClock;

/**
 * Node services for the cluster module's tests: a scheduler that runs executor work inline and timed tasks when the
 * test advances its {@link ManualClock}, a map node context, and an in-memory {@link LocalNodeStore}.
 */
public final class TestServices {
    private TestServices() {
    }

    /**
     * A scheduler whose tasks run when the test moves time forward; executors run tasks inline on the caller.
     */
    public static final class ManualScheduler implements Scheduler {
        private final ManualClock clock;
        private final List<Task> tasks = new ArrayList<>();

        private final class Task implements Cancellable {
            final long dueNanos;
            final Runnable work;
            volatile boolean cancelled;

            Task(long dueNanos, Runnable work) {
                this.dueNanos = dueNanos;
                this.work = work;
            }

            @Override
            public void cancel() {
                cancelled = true;
            }

            @Override
            public boolean isCancelled() {
                return cancelled;
            }
        }

        public ManualScheduler(ManualClock clock) {
            this.clock = clock;
        }

        @Override
        public synchronized Cancellable schedule(Runnable task, Duration delay) {
            Task t = new Task(clock.nanoTime() + delay.toNanos(), task);
            tasks.add(t);
            return t;
        }

        @Override
        public Cancellable scheduleWithFixedDelay(Runnable task, Duration initialDelay, Duration delay) {
            throw new UnsupportedOperationException("not needed by these tests");
        }

        /** The number of scheduled tasks that are neither run nor cancelled. */
        public synchronized int pendingTasks() {
            return (int) tasks.stream().filter(t -> !t.cancelled).count();
        }

        /** Moves time forward and runs the tasks that came due, in due order. */
        public void advance(Duration d) {
            clock.advance(d);
            List<Task> due = new ArrayList<>();
            synchronized (this) {
                for (Task t : List.copyOf(tasks)) {
                    if (t.dueNanos <= clock.nanoTime()) {
                        tasks.remove(t);
                        due.add(t);
                    }
                }
            }
            due.sort((a, b) -> Long.compare(a.dueNanos, b.dueNanos));
            for (Task t : due) {
                if (!t.cancelled) {
                    t.work.run();
                }
            }
        }

        @Override
        public Executor computeExecutor() {
            return Runnable::run;
        }

        @Override
        public Executor ioExecutor() {
            return Runnable::run;
        }

        @Override
        public Executor dedicatedExecutor(String name) {
            return Runnable::run;
        }
    }

    /** A node context over a map of services. */
    public static NodeContext context(Map<Class<?>, Object> services) {
        Map<Class<?>, Object> copy = Map.copyOf(services);
        return new NodeContext() {
            @Override
            public <S> Optional<S> find(Class<S> type) {
                return Optional.ofNullable(type.cast(copy.get(type)));
            }
        };
    }

    /** A {@link LocalNodeStore} in memory, remembering what was saved (as a node's system.local would). */
    public static final class MemoryNodeStore implements LocalNodeStore {
        private final Map<String, Object> saved = new HashMap<>();
        private int saves;

        @Override
        public synchronized Optional<UUID> hostId() {
            return Optional.ofNullable((UUID) saved.get("host_id"));
        }

        @Override
        public synchronized void saveHostId(UUID hostId) {
            saved.put("host_id", hostId);
            saves++;
        }

        @Override
        @SuppressWarnings("unchecked")
        public synchronized List<String> tokens() {
            return (List<String>) saved.getOrDefault("tokens", List.of());
        }

        @Override
        public synchronized void saveTokens(Collection<String> tokens) {
            saved.put("tokens", tokens.stream().sorted().toList());
            saves++;
        }

        public synchronized int saves() {
            return saves;
        }
    }
}
