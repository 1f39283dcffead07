package org.ringlet.node.management;

import java.io.IOException;
import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.rmi.NoSuchObjectException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.RMIClientSocketFactory;
import java.rmi.server.RMIServerSocketFactory;
import java.rmi.server.UnicastRemoteObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;

import org.ringlet.api.Service;
import org.ringlet.api.schema.SchemaService;
import org.ringlet.api.storage.StorageEngine;
import org.ringlet.node.net.FreePort;
import org.ringlet.tools.management.CompactionManagerMBean;
import org.ringlet.tools.management.EndpointSnitchInfoMBean;
import org.ringlet.tools.management.FixedHostSocketFactory;
import org.ringlet.tools.management.GossiperMBean;
import org.ringlet.tools.management.JmxTimerMBean;
import org.ringlet.tools.management.ManagementNames;
import org.ringlet.tools.management.StorageProxyMBean;
import org.ringlet.tools.management.StorageServiceMBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The node's JMX endpoint for nodetool: a private MBean server (not the JVM's platform one, so several nodes share a
 * JVM) with the management contract's MBeans and the JVM's runtime and memory MXBeans, exported over RMI on one
 * port ({@code jmx_port}; 0 picks a free one) bound to a loopback address: the node's listen address when it is a
 * loopback address, else 127.0.0.1 (local access only, as Cassandra's default).
 */
public final class ManagementServer implements Service {
    private static final Logger LOG = LoggerFactory.getLogger(ManagementServer.class);

    private final InetAddress bindAddress;
    private final int configuredPort;
    private final StorageServiceBean storageService;
    private final LocationBeans beans;
    private final LatencyRecorders latencies;
    private final Optional<SchemaService> schema;
    private final Optional<StorageEngine> storage;
    private MBeanServer mbeans;
    private Registry registry;
    private JMXConnectorServer connector;
    private TableMetrics tables;
    private CacheMetrics caches;
    private final org.ringlet.api.runtime.Clock clock;
    private int port = -1;

    /** The beans besides StorageService. */
    public record LocationBeans(EndpointSnitchInfoMBean snitch, StorageProxyMBean proxy, GossiperMBean gossiper,
                                CompactionManagerMBean compactions) {
    }

    public ManagementServer(InetAddress listenAddress, int jmxPort, StorageServiceBean storageService,
                            LocationBeans beans, LatencyRecorders latencies, Optional<SchemaService> schema,
                            Optional<StorageEngine> storage, org.ringlet.api.runtime.Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
        requireNonNull(listenAddress, "listenAddress is null");
        this.bindAddress = listenAddress.isLoopbackAddress() ? listenAddress : InetAddress.getLoopbackAddress();
        this.configuredPort = jmxPort;
        this.storageService = requireNonNull(storageService, "storageService is null");
        this.beans = requireNonNull(beans, "beans is null");
        this.latencies = requireNonNull(latencies, "latencies is null");
        this.schema = requireNonNull(schema, "schema is null");
        this.storage = requireNonNull(storage, "storage is null");
    }

    /**
     * Server sockets on one address. Equal only to itself: the registry and the connector of one node share a port
     * through one instance, and no two nodes share an RMI endpoint.
     */
    private static final class BoundServerSockets implements RMIServerSocketFactory, Serializable {
        private static final long serialVersionUID = 1L;
        private final InetAddress address;

        BoundServerSockets(InetAddress address) {
            this.address = address;
        }

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            return new ServerSocket(port, 50, address);
        }
    }

    /** A port free on the address now (for {@code jmx_port: 0}). */
    private static int freePort(InetAddress address) throws IOException {
        return FreePort.pick(address);
    }

    @Override
    public synchronized void start() throws Exception {
        mbeans = MBeanServerFactory.newMBeanServer();
        mbeans.registerMBean(ManagementFactory.getRuntimeMXBean(), new ObjectName(ManagementFactory.RUNTIME_MXBEAN_NAME));
        mbeans.registerMBean(ManagementFactory.getMemoryMXBean(), new ObjectName(ManagementFactory.MEMORY_MXBEAN_NAME));
        register(ManagementNames.STORAGE_SERVICE, storageService, StorageServiceMBean.class);
        register(ManagementNames.ENDPOINT_SNITCH_INFO, beans.snitch(), EndpointSnitchInfoMBean.class);
        register(ManagementNames.STORAGE_PROXY, beans.proxy(), StorageProxyMBean.class);
        register(ManagementNames.GOSSIPER, beans.gossiper(), GossiperMBean.class);
        register(ManagementNames.COMPACTION_MANAGER, beans.compactions(), CompactionManagerMBean.class);
        for (String scope : ManagementNames.CLIENT_REQUEST_SCOPES) {
            register(ManagementNames.clientRequestLatency(scope).toString(), latencies.timer("client:" + scope),
                    JmxTimerMBean.class);
        }
        if (schema.isPresent() && storage.isPresent()) {
            tables = new TableMetrics(mbeans, schema.get(), storage.get(), latencies);
            tables.start();
        }
        if (storage.isPresent()) {
            caches = new CacheMetrics(mbeans, storage.get(), clock);
            caches.start();
        }
        BoundServerSockets serverSockets = new BoundServerSockets(bindAddress);
        RMIClientSocketFactory clientSockets = stubHost().equals(bindAddress.getHostAddress()) ? null
                : new FixedHostSocketFactory(bindAddress.getHostAddress());
        int chosen = configuredPort != 0 ? configuredPort : freePort(bindAddress);
        registry = LocateRegistry.createRegistry(chosen, clientSockets, serverSockets);
        port = chosen;
        Map<String, Object> env = new HashMap<>();
        env.put(RMIConnectorServer.RMI_SERVER_SOCKET_FACTORY_ATTRIBUTE, serverSockets);
        if (clientSockets != null) {
            env.put(RMIConnectorServer.RMI_CLIENT_SOCKET_FACTORY_ATTRIBUTE, clientSockets);
        }
        String host = bindAddress.getHostAddress();
        String h = host.contains(":") ? "[" + host + "]" : host;
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi://" + h + ":" + port + "/jndi/rmi://" + h + ":" + port
                + "/jmxrmi");
        connector = JMXConnectorServerFactory.newJMXConnectorServer(url, env, mbeans);
        connector.start();
        LOG.info("JMX (nodetool) listening on {}:{}", host, port);
    }

    /** The host RMI writes into stubs: {@code java.rmi.server.hostname}, else this machine's address. */
    private static String stubHost() {
        String configured = System.getProperty("java.rmi.server.hostname");
        if (configured != null && !configured.isEmpty()) {
            return configured;
        }
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            return "";
        }
    }

    private <T> void register(String name, T bean, Class<T> iface) throws JMException {
        mbeans.registerMBean(new StandardMBean(bean, iface), new ObjectName(name));
    }

    /** The port nodetool connects to, once started; -1 before. */
    public synchronized int port() {
        return port;
    }

    /** The address the endpoint listens on. */
    public InetAddress address() {
        return bindAddress;
    }

    @Override
    public synchronized void stop() {
        if (tables != null) {
            tables.stop();
            tables = null;
        }
        if (caches != null) {
            caches.stop();
            caches = null;
        }
        if (connector != null) {
            try {
                connector.stop();
            } catch (IOException e) {
                LOG.warn("Cannot stop the JMX connector", e);
            }
            connector = null;
        }
        if (registry != null) {
            try {
                UnicastRemoteObject.unexportObject(registry, true);
            } catch (NoSuchObjectException e) {
                LOG.debug("The RMI registry was not exported", e);
            }
            registry = null;
        }
        port = -1;
    }

    @Override
    public String serviceName() {
        return "management (JMX)";
    }
}
