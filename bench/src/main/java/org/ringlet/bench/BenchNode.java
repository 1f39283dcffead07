package org.ringlet.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.ringlet.api.NodeContext;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.runtime.Cancellable;
import org.ringlet.api.runtime.Clock;
import org.ringlet.api.runtime.RandomSource;
import org.ringlet.api.runtime.Scheduler;
import org.ringlet.api.schema.SchemaService;
import org.ringlet.api.testing.storage.MutableSchemaService;
import org.ringlet.partitioner.Murmur3Partitioner;

/**
 * The node services a storage engine needs, for benchmarks: the system clock, a scheduler on daemon threads, a
 * mutable schema and the Murmur3 partitioner. Close it to stop the scheduler's threads.
 */
public final class BenchNode implements NodeContext, AutoCloseable {
    private final MutableSchemaService schema = new MutableSchemaService();
    private final Murmur3Partitioner partitioner = new Murmur3Partitioner();
    private final ThreadScheduler scheduler = new ThreadScheduler();
    private final Map<Class<?>, Object> services;

    public BenchNode() {
        Clock clock = new Clock() {
            @Override
            public long currentTimeMillis() {
                return System.currentTimeMillis();
            }

            @Override
            public long nanoTime() {
                return System.nanoTime();
            }
        };
        RandomSource random = new RandomSource() {
            private final SplittableRandom r = new SplittableRandom(42);

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
        services = Map.of(Clock.class, clock, Scheduler.class, scheduler, SchemaService.class, schema,
                Partitioner.class, partitioner, RandomSource.class, random);
    }

    @Override
    public <S> Optional<S> find(Class<S> type) {
        return Optional.ofNullable(type.cast(services.get(type)));
    }

    public MutableSchemaService schema() {
        return schema;
    }

    public Murmur3Partitioner partitioner() {
        return partitioner;
    }

    @Override
    public void close() {
        scheduler.close();
    }

    private static final class ThreadScheduler implements Scheduler {
        private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1, daemon("bench-timer"));
        private final ExecutorService io = Executors.newFixedThreadPool(4, daemon("bench-io"));
        private final ExecutorService compute = Executors.newFixedThreadPool(2, daemon("bench-compute"));
        private final List<ExecutorService> dedicated = new CopyOnWriteArrayList<>();

        private static ThreadFactory daemon(String prefix) {
            AtomicInteger n = new AtomicInteger();
            return r -> {
                Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
        }

        private static Cancellable wrap(ScheduledFuture<?> f) {
            return new Cancellable() {
                @Override
                public void cancel() {
                    f.cancel(false);
                }

                @Override
                public boolean isCancelled() {
                    return f.isCancelled();
                }
            };
        }

        @Override
        public Cancellable schedule(Runnable task, Duration delay) {
            return wrap(timers.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS));
        }

        @Override
        public Cancellable scheduleWithFixedDelay(Runnable task, Duration initialDelay, Duration delay) {
            return wrap(timers.scheduleWithFixedDelay(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    // a periodic task that throws keeps its schedule
                }
            }, initialDelay.toNanos(), delay.toNanos(), TimeUnit.NANOSECONDS));
        }

        @Override
        public Executor computeExecutor() {
            return compute;
        }

        @Override
        public Executor ioExecutor() {
            return io;
        }

        @Override
        public Executor dedicatedExecutor(String name) {
            ExecutorService e = Executors.newSingleThreadExecutor(daemon(name));
            dedicated.add(e);
            return e;
        }

        void close() {
            timers.shutdownNow();
            io.shutdown();
            compute.shutdown();
            dedicated.forEach(ExecutorService::shutdown);
            try {
                io.awaitTermination(30, TimeUnit.SECONDS);
                for (ExecutorService e : dedicated) {
                    e.awaitTermination(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
