package org.ringlet.tools.management;

import java.net.UnknownHostException;

/** Where nodes are, registered as {@value ManagementNames#ENDPOINT_SNITCH_INFO}. Thread-safe. */
public interface EndpointSnitchInfoMBean {

    /** A node's rack, by address. */
    String getRack(String host) throws UnknownHostException;

    /** A node's datacenter, by address. */
    String getDatacenter(String host) throws UnknownHostException;

    /** This node's rack. */
    String getRack();

    /** This node's datacenter. */
    String getDatacenter();

    /** The class name of the location provider (snitch), e.g. {@code org.apache.cassandra.locator.SimpleSnitch}. */
    String getSnitchName();
}
