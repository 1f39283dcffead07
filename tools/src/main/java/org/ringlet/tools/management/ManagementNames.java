package org.ringlet.tools.management;

import java.util.List;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/** The object names of the management contract (Cassandra's). */
public final class ManagementNames {
    public static final String STORAGE_SERVICE = "org.apache.cassandra.db:type=StorageService";
    public static final String ENDPOINT_SNITCH_INFO = "org.apache.cassandra.db:type=EndpointSnitchInfo";
    public static final String DYNAMIC_ENDPOINT_SNITCH = "org.apache.cassandra.db:type=DynamicEndpointSnitch";
    public static final String STORAGE_PROXY = "org.apache.cassandra.db:type=StorageProxy";
    public static final String COMPACTION_MANAGER = "org.apache.cassandra.db:type=CompactionManager";
    public static final String GOSSIPER = "org.apache.cassandra.net:type=Gossiper";
    public static final String FAILURE_DETECTOR = "org.apache.cassandra.net:type=FailureDetector";
    /** The cache service (save periods of the key, row and counter caches). */
    public static final String CACHES = "org.apache.cassandra.db:type=Caches";
    /** The default JMX port, as Cassandra's. */
    public static final int DEFAULT_PORT = 7199;

    /** The client request scopes of {@link #clientRequestLatency}. */
    public static final List<String> CLIENT_REQUEST_SCOPES = List.of("Read", "Write", "RangeSlice", "CASRead",
            "CASWrite", "ViewWrite");

    private ManagementNames() {
    }

    /** A name, which must be valid. */
    public static ObjectName name(String name) {
        try {
            return new ObjectName(name);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("bad object name " + name, e);
        }
    }

    /** The coordinator latency timer of a request type ({@code Read}, {@code Write}, {@code RangeSlice}, …). */
    public static ObjectName clientRequestLatency(String scope) {
        return name("org.apache.cassandra.metrics:type=ClientRequest,scope=" + scope + ",name=Latency");
    }

    /** A per-table metric, e.g. {@code LiveSSTableCount}, {@code ReadLatency}. */
    public static ObjectName tableMetric(String keyspace, String table, String metric) {
        return name("org.apache.cassandra.metrics:type=Table,keyspace=" + keyspace + ",scope=" + table + ",name="
                + metric);
    }

    /** A compaction metric, e.g. {@code PendingTasks}, {@code BytesCompacted}. */
    public static ObjectName compactionMetric(String metric) {
        return name("org.apache.cassandra.metrics:type=Compaction,name=" + metric);
    }

    /** A metric of every table together, e.g. {@code PercentRepaired}. */
    public static ObjectName globalTableMetric(String metric) {
        return name("org.apache.cassandra.metrics:type=Table,name=" + metric);
    }

    /** A cache metric: scope {@code KeyCache}, {@code RowCache}, …; name {@code Entries}, {@code Hits}, … */
    public static ObjectName cacheMetric(String cache, String metric) {
        return name("org.apache.cassandra.metrics:type=Cache,scope=" + cache + ",name=" + metric);
    }

    /** A buffer pool metric: scope {@code networking} or {@code chunk-cache}; name {@code Size}, … */
    public static ObjectName bufferPoolMetric(String pool, String metric) {
        return name("org.apache.cassandra.metrics:type=BufferPool,scope=" + pool + ",name=" + metric);
    }

    /** A storage metric, e.g. {@code Exceptions}, {@code Load}. */
    public static ObjectName storageMetric(String metric) {
        return name("org.apache.cassandra.metrics:type=Storage,name=" + metric);
    }
}
