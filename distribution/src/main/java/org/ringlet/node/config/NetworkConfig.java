package org.ringlet.node.config;

import java.net.InetAddress;

import static java.util.Objects.requireNonNull;

/**
 * Addresses and ports.
 *
 * @param listenAddress            {@code listen_address}: where internode messaging binds
 * @param broadcastAddress         {@code broadcast_address}: what other nodes connect to (defaults to listen)
 * @param rpcAddress               {@code rpc_address}: where the native protocol binds (may be a wildcard)
 * @param broadcastRpcAddress      {@code broadcast_rpc_address}: what clients are told (defaults to rpc)
 * @param storagePort              {@code storage_port}
 * @param nativeTransportPort      {@code native_transport_port}; 0 picks a free port
 * @param startNativeTransport     {@code start_native_transport}
 * @param maxFrameSize             {@code native_transport_max_frame_size}
 * @param maxConcurrentConnections {@code native_transport_max_concurrent_connections}; -1 is unlimited
 * @param jmxPort                  {@code jmx_port}: where nodetool connects (JMX over RMI); 0 picks a free port
 */
public record NetworkConfig(InetAddress listenAddress, InetAddress broadcastAddress, InetAddress rpcAddress,
                            InetAddress broadcastRpcAddress, int storagePort, int nativeTransportPort,
                            boolean startNativeTransport, DataSize maxFrameSize, long maxConcurrentConnections,
                            int jmxPort) {
    public NetworkConfig {
        requireNonNull(listenAddress, "listenAddress is null");
        requireNonNull(broadcastAddress, "broadcastAddress is null");
        requireNonNull(rpcAddress, "rpcAddress is null");
        requireNonNull(broadcastRpcAddress, "broadcastRpcAddress is null");
        requireNonNull(maxFrameSize, "maxFrameSize is null");
    }

    /** The same settings with other storage and native transport ports. */
    public NetworkConfig withPorts(int storage, int nativeTransport) {
        return new NetworkConfig(listenAddress, broadcastAddress, rpcAddress, broadcastRpcAddress, storage,
                nativeTransport, startNativeTransport, maxFrameSize, maxConcurrentConnections, jmxPort);
    }
}
