package org.ringlet.node.management;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

import org.ringlet.api.schema.KeyspaceMetadata;
import org.ringlet.api.schema.SchemaChangeListener;
import org.ringlet.api.schema.SchemaService;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.storage.StorageEngine;
import org.ringlet.api.storage.TableStats;
import org.ringlet.tools.management.JmxCounterMBean;
import org.ringlet.tools.management.JmxGaugeMBean;
import org.ringlet.tools.management.JmxTimerMBean;
import org.ringlet.tools.management.ManagementNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Each table's metrics MBeans (Cassandra's names: {@code LiveSSTableCount}, {@code LiveDiskSpaceUsed},
 * {@code ReadLatency}, …), read from the storage engine's statistics when nodetool asks. Follows the schema: tables
 * created or dropped get or lose their MBeans. Thread-safe.
 */
final class TableMetrics implements SchemaChangeListener {
    private static final Logger LOG = LoggerFactory.getLogger(TableMetrics.class);

    private final MBeanServer mbeans;
    private final SchemaService schema;
    private final StorageEngine storage;
    private final LatencyRecorders latencies;
    private final Set<ObjectName> registered = new HashSet<>();

    TableMetrics(MBeanServer mbeans, SchemaService schema, StorageEngine storage, LatencyRecorders latencies) {
        this.mbeans = requireNonNull(mbeans, "mbeans is null");
        this.schema = requireNonNull(schema, "schema is null");
        this.storage = requireNonNull(storage, "storage is null");
        this.latencies = requireNonNull(latencies, "latencies is null");
    }

    record Gauge(java.util.function.Supplier<Object> value) implements JmxGaugeMBean {
        @Override
        public Object getValue() {
            return value.get();
        }
    }

    record Counter(java.util.function.LongSupplier count) implements JmxCounterMBean {
        @Override
        public long getCount() {
            return count.getAsLong();
        }
    }

    /** A table's local latencies: the count from the engine, the distribution from the recorder. */
    record Timer(java.util.function.LongSupplier count, LatencyRecorders.Timer recorder) implements JmxTimerMBean {
        @Override public long getCount() { return count.getAsLong(); }
        @Override public double getMin() { return recorder.getMin(); }
        @Override public double getMax() { return recorder.getMax(); }
        @Override public double getMean() { return recorder.getMean(); }
        @Override public double get50thPercentile() { return recorder.get50thPercentile(); }
        @Override public double get75thPercentile() { return recorder.get75thPercentile(); }
        @Override public double get95thPercentile() { return recorder.get95thPercentile(); }
        @Override public double get98thPercentile() { return recorder.get98thPercentile(); }
        @Override public double get99thPercentile() { return recorder.get99thPercentile(); }
        @Override public double get999thPercentile() { return recorder.get999thPercentile(); }
        @Override public String getDurationUnit() { return "microseconds"; }
    }

    /** Registers the metrics of every table the schema has now, and follows its changes. */
    void start() {
        schema.addListener(this);
        sync();
    }

    /** Unregisters every table's metrics. */
    synchronized void stop() {
        schema.removeListener(this);
        for (ObjectName name : List.copyOf(registered)) {
            unregister(name);
        }
    }

    /** Makes the registered MBeans match the schema's tables. */
    synchronized void sync() {
        Set<ObjectName> wanted = new HashSet<>();
        for (KeyspaceMetadata ks : schema.current().keyspaces().values()) {
            if (ks.virtual()) {
                continue; // no storage, hence no table metrics, as Cassandra's virtual tables
            }
            for (TableMetadata t : ks.tables().values()) {
                register(t, wanted);
            }
        }
        for (ObjectName name : List.copyOf(registered)) {
            if (!wanted.contains(name)) {
                unregister(name);
            }
        }
    }

    private void register(TableMetadata t, Set<ObjectName> wanted) {
        Function<Function<TableStats, Long>, java.util.function.LongSupplier> stat =
                f -> () -> f.apply(storage.stats(t.id()));
        Map<String, Object> metrics = new java.util.LinkedHashMap<>();
        metrics.put("LiveSSTableCount", new Gauge(() -> storage.stats(t.id()).liveSSTableCount()));
        metrics.put("LiveDiskSpaceUsed", new Counter(stat.apply(TableStats::liveDiskSpaceUsed)));
        metrics.put("TotalDiskSpaceUsed", new Counter(stat.apply(TableStats::totalDiskSpaceUsed)));
        metrics.put("MemtableLiveDataSize", new Gauge(() -> storage.stats(t.id()).memtableDataSize()));
        metrics.put("MemtableColumnsCount", new Gauge(() -> storage.stats(t.id()).memtableCellCount()));
        metrics.put("MemtableSwitchCount", new Counter(stat.apply(TableStats::memtableSwitchCount)));
        metrics.put("EstimatedPartitionCount", new Gauge(() -> storage.stats(t.id()).estimatedPartitionCount()));
        metrics.put("PendingFlushes", new Counter(() -> storage.stats(t.id()).pendingFlushes()));
        metrics.put("MaxPartitionSize", new Gauge(() -> storage.stats(t.id()).compactedPartitionMaxBytes()));
        metrics.put("ReadLatency", new Timer(stat.apply(TableStats::readCount),
                latencies.timer(NodeRequestMetrics.tableTimer(t.keyspace(), t.name(), "read"))));
        metrics.put("WriteLatency", new Timer(stat.apply(TableStats::writeCount),
                latencies.timer(NodeRequestMetrics.tableTimer(t.keyspace(), t.name(), "write"))));
        for (Map.Entry<String, Object> m : metrics.entrySet()) {
            ObjectName name = ManagementNames.tableMetric(t.keyspace(), t.name(), m.getKey());
            wanted.add(name);
            if (registered.contains(name)) {
                continue;
            }
            Object bean = m.getValue();
            Class<?> iface = bean instanceof Gauge ? JmxGaugeMBean.class
                    : bean instanceof Counter ? JmxCounterMBean.class : JmxTimerMBean.class;
            try {
                mbeans.registerMBean(standard(bean, iface), name);
                registered.add(name);
            } catch (JMException e) {
                LOG.warn("Cannot register {}", name, e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> StandardMBean standard(Object bean, Class<T> iface) throws javax.management.NotCompliantMBeanException {
        return new StandardMBean((T) bean, iface);
    }

    private void unregister(ObjectName name) {
        try {
            mbeans.unregisterMBean(name);
        } catch (JMException e) {
            LOG.debug("{} was not registered", name, e);
        }
        registered.remove(name);
    }

    @Override
    public void onCreateTable(TableMetadata table) {
        sync();
    }

    @Override
    public void onDropTable(TableMetadata table) {
        sync();
    }

    @Override
    public void onCreateKeyspace(KeyspaceMetadata keyspace) {
        sync();
    }

    @Override
    public void onDropKeyspace(KeyspaceMetadata keyspace) {
        sync();
    }
}
