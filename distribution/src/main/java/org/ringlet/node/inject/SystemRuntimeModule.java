package org.ringlet.node.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import org.ringlet.api.runtime.Clock;
import org.ringlet.api.runtime.RandomSource;
import org.ringlet.api.runtime.Scheduler;
import org.ringlet.node.config.NodeConfig;
import org.ringlet.node.runtime.SecureRandomSource;
import org.ringlet.node.runtime.SystemClock;
import org.ringlet.node.runtime.ThreadPoolScheduler;

/**
 * The real runtime: the system clock, a thread-pool scheduler owned by the node (started first, stopped last; its
 * read stage has {@code concurrent_reads} threads) and {@link java.security.SecureRandom}.
 */
public final class SystemRuntimeModule extends AbstractModule {

    @Provides
    @Singleton
    Clock clock() {
        return new SystemClock();
    }

    @Provides
    @Singleton
    Scheduler scheduler(NodeConfig config) {
        int cpus = Runtime.getRuntime().availableProcessors();
        return new ThreadPoolScheduler(config.nodeName(), Math.max(2, cpus), Math.max(2, Math.min(8, 2 * cpus)),
                config.requests().concurrentReads());
    }

    @Provides
    @Singleton
    RandomSource random() {
        return new SecureRandomSource();
    }
}
