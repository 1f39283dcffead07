/**
 * Readers of the golden files that pin Ringlet's ring to Apache Cassandra's behaviour (tokens, replica
 * placement, replication option validation). The files are generated from Cassandra itself by the
 * {@code oracle} build profile and checked in next to the tests that read them.
 */
package org.ringlet.api.testing.golden;
