package org.ringlet.tools.nodetool;

import java.io.IOException;
import java.io.Serializable;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.RMIClientSocketFactory;
import java.rmi.server.RMIServerSocketFactory;
import java.rmi.server.UnicastRemoteObject;
import java.util.HashMap;
import java.util.Map;

import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;

/**
 * A real JMX connector server (RMI, loopback only, an ephemeral port) over a private MBean server, for testing
 * nodetool against MBeans registered by the test.
 */
final class JmxTestServer implements AutoCloseable {
    private final MBeanServer mbeans = MBeanServerFactory.newMBeanServer();
    private final Registry registry;
    private final JMXConnectorServer connector;
    private final int port;

    /** Opens sockets on 127.0.0.1 only. */
    static final class LoopbackServerSockets implements RMIServerSocketFactory, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            return new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof LoopbackServerSockets;
        }

        @Override
        public int hashCode() {
            return 1;
        }
    }

    /** Connects to 127.0.0.1 whatever host the stub names. */
    static final class LoopbackClientSockets implements RMIClientSocketFactory, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return new Socket(InetAddress.getLoopbackAddress(), port);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof LoopbackClientSockets;
        }

        @Override
        public int hashCode() {
            return 2;
        }
    }

    JmxTestServer() throws IOException {
        LoopbackServerSockets ssf = new LoopbackServerSockets();
        LoopbackClientSockets csf = new LoopbackClientSockets();
        Registry created = null;
        int chosen = 0;
        IOException last = null;
        for (int attempt = 0; attempt < 10 && created == null; attempt++) {
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                chosen = probe.getLocalPort();
            }
            try {
                created = LocateRegistry.createRegistry(chosen, csf, ssf);
            } catch (java.rmi.RemoteException e) {
                last = new IOException(e);
            }
        }
        if (created == null) {
            throw last;
        }
        registry = created;
        port = chosen;
        Map<String, Object> env = new HashMap<>();
        env.put(RMIConnectorServer.RMI_SERVER_SOCKET_FACTORY_ATTRIBUTE, ssf);
        env.put(RMIConnectorServer.RMI_CLIENT_SOCKET_FACTORY_ATTRIBUTE, csf);
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi://127.0.0.1:" + port + "/jndi/rmi://127.0.0.1:" + port
                + "/jmxrmi");
        connector = JMXConnectorServerFactory.newJMXConnectorServer(url, env, mbeans);
        connector.start();
    }

    int port() {
        return port;
    }

    /** Registers {@code impl} under {@code name} as a standard MBean of {@code iface}. */
    <T> void register(String name, T impl, Class<T> iface) {
        try {
            mbeans.registerMBean(new StandardMBean(impl, iface), new ObjectName(name));
        } catch (javax.management.JMException e) {
            throw new IllegalStateException(e);
        }
    }

    <T> void register(ObjectName name, T impl, Class<T> iface) {
        register(name.toString(), impl, iface);
    }

    MBeanServer mbeans() {
        return mbeans;
    }

    @Override
    public void close() throws IOException {
        connector.stop();
        UnicastRemoteObject.unexportObject(registry, true);
    }
}
