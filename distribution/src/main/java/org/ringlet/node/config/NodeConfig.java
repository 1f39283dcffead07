package org.ringlet.node.config;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * A node's whole effective configuration, typed. Built by {@link ConfigLoader}; components receive the parts
 * they need as {@link org.ringlet.api.ComponentConfig}s made by {@link ComponentConfigs}.
 *
 * @param dataDirectory the root of every directory the configuration leaves unset ({@code --data})
 * @param cluster       cluster and ring
 * @param location      snitch and proximity
 * @param network       addresses and ports
 * @param storage       directories, commit log, memtables, compaction
 * @param requests      coordinator timeouts and hints
 * @param security      authentication and authorization
 * @param protocol      the native protocol server's limits
 * @param components    which implementation of each node-level component to assemble
 */
public record NodeConfig(Path dataDirectory, ClusterConfig cluster, LocationConfig location, NetworkConfig network,
                         StorageConfig storage, RequestConfig requests, SecurityConfig security,
                         NativeProtocolConfig protocol, ComponentsConfig components) {
    public NodeConfig {
        requireNonNull(dataDirectory, "dataDirectory is null");
        requireNonNull(cluster, "cluster is null");
        requireNonNull(location, "location is null");
        requireNonNull(network, "network is null");
        requireNonNull(storage, "storage is null");
        requireNonNull(requests, "requests is null");
        requireNonNull(security, "security is null");
        requireNonNull(protocol, "protocol is null");
        requireNonNull(components, "components is null");
    }

    /** The same configuration with other network settings (e.g. a free port chosen for port 0). */
    public NodeConfig withNetwork(NetworkConfig other) {
        return new NodeConfig(dataDirectory, cluster, location, other, storage, requests, security, protocol,
                components);
    }

    /** A short name for this node in logs and thread names: its broadcast address. */
    public String nodeName() {
        return network.broadcastAddress().getHostAddress();
    }
}
