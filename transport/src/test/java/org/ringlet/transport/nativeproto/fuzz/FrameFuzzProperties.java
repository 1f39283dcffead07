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
 * The frame fuzz campaign of every build: 40,000 connections, each a STARTUP (or none) and 1–8 random or mutated
 * frames of every request opcode, v3/v4/v5, with and without LZ4, arriving in random chunks — about 180,000 frames
 * against the server's real pipeline. For each connection: no hang, no exception out of the pipeline, no
 * SERVER_ERROR, every response complete, and a witness connection still served. Afterwards: no ByteBuf leak
 * (paranoid detection), nothing left in flight, and heap growth under {@link FrameFuzzing#MAX_HEAP_GROWTH}.
 * {@code mvn -Pfuzz} runs {@link FrameFuzzCampaign}, twenty times longer.
 */
class FrameFuzzProperties {
    private static final Logger log = LoggerFactory.getLogger(FrameFuzzProperties.class);
    static final int TRIES = 40_000;
    static final long MIN_FRAMES = 100_000;

    private FrameFuzzing fuzzing;

    @BeforeProperty
    void start() {
        fuzzing = new FrameFuzzing();
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.BOUNDED)
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
            log.info("Frame fuzz campaign: {}", fuzzing.finish(MIN_FRAMES));
        } finally {
            fuzzing.close();
        }
    }
}
