/**
 * Partitioners, the SPI {@link org.ringlet.api.ring.Partitioner}'s implementations:
 * {@link org.ringlet.partitioner.Murmur3Partitioner} (Cassandra's default, token-identical to it),
 * {@link org.ringlet.partitioner.RandomPartitioner} (MD5) and
 * {@link org.ringlet.partitioner.ByteOrderedPartitioner} (order-preserving), with their token types and
 * factories ({@code murmur3}, {@code random}, {@code byte-ordered}, also known by Cassandra's class names).
 */
package org.ringlet.partitioner;
