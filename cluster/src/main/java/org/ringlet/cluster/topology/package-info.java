/**
 * The node's view of the ring: {@link org.ringlet.cluster.topology.LocalTopologyService} gives this node its
 * identity (host id and tokens, generated on the first start and persisted through a
 * {@link org.ringlet.api.cluster.LocalNodeStore}) and the {@link org.ringlet.api.ring.Topology} the coordinator
 * and replication strategies read.
 */
package org.ringlet.cluster.topology;
