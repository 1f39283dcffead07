/**
 * Where nodes are and where data goes: node addresses and locations, the snitch split into a
 * {@link org.ringlet.api.locator.LocationProvider} (datacenter and rack) and a
 * {@link org.ringlet.api.locator.NodeProximity} (closeness ordering), and
 * {@link org.ringlet.api.locator.ReplicationStrategy replication strategies}, which are pure functions of a
 * {@link org.ringlet.api.ring.Topology}.
 */
package org.ringlet.api.locator;
