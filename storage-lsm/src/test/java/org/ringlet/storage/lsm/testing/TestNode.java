package org.ringlet.storage.lsm.testing;

import java.util.Map;
import java.util.Optional;

import org.ringlet.api.NodeContext;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.runtime.Clock;
import org.ringlet.api.runtime.RandomSource;
import org.ringlet.api.runtime.Scheduler;
import org.ringlet.api.schema.SchemaService;
import org.ringlet.api.testing.storage.HashPartitioner;
import org.ringlet.api.testing.storage.MutableSchemaService;

/**
 * The node services a storage engine needs in tests: a clock, a scheduler on real threads, a mutable schema and
 * the test partitioner. Close it to stop the scheduler's threads.
 */
public final class TestNode implements NodeContext, AutoCloseable {
    private final TestClock clock;
    private final TestScheduler scheduler;
    private final MutableSchemaService schema;
    private final HashPartitioner partitioner = new HashPartitioner();
    private final Map<Class<?>, Object> services;

    public TestNode(TestClock clock, TestScheduler scheduler, MutableSchemaService schema) {
        this.clock = clock;
        this.scheduler = scheduler;
        this.schema = schema;
        RandomSource random = new RandomSource() {
            private final java.util.Random r = new java.util.Random(1);

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
        this.services = Map.of(Clock.class, clock, Scheduler.class, scheduler, SchemaService.class, schema,
                Partitioner.class, partitioner, RandomSource.class, random);
    }

    public TestNode() {
        this(TestClock.system(), new TestScheduler(), new MutableSchemaService());
    }

    @Override
    public <S> Optional<S> find(Class<S> type) {
        return Optional.ofNullable(type.cast(services.get(type)));
    }

    @Override
    public TestClock clock() {
        return clock;
    }

    @Override
    public TestScheduler scheduler() {
        return scheduler;
    }

    public MutableSchemaService schema() {
        return schema;
    }

    public HashPartitioner partitioner() {
        return partitioner;
    }

    @Override
    public void close() {
        scheduler.close();
    }
}
