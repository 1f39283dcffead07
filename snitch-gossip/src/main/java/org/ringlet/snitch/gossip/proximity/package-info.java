/**
 * Node proximities, the sorting half of Cassandra's snitches: {@code location-aware} (this node, its rack, its
 * datacenter, the rest) and {@code ring-order} (the given order, as SimpleSnitch keeps it). Each answers to the
 * names of the snitches it goes with, so a node can choose it by its {@code endpoint_snitch}.
 */
package org.ringlet.snitch.gossip.proximity;
