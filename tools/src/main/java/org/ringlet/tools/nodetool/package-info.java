/**
 * {@code nodetool}: a node's state and operations over JMX, with Cassandra's commands, options and output layouts.
 * Talks to the MBeans of {@link org.ringlet.tools.management}, so it works against Ringlet and Apache Cassandra.
 */
package org.ringlet.tools.nodetool;
