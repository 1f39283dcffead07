package org.ringlet.node.inject;

import com.google.inject.AbstractModule;
import org.ringlet.api.runtime.Clock;
import org.ringlet.api.runtime.RandomSource;
import org.ringlet.api.runtime.Scheduler;

import static java.util.Objects.requireNonNull;

/**
 * A runtime given from outside, for simulations and tests that drive time themselves. The node does not own these
 * services: it neither starts nor stops them.
 */
public final class ProvidedRuntimeModule extends AbstractModule {
    private final Clock clock;
    private final Scheduler scheduler;
    private final RandomSource random;

    public ProvidedRuntimeModule(Clock clock, Scheduler scheduler, RandomSource random) {
        this.clock = requireNonNull(clock, "clock is null");
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        this.random = requireNonNull(random, "random is null");
    }

    @Override
    protected void configure() {
        bind(Clock.class).toInstance(clock);
        bind(Scheduler.class).toInstance(scheduler);
        bind(RandomSource.class).toInstance(random);
    }
}
