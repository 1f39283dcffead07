package org.ringlet.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;

import org.ringlet.node.config.LoadedConfig;
import org.ringlet.node.config.NetworkConfig;
import org.ringlet.node.config.NodeConfig;
import org.ringlet.node.net.FreePort;

/**
 * Port 0 ("any free port", for tests and several nodes per machine) for {@code native_transport_port} and
 * {@code storage_port}: a free port on the address is chosen before the node is assembled, because the node
 * announces its ports ({@code system.local}, the ring) before its servers bind them. Chosen once per node build;
 * the node's configuration then holds the real port.
 */
final class FreePorts {
    private FreePorts() {
    }

    static LoadedConfig resolve(LoadedConfig loaded) {
        NetworkConfig n = loaded.config().network();
        int storage = n.storagePort() != 0 ? n.storagePort() : freePort(n.listenAddress());
        int nativePort = n.nativeTransportPort() != 0 || !n.startNativeTransport() ? n.nativeTransportPort()
                : freePort(n.rpcAddress());
        if (storage == n.storagePort() && nativePort == n.nativeTransportPort()) {
            return loaded;
        }
        NodeConfig config = loaded.config().withNetwork(n.withPorts(storage, nativePort));
        return new LoadedConfig(config, loaded.values(), loaded.warnings(), loaded.file());
    }

    private static int freePort(InetAddress address) {
        try {
            return FreePort.pick(address);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on " + address.getHostAddress(), e);
        }
    }
}
