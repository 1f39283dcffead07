package org.ringlet.api.runtime;

import java.util.UUID;

/**
 * The node's source of randomness, and therefore of generated UUIDs. Seeded in tests and simulations so that
 * runs are reproducible. Thread-safe.
 */
public interface RandomSource {

    /** A uniformly random long. */
    long nextLong();

    /** A uniformly random int in {@code [0, bound)}. */
    int nextInt(int bound);

    /** A uniformly random double in {@code [0, 1)}. */
    double nextDouble();

    /** Fills {@code bytes} with random bytes. */
    void nextBytes(byte[] bytes);

    /** A random (version 4) UUID. */
    default UUID randomUuid() {
        long msb = (nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long lsb = (nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
