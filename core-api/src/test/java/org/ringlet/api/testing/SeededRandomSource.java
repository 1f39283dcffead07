package org.ringlet.api.testing;

import java.util.SplittableRandom;

import org.ringlet.api.runtime.RandomSource;

/**
 * A {@link RandomSource} that produces the same sequence for the same seed, so that a failing test or simulation
 * can be replayed from its seed. {@link #fork()} derives an independent, equally reproducible source (for example
 * one per simulated node).
 *
 * <p>Thread-safe; the sequence is reproducible only when calls are made in the same order.
 */
public final class SeededRandomSource implements RandomSource {
    private final long seed;
    private final SplittableRandom random;

    public SeededRandomSource(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    /** The seed this source was created with. */
    public long seed() {
        return seed;
    }

    @Override
    public synchronized long nextLong() {
        return random.nextLong();
    }

    @Override
    public synchronized int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
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

    /** A new source seeded from this one's next value. */
    public synchronized SeededRandomSource fork() {
        return new SeededRandomSource(random.nextLong());
    }

    @Override
    public String toString() {
        return "SeededRandomSource{seed=" + seed + "}";
    }
}
