/**
 * Cassandra's NetworkTopologyStrategy ({@code network-topology}): a replication factor per datacenter, replicas
 * spread over racks exactly as Cassandra places them, and Cassandra's option handling and messages.
 */
package org.ringlet.replication.topology;
