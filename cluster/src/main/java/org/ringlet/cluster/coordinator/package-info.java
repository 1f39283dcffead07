/**
 * The coordinator: for each read or write it finds the replicas of the token from the keyspace's replication
 * strategy over the current topology, checks that enough of them are alive for the consistency level (or fails
 * with Cassandra's {@code Unavailable} fields), sends the request to them through a {@link
 * org.ringlet.cluster.coordinator.ReplicaClient} (the local node directly; other nodes later through messaging) and
 * completes when enough have answered, or fails with a timeout. A one-node ring takes exactly this path.
 */
package org.ringlet.cluster.coordinator;
