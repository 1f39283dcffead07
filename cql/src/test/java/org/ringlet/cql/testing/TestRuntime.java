package org.ringlet.cql.testing;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executor;

import org.ringlet.api.NodeContext;
import org.ringlet.api.runtime.Cancellable;
import org.ringlet.api.runtime.Clock;
import org.ringlet.api.runtime.RandomSource;
import org.ringlet.api.runtime.Scheduler;

/** Deterministic runtime services for tests: a manual clock, an inline scheduler, seeded randomness. */
public final class TestRuntime {
    private TestRuntime() {
    }

    /** A clock that moves only when told to. */
    public static final class ManualClock implements Clock {
        private long micros;
        private long nanos;

        public ManualClock(long startMillis) {
            this.micros = startMillis * 1000;
        }

        public synchronized void advance(Duration d) {
            micros += d.toNanos() / 1000;
            nanos += d.toNanos();
        }

        @Override
        public synchronized long currentTimeMillis() {
            return micros / 1000;
        }

        @Override
        public synchronized long currentTimeMicros() {
            return micros;
        }

        @Override
        public synchronized long nanoTime() {
            return nanos;
        }
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

    /** Randomness from a seed. */
    public static RandomSource seeded(long seed) {
        Random r = new Random(seed);
        return new RandomSource() {
            @Override
            public synchronized long nextLong() {
                return r.nextLong();
            }

            @Override
            public synchronized int nextInt(int bound) {
                return r.nextInt(bound);
            }

            @Override
            public synchronized double nextDouble() {
                return r.nextDouble();
            }

            @Override
            public synchronized void nextBytes(byte[] bytes) {
                r.nextBytes(bytes);
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
