package org.ringlet.tools.management;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;

import javax.management.openmbean.TabularData;

/**
 * The node's ring, state and storage operations, registered as {@value ManagementNames#STORAGE_SERVICE}. Names and
 * signatures are Cassandra's. Endpoints are addresses ({@code 127.0.0.1}); the {@code WithPort} variants add the
 * storage port ({@code 127.0.0.1:7000}). Implementations are thread-safe; operations block until done.
 */
public interface StorageServiceMBean {

    /** Live nodes' addresses. */
    List<String> getLiveNodes();

    List<String> getLiveNodesWithPort();

    /** Nodes believed down. */
    List<String> getUnreachableNodes();

    List<String> getUnreachableNodesWithPort();

    List<String> getJoiningNodes();

    List<String> getJoiningNodesWithPort();

    List<String> getLeavingNodes();

    List<String> getLeavingNodesWithPort();

    List<String> getMovingNodes();

    List<String> getMovingNodesWithPort();

    /** Every ring token (as text) to its owner's address, sorted by token. */
    Map<String, String> getTokenToEndpointMap();

    Map<String, String> getTokenToEndpointWithPortMap();

    /** Host id to address. */
    Map<String, String> getHostIdToEndpoint();

    Map<String, String> getHostIdToEndpointWithPort();

    /** Address to host id. */
    Map<String, String> getEndpointToHostId();

    Map<String, String> getEndpointWithPortToHostId();

    /** Each node's load (bytes of live data on disk), formatted as {@code 103.67 KiB}. */
    Map<String, String> getLoadMap();

    Map<String, String> getLoadMapWithPort();

    /** This node's load, formatted. */
    String getLoadString();

    /** This node's load before compression, formatted. */
    String getUncompressedLoadString();

    /** This node's tokens. */
    List<String> getTokens();

    /** A node's tokens. */
    List<String> getTokens(String endpoint) throws java.net.UnknownHostException;

    /** The share of the ring each node owns as primary replica, 0..1. */
    Map<InetAddress, Float> getOwnership();

    Map<String, Float> getOwnershipWithPort();

    /**
     * The share of the data each node holds given a keyspace's replication, 0..1.
     *
     * @param keyspace null for the common replication of the non-system keyspaces
     * @throws IllegalStateException when keyspace is null and the non-system keyspaces replicate differently
     *                               (message: {@code Non-system keyspaces don't have the same replication settings,
     *                               effective ownership information is meaningless})
     * @throws IllegalArgumentException when the keyspace does not exist
     */
    Map<InetAddress, Float> effectiveOwnership(String keyspace) throws IllegalStateException;

    Map<String, Float> effectiveOwnershipWithPort(String keyspace) throws IllegalStateException;

    /** The token ranges of a keyspace with their replicas, each as Cassandra's {@code TokenRange(...)} text. */
    List<String> describeRingJMX(String keyspace) throws IOException;

    List<String> describeRingWithPortJMX(String keyspace) throws IOException;

    /** The replicas of a partition key (given as CQL text) of a table. */
    List<InetAddress> getNaturalEndpoints(String keyspace, String table, String key);

    List<String> getNaturalEndpointsWithPort(String keyspace, String table, String key);

    /** A keyspace's replication as nodetool shows it, e.g. {@code SimpleStrategy {replication_factor=1}}. */
    String getKeyspaceReplicationInfo(String keyspace);

    /** Every keyspace name. */
    List<String> getKeyspaces();

    /** The keyspaces other than the system ones. */
    List<String> getNonSystemKeyspaces();

    String getLocalHostId();

    String getClusterName();

    String getPartitionerName();

    /** The Cassandra version whose behaviour the node matches. */
    String getReleaseVersion();

    String getSchemaVersion();

    /** {@code STARTING}, {@code NORMAL}, {@code JOINING}, {@code LEAVING}, {@code DECOMMISSIONED}, {@code MOVING}, {@code DRAINING} or {@code DRAINED}. */
    String getOperationMode();

    /** {@code NEEDS_BOOTSTRAP}, {@code COMPLETED}, {@code IN_PROGRESS} or {@code DECOMMISSIONED}. */
    String getBootstrapState();

    boolean isBootstrapFailed();

    boolean isDecommissioning();

    boolean isDecommissionFailed();

    int getCurrentGenerationNumber();

    boolean isGossipRunning();

    boolean isNativeTransportRunning();

    boolean isJoined();

    boolean isDrained();

    boolean isDraining();

    /** The compaction throughput limit in MiB/s (0: unlimited); the name keeps Cassandra's spelling. */
    double getCompactionThroughtputMibPerSecAsDouble();

    /** Flushes the memtables of a keyspace's tables (all of them when none is named). */
    void forceKeyspaceFlush(String keyspace, String... tables) throws IOException;

    /** Compacts a keyspace's tables (all of them when none is named) into as few files as possible. */
    void forceKeyspaceCompaction(boolean splitOutput, String keyspace, String... tables) throws IOException;

    /**
     * Takes a snapshot.
     *
     * @param tag      the snapshot's name
     * @param options  {@code skipFlush=true} to skip the flush first
     * @param entities keyspaces or {@code keyspace.table}s; all keyspaces when empty
     */
    void takeSnapshot(String tag, Map<String, String> options, String... entities) throws IOException;

    /** Deletes the snapshots with a tag (all when the tag is null or empty) of the keyspaces (all when none). */
    void clearSnapshot(String tag, String... keyspaces) throws IOException;

    /**
     * The snapshots: tag to a table of rows with the items {@code Snapshot name}, {@code Keyspace name},
     * {@code Column family name}, {@code True size}, {@code Size on disk}, {@code Creation time} and
     * {@code Expiration time}.
     */
    Map<String, TabularData> getSnapshotDetails(Map<String, String> options);

    /** Bytes taken by snapshots only. */
    long trueSnapshotsSize();

    /** Flushes everything and stops accepting writes and client connections. */
    void drain() throws IOException, InterruptedException, java.util.concurrent.ExecutionException;

    /** Stops the node's process. */
    void stopDaemon();
}
