package org.ringlet.api.testing;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ringlet.api.MissingServiceException;
import org.ringlet.api.membership.Membership;
import org.ringlet.api.runtime.Clock;
import org.ringlet.api.runtime.RandomSource;
import org.ringlet.api.runtime.Scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestNodeContextTest {

    @Test
    void handsOutDeterministicServicesThatShareOneClock() {
        TestNodeContext ctx = TestNodeContext.builder().seed(9).build();
        assertSame(ctx.clock(), ctx.scheduler().clock());
        assertSame(ctx.clock(), ctx.service(Clock.class));
        assertSame(ctx.scheduler(), ctx.service(Scheduler.class));
        assertSame(ctx.random(), ctx.service(RandomSource.class));
        assertEquals(new SeededRandomSource(9).nextLong(), ctx.random().nextLong());

        boolean[] ran = {false};
        ctx.scheduler().schedule(() -> ran[0] = true, Duration.ofSeconds(1));
        ctx.scheduler().advance(Duration.ofSeconds(1));
        assertTrue(ran[0]);
        assertEquals(ManualClock.DEFAULT_START_MILLIS + 1000, ctx.clock().currentTimeMillis());
    }

    @Test
    void missingServicesAreReportedByName() {
        TestNodeContext ctx = TestNodeContext.create();
        assertEquals(Optional.empty(), ctx.find(Membership.class));
        MissingServiceException e = assertThrows(MissingServiceException.class, () -> ctx.service(Membership.class));
        assertTrue(e.getMessage().contains(Membership.class.getName()));
    }

    @Test
    void addedServicesAreFound() {
        InMemoryNetwork network = new InMemoryNetwork();
        TestNodeContext ctx = TestNodeContext.builder().with(InMemoryNetwork.class, network).build();
        assertSame(network, ctx.service(InMemoryNetwork.class));
        ManualClock clock = new ManualClock(0);
        assertThrows(IllegalStateException.class,
                () -> TestNodeContext.builder().clock(clock).scheduler(new DeterministicScheduler()).build());
    }
}
