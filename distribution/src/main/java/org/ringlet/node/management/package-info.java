/**
 * The node's management interface: a JMX connector per node (on {@code jmx_port}, over a private MBean server, so
 * several nodes share a JVM) and the MBeans of the contract in {@code org.ringlet.tools.management} (Cassandra's
 * names), backed by the node's services. Services the node does not have yet (ring, storage, schema) are optional;
 * the MBeans report what there is and say plainly what is missing. See ADR 0060.
 */
package org.ringlet.node.management;
