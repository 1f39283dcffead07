package org.ringlet.cql.system;

import java.net.InetAddress;

import static java.util.Objects.requireNonNull;

/**
 * What {@code system.local} says about this node besides its host id and tokens.
 *
 * @param clusterName           {@code cluster_name}
 * @param releaseVersion        {@code release_version}: the Cassandra version whose behaviour Ringlet matches
 * @param cqlVersion            {@code cql_version}
 * @param nativeProtocolVersion {@code native_protocol_version}: the highest protocol version served
 * @param partitioner           {@code partitioner}: its Cassandra class name
 * @param dataCenter            {@code data_center}
 * @param rack                  {@code rack}
 * @param broadcastAddress      {@code broadcast_address}, and {@code broadcast_port}
 * @param listenAddress         {@code listen_address}, and {@code listen_port}
 * @param rpcAddress            {@code rpc_address}, and {@code rpc_port} (the native protocol's)
 * @param gossipGeneration      {@code gossip_generation}: seconds since the epoch when the node started
 * @param ringletVersion        {@code ringlet_version}: Ringlet's own version
 */
public record LocalInfo(String clusterName, String releaseVersion, String cqlVersion, String nativeProtocolVersion,
                        String partitioner, String dataCenter, String rack, InetAddress broadcastAddress,
                        int broadcastPort, InetAddress listenAddress, int listenPort, InetAddress rpcAddress,
                        int rpcPort, int gossipGeneration, String ringletVersion) {
    /** The Cassandra release whose behaviour Ringlet matches. */
    public static final String RELEASE_VERSION = "5.0.6";
    /** The CQL version Cassandra 5.0.6 reports. */
    public static final String CQL_VERSION = "3.4.7";

    public LocalInfo {
        requireNonNull(clusterName, "clusterName is null");
        requireNonNull(releaseVersion, "releaseVersion is null");
        requireNonNull(cqlVersion, "cqlVersion is null");
        requireNonNull(nativeProtocolVersion, "nativeProtocolVersion is null");
        requireNonNull(partitioner, "partitioner is null");
        requireNonNull(dataCenter, "dataCenter is null");
        requireNonNull(rack, "rack is null");
        requireNonNull(broadcastAddress, "broadcastAddress is null");
        requireNonNull(listenAddress, "listenAddress is null");
        requireNonNull(rpcAddress, "rpcAddress is null");
        requireNonNull(ringletVersion, "ringletVersion is null");
    }
}
