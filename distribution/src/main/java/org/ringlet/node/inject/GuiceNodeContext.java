package org.ringlet.node.inject;

import java.util.Optional;

import com.google.inject.Binding;
import com.google.inject.Injector;
import com.google.inject.Key;
import jakarta.inject.Inject;
import org.ringlet.api.NodeContext;
import org.ringlet.api.runtime.Clock;
import org.ringlet.api.runtime.RandomSource;
import org.ringlet.api.runtime.Scheduler;

import static java.util.Objects.requireNonNull;

/**
 * The {@link NodeContext} components are created with: the services bound in this node's injector, then those
 * published while the node starts ({@link NodeServices}). A type the node has neither bound nor published is
 * missing, so a component asking for it fails with a message naming it. The runtime services are constructor
 * dependencies, so they exist (and start) before any component.
 *
 * <p>Thread-safe.
 */
final class GuiceNodeContext implements NodeContext {
    private final Injector injector;
    private final Clock clock;
    private final Scheduler scheduler;
    private final RandomSource random;
    private final NodeServices published;

    @Inject
    GuiceNodeContext(Injector injector, Clock clock, Scheduler scheduler, RandomSource random,
                     NodeServices published) {
        this.injector = requireNonNull(injector, "injector is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        this.random = requireNonNull(random, "random is null");
        this.published = requireNonNull(published, "published is null");
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public RandomSource random() {
        return random;
    }

    @Override
    public <S> Optional<S> find(Class<S> type) {
        requireNonNull(type, "type is null");
        Binding<S> binding = injector.getExistingBinding(Key.get(type));
        return binding == null ? published.find(type) : Optional.of(binding.getProvider().get());
    }
}
