/**
 * The cluster module: the {@linkplain org.ringlet.cluster.coordinator coordinator} that carries reads and writes
 * to replicas at a consistency level, and the node's {@linkplain org.ringlet.cluster.topology topology}. Later:
 * hints, schema propagation, bootstrap and decommission streaming, repair.
 */
package org.ringlet.cluster;
