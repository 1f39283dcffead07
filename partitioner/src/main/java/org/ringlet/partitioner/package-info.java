/**
 * Partitioners: Murmur3 (token-identical to Cassandra), Random (MD5) and ByteOrdered.
 */
package org.ringlet.partitioner;
