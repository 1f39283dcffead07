package org.ringlet.api.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringlet.api.messaging.Verb;
import org.ringlet.api.runtime.Cancellable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InMemoryMessagingServiceTest {
    private static final Verb ECHO = new Verb(1, "ECHO");
    private static final Verb NOTE = new Verb(2, "NOTE");
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final DeterministicScheduler scheduler = new DeterministicScheduler();
    private final InMemoryNetwork network = new InMemoryNetwork();
    private final UUID a = new UUID(0, 1);
    private final UUID b = new UUID(0, 2);
    private final UUID c = new UUID(0, 3);
    private InMemoryMessagingService nodeA;
    private InMemoryMessagingService nodeB;
    private InMemoryMessagingService nodeC;

    @BeforeEach
    void setUp() {
        nodeA = start(a);
        nodeB = start(b);
        nodeC = start(c);
    }

    private InMemoryMessagingService start(UUID id) {
        InMemoryMessagingService s = network.newService(id, scheduler);
        s.registerHandler(ECHO, (from, payload) -> {
            String text = StandardCharsets.UTF_8.decode(payload).toString();
            return CompletableFuture.completedFuture(utf8(text + " from " + from.getLeastSignificantBits()));
        });
        s.start();
        return s;
    }

    @Test
    void requestAndResponseTravelWhenTheSchedulerRuns() throws Exception {
        CompletableFuture<ByteBuffer> reply = nodeA.sendRequest(b, ECHO, utf8("hi"), TIMEOUT).toCompletableFuture();
        assertFalse(reply.isDone(), "nothing is delivered before the scheduler runs");
        scheduler.runUntilIdle();
        assertEquals("hi from 1", text(reply.get()));
        assertEquals(Set.of(a, b, c), network.members());
        assertEquals(2, network.deliveredCount());
    }

    @Test
    void payloadsAreCopiedOnSend() throws Exception {
        ByteBuffer payload = utf8("abc");
        CompletableFuture<ByteBuffer> reply = nodeA.sendRequest(b, ECHO, payload, TIMEOUT).toCompletableFuture();
        payload.clear();
        payload.put("zzz".getBytes(StandardCharsets.UTF_8));
        scheduler.runUntilIdle();
        assertEquals("abc from 1", text(reply.get()));
    }

    @Test
    void delaysApplyPerLink() {
        network.setDelay(a, b, Duration.ofMillis(100));
        CompletableFuture<ByteBuffer> reply = nodeA.sendRequest(b, ECHO, utf8("x"), TIMEOUT).toCompletableFuture();
        scheduler.advance(Duration.ofMillis(99));
        assertFalse(reply.isDone());
        scheduler.advance(Duration.ofMillis(1));
        assertTrue(reply.isDone(), "the reverse link has no delay");
    }

    @Test
    void aCutLinkDropsMessagesAndTheRequestTimesOut() {
        network.cut(a, b);
        CompletableFuture<ByteBuffer> reply = nodeA.sendRequest(b, ECHO, utf8("x"), TIMEOUT).toCompletableFuture();
        scheduler.advance(TIMEOUT.minusMillis(1));
        assertFalse(reply.isDone());
        scheduler.advance(Duration.ofMillis(1));
        ExecutionException e = assertThrows(ExecutionException.class, reply::get);
        assertInstanceOf(TimeoutException.class, e.getCause());
        assertEquals(1, network.droppedCount());
        assertEquals(0, nodeA.pendingRequests());

        long delivered = network.deliveredCount();
        CompletableFuture<ByteBuffer> other = nodeB.sendRequest(a, ECHO, utf8("y"), TIMEOUT).toCompletableFuture();
        scheduler.runUntilIdle();
        assertEquals(delivered + 1, network.deliveredCount(), "b's request reaches a: only a->b is cut");
        assertFalse(other.isDone(), "but a's response to b is dropped");

        network.heal();
        CompletableFuture<ByteBuffer> healed = nodeA.sendRequest(b, ECHO, utf8("z"), TIMEOUT).toCompletableFuture();
        scheduler.runUntilIdle();
        assertTrue(healed.isDone());
    }

    @Test
    void partitionAndIsolateSplitTheCluster() {
        network.partition(Set.of(a), Set.of(b, c));
        CompletableFuture<ByteBuffer> ab = nodeA.sendRequest(b, ECHO, utf8("1"), TIMEOUT).toCompletableFuture();
        CompletableFuture<ByteBuffer> bc = nodeB.sendRequest(c, ECHO, utf8("2"), TIMEOUT).toCompletableFuture();
        CompletableFuture<ByteBuffer> self = nodeA.sendRequest(a, ECHO, utf8("3"), TIMEOUT).toCompletableFuture();
        scheduler.runUntilIdle();
        assertFalse(ab.isDone());
        assertTrue(bc.isDone());
        assertTrue(self.isDone(), "a node always reaches itself");

        network.heal();
        network.isolate(c);
        CompletableFuture<ByteBuffer> bc2 = nodeB.sendRequest(c, ECHO, utf8("4"), TIMEOUT).toCompletableFuture();
        scheduler.runUntilIdle();
        assertFalse(bc2.isDone());
    }

    @Test
    void filtersDropSelectedMessagesUntilCancelled() {
        List<String> notes = new ArrayList<>();
        nodeB.registerHandler(NOTE, (from, payload) -> {
            notes.add(text(payload));
            return CompletableFuture.completedFuture(ByteBuffer.allocate(0));
        });
        Cancellable filter = network.addFilter(m -> m.verb().equals(NOTE) && m.to().equals(b));
        nodeA.sendOneWay(b, NOTE, utf8("lost"));
        scheduler.runUntilIdle();
        filter.cancel();
        nodeA.sendOneWay(b, NOTE, utf8("kept"));
        scheduler.runUntilIdle();
        assertEquals(List.of("kept"), notes);
    }

    @Test
    void handlerErrorsReachTheRequester() {
        IllegalArgumentException failure = new IllegalArgumentException("bad request");
        nodeB.registerHandler(NOTE, (from, payload) -> CompletableFuture.failedFuture(failure));
        CompletableFuture<ByteBuffer> reply = nodeA.sendRequest(b, NOTE, utf8("x"), TIMEOUT).toCompletableFuture();
        CompletableFuture<ByteBuffer> unknown = nodeB.sendRequest(a, NOTE, utf8("x"), TIMEOUT).toCompletableFuture();
        scheduler.runUntilIdle();
        assertSame(failure, assertThrows(ExecutionException.class, reply::get).getCause());
        assertInstanceOf(IllegalStateException.class, assertThrows(ExecutionException.class, unknown::get).getCause(),
                "a verb without a handler is reported");
    }

    @Test
    void aStoppedNodeIsUnreachableAndFailsItsPendingRequests() {
        CompletableFuture<ByteBuffer> pending = nodeA.sendRequest(b, ECHO, utf8("x"), TIMEOUT).toCompletableFuture();
        nodeA.stop();
        assertInstanceOf(IllegalStateException.class, assertThrows(ExecutionException.class, pending::get).getCause());
        nodeB.stop();
        CompletableFuture<ByteBuffer> toStopped = nodeC.sendRequest(b, ECHO, utf8("y"), TIMEOUT)
                .toCompletableFuture();
        scheduler.advance(TIMEOUT);
        assertInstanceOf(TimeoutException.class, assertThrows(ExecutionException.class, toStopped::get).getCause());
        assertEquals(Set.of(c), network.members());
        assertThrows(IllegalStateException.class, () -> network.newService(c, scheduler).start(),
                "a host id joins only once");
    }

    private static ByteBuffer utf8(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(ByteBuffer b) {
        return StandardCharsets.UTF_8.decode(b.duplicate()).toString();
    }
}
