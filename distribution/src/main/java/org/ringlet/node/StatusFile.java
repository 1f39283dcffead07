package org.ringlet.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ringlet.node.config.NodeConfig;

/**
 * The file a started node writes so that the launcher knows it is up and where: {@code key=value} lines
 * ({@code state}, {@code pid}, addresses and ports, {@code native_transport} — where CQL clients connect, or
 * {@code off} — and the data directory). Written atomically once every service has
 * started, and deleted when the node stops.
 */
final class StatusFile {
    static final String DEFAULT_NAME = "ringlet.status";

    private StatusFile() {
    }

    static void write(Path file, NodeConfig config, long pid, java.util.Optional<java.net.InetSocketAddress> clients,
                      int jmxPort) throws IOException {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("state", "started");
        lines.put("pid", Long.toString(pid));
        lines.put("node", config.nodeName());
        lines.put("cluster_name", config.cluster().clusterName());
        lines.put("listen_address", config.network().listenAddress().getHostAddress());
        lines.put("storage_port", Integer.toString(config.network().storagePort()));
        lines.put("rpc_address", config.network().rpcAddress().getHostAddress());
        lines.put("native_transport_port", Integer.toString(config.network().nativeTransportPort()));
        lines.put("native_transport", clients.map(a -> a.getAddress().getHostAddress() + ":" + a.getPort())
                .orElse("off"));
        lines.put("jmx_port", Integer.toString(jmxPort));
        lines.put("data", config.dataDirectory().toString());
        StringBuilder text = new StringBuilder();
        lines.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, ".ringlet-status", ".tmp");
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
