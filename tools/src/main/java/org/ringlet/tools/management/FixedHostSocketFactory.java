package org.ringlet.tools.management;

import java.io.IOException;
import java.io.Serializable;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.rmi.server.RMIClientSocketFactory;

import static java.util.Objects.requireNonNull;

/**
 * RMI client sockets to one fixed host, whatever host a remote stub names. A node whose JMX address is not the
 * host the JVM writes into RMI stubs (for example one of several nodes in a JVM, each on its own loopback address)
 * exports its JMX objects with this factory, so that clients with the tools on their class path (nodetool) reach
 * the right address. Immutable and serializable.
 */
public final class FixedHostSocketFactory implements RMIClientSocketFactory, Serializable {
    private static final long serialVersionUID = 1L;
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private final String host;

    public FixedHostSocketFactory(String host) {
        this.host = requireNonNull(host, "host is null");
    }

    public String host() {
        return host;
    }

    @Override
    public Socket createSocket(String ignoredHost, int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
        return socket;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FixedHostSocketFactory f && f.host.equals(host);
    }

    @Override
    public int hashCode() {
        return host.hashCode();
    }
}
