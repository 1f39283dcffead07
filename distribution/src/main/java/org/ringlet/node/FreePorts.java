package org.ringlet.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

import org.ringlet.node.config.LoadedConfig;
import org.ringlet.node.config.NetworkConfig;
import org.ringlet.node.config.NodeConfig;

/**
 * Port 0 ("any free port", for tests and several nodes per machine) for {@code native_transport_port} and
 * {@code storage_port}: a free port on the address is chosen before the node is assembled, because the node
 * announces its ports ({@code system.local}, the ring) before its servers bind them. Chosen once per node build;
 * the node's configuration then holds the real port.
 */
public final class FreePorts {
    /**
     * Candidates lie below Linux's default ephemeral range (32768-60999): a port the kernel hands out for port 0
     * is also one it hands out to outgoing connections, so between the probe and the bind a client socket on the
     * same machine could take it. Ports in this range are only ever taken by listeners, which the probe sees.
     */
    private static final int FIRST = 20000;
    private static final int LAST = 32000;

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
            return pick(address);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on " + address.getHostAddress(), e);
        }
    }

    /**
     * A port nothing listens on at the address now, chosen at random below the ephemeral range (then, if all
     * candidates tried are taken, one the kernel picks).
     *
     * @throws IOException if no port can be bound at all
     */
    public static int pick(InetAddress address) throws IOException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = random.nextInt(FIRST, LAST);
            if (bindable(address, candidate)) {
                return candidate;
            }
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(false);
            probe.bind(new InetSocketAddress(address, 0), 1);
            return probe.getLocalPort();
        }
    }

    private static boolean bindable(InetAddress address, int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(false);
            probe.bind(new InetSocketAddress(address, port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
