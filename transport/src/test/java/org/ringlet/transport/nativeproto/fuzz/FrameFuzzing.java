package org.ringlet.transport.nativeproto.fuzz;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the frame fuzz campaigns share: the generators of {@link FuzzCase}s, a time bound on each case, and the
 * checks after a campaign (frames fed, heap growth, no ByteBuf leaks, nothing left in flight).
 *
 * <p>Leaks: the module's tests run with {@code -Dio.netty.leakDetection.level=paranoid}, so every buffer is
 * tracked, and the detector logs each leak it finds when the buffer is garbage collected. The campaign listens
 * to that logger, and at the end collects garbage and allocates again (which is when the detector reports) before
 * asserting that nothing was logged.
 */
final class FrameFuzzing implements AutoCloseable {
    /**
     * The bound on the heap the default campaign may leave behind, after a full collection. It includes jqwik's own
     * per-try bookkeeping, which grows with the number of tries (the pipeline's share is measured on its own by
     * {@link FrameFuzzHeapTest}).
     */
    static final long MAX_HEAP_GROWTH = 64L * 1024 * 1024;
    /** No single connection's input may take longer than this to be processed (no hang). */
    static final Duration MAX_CASE_TIME = Duration.ofSeconds(10);

    private final FrameFuzzHarness harness = new FrameFuzzHarness();
    private final ListAppender<ILoggingEvent> leaks = new ListAppender<>();
    private final Logger leakLogger = (Logger) LoggerFactory.getLogger(ResourceLeakDetector.class);
    private final ExecutorService watchdog = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "frame-fuzz-case");
        t.setDaemon(true);
        return t;
    });
    private final long heapBefore;
    private int failedCases;

    FrameFuzzing() {
        leaks.start();
        leakLogger.addAppender(leaks);
        heapBefore = FrameFuzzHarness.usedHeapAfterGc();
    }

    /** All fuzz cases: every session kind, 1–8 frames of any template with 0–4 mutations, any chunking. */
    static Arbitrary<FuzzCase> cases() {
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.of(Mutation.Kind.class),
                Arbitraries.integers().between(0, 1 << 16), Arbitraries.integers()).as(Mutation::new);
        Arbitrary<FuzzCase.FrameSpec> frame = Combinators.combine(Arbitraries.integers().between(0, 63),
                Arbitraries.integers().between(-2, 200), mutation.list().ofMaxSize(4),
                Arbitraries.of(true, true, false)).as(FuzzCase.FrameSpec::new);
        Arbitrary<Integer> chunk = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.just(1)),
                net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(2, 40)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(41, 4096)));
        return Combinators.combine(
                Arbitraries.of(FuzzCase.Session.class),
                frame.list().ofMinSize(1).ofMaxSize(8),
                Arbitraries.integers().between(0, 4).list().ofMinSize(1).ofMaxSize(4),
                mutation.injectNull(0.9),
                chunk.list().ofMinSize(1).ofMaxSize(6)).as(FuzzCase::new);
    }

    /** Runs one case on the watchdog thread, failing if it takes longer than {@link #MAX_CASE_TIME}. */
    List<String> run(FuzzCase c) throws Exception {
        Future<List<String>> f = watchdog.submit(() -> harness.run(c));
        try {
            List<String> problems = f.get(MAX_CASE_TIME.toMillis(), TimeUnit.MILLISECONDS);
            if (!problems.isEmpty()) {
                failedCases++;
            }
            return problems;
        } catch (TimeoutException e) {
            failedCases++;
            f.cancel(true);
            throw new AssertionError("a fuzz case did not finish within " + MAX_CASE_TIME + " (hang): " + c);
        } catch (java.util.concurrent.ExecutionException e) {
            failedCases++;
            throw new AssertionError("an exception escaped the pipeline: " + e.getCause(), e.getCause());
        }
    }

    FrameFuzzHarness harness() {
        return harness;
    }

    /**
     * Checks the campaign as a whole.
     *
     * @param minFrames the frames it must have fed at least
     * @return a one-line summary (frames, cases, closes, heap figures)
     */
    String finish(long minFrames) throws Exception {
        return finish(minFrames, MAX_HEAP_GROWTH);
    }

    /** As {@link #finish(long)}, with another heap bound. */
    String finish(long minFrames, long maxHeapGrowth) throws Exception {
        List<String> problems = watchdog.submit(harness::finish).get(1, TimeUnit.MINUTES);
        if (failedCases > 0) {
            // The property has failed and jqwik reports the (shrunk) case; the totals would only hide that.
            return failedCases + " cases failed";
        }
        assertEquals(List.of(), problems);
        assertTrue(harness.frames() >= minFrames, "only " + harness.frames() + " frames were fed");
        List<String> leaked = new ArrayList<>();
        for (int round = 0; round < 5 && leaked.isEmpty(); round++) {
            FrameFuzzHarness.usedHeapAfterGc();
            // The detector reports the leaks it found when it tracks the next allocations.
            for (int i = 0; i < 100; i++) {
                ByteBuf b = PooledByteBufAllocator.DEFAULT.buffer(16);
                b.release();
            }
            leaks.list.forEach(e -> leaked.add(e.getFormattedMessage()));
        }
        assertEquals(List.of(), leaked, "ByteBuf leaks");
        long heapAfter = FrameFuzzHarness.usedHeapAfterGc();
        long growth = heapAfter - heapBefore;
        assertTrue(growth < maxHeapGrowth, "the heap grew by " + growth + " bytes (bound " + maxHeapGrowth + ")");
        return String.format("%d frames in %d cases; %d error responses; %d connections closed by the server; "
                        + "longest case %d ms; heap after GC %d KiB before, %d KiB after (growth %d KiB, bound %d KiB); "
                        + "responses %s",
                harness.frames(), harness.cases(), harness.errorResponses(), harness.closedByServer(),
                harness.longestCaseMillis(), heapBefore / 1024, heapAfter / 1024, growth / 1024,
                maxHeapGrowth / 1024, harness.responsesByKind());
    }

    @Override
    public void close() {
        leakLogger.detachAppender(leaks);
        watchdog.shutdownNow();
    }
}
