package org.ringlet.tools.management;

import java.util.List;
import java.util.Map;

/** Compactions and other long storage operations, registered as {@value ManagementNames#COMPACTION_MANAGER}. */
public interface CompactionManagerMBean {

    /**
     * The operations running now, each with the keys {@code id}, {@code keyspace}, {@code columnfamily},
     * {@code taskType} (e.g. {@code Compaction}, {@code Flush}), {@code completed}, {@code total} and {@code unit}
     * ({@code bytes}), as Cassandra's.
     */
    List<Map<String, String>> getCompactions();

    /** The number of compaction threads. */
    int getCoreCompactorThreads();
}
