package org.ringlet.cluster.topology;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.locator.Endpoint;

import static java.util.Objects.requireNonNull;

/**
 * What the local topology needs from the node's configuration.
 *
 * @param listen        the internode address and port ({@code listen_address}, {@code storage_port})
 * @param nativeAddress the client address and port ({@code rpc_address}, {@code native_transport_port})
 * @param numTokens     how many tokens to take on the first start ({@code num_tokens}, default 16)
 * @param initialTokens the tokens to take on the first start instead of random ones ({@code initial_token}), or
 *                      empty
 */
public record LocalTopologyConfig(Endpoint listen, Endpoint nativeAddress, int numTokens,
                                  List<String> initialTokens) {
    /** Cassandra 5.0's default {@code num_tokens}. */
    public static final int DEFAULT_NUM_TOKENS = 16;

    public LocalTopologyConfig {
        requireNonNull(listen, "listen is null");
        requireNonNull(nativeAddress, "nativeAddress is null");
        if (numTokens < 1) {
            throw new ConfigurationException("num_tokens must be at least 1, got " + numTokens);
        }
        initialTokens = List.copyOf(initialTokens);
    }

    /**
     * The configuration from options named as in {@code cassandra.yaml}: {@code broadcast_address}, else
     * {@code listen_address} (127.0.0.1), {@code storage_port} (7000), {@code broadcast_rpc_address}, else
     * {@code rpc_address} (the listen address), {@code native_transport_port} (9042),
     * {@code num_tokens} (16) and {@code initial_token} (comma-separated).
     *
     * @throws ConfigurationException naming the option for a bad value
     */
    public static LocalTopologyConfig from(ComponentConfig config) {
        InetAddress listen = address(config, "broadcast_address",
                address(config, "listen_address", "127.0.0.1").getHostAddress());
        InetAddress rpc = address(config, "broadcast_rpc_address",
                address(config, "rpc_address", listen.getHostAddress()).getHostAddress());
        int storagePort = config.getInt("storage_port", 7000);
        int nativePort = config.getInt("native_transport_port", 9042);
        List<String> initial = new ArrayList<>();
        config.get("initial_token").ifPresent(s -> {
            for (String t : s.split(",")) {
                if (!t.isBlank()) {
                    initial.add(t.trim());
                }
            }
        });
        int numTokens = config.getInt("num_tokens", initial.isEmpty() ? DEFAULT_NUM_TOKENS : initial.size());
        return new LocalTopologyConfig(endpoint(listen, storagePort, "storage_port"),
                endpoint(rpc, nativePort, "native_transport_port"), numTokens, initial);
    }

    private static Endpoint endpoint(InetAddress address, int port, String option) {
        if (port < 0 || port > 65535) {
            throw new ConfigurationException("Option '" + option + "' must be a port (0-65535), got " + port);
        }
        return new Endpoint(address, port);
    }

    private static InetAddress address(ComponentConfig config, String option, String defaultValue) {
        String value = config.get(option, defaultValue).trim();
        if (!value.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            throw new ConfigurationException("Option '" + option + "' must be an IP address, got '" + value + "'");
        }
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            throw new ConfigurationException("Option '" + option + "' must be an IP address, got '" + value + "'");
        }
    }
}
