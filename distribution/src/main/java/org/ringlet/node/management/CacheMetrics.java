package org.ringlet.node.management;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

import org.ringlet.api.runtime.Clock;
import org.ringlet.api.storage.CacheStats;
import org.ringlet.api.storage.StorageEngine;
import org.ringlet.tools.management.CacheServiceMBean;
import org.ringlet.tools.management.JmxGaugeMBean;
import org.ringlet.tools.management.JmxMeterMBean;
import org.ringlet.tools.management.JmxTimerMBean;
import org.ringlet.tools.management.ManagementNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The storage engine's caches as Cassandra publishes them ({@code org.apache.cassandra.metrics:type=Cache,scope=
 * KeyCache|ChunkCache,name=Hits|Misses|Requests|HitRate|Size|Capacity|Entries}, and the chunk cache's
 * {@code MissLatency}), plus the {@code org.apache.cassandra.db:type=Caches} MBean, so that {@code nodetool info}
 * prints the cache lines. Values are read from {@link StorageEngine#cacheStats()} when asked for. The meters' rates
 * are averages since the node started (Ringlet keeps no decaying rates); the miss latency has a mean only.
 */
final class CacheMetrics {
    private static final Logger LOG = LoggerFactory.getLogger(CacheMetrics.class);

    private final MBeanServer mbeans;
    private final StorageEngine storage;
    private final Clock clock;
    private final long startNanos;
    private final List<ObjectName> registered = new ArrayList<>();

    CacheMetrics(MBeanServer mbeans, StorageEngine storage, Clock clock) {
        this.mbeans = requireNonNull(mbeans, "mbeans is null");
        this.storage = requireNonNull(storage, "storage is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.startNanos = clock.nanoTime();
    }

    /** Registers the beans of every cache the engine has; nothing when it has none. */
    void start() {
        List<CacheStats> caches = storage.cacheStats();
        if (caches.isEmpty()) {
            return;
        }
        register(ManagementNames.CACHES, new CacheService(), CacheServiceMBean.class);
        for (CacheStats c : caches) {
            String scope = c.name();
            gauge(scope, "Capacity", () -> stats(scope).capacityBytes());
            gauge(scope, "Size", () -> stats(scope).sizeBytes());
            gauge(scope, "Entries", () -> stats(scope).entries());
            register(ManagementNames.cacheMetric(scope, "HitRate").toString(),
                    (JmxGaugeMBean) () -> stats(scope).hitRate(), JmxGaugeMBean.class);
            meter(scope, "Requests", CacheStats::requests);
            meter(scope, "Hits", CacheStats::hits);
            meter(scope, "Misses", CacheStats::misses);
            if ("ChunkCache".equals(scope)) {
                register(ManagementNames.cacheMetric(scope, "MissLatency").toString(), new MissLatency(scope),
                        JmxTimerMBean.class);
                register(ManagementNames.cacheMetric(scope, "MissLatencyUnit").toString(),
                        (JmxGaugeMBean) () -> "microseconds", JmxGaugeMBean.class);
            }
        }
    }

    /** Unregisters everything {@link #start()} registered. */
    void stop() {
        for (ObjectName name : registered) {
            try {
                mbeans.unregisterMBean(name);
            } catch (JMException e) {
                LOG.debug("{} was not registered", name, e);
            }
        }
        registered.clear();
    }

    private CacheStats stats(String scope) {
        for (CacheStats c : storage.cacheStats()) {
            if (c.name().equals(scope)) {
                return c;
            }
        }
        return new CacheStats(scope, 0, 0, 0, 0, 0, 0);
    }

    private void gauge(String scope, String name, LongSupplier value) {
        register(ManagementNames.cacheMetric(scope, name).toString(), (JmxGaugeMBean) value::getAsLong,
                JmxGaugeMBean.class);
    }

    private void meter(String scope, String name, ToLongFunction<CacheStats> count) {
        register(ManagementNames.cacheMetric(scope, name).toString(), new Meter(() -> count.applyAsLong(stats(scope))),
                JmxMeterMBean.class);
    }

    private <T> void register(String name, T bean, Class<T> iface) {
        try {
            ObjectName on = new ObjectName(name);
            mbeans.registerMBean(new StandardMBean(bean, iface), on);
            registered.add(on);
        } catch (JMException e) {
            LOG.warn("Cannot register {}", name, e);
        }
    }

    private double perSecond(long count) {
        double seconds = Math.max(1e-9, (clock.nanoTime() - startNanos) / 1e9);
        return count / seconds;
    }

    /** A count with its average rate since start. */
    private final class Meter implements JmxMeterMBean {
        private final LongSupplier count;

        Meter(LongSupplier count) {
            this.count = count;
        }

        @Override
        public long getCount() {
            return count.getAsLong();
        }

        @Override
        public double getMeanRate() {
            return perSecond(getCount());
        }

        @Override
        public double getOneMinuteRate() {
            return getMeanRate();
        }

        @Override
        public double getFiveMinuteRate() {
            return getMeanRate();
        }

        @Override
        public double getFifteenMinuteRate() {
            return getMeanRate();
        }
    }

    /** The chunk cache's miss latency: the count of misses and their mean in microseconds; no distribution. */
    private final class MissLatency implements JmxTimerMBean {
        private final String scope;

        MissLatency(String scope) {
            this.scope = scope;
        }

        @Override
        public long getCount() {
            return stats(scope).misses();
        }

        @Override
        public double getMean() {
            CacheStats s = stats(scope);
            return s.misses() == 0 ? Double.NaN : s.missNanos() / 1000.0 / s.misses();
        }

        @Override
        public double getMin() {
            return Double.NaN;
        }

        @Override
        public double getMax() {
            return Double.NaN;
        }

        @Override
        public double get50thPercentile() {
            return Double.NaN;
        }

        @Override
        public double get75thPercentile() {
            return Double.NaN;
        }

        @Override
        public double get95thPercentile() {
            return Double.NaN;
        }

        @Override
        public double get98thPercentile() {
            return Double.NaN;
        }

        @Override
        public double get99thPercentile() {
            return Double.NaN;
        }

        @Override
        public double get999thPercentile() {
            return Double.NaN;
        }

        @Override
        public String getDurationUnit() {
            return "microseconds";
        }
    }

    /** No cache is saved to disk: every save period is 0. */
    private static final class CacheService implements CacheServiceMBean {
        @Override
        public int getKeyCacheSavePeriodInSeconds() {
            return 0;
        }

        @Override
        public int getRowCacheSavePeriodInSeconds() {
            return 0;
        }

        @Override
        public int getCounterCacheSavePeriodInSeconds() {
            return 0;
        }
    }
}
