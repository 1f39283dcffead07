package org.ringlet.api.testing;

import java.util.SplittableRandom;

import org.ringlet.api.runtime.RandomSource;

/**
 * A {@link RandomSource} that gives the same sequence for the same seed, for reproducible tests. Thread-safe
 * (calls are serialized), but the sequence is only reproducible when the calls are.
 */
public final class SeededRandom implements RandomSource {
    private final SplittableRandom random;

    public SeededRandom(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public synchronized long nextLong() {
        return random.nextLong();
    }

    @Override
    public synchronized int nextInt(int bound) {
        return random.nextInt(bound);
    }

    @Override
    public synchronized double nextDouble() {
        return random.nextDouble();
    }

    @Override
    public synchronized void nextBytes(byte[] bytes) {
        random.nextBytes(bytes);
    }
}
