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
 * with the same checks as {@link FrameFuzzProperties}.
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
            log.info("Long frame fuzz campaign: {}", fuzzing.finish(1_500_000));
        } finally {
            fuzzing.close();
        }
    }
}
