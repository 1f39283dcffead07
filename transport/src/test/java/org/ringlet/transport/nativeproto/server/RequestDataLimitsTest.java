package org.ringlet.transport.nativeproto.server;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.ringlet.api.query.Event;
import org.ringlet.api.query.Response;
import org.ringlet.api.query.Result;
import org.ringlet.api.query.SchemaChange;
import org.ringlet.transport.nativeproto.Bytes;
import org.ringlet.transport.nativeproto.server.EmbeddedServer.Client;
import org.ringlet.transport.nativeproto.server.EmbeddedServer.Frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The byte limits on requests in flight ({@code native_transport_max_request_data_in_flight} and its per-address
 * twin) with back-pressure, and the event backlog limit for clients that do not read.
 */
class RequestDataLimitsTest {
    /** A QUERY frame of exactly 9 + 4 + 2 + 1 + 2 + 1 = 19 bytes plus the query text. */
    private static int querySize(String cql) {
        return 9 + 4 + cql.length() + 3;
    }

    private static EmbeddedServer server(long total, long perIp) {
        return new EmbeddedServer(NativeTransportConfig.defaults(0).withRequestDataLimits(total, perIp));
    }

    private static Map<String, CompletableFuture<Response>> holdAnswers(EmbeddedServer server) {
        Map<String, CompletableFuture<Response>> held = new ConcurrentHashMap<>();
        server.handler.behaviour = call -> held.computeIfAbsent(call.query(), q -> new CompletableFuture<>());
        return held;
    }

    private static List<String> started(EmbeddedServer server) {
        return server.handler.calls.stream().map(StubQueryHandler.Call::query).toList();
    }

    @Test
    void perAddressBytesBackPressureTheConnectionUntilRequestsComplete() {
        String q = "q1-" + "x".repeat(80);
        EmbeddedServer server = server(1 << 30, 2L * querySize(q));
        Map<String, CompletableFuture<Response>> held = holdAnswers(server);
        Client c = server.connect();
        c.startup();
        c.query(1, q);
        c.query(2, q.replace("q1", "q2"));
        assertEquals(2 * querySize(q), server.initializer.requestDataLimits().bytesInFlight());
        assertTrue(c.channel.config().isAutoRead(), "exactly at the limit");

        c.query(3, q.replace("q1", "q3"));
        assertEquals(2, started(server).size(), "the third would exceed the limit: it waits");
        assertFalse(c.channel.config().isAutoRead(), "and the connection stops reading");

        held.get(q).complete(Response.of(new Result.Void()));
        c.channel.runPendingTasks();
        assertEquals(3, started(server).size(), "room again: the waiting request starts");
        assertTrue(c.channel.config().isAutoRead());
        assertEquals(List.of(1), c.responses().stream().map(Frame::stream).toList());
    }

    @Test
    void theGlobalLimitWakesAnotherConnectionWhenRoomIsReleased() {
        String q = "q-" + "x".repeat(100);
        EmbeddedServer server = server(querySize(q), 1 << 30);
        Map<String, CompletableFuture<Response>> held = holdAnswers(server);
        Client a = server.connect();
        Client b = server.connect();
        a.startup();
        b.startup();
        a.query(1, q);
        b.query(2, q.replace("q-", "r-"));
        assertEquals(List.of(q), started(server), "b waits for a's bytes");
        assertFalse(b.channel.config().isAutoRead());
        assertTrue(a.channel.config().isAutoRead(), "a is not blocked by its own request");

        held.get(q).complete(Response.of(new Result.Void()));
        b.channel.runPendingTasks();
        assertEquals(2, started(server).size(), "a's release woke b");
        assertTrue(b.channel.config().isAutoRead());
    }

    @Test
    void aRequestLargerThanTheLimitStillRunsWhenNothingElseIsInFlight() {
        EmbeddedServer server = server(50, 50);
        Client c = server.connect();
        c.startup();
        Frame f = single(c.query(1, "SELECT " + "x".repeat(200)));
        assertEquals(0x08, f.opcode(), "admitted alone, so a small limit cannot stall a client forever");
        assertEquals(0, server.initializer.requestDataLimits().bytesInFlight(), "and released");
    }

    @Test
    void throwOnOverloadGetsOverloadedForBytesToo() {
        String q = "q1-" + "x".repeat(80);
        EmbeddedServer server = server(1 << 30, querySize(q));
        Map<String, CompletableFuture<Response>> held = holdAnswers(server);
        Client c = server.connect();
        c.startup(Map.of("CQL_VERSION", "3.0.0", "THROW_ON_OVERLOAD", "1"));
        assertTrue(c.query(1, q).isEmpty());
        Frame f = single(c.query(2, q.replace("q1", "q2")));
        assertEquals(0x1001, f.errorCode());
        assertTrue(f.errorMessage().startsWith("Server is in overloaded state"), f.errorMessage());
        assertTrue(c.channel.config().isAutoRead(), "no back-pressure for such a client");
        held.get(q).complete(Response.of(new Result.Void()));
        assertEquals(1, single(c.responses()).stream());
    }

    @Test
    void anEventForAClientThatStoppedReadingClosesItsConnectionAndSparesTheOthers() {
        EmbeddedServer server = new EmbeddedServer(NativeTransportConfig.defaults(0).withEventBacklogLimit(1024));
        Client slow = server.connect();
        Client fine = server.connect();
        for (Client c : List.of(slow, fine)) {
            c.startup();
            c.send(Bytes.request(1, 0x0B, Bytes.of().stringList("SCHEMA_CHANGE").build()));
        }
        // The slow client's outbound buffer is past its high water mark: it stopped reading.
        slow.channel.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
        server.tracker.onEvent(new Event.SchemaChangeEvent(SchemaChange.keyspace(SchemaChange.Change.CREATED,
                "ks")));
        assertFalse(slow.isOpen(), "closed rather than buffering events without bound");
        assertTrue(fine.isOpen());
        Frame event = single(fine.responses());
        assertEquals(-1, event.stream());
        assertEquals(0x0C, event.opcode());
    }

    @Test
    void anEventForAClientThatReadsIsQueuedEvenBehindABigResponse() {
        EmbeddedServer server = new EmbeddedServer(NativeTransportConfig.defaults(0));
        Client c = server.connect();
        c.startup();
        c.send(Bytes.request(1, 0x0B, Bytes.of().stringList("SCHEMA_CHANGE").build()));
        c.channel.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
        server.tracker.onEvent(new Event.SchemaChangeEvent(SchemaChange.keyspace(SchemaChange.Change.CREATED,
                "ks")));
        assertTrue(c.isOpen(), "below the 8MiB default backlog limit");
        assertEquals(0x0C, single(c.responses()).opcode());
    }

    private static Frame single(List<Frame> frames) {
        assertEquals(1, frames.size(), frames.toString());
        return frames.get(0);
    }
}
