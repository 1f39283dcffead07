package org.ringlet.api.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.ringlet.api.NodeContext;
import org.ringlet.api.runtime.Clock;
import org.ringlet.api.runtime.RandomSource;
import org.ringlet.api.runtime.Scheduler;

import static java.util.Objects.requireNonNull;

/**
 * A {@link NodeContext} for tests, built from deterministic services: by default a {@link ManualClock}, a
 * {@link DeterministicScheduler} driving that clock, and a {@link SeededRandomSource} with seed 0. Other
 * services are added with {@link Builder#with(Class, Object)}; a type not added is missing, so a component that
 * asks for it fails as it would on a real node without that service.
 *
 * <pre>{@code
 * TestNodeContext ctx = TestNodeContext.builder().seed(42).with(Membership.class, membership).build();
 * Partitioner p = factory.create(ComponentConfig.empty(), ctx);
 * ctx.scheduler().advance(Duration.ofSeconds(1));
 * }</pre>
 *
 * <p>Immutable and thread-safe (the services themselves are thread-safe).
 */
public final class TestNodeContext implements NodeContext {
    private final ManualClock clock;
    private final DeterministicScheduler scheduler;
    private final RandomSource random;
    private final Map<Class<?>, Object> services;

    private TestNodeContext(Builder b) {
        this.clock = b.clock;
        this.scheduler = b.scheduler;
        this.random = b.random;
        Map<Class<?>, Object> all = new LinkedHashMap<>(b.services);
        all.putIfAbsent(Clock.class, clock);
        all.putIfAbsent(Scheduler.class, scheduler);
        all.putIfAbsent(RandomSource.class, random);
        this.services = Map.copyOf(all);
    }

    /** A context with the default deterministic services. */
    public static TestNodeContext create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public <S> Optional<S> find(Class<S> type) {
        requireNonNull(type, "type is null");
        return Optional.ofNullable(type.cast(services.get(type)));
    }

    @Override
    public ManualClock clock() {
        return clock;
    }

    @Override
    public DeterministicScheduler scheduler() {
        return scheduler;
    }

    @Override
    public RandomSource random() {
        return random;
    }

    /** Builds a {@link TestNodeContext}. Not thread-safe. */
    public static final class Builder {
        private ManualClock clock;
        private DeterministicScheduler scheduler;
        private RandomSource random;
        private long seed;
        private final Map<Class<?>, Object> services = new LinkedHashMap<>();

        private Builder() {
        }

        /** The seed of the default {@link SeededRandomSource}. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Uses this clock (and, unless a scheduler is given, a new scheduler driving it). */
        public Builder clock(ManualClock clock) {
            this.clock = requireNonNull(clock, "clock is null");
            return this;
        }

        /** Uses this scheduler and its clock. */
        public Builder scheduler(DeterministicScheduler scheduler) {
            this.scheduler = requireNonNull(scheduler, "scheduler is null");
            return this;
        }

        /** Uses this random source instead of a seeded one. */
        public Builder random(RandomSource random) {
            this.random = requireNonNull(random, "random is null");
            return this;
        }

        /** Adds (or replaces) a node service. */
        public <S> Builder with(Class<S> type, S service) {
            requireNonNull(type, "type is null");
            services.put(type, type.cast(requireNonNull(service, "service is null")));
            return this;
        }

        public TestNodeContext build() {
            if (scheduler != null && clock != null && scheduler.clock() != clock) {
                throw new IllegalStateException("the scheduler drives another clock than the one given");
            }
            if (scheduler == null) {
                scheduler = new DeterministicScheduler(clock != null ? clock : new ManualClock());
            }
            clock = scheduler.clock();
            if (random == null) {
                random = new SeededRandomSource(seed);
            }
            return new TestNodeContext(this);
        }
    }
}
