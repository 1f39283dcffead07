package org.ringlet.transport.nativeproto.fuzz;

import java.util.List;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The long frame fuzz campaign, run only by {@code mvn -Pfuzz}: 500,000 connections (about two million frames),
 * with the same checks as {@link FrameFuzzProperties} and a heap bound of 256 MiB.
 */
class FrameFuzzCampaign {
    private static final Logger log = LoggerFactory.getLogger(FrameFuzzCampaign.class);

    private FrameFuzzing fuzzing;

    @BeforeProperty
    void start() {
        fuzzing = new FrameFuzzing();
    }

    @Property(tries = 500_000, shrinking = ShrinkingMode.BOUNDED)
    void noFrameBreaksThePipeline(@ForAll("cases") FuzzCase c) throws Exception {
        assertEquals(List.of(), fuzzing.run(c));
    }

    @Provide
    Arbitrary<FuzzCase> cases() {
        return FrameFuzzing.cases();
    }

    @AfterProperty
    void finish() throws Exception {
        try {
            // jqwik's per-try bookkeeping over 500,000 tries took about 70 MiB here; the pipeline's own share stays
            // flat (FrameFuzzHeapTest, and 200,000 connections in a plain loop held at 12-17 MiB).
            log.info("Long frame fuzz campaign: {}", fuzzing.finish(1_500_000, 256L * 1024 * 1024));
        } finally {
            fuzzing.close();
        }
    }
}
