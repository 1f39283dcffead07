package org.ringlet.tools.nodetool;

import java.io.Closeable;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.RuntimeMXBean;
import java.util.HashMap;
import java.util.Map;

import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import org.ringlet.tools.management.CompactionManagerMBean;
import org.ringlet.tools.management.DynamicEndpointSnitchMBean;
import org.ringlet.tools.management.EndpointSnitchInfoMBean;
import org.ringlet.tools.management.GossiperMBean;
import org.ringlet.tools.management.JmxHistogramMBean;
import org.ringlet.tools.management.JmxTimerMBean;
import org.ringlet.tools.management.ManagementNames;
import org.ringlet.tools.management.StorageProxyMBean;
import org.ringlet.tools.management.StorageServiceMBean;

import static java.util.Objects.requireNonNull;

/** A JMX connection to a node with proxies for the MBeans of the management contract. Not thread-safe. */
public final class NodeProbe implements Closeable {
    private final JMXConnector connector;
    private final MBeanServerConnection mbeans;

    private NodeProbe(JMXConnector connector) throws IOException {
        this.connector = connector;
        this.mbeans = connector.getMBeanServerConnection();
    }

    /**
     * Connects to {@code service:jmx:rmi:///jndi/rmi://host:port/jmxrmi}.
     *
     * @param username null when the node does not authenticate JMX clients
     */
    public static NodeProbe connect(String host, int port, String username, String password) throws IOException {
        requireNonNull(host, "host is null");
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://" + host + ":" + port + "/jmxrmi");
        Map<String, Object> env = new HashMap<>();
        if (username != null) {
            env.put(JMXConnector.CREDENTIALS, new String[] {username, password == null ? "" : password});
        }
        return new NodeProbe(JMXConnectorFactory.connect(url, env));
    }

    public MBeanServerConnection connection() {
        return mbeans;
    }

    public StorageServiceMBean storageService() {
        return JMX.newMBeanProxy(mbeans, ManagementNames.name(ManagementNames.STORAGE_SERVICE),
                StorageServiceMBean.class);
    }

    public EndpointSnitchInfoMBean snitch() {
        return JMX.newMBeanProxy(mbeans, ManagementNames.name(ManagementNames.ENDPOINT_SNITCH_INFO),
                EndpointSnitchInfoMBean.class);
    }

    /** The wrapped snitch's class name when the dynamic snitch is on, else null. */
    public String dynamicSubsnitch() throws IOException {
        ObjectName name = ManagementNames.name(ManagementNames.DYNAMIC_ENDPOINT_SNITCH);
        if (!mbeans.isRegistered(name)) {
            return null;
        }
        return JMX.newMBeanProxy(mbeans, name, DynamicEndpointSnitchMBean.class).getSubsnitchClassName();
    }

    public StorageProxyMBean storageProxy() {
        return JMX.newMBeanProxy(mbeans, ManagementNames.name(ManagementNames.STORAGE_PROXY), StorageProxyMBean.class);
    }

    public GossiperMBean gossiper() {
        return JMX.newMBeanProxy(mbeans, ManagementNames.name(ManagementNames.GOSSIPER), GossiperMBean.class);
    }

    public CompactionManagerMBean compactionManager() {
        return JMX.newMBeanProxy(mbeans, ManagementNames.name(ManagementNames.COMPACTION_MANAGER),
                CompactionManagerMBean.class);
    }

    public JmxTimerMBean timer(ObjectName name) {
        return JMX.newMBeanProxy(mbeans, name, JmxTimerMBean.class);
    }

    public JmxHistogramMBean histogram(ObjectName name) {
        return JMX.newMBeanProxy(mbeans, name, JmxHistogramMBean.class);
    }

    /** Whether an MBean is registered. */
    public boolean has(ObjectName name) throws IOException {
        return mbeans.isRegistered(name);
    }

    /** A gauge's value, or null when the node has no such metric. */
    public Object gauge(ObjectName name) throws IOException {
        try {
            return mbeans.isRegistered(name) ? mbeans.getAttribute(name, "Value") : null;
        } catch (javax.management.JMException e) {
            throw new IOException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    /** A counter's count (or a timer's), or null when the node has no such metric. */
    public Long count(ObjectName name) throws IOException {
        try {
            return mbeans.isRegistered(name) ? ((Number) mbeans.getAttribute(name, "Count")).longValue() : null;
        } catch (javax.management.JMException e) {
            throw new IOException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    /** An attribute of an MBean, or null when the node has no such MBean. */
    public Object attribute(ObjectName name, String attribute) throws IOException {
        try {
            return mbeans.isRegistered(name) ? mbeans.getAttribute(name, attribute) : null;
        } catch (javax.management.JMException e) {
            throw new IOException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    public RuntimeMXBean runtime() throws IOException {
        return ManagementFactory.newPlatformMXBeanProxy(mbeans, ManagementFactory.RUNTIME_MXBEAN_NAME,
                RuntimeMXBean.class);
    }

    public MemoryMXBean memory() throws IOException {
        return ManagementFactory.newPlatformMXBeanProxy(mbeans, ManagementFactory.MEMORY_MXBEAN_NAME,
                MemoryMXBean.class);
    }

    @Override
    public void close() throws IOException {
        connector.close();
    }
}
