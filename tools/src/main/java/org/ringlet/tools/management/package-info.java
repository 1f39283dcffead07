/**
 * The management (JMX) contract between a node and {@code nodetool}: MBean interfaces a node registers, with
 * Apache Cassandra's object names, attribute names and operation signatures (the subset nodetool uses), so that
 * Ringlet's nodetool works against Cassandra and Cassandra's nodetool and other JMX tooling work against Ringlet.
 * See ADR 0060. JDK types only; the server-side implementations live with the node.
 */
package org.ringlet.tools.management;
