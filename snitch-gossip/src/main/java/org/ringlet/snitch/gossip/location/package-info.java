/**
 * Location providers, the location half of Cassandra's snitches: {@code simple} (SimpleSnitch, everyone in
 * datacenter1/rack1), {@code gossiping-property-file} (GossipingPropertyFileSnitch, this node's location from
 * {@code cassandra-rackdc.properties}) and {@code property-file} (PropertyFileSnitch, everyone's location from
 * {@code cassandra-topology.properties}). Their files are read strictly: a missing or malformed file stops the node
 * with a message naming the file and the line.
 */
package org.ringlet.snitch.gossip.location;
