package org.ringlet.node.runtime;

import java.security.SecureRandom;

import org.ringlet.api.runtime.RandomSource;

/** A {@link RandomSource} backed by {@link SecureRandom}, for real nodes. Thread-safe. */
public final class SecureRandomSource implements RandomSource {
    private final SecureRandom random = new SecureRandom();

    @Override
    public long nextLong() {
        return random.nextLong();
    }

    @Override
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    @Override
    public double nextDouble() {
        return random.nextDouble();
    }

    @Override
    public void nextBytes(byte[] bytes) {
        random.nextBytes(bytes);
    }
}
