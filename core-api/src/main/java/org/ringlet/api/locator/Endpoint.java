package org.ringlet.api.locator;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import static java.util.Objects.requireNonNull;

/**
 * An IP address and port.
 *
 * @param address the address
 * @param port    the port, 0–65535
 */
public record Endpoint(InetAddress address, int port) {
    public Endpoint {
        requireNonNull(address, "address is null");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public InetSocketAddress toSocketAddress() {
        return new InetSocketAddress(address, port);
    }

    @Override
    public String toString() {
        return address.getHostAddress() + ":" + port;
    }
}
