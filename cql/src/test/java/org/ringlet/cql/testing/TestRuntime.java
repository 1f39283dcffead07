package org.ringlet.cql.testing;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

import org.ringlet.api.NodeContext;
import org.ringlet.api.runtime.Cancellable;
import org.ringlet.api.runtime.Scheduler;

/** Runtime services for the query layer's tests: a scheduler that runs everything inline, a map node context. */
public final class TestRuntime {
    private TestRuntime() {
    }

    /** A scheduler that runs work inline and never fires scheduled tasks (the tests do not need timeouts). */
    public static Scheduler inlineScheduler() {
        return new Scheduler() {
            @Override
            public Cancellable schedule(Runnable task, Duration delay) {
                return cancelled();
            }

            @Override
            public Cancellable scheduleWithFixedDelay(Runnable task, Duration initialDelay, Duration delay) {
                return cancelled();
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
        };
    }

    private static Cancellable cancelled() {
        return new Cancellable() {
            private volatile boolean cancelled;

            @Override
            public void cancel() {
                cancelled = true;
            }

            @Override
            public boolean isCancelled() {
                return cancelled;
            }
        };
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
}
