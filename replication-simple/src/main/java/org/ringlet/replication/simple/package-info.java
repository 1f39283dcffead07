/**
 * Replication strategies that do not spread replicas over racks: {@code simple} (Cassandra's SimpleStrategy: the
 * token's owner, then the next distinct nodes clockwise), {@code local} (LocalStrategy: this node only) and
 * {@code everywhere} (EverywhereStrategy: every node). Validation messages are Cassandra's.
 */
package org.ringlet.replication.simple;
