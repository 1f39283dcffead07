package org.ringlet.tools.management;

/**
 * The part of Cassandra's {@code org.apache.cassandra.db:type=Caches} MBean that {@code nodetool info} reads: how often
 * each cache is saved to {@code saved_caches_directory} (0: never).
 */
public interface CacheServiceMBean {
    int getKeyCacheSavePeriodInSeconds();

    int getRowCacheSavePeriodInSeconds();

    int getCounterCacheSavePeriodInSeconds();
}
