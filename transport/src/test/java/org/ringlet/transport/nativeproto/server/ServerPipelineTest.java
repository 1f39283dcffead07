package org.ringlet.transport.nativeproto.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ringlet.api.cluster.ConsistencyLevel;
import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.query.ColumnSpec;
import org.ringlet.api.query.Event;
import org.ringlet.api.query.Response;
import org.ringlet.api.query.Result;
import org.ringlet.api.query.SchemaChange;
import org.ringlet.api.types.NativeType;
import org.ringlet.transport.nativeproto.Bytes;
import org.ringlet.transport.nativeproto.frame.ProtocolVersion;
import org.ringlet.transport.nativeproto.server.EmbeddedServer.Client;
import org.ringlet.transport.nativeproto.server.EmbeddedServer.Frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole server pipeline, bytes in and bytes out, on embedded channels. */
class ServerPipelineTest {

    private static void assertBytes(byte[] expected, byte[] actual) {
        assertEquals(Bytes.hex(expected), Bytes.hex(actual));
    }

    private static Frame single(List<Frame> frames) {
        assertEquals(1, frames.size(), frames.toString());
        return frames.get(0);
    }

    private static void assertError(Frame f, int stream, int code, String message) {
        assertEquals(0x00, f.opcode(), "an ERROR");
        assertEquals(stream, f.stream());
        assertEquals(code, f.errorCode());
        assertEquals(message, f.errorMessage());
    }

    // ---- version negotiation ----

    @ParameterizedTest
    @ValueSource(ints = {0x42, 0x41, 0x06})
    void refusesUnsupportedVersionsExactlyAsDriversExpectThenCloses(int version) {
        Client c = new EmbeddedServer().connect();
        byte[] out = c.sendRaw(Bytes.frame(version, 0, 0x0007, 0x05, new byte[0]));
        String message = "Invalid or unsupported protocol version (" + version
                + "); supported versions are (3/v3, 4/v4, 5/v5)";
        assertBytes(Bytes.of().hex("85 00 0007 00").i32(4 + 2 + message.length()).i32(0x0A).string(message).build(),
                out);
        assertFalse(c.isOpen(), "closed so that the driver retries with a lower version");
    }

    @ValueSource(ints = {0x42, 0x41, 0x06, 0x05})
    @ParameterizedTest
    void withV5DisabledTheRefusalIsInAV4Header(int version) {
        Client c = new EmbeddedServer(config(1 << 20, -1, 16, ProtocolVersion.V4)).connect();
        byte[] out = c.sendRaw(Bytes.frame(version, 0, 0x0007, 0x05, new byte[0]));
        String message = "Invalid or unsupported protocol version (" + version
                + "); supported versions are (3/v3, 4/v4)";
        assertBytes(Bytes.of().hex("84 00 0007 00").i32(4 + 2 + message.length()).i32(0x0A).string(message).build(),
                out);
        assertFalse(c.isOpen());
    }

    @Test
    void refusesAStartupOfAnUnsupportedVersionOnceItsBodyArrived() {
        Client c = new EmbeddedServer().connect();
        byte[] startup = Bytes.frame(0x42, 0, 3, 0x01, Bytes.of().u16(1).string("CQL_VERSION").string("3.0.0")
                .build());
        Frame f = single(c.send(startup));
        assertEquals(0x85, f.version());
        assertError(f, 3, 0x0A, "Invalid or unsupported protocol version (66); supported versions are (3/v3, 4/v4, "
                + "5/v5)");
        assertFalse(c.isOpen());
    }

    @Test
    void v4IsNegotiatedWithoutFuss() {
        Client c = new EmbeddedServer().connect();
        Frame f = single(c.send(Bytes.request(1, 0x05, new byte[0])));
        assertEquals(0x84, f.version());
        assertEquals(0x06, f.opcode());
        assertTrue(c.isOpen());
    }

    @Test
    void v3IsServedInV3() {
        Client c = new EmbeddedServer().connect();
        Frame f = single(c.send(Bytes.frame(0x03, 0, 1, 0x05, new byte[0])));
        assertEquals(0x83, f.version());
        assertEquals(0x06, f.opcode());
    }

    @Test
    void aV5ConnectionSwitchesToSegmentsRightAfterReady() {
        EmbeddedServer server = new EmbeddedServer();
        Client c = server.connect();
        // OPTIONS and STARTUP, and the answers to them, are plain envelopes.
        assertEquals(0x06, single(c.send(Bytes.frame(0x05, 0, 1, 0x05, new byte[0]))).opcode());
        byte[] startup = Bytes.frame(0x05, 0, 2, 0x01, Bytes.of().u16(1).string("CQL_VERSION").string("3.0.0")
                .build());
        assertBytes(Bytes.frame(0x85, 0, 2, 0x02, new byte[0]), c.sendRaw(startup));
        List<String> names = c.channel.pipeline().names();
        assertTrue(names.contains(NativePipelineInitializer.SEGMENT_DECODER), names.toString());
        assertTrue(names.contains(NativePipelineInitializer.SEGMENT_ENCODER), names.toString());
        assertFalse(names.contains(NativePipelineInitializer.FRAME_DECODER), names.toString());
        assertFalse(names.contains(NativePipelineInitializer.ENVELOPE_ENCODER), names.toString());

        // From now on both directions are framed: two requests in one segment, two answers in two segments.
        byte[] query = Bytes.frame(0x05, 0, 3, 0x07, Bytes.of().longString("SELECT 1").u16(1).i32(0).build());
        byte[] options = Bytes.frame(0x05, 0, 4, 0x05, new byte[0]);
        byte[] out = c.sendRaw(Bytes.segment(Bytes.of().raw(query).raw(options).build(), true));
        byte[] expected = Bytes.of()
                .raw(Bytes.segment(Bytes.frame(0x85, 0, 3, 0x08, Bytes.of().i32(1).build()), true))
                .raw(Bytes.segment(Bytes.frame(0x85, 0, 4, 0x06, Bytes.of().u16(3)
                        .string("CQL_VERSION").stringList("3.4.7")
                        .string("COMPRESSION").stringList("lz4")
                        .string("PROTOCOL_VERSIONS").stringList("3/v3", "4/v4", "5/v5").build()), true))
                .build();
        assertBytes(expected, out);
        assertEquals("SELECT 1", server.handler.calls.get(0).query());
    }

    @Test
    void v4AndV3ConnectionsKeepPlainFrames() {
        Client c = new EmbeddedServer().connect();
        c.startup();
        assertTrue(c.channel.pipeline().names().contains(NativePipelineInitializer.FRAME_DECODER));
        assertEquals(0x08, single(c.query(1, "SELECT 1")).opcode());
    }

    @Test
    void aRefusedV5StartupDoesNotSwitch() {
        Client c = new EmbeddedServer().connect();
        byte[] bad = Bytes.frame(0x05, 0, 2, 0x01, Bytes.of().u16(0).build());
        assertError(single(c.send(bad)), 2, 0x0A, "Missing value CQL_VERSION in STARTUP message");
        assertTrue(c.channel.pipeline().names().contains(NativePipelineInitializer.FRAME_DECODER));
    }

    // ---- OPTIONS, STARTUP, REGISTER ----

    @Test
    void supportedBeforeAndAfterStartup() {
        EmbeddedServer server = new EmbeddedServer();
        server.handler.supported = Map.of("CQL_VERSION", List.of("3.4.7"));
        Client c = server.connect();
        byte[] expected = Bytes.response(0, 2, 0x06, Bytes.of().u16(3)
                .string("CQL_VERSION").stringList("3.4.7")
                .string("COMPRESSION").stringList("lz4")
                .string("PROTOCOL_VERSIONS").stringList("3/v3", "4/v4", "5/v5").build());
        assertBytes(expected, c.sendRaw(Bytes.request(2, 0x05, new byte[0])));
        assertBytes(Bytes.of().hex("84 00 0000 02 00000000").build(),
                c.sendRaw(Bytes.request(0, 0x01, Bytes.of().u16(1).string("CQL_VERSION").string("3.4.7").build())));
        assertBytes(expected, c.sendRaw(Bytes.request(2, 0x05, new byte[0])));
    }

    @Test
    void supportedAdvertisesACqlVersionEvenIfTheHandlerForgets() {
        EmbeddedServer server = new EmbeddedServer();
        server.handler.supported = Map.of();
        Frame f = single(server.connect().send(Bytes.request(2, 0x05, new byte[0])));
        ByteBuffer b = f.bodyBuffer();
        assertEquals(3, b.getShort());
        assertEquals("CQL_VERSION", Frame.readString(b));
        assertEquals(1, b.getShort());
        assertEquals("3.4.7", Frame.readString(b));
    }

    @Test
    void statementsBeforeStartupAreProtocolErrors() {
        Client c = new EmbeddedServer().connect();
        assertError(single(c.query(5, "SELECT 1")), 5, 0x0A,
                "Unexpected message QUERY, expecting STARTUP or OPTIONS");
        assertError(single(c.send(Bytes.request(6, 0x0B, Bytes.of().stringList("SCHEMA_CHANGE").build()))), 6,
                0x0A, "Unexpected message REGISTER, expecting STARTUP or OPTIONS");
        assertTrue(c.isOpen());
        assertEquals(0x02, single(c.startup()).opcode());
    }

    @Test
    void startupValidation() {
        EmbeddedServer server = new EmbeddedServer();
        assertError(single(server.connect().startup(Map.of("DRIVER_NAME", "x"))), 0, 0x0A,
                "Missing value CQL_VERSION in STARTUP message");
        assertError(single(server.connect().startup(Map.of("CQL_VERSION", "2.0.0"))), 0, 0x0A,
                "CQL version 2.0.0 is not supported by the binary protocol (supported version are >= 3.0.0)");
        assertError(single(server.connect().startup(Map.of("CQL_VERSION", "3.0.0", "COMPRESSION", "snappy"))), 0,
                0x0A, "Unknown compression algorithm: snappy (this node supports lz4, as SUPPORTED lists)");
        assertEquals(0x02, single(server.connect().startup(Map.of("CQL_VERSION", "3.0.0", "COMPRESSION", "LZ4")))
                .opcode());
        Client c = server.connect();
        assertEquals(0x02, single(c.startup(Map.of("CQL_VERSION", "3.0.0", "DRIVER_NAME", "Java",
                "DRIVER_VERSION", "4.18.1", "CLIENT_ID", "x", "APPLICATION_NAME", "app"))).opcode());
        assertError(single(c.startup()), 0, 0x0A, "Unexpected message STARTUP, the connection is already initialized");
    }

    @Test
    void registerAnswersReadyAndRefusesUnknownTypes() {
        Client c = new EmbeddedServer().connect();
        c.startup();
        assertBytes(Bytes.of().hex("84 00 0004 02 00000000").build(), c.sendRaw(Bytes.request(4, 0x0B,
                Bytes.of().stringList("TOPOLOGY_CHANGE", "STATUS_CHANGE", "SCHEMA_CHANGE").build())));
        assertError(single(c.send(Bytes.request(5, 0x0B, Bytes.of().stringList("NOPE").build()))), 5, 0x0A,
                "Invalid event type 'NOPE' in REGISTER; expected TOPOLOGY_CHANGE, STATUS_CHANGE or SCHEMA_CHANGE");
    }

    @Test
    void eventsGoOnlyToConnectionsRegisteredForTheirType() throws Exception {
        EmbeddedServer server = new EmbeddedServer();
        Client schema = server.connect();
        Client status = server.connect();
        Client none = server.connect();
        Client v3schema = server.connect();
        schema.startup();
        status.startup();
        none.startup();
        v3schema.send(Bytes.frame(0x03, 0, 0, 0x01, Bytes.of().u16(1).string("CQL_VERSION").string("3.0.0")
                .build()));
        schema.send(Bytes.request(1, 0x0B, Bytes.of().stringList("SCHEMA_CHANGE").build()));
        status.send(Bytes.request(1, 0x0B, Bytes.of().stringList("STATUS_CHANGE").build()));
        v3schema.send(Bytes.frame(0x03, 0, 1, 0x0B, Bytes.of().stringList("SCHEMA_CHANGE").build()));

        server.tracker.onEvent(new Event.SchemaChangeEvent(SchemaChange.table(SchemaChange.Change.CREATED, "ks",
                "t")));
        assertBytes(Bytes.response(0, 0xFFFF, 0x0C, Bytes.of().string("SCHEMA_CHANGE").string("CREATED")
                        .string("TABLE").string("ks").string("t").build()),
                org.ringlet.transport.nativeproto.Embedded.drainOutbound(schema.channel));
        assertBytes(Bytes.frame(0x83, 0, 0xFFFF, 0x0C, Bytes.of().string("SCHEMA_CHANGE").string("CREATED")
                        .string("TABLE").string("ks").string("t").build()),
                org.ringlet.transport.nativeproto.Embedded.drainOutbound(v3schema.channel));
        assertTrue(status.responses().isEmpty());
        assertTrue(none.responses().isEmpty());

        InetSocketAddress node = new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 9042);
        server.tracker.onEvent(new Event.StatusChange("UP", node));
        assertEquals(0x0C, single(status.responses()).opcode());
        assertTrue(schema.responses().isEmpty());
        assertTrue(none.responses().isEmpty());
    }

    @Test
    void aClosedConnectionGetsNoMoreEvents() {
        EmbeddedServer server = new EmbeddedServer();
        Client c = server.connect();
        c.startup();
        c.send(Bytes.request(1, 0x0B, Bytes.of().stringList("SCHEMA_CHANGE").build()));
        assertEquals(1, server.tracker.size());
        c.channel.close();
        assertEquals(0, server.tracker.size());
    }

    // ---- statements ----

    @Test
    void queryResultCarriesWarningsAndUseSetsTheKeyspace() {
        EmbeddedServer server = new EmbeddedServer();
        server.handler.behaviour = call -> CompletableFuture.completedFuture(call.query().startsWith("USE")
                ? Response.of(new Result.SetKeyspace("cityinfo"))
                : new Response(new Result.Void(), List.of("replication factor 2 exceeds the number of nodes")));
        Client c = server.connect();
        c.startup();
        assertBytes(Bytes.response(0, 3, 0x08, Bytes.of().i32(3).string("cityinfo").build()),
                c.sendRaw(Bytes.request(3, 0x07, Bytes.of().longString("USE cityinfo").u16(1).u8(0).build())));
        assertBytes(Bytes.response(0x08, 4, 0x08, Bytes.of()
                        .stringList("replication factor 2 exceeds the number of nodes").i32(1).build()),
                c.sendRaw(Bytes.request(4, 0x07, Bytes.of().longString("CREATE KEYSPACE x").u16(1).u8(0).build())));
        StubQueryHandler.Call second = server.handler.calls.get(1);
        assertEquals("cityinfo", second.keyspaceAtCall());
        assertEquals(4, second.state().protocolVersion());
    }

    @Test
    void prepareExecuteAndBatchReachTheHandlerWithTheirArguments() {
        EmbeddedServer server = new EmbeddedServer();
        ColumnSpec v = new ColumnSpec("ks", "t", "v", NativeType.INT);
        server.handler.behaviour = call -> CompletableFuture.completedFuture(switch (call.method()) {
            case "prepare" -> Response.of(new Result.Prepared(new byte[] {1, 2}, new byte[] {3},
                    List.of(new ColumnSpec("ks", "t", "k", NativeType.INT)), List.of(0), List.of(v)));
            case "execute" -> Response.of(new Result.Rows(List.of(v), List.of(List.of(ByteBuffer.wrap(
                    new byte[] {0, 0, 0, 9}))), null, null));
            default -> Response.of(new Result.Void());
        });
        Client c = server.connect();
        c.startup();
        Frame prepared = single(c.send(Bytes.request(1, 0x09, Bytes.of().longString("SELECT v FROM ks.t WHERE k=?")
                .build())));
        assertEquals(4, prepared.bodyBuffer().getInt());
        assertEquals("SELECT v FROM ks.t WHERE k=?", server.handler.calls.get(0).query());

        // EXECUTE with skip_metadata: rows come back with No_metadata.
        byte[] execute = Bytes.of().shortBytes(new byte[] {1, 2}).u16(0x0001).u8(0x01 | 0x02)
                .u16(1).bytes(new byte[] {0, 0, 0, 5}).build();
        assertBytes(Bytes.response(0, 2, 0x08, Bytes.of().i32(2).i32(0x0004).i32(1).i32(1)
                .bytes(new byte[] {0, 0, 0, 9}).build()), c.sendRaw(Bytes.request(2, 0x0A, execute)));
        StubQueryHandler.Call call = server.handler.calls.get(1);
        assertArrayEquals(new byte[] {1, 2}, call.id());
        assertTrue(call.options().skipMetadata());

        byte[] batch = Bytes.of().u8(0).u16(1).u8(1).shortBytes(new byte[] {1, 2}).u16(1)
                .bytes(new byte[] {0, 0, 0, 5}).u16(0x0004).u8(0).build();
        assertBytes(Bytes.response(0, 3, 0x08, Bytes.of().i32(1).build()), c.sendRaw(Bytes.request(3, 0x0D, batch)));
        assertEquals(ConsistencyLevel.QUORUM, server.handler.calls.get(2).batch().options().consistency());
    }

    @Test
    void requestsOfOneConnectionRunConcurrentlyAndAnswerOutOfOrder() {
        EmbeddedServer server = new EmbeddedServer();
        Map<String, CompletableFuture<Response>> held = new ConcurrentHashMap<>();
        server.handler.behaviour = call -> held.computeIfAbsent(call.query(), q -> new CompletableFuture<>());
        Client c = server.connect();
        c.startup();
        assertTrue(c.query(1, "q1").isEmpty());
        assertTrue(c.query(2, "q2").isEmpty());
        assertTrue(c.query(3, "q3").isEmpty());
        assertEquals(3, server.handler.calls.size(), "all three started before any finished");

        held.get("q3").complete(Response.of(new Result.SetKeyspace("three")));
        held.get("q1").completeExceptionally(new InvalidRequestException("unconfigured table t1"));
        held.get("q2").complete(Response.of(new Result.Void()));
        List<Frame> out = c.responses();
        assertEquals(List.of(3, 1, 2), out.stream().map(Frame::stream).toList());
        assertError(out.get(1), 1, 0x2200, "unconfigured table t1");
    }

    @Test
    void unexpectedExceptionsBecomeServerErrorsAndTheConnectionLives() {
        EmbeddedServer server = new EmbeddedServer();
        server.handler.behaviour = call -> switch (call.query()) {
            case "throw" -> throw new IllegalStateException("boom");
            case "fail" -> CompletableFuture.failedFuture(new ArithmeticException("/ by zero"));
            case "null" -> null;
            default -> CompletableFuture.completedFuture(Response.of(new Result.Void()));
        };
        Client c = server.connect();
        c.startup();
        assertError(single(c.query(1, "throw")), 1, 0x0000, "java.lang.IllegalStateException: boom");
        assertError(single(c.query(2, "fail")), 2, 0x0000, "java.lang.ArithmeticException: / by zero");
        assertError(single(c.query(3, "null")), 3, 0x0000,
                "java.lang.NullPointerException: the query handler returned no result");
        assertEquals(0x08, single(c.query(4, "ok")).opcode());
        assertTrue(c.isOpen());
    }

    @Test
    void aResultTheProtocolCannotCarryIsAServerErrorOnItsStream() {
        EmbeddedServer server = new EmbeddedServer();
        server.handler.behaviour = call -> CompletableFuture.completedFuture(Response.of(call.query().equals("SELECT")
                ? new Result.Rows(List.of(new ColumnSpec("ks", "t", "x".repeat(70_000), NativeType.INT)), List.of(),
                        null, null)
                : new Result.Void()));
        Client c = server.connect();
        c.startup();
        Frame f = single(c.query(8, "SELECT"));
        assertEquals(8, f.stream());
        assertEquals(0x0000, f.errorCode());
        assertTrue(f.errorMessage().startsWith("Cannot encode the response"), f.errorMessage());
        assertEquals(0x08, single(c.query(9, "again")).opcode(), "still serving");
    }

    @Test
    void authResponseIsRefusedWithoutAuthentication() {
        Client c = new EmbeddedServer().connect();
        c.startup();
        assertError(single(c.send(Bytes.request(1, 0x0F, Bytes.of().bytes(new byte[] {0}).build()))), 1, 0x0A,
                "Unexpected message AUTH_RESPONSE: this node does not require authentication");
    }

    // ---- limits ----

    private static NativeTransportConfig config(int maxFrameSize, int maxConnections, int maxRequests) {
        return config(maxFrameSize, maxConnections, maxRequests, ProtocolVersion.V5);
    }

    static NativeTransportConfig config(int maxFrameSize, int maxConnections, int maxRequests,
                                        ProtocolVersion max) {
        NativeTransportConfig d = NativeTransportConfig.defaults(0);
        return new NativeTransportConfig("127.0.0.1", 0, maxFrameSize, maxConnections, -1, maxRequests, true, max,
                1, d.maxRequestDataInFlight(), d.maxRequestDataInFlightPerIp(), 0, d.eventBacklogLimit());
    }

    @Test
    void anOversizedRequestIsRefusedAndTheConnectionGoesOn() {
        EmbeddedServer server = new EmbeddedServer(config(1024, -1, 16));
        Client c = server.connect();
        c.startup();
        Frame f = single(c.query(7, "x".repeat(2000)));
        assertError(f, 7, 0x2200, "Request is too big: length 2016 exceeds maximum allowed length 1024.");
        assertEquals(0x08, single(c.query(8, "SELECT 1")).opcode());
    }

    @Test
    void pastTheInFlightLimitTheConnectionStopsReadingUntilRequestsComplete() {
        EmbeddedServer server = new EmbeddedServer(config(1 << 20, -1, 2));
        Map<String, CompletableFuture<Response>> held = new ConcurrentHashMap<>();
        server.handler.behaviour = call -> held.computeIfAbsent(call.query(), q -> new CompletableFuture<>());
        Client c = server.connect();
        c.startup();
        RequestHandler handler = (RequestHandler) c.channel.pipeline().get(NativePipelineInitializer.REQUEST_HANDLER);
        c.query(1, "q1");
        c.query(2, "q2");
        assertTrue(c.channel.config().isAutoRead());
        c.query(3, "q3");
        c.query(4, "q4");
        assertEquals(2, handler.inFlight());
        assertEquals(2, handler.pending());
        assertEquals(List.of("q1", "q2"), server.handler.calls.stream().map(StubQueryHandler.Call::query).toList());
        assertFalse(c.channel.config().isAutoRead(), "back-pressure: no more reads");

        held.get("q2").complete(Response.of(new Result.Void()));
        assertEquals(List.of(2), c.responses().stream().map(Frame::stream).toList());
        assertEquals(List.of("q1", "q2", "q3"),
                server.handler.calls.stream().map(StubQueryHandler.Call::query).toList());
        assertFalse(c.channel.config().isAutoRead(), "still one waiting");

        held.get("q1").complete(Response.of(new Result.Void()));
        assertEquals(4, server.handler.calls.size());
        assertEquals(0, handler.pending());
        assertFalse(c.channel.config().isAutoRead(), "two in flight: at the limit");

        held.get("q3").complete(Response.of(new Result.Void()));
        assertTrue(c.channel.config().isAutoRead(), "reading again below the limit");
        held.get("q4").complete(Response.of(new Result.Void()));
        assertEquals(List.of(1, 3, 4), c.responses().stream().map(Frame::stream).toList());
        assertEquals(0, handler.inFlight());
    }

    @Test
    void aClientThatDoesNotReadItsResponsesStopsBeingRead() {
        Client c = new EmbeddedServer().connect();
        c.startup();
        assertTrue(c.channel.config().isAutoRead());
        // The outbound buffer passes its high water mark: the client is not reading.
        c.channel.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
        c.channel.runPendingTasks();
        assertFalse(c.channel.config().isAutoRead(), "no more requests read while answers pile up");
        c.channel.unsafe().outboundBuffer().setUserDefinedWritability(1, true);
        c.channel.runPendingTasks();
        assertTrue(c.channel.config().isAutoRead(), "reading again once the client caught up");
        assertEquals(0x08, single(c.query(1, "SELECT 1")).opcode());
    }

    @Test
    void clientsThatAskForItGetOverloadedErrorsInsteadOfBackPressure() {
        EmbeddedServer server = new EmbeddedServer(config(1 << 20, -1, 1));
        CompletableFuture<Response> held = new CompletableFuture<>();
        server.handler.behaviour = call -> held;
        Client c = server.connect();
        c.startup(Map.of("CQL_VERSION", "3.0.0", "THROW_ON_OVERLOAD", "1"));
        assertTrue(c.query(1, "q1").isEmpty());
        Frame f = single(c.query(2, "q2"));
        assertEquals(2, f.stream());
        assertEquals(0x1001, f.errorCode());
        assertTrue(c.channel.config().isAutoRead());
        held.complete(Response.of(new Result.Void()));
        assertEquals(1, single(c.responses()).stream());
    }

    @Test
    void connectionsBeyondTheLimitAreClosed() {
        EmbeddedServer server = new EmbeddedServer(config(1 << 20, 2, 16));
        Client first = server.connect();
        Client second = server.connect();
        Client third = server.connect();
        assertTrue(first.isOpen());
        assertTrue(second.isOpen());
        assertFalse(third.isOpen());
        first.channel.close();
        Client fourth = server.connect();
        assertTrue(fourth.isOpen(), "a closed connection frees its slot");
        assertNull(fourth.channel.readOutbound());
    }
}
