package org.ringlet.transport.nativeproto.fuzz;

import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pipeline keeps nothing per connection once it is closed: after a warm-up (pools allocated, classes loaded),
 * 6,000 more fuzzed connections (1,000 to warm up) leave the heap after a full collection within {@link #MAX_GROWTH} of where it
 * was. Run as a plain loop over generated cases, so that the property framework's own per-try bookkeeping (which
 * grows with the number of tries) is not measured.
 */
class FrameFuzzHeapTest {
    private static final Logger log = LoggerFactory.getLogger(FrameFuzzHeapTest.class);
    static final long MAX_GROWTH = 16L * 1024 * 1024;

    @Test
    void sixThousandConnectionsLeaveTheHeapWhereItWas() {
        FrameFuzzHarness harness = new FrameFuzzHarness();
        Iterator<FuzzCase> cases = FrameFuzzing.cases().sampleStream().iterator();
        for (int i = 0; i < 1_000; i++) {
            assertEquals(List.of(), harness.run(cases.next()));
        }
        long warm = FrameFuzzHarness.usedHeapAfterGc();
        for (int i = 0; i < 6_000; i++) {
            assertEquals(List.of(), harness.run(cases.next()));
        }
        long after = FrameFuzzHarness.usedHeapAfterGc();
        assertEquals(List.of(), harness.finish());
        log.info("Heap after GC: {} KiB after 1,000 connections, {} KiB after 6,000 more (bound: +{} KiB)",
                warm / 1024, after / 1024, MAX_GROWTH / 1024);
        assertTrue(after - warm < MAX_GROWTH, "the heap grew by " + (after - warm) + " bytes");
    }
}
