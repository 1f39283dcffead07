package org.ringlet.node.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A port nothing listens on, for settings given as port 0 ({@code native_transport_port}, {@code storage_port},
 * {@code jmx_port}) and for tests that start several nodes on one machine.
 *
 * <p>Candidates lie below Linux's default ephemeral range (32768-60999): a port the kernel hands out for port 0 is
 * also one it hands out to outgoing connections, so between the probe and the bind a client socket on the same
 * machine could take it. Ports in the range used here are only ever taken by listeners, which the probe sees.
 */
public final class FreePort {
    private static final int FIRST = 20000;
    private static final int LAST = 32000;
    private static final int ATTEMPTS = 200;

    private FreePort() {
    }

    /**
     * A port nothing listens on at the address now, chosen at random below the ephemeral range (or, if every
     * candidate tried is taken, one the kernel picks).
     *
     * @throws IOException if no port can be bound at all
     */
    public static int pick(InetAddress address) throws IOException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
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
