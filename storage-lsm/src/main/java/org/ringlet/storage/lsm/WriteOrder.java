package org.ringlet.storage.lsm;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Orders writes against memtable switches (a minimal version of Cassandra's OpOrder). A write {@linkplain #start()
 * starts} in the current group before it picks its memtable and {@linkplain Group#finish() finishes} once it has
 * applied to it. A {@linkplain #barrier() barrier} opens a new group and completes when every write of the groups
 * before it has finished, so a flush that switched memtables before the barrier sees all writes that could have
 * picked the old memtable. Thread-safe, lock-free for writers.
 */
final class WriteOrder {
    private static final int CLOSED = 1 << 30;
    private volatile Group current = new Group(null);

    /** Starts a write in the current group. */
    Group start() {
        while (true) {
            Group g = current;
            if (g.register()) {
                return g;
            }
        }
    }

    /** Opens a new group; completes when all writes started before have finished. */
    CompletableFuture<Void> barrier() {
        Group old;
        synchronized (this) {
            old = current;
            current = new Group(old);
        }
        old.close();
        return old.done;
    }

    /** The writes of one interval between barriers. */
    static final class Group {
        private final AtomicInteger state = new AtomicInteger();
        private final CompletableFuture<Void> drained = new CompletableFuture<>();
        /** Completes when this group and every earlier one have drained. */
        private final CompletableFuture<Void> done;

        private Group(Group previous) {
            this.done = previous == null ? drained : CompletableFuture.allOf(drained, previous.done);
        }

        private boolean register() {
            while (true) {
                int s = state.get();
                if ((s & CLOSED) != 0) {
                    return false;
                }
                if (state.compareAndSet(s, s + 1)) {
                    return true;
                }
            }
        }

        /** Ends a write of this group. */
        void finish() {
            int s = state.decrementAndGet();
            if (s == CLOSED) {
                drained.complete(null);
            }
        }

        private void close() {
            while (true) {
                int s = state.get();
                if (state.compareAndSet(s, s | CLOSED)) {
                    if ((s | CLOSED) == CLOSED) {
                        drained.complete(null);
                    }
                    return;
                }
            }
        }
    }
}
