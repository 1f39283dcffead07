package org.ringlet.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ringlet.api.locator.LocationProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * In-process Ringlet nodes for tests: node {@code i} (from 1) listens on {@code 127.0.0.i} (all of 127.0.0.0/8 is
 * loopback on Linux) with its own free ports (no two nodes share a port number), and keeps its data under its own directory of a temporary
 * directory that {@link #close()} deletes. Everything is in one JVM and one class loader; each node has its own
 * scheduler, storage, JMX endpoint and CQL server.
 *
 * <pre>{@code
 * try (RingletCluster cluster = RingletCluster.builder().nodes(3).build().start()) {
 *     CqlSession session = CqlSession.builder().addContactPoints(cluster.contactPoints())
 *             .withLocalDatacenter(cluster.localDatacenter()).build();
 * }
 * }</pre>
 *
 * <p>The nodes share a cluster name and seeds, but until gossip exists each is a ring of its own: data written
 * through one node is not on the others.
 *
 * <p>Thread-safe.
 */
public final class RingletCluster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RingletCluster.class);

    /** What test nodes are started with unless overridden: free ports, small commit log segments. */
    public static final Map<String, String> TEST_DEFAULTS = Map.of("native_transport_port", "0",
            "storage_port", "0", "jmx_port", "0", "commitlog_segment_size", "4MiB",
            "native_transport_io_threads", "2");

    private final Path root;
    private final boolean deleteOnClose;
    private final List<RingletNode> nodes;

    private RingletCluster(Path root, boolean deleteOnClose, List<RingletNode> nodes) {
        this.root = root;
        this.deleteOnClose = deleteOnClose;
        this.nodes = List.copyOf(nodes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts every node, in order; if one fails, the others are stopped and the failure is thrown. */
    public RingletCluster start() {
        List<RingletNode> started = new ArrayList<>();
        try {
            for (RingletNode n : nodes) {
                n.start();
                started.add(n);
            }
        } catch (RuntimeException e) {
            for (RingletNode n : started) {
                try {
                    n.stop();
                } catch (RuntimeException stopFailure) {
                    e.addSuppressed(stopFailure);
                }
            }
            throw e;
        }
        return this;
    }

    /** Stops every node (in reverse order). */
    public void stop() {
        RuntimeException failure = null;
        for (int i = nodes.size() - 1; i >= 0; i--) {
            try {
                nodes.get(i).stop();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Stops every node and deletes the temporary directory (when the testkit created it). */
    @Override
    public void close() {
        try {
            stop();
        } finally {
            if (deleteOnClose) {
                deleteRecursively(root);
            }
        }
    }

    /** The nodes, node 1 first. */
    public List<RingletNode> nodes() {
        return nodes;
    }

    /** Node {@code index}, from 1. */
    public RingletNode node(int index) {
        if (index < 1 || index > nodes.size()) {
            throw new IllegalArgumentException("no node " + index + "; the cluster has nodes 1 to " + nodes.size());
        }
        return nodes.get(index - 1);
    }

    /** Where drivers connect: every node's CQL address. */
    public List<InetSocketAddress> contactPoints() {
        List<InetSocketAddress> out = new ArrayList<>();
        nodes.forEach(n -> out.add(n.nativeAddress()));
        return out;
    }

    /** The datacenter of node 1, as drivers need it for their local-datacenter setting. */
    public String localDatacenter() {
        return node(1).node().instance(LocationProvider.class).local().datacenter();
    }

    /** The directory holding every node's directories. */
    public Path directory() {
        return root;
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("Could not delete {}", dir, e);
        }
    }

    /** Builds a {@link RingletCluster}. Not thread-safe. */
    public static final class Builder {
        private int nodeCount = 1;
        private Path directory;
        private final Map<String, String> settings = new LinkedHashMap<>(TEST_DEFAULTS);
        private final Map<Integer, Map<String, String>> nodeSettings = new HashMap<>();

        private Builder() {
        }

        /** How many nodes (1 to 254; default 1). */
        public Builder nodes(int count) {
            if (count < 1 || count > 254) {
                throw new IllegalArgumentException("a cluster has 1 to 254 nodes, not " + count);
            }
            this.nodeCount = count;
            return this;
        }

        /**
         * Where the nodes keep their data ({@code <directory>/node<i>}); kept after {@link #close()}. By default a
         * new temporary directory that is deleted on close.
         */
        public Builder directory(Path dir) {
            this.directory = requireNonNull(dir, "dir is null");
            return this;
        }

        /** A setting of every node, as a cassandra.yaml key and value, e.g. {@code set("num_tokens", "4")}. */
        public Builder set(String key, String value) {
            settings.put(requireNonNull(key, "key is null"), requireNonNull(value, "value is null"));
            return this;
        }

        /** A setting of node {@code index} only (from 1), e.g. its rack. */
        public Builder set(int index, String key, String value) {
            nodeSettings.computeIfAbsent(index, i -> new LinkedHashMap<>())
                    .put(requireNonNull(key, "key is null"), requireNonNull(value, "value is null"));
            return this;
        }

        /** Creates the nodes' directories and settings; nothing starts until {@link RingletCluster#start()}. */
        public RingletCluster build() {
            boolean temporary = directory == null;
            Path root;
            try {
                root = temporary ? Files.createTempDirectory("ringlet-testkit-") : Files.createDirectories(directory);
                Files.createDirectories(root.resolve("conf"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the cluster's directory", e);
            }
            List<RingletNode> nodes = new ArrayList<>();
            java.util.Set<Integer> taken = new java.util.HashSet<>();
            for (int i = 1; i <= nodeCount; i++) {
                InetAddress address = loopback(i);
                Map<String, String> s = new LinkedHashMap<>();
                s.put("listen_address", address.getHostAddress());
                s.put("rpc_address", address.getHostAddress());
                s.put("seed_provider", "127.0.0.1");
                s.putAll(settings);
                s.putAll(nodeSettings.getOrDefault(i, Map.of()));
                // port 0: a free port, and one no other node of this cluster has (easier to tell apart in logs)
                for (String port : List.of("native_transport_port", "storage_port")) {
                    if ("0".equals(s.get(port))) {
                        s.put(port, Integer.toString(freePort(address, taken)));
                    }
                }
                nodes.add(new RingletNode(i, address, root, root.resolve("node" + i), s));
            }
            return new RingletCluster(root, temporary, nodes);
        }

        private static int freePort(InetAddress address, java.util.Set<Integer> taken) {
            for (int attempt = 0; attempt < 100; attempt++) {
                try {
                    int port = org.ringlet.node.net.FreePort.pick(address);
                    if (taken.add(port)) {
                        return port;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot find a free port on " + address.getHostAddress(), e);
                }
            }
            throw new IllegalStateException("no free port on " + address.getHostAddress());
        }

        private static InetAddress loopback(int i) {
            try {
                return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) i});
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
