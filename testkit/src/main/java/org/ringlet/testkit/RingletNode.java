package org.ringlet.testkit;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.ringlet.api.ring.TopologyService;
import org.ringlet.node.Node;
import org.ringlet.node.lifecycle.LifecycleState;

import static java.util.Objects.requireNonNull;

/**
 * One node of a {@link RingletCluster}: a {@link Node} with its own loopback address and data directory that can be
 * stopped and started again (each start builds a new {@code Node} over the same data, as a process restart does).
 * Its CQL port is chosen once, when it is first built, and kept across restarts, so drivers can reconnect.
 *
 * <p>Thread-safe.
 */
public final class RingletNode {
    private final int index;
    private final InetAddress address;
    private final Path workingDirectory;
    private final Path dataDirectory;
    private final Map<String, String> settings;
    private Node node;

    RingletNode(int index, InetAddress address, Path workingDirectory, Path dataDirectory,
                Map<String, String> settings) {
        this.index = index;
        this.address = requireNonNull(address, "address is null");
        this.workingDirectory = requireNonNull(workingDirectory, "workingDirectory is null");
        this.dataDirectory = requireNonNull(dataDirectory, "dataDirectory is null");
        this.settings = new LinkedHashMap<>(settings);
    }

    /** Its number in the cluster, from 1. */
    public int index() {
        return index;
    }

    /** Its loopback address, {@code 127.0.0.<index>}: listen and rpc address. */
    public InetAddress address() {
        return address;
    }

    /** The root of its directories (data, commit log, hints, saved caches). */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * Builds (if it is not running) and starts the node.
     *
     * @throws IllegalStateException when it is already running
     */
    public synchronized void start() {
        if (node != null && node.state() != LifecycleState.STOPPED) {
            throw new IllegalStateException("node " + index + " is already " + node.state());
        }
        Node built = Node.builder().workingDirectory(workingDirectory).dataDirectory(dataDirectory)
                .confDirectory(workingDirectory.resolve("conf")).environment(Map.of()).setAll(settings).build();
        // keep the ports chosen for port 0, so that the node comes back where clients know it
        settings.put("native_transport_port", Integer.toString(built.config().network().nativeTransportPort()));
        settings.put("storage_port", Integer.toString(built.config().network().storagePort()));
        node = built;
        built.start();
    }

    /** Stops the node cleanly (its memtables are flushed); does nothing when it is not running. */
    public synchronized void stop() {
        if (node != null) {
            node.stop();
        }
    }

    /** Stops and starts the node again over the same data. */
    public void restart() {
        stop();
        start();
    }

    /** Whether it is started. */
    public synchronized boolean isRunning() {
        return node != null && node.state() == LifecycleState.STARTED;
    }

    /** The current {@link Node}, for anything the testkit does not wrap. */
    public synchronized Node node() {
        if (node == null) {
            throw new IllegalStateException("node " + index + " has not been started");
        }
        return node;
    }

    /** Where CQL clients connect (stable across restarts once the node has been started). */
    public synchronized InetSocketAddress nativeAddress() {
        return new InetSocketAddress(address, node().config().network().nativeTransportPort());
    }

    /** The port {@code nodetool -p} connects to while it runs. */
    public int jmxPort() {
        return node().jmxPort();
    }

    /** Its host id (kept across restarts). */
    public UUID hostId() {
        return node().service(TopologyService.class).orElseThrow(() ->
                new IllegalStateException("node " + index + " is not running")).localHostId();
    }

    /** A node service (see {@link Node#service}). */
    public <T> java.util.Optional<T> service(Class<T> type) {
        return node().service(type);
    }

    @Override
    public String toString() {
        return "RingletNode{" + index + ", " + address.getHostAddress() + ", " + dataDirectory + "}";
    }
}
