package org.ringlet.storage.lsm;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The memory flush trigger, with the interleavings of writers and passes played step by step on one thread. */
class MemoryFlushTriggerTest {
    private static final long THRESHOLD = 1000;

    /** Runs its tasks only when asked to. */
    private static final class ManualExecutor implements Executor {
        final Deque<Runnable> queued = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            queued.add(task);
        }

        void runNext() {
            queued.remove().run();
        }
    }

    private final ManualExecutor executor = new ManualExecutor();
    /** Bytes in memtables taking writes. */
    private final AtomicLong live = new AtomicLong();
    private final AtomicInteger flushes = new AtomicInteger();

    private boolean flushLargest() {
        if (live.get() == 0) {
            return false;
        }
        live.set(0);
        flushes.incrementAndGet();
        return true;
    }

    @Test
    void noPassWhileMemoryIsBelowTheThreshold() {
        MemoryFlushTrigger trigger = new MemoryFlushTrigger(executor, () -> live.get() > THRESHOLD,
                this::flushLargest);
        live.set(THRESHOLD);
        trigger.request();
        assertTrue(executor.queued.isEmpty());
    }

    @Test
    void writesDuringAPassShareIt() {
        MemoryFlushTrigger trigger = new MemoryFlushTrigger(executor, () -> live.get() > THRESHOLD,
                this::flushLargest);
        live.set(THRESHOLD + 1);
        trigger.request();
        live.addAndGet(500);
        trigger.request();
        assertEquals(1, executor.queued.size(), "one pass at a time");
        executor.runNext();
        assertEquals(1, flushes.get());
        assertEquals(0, live.get());
        assertTrue(executor.queued.isEmpty());
    }

    @Test
    void aWriteCrossingTheThresholdAsAPassEndsStartsAnotherPass() {
        AtomicInteger checks = new AtomicInteger();
        MemoryFlushTrigger[] trigger = new MemoryFlushTrigger[1];
        trigger[0] = new MemoryFlushTrigger(executor, () -> {
            boolean due = live.get() > THRESHOLD;
            if (checks.incrementAndGet() == 3) {
                // the pass's last check has just found memory below the threshold; before the pass steps down, a
                // writer pushes memory above it and asks for a flush, which finds the pass still running
                live.addAndGet(THRESHOLD + 1);
                trigger[0].request();
            }
            return due;
        }, this::flushLargest);
        live.set(THRESHOLD + 1);
        trigger[0].request();
        executor.runNext();
        assertEquals(1, flushes.get());
        assertEquals(THRESHOLD + 1, live.get());
        assertEquals(1, executor.queued.size(), "memory above the threshold always has a pass coming");
        executor.runNext();
        assertEquals(2, flushes.get());
        assertEquals(0, live.get());
        assertTrue(executor.queued.isEmpty());
    }

    @Test
    void memoryHeldOnlyByFlushingMemtablesStartsNoEndlessPasses() {
        MemoryFlushTrigger trigger = new MemoryFlushTrigger(executor, () -> true, () -> false);
        trigger.request();
        executor.runNext();
        assertTrue(executor.queued.isEmpty(), "nothing to flush: the pass ends without starting another");
        trigger.request();
        assertEquals(1, executor.queued.size(), "the next write asks again");
    }

    @Test
    void aRejectedPassLetsTheNextWriteTryAgain() {
        AtomicInteger rejections = new AtomicInteger(1);
        Executor rejecting = task -> {
            if (rejections.getAndDecrement() > 0) {
                throw new java.util.concurrent.RejectedExecutionException("full");
            }
            executor.execute(task);
        };
        MemoryFlushTrigger trigger = new MemoryFlushTrigger(rejecting, () -> live.get() > THRESHOLD,
                this::flushLargest);
        live.set(THRESHOLD + 1);
        trigger.request();
        assertTrue(executor.queued.isEmpty());
        trigger.request();
        executor.runNext();
        assertEquals(1, flushes.get());
    }
}
