package org.ringlet.transport.nativeproto.server;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ringlet.api.query.Response;
import org.ringlet.api.query.Result;
import org.ringlet.api.types.CqlTypeParser;
import org.ringlet.api.types.ListType;
import org.ringlet.api.types.NativeType;
import org.ringlet.transport.nativeproto.Bytes;
import org.ringlet.transport.nativeproto.server.EmbeddedServer.Client;
import org.ringlet.transport.nativeproto.server.EmbeddedServer.Frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Malformed and hostile requests through the whole pipeline, byte at a time: each gets a protocol (0x000A) or
 * invalid-request (0x2200) error whose body is complete (code, then a message filling the rest), on its stream;
 * the connection goes on when frame boundaries are intact and closes when they cannot be trusted; other
 * connections are never affected.
 */
class HostileInputTest {

    private static Frame single(List<Frame> frames) {
        assertEquals(1, frames.size(), frames.toString());
        return frames.get(0);
    }

    /** An error with exactly a code and a [string] message: nothing missing, nothing left over. */
    private static void assertCompleteError(Frame f, int stream, int code, String messagePart) {
        assertEquals(0x00, f.opcode(), "an ERROR");
        assertEquals(stream, f.stream());
        ByteBuffer b = f.bodyBuffer();
        assertEquals(code, b.getInt());
        String message = Frame.readString(b);
        assertEquals(0, b.remaining(), "the body ends with the message");
        assertTrue(message.contains(messagePart), message);
    }

    private static Client ready(EmbeddedServer server) {
        Client c = server.connect();
        assertEquals(0x02, single(c.startup()).opcode());
        return c;
    }

    private static void assertStillServed(Client c) {
        assertTrue(c.isOpen());
        assertEquals(0x06, single(c.send(Bytes.request(99, 0x05, new byte[0]))).opcode());
    }

    @Test
    void garbageAfterAMessageIsAProtocolError() {
        Client c = ready(new EmbeddedServer());
        byte[] query = Bytes.of().longString("SELECT 1").u16(1).u8(0).raw(0xDE, 0xAD).build();
        assertCompleteError(single(c.send(Bytes.request(3, 0x07, query))), 3, 0x0A,
                "2 unexpected bytes after the QUERY (0x07) message");
        assertCompleteError(single(c.send(Bytes.request(4, 0x05, new byte[] {1}))), 4, 0x0A,
                "1 unexpected bytes after the OPTIONS (0x05) message");
        assertStillServed(c);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x04, 0x11, 0x7F, 0xFF})
    void unknownOpcodesAreProtocolErrors(int opcode) {
        Client c = ready(new EmbeddedServer());
        assertCompleteError(single(c.send(Bytes.request(5, opcode, new byte[] {1, 2, 3}))), 5, 0x0A,
                "Unknown opcode " + opcode);
        assertStillServed(c);
    }

    @Test
    void invalidUtf8InAnyStringIsAProtocolError() {
        EmbeddedServer server = new EmbeddedServer();
        Client c = ready(server);
        byte[] overlong = {(byte) 0xC0, (byte) 0x80};
        byte[] surrogate = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
        assertCompleteError(single(c.send(Bytes.request(6, 0x07, Bytes.of().i32(2).raw(overlong).u16(1).u8(0)
                .build()))), 6, 0x0A, "Cannot decode [long string] as UTF-8");
        assertCompleteError(single(c.send(Bytes.request(7, 0x0B, Bytes.of().u16(1).u16(3).raw(surrogate)
                .build()))), 7, 0x0A, "Cannot decode [string] as UTF-8");
        assertEquals(0, server.handler.calls.size(), "nothing reached the query handler");
        assertStillServed(c);
    }

    @Test
    void truncatedBodiesAndAbsurdCountsAreProtocolErrors() {
        Client c = ready(new EmbeddedServer());
        // A [long string] that claims 100 bytes, with 8 present.
        assertCompleteError(single(c.send(Bytes.request(8, 0x07, Bytes.of().i32(100).raw("SELECT 1".getBytes())
                .build()))), 8, 0x0A, "Not enough bytes to read [long string]");
        // 65535 values announced, none sent.
        assertCompleteError(single(c.send(Bytes.request(9, 0x07, Bytes.of().longString("SELECT 1").u16(1).u8(1)
                .u16(0xFFFF).build()))), 9, 0x0A, "Not enough bytes");
        // A value claiming 2 GiB.
        assertCompleteError(single(c.send(Bytes.request(10, 0x07, Bytes.of().longString("SELECT 1").u16(1).u8(1)
                .u16(1).i32(Integer.MAX_VALUE).build()))), 10, 0x0A, "Not enough bytes to read [value]");
        assertStillServed(c);
    }

    @Test
    void anAbsurdFrameLengthIsRefusedWithoutBufferingAndTheConnectionGoesOn() {
        EmbeddedServer server = new EmbeddedServer(ServerPipelineTest.config(64 * 1024, -1, 16,
                org.ringlet.transport.nativeproto.frame.ProtocolVersion.V5));
        Client c = ready(server);
        // 70,000 bytes declared, past the 64 KiB limit: skipped as they arrive, then refused.
        byte[] header = Bytes.of().u8(4).u8(0).u16(11).u8(0x07).i32(70_000).build();
        assertTrue(c.send(header).isEmpty());
        c.channel.writeInbound(io.netty.buffer.Unpooled.wrappedBuffer(new byte[69_999]));
        assertTrue(c.responses().isEmpty());
        assertCompleteError(single(c.send(new byte[1])), 11, 0x2200, "Request is too big");
        assertStillServed(c);
        // A negative length cannot be skipped: the answer, then the connection closes.
        Client d = ready(server);
        assertCompleteError(single(d.send(Bytes.of().u8(4).u8(0).u16(12).u8(0x07).i32(-5).build())), 12, 0x0A,
                "Invalid frame body length -5");
        assertFalse(d.isOpen());
        assertStillServed(c);
    }

    @Test
    void aBadV5ChecksumClosesOnlyThatConnection() {
        EmbeddedServer server = new EmbeddedServer();
        Client other = ready(server);
        Client c = server.connect();
        c.send(Bytes.frame(0x05, 0, 1, 0x01, Bytes.of().u16(1).string("CQL_VERSION").string("3.0.0").build()));
        byte[] segment = Bytes.segment(Bytes.frame(0x05, 0, 2, 0x05, new byte[0]), true);
        segment[4] ^= 0x10; // the header's CRC24
        // Detected as soon as the 6 header bytes are in; the server closes then, so the client sends no more.
        byte[] out = c.sendRaw(java.util.Arrays.copyOf(segment, 6));
        // Our side of the stream is intact: the error goes out in a segment of its own.
        byte[] payload = java.util.Arrays.copyOfRange(out, 6, out.length - 4);
        assertEquals(Bytes.hex(Bytes.segment(payload, true)), Bytes.hex(out));
        Frame f = single(EmbeddedServer.parse(payload));
        assertEquals(0x85, f.version());
        assertCompleteError(f, 0, 0x0A, "CRC mismatch on the header of a segment");
        assertFalse(c.isOpen(), "the stream cannot be resynchronised");
        assertStillServed(other);
    }

    @Test
    void valuesOfTheWrongSizeAndHugeCollectionsAreInvalidRequests() {
        EmbeddedServer server = new EmbeddedServer();
        // A handler that checks values against their types, as a real one does with the core-api codecs.
        ListType listOfInt = ListType.of(NativeType.INT);
        server.handler.behaviour = call -> {
            NativeType.INT.validate(call.options().values().get(0));
            listOfInt.validate(call.options().values().get(1));
            return CompletableFuture.completedFuture(Response.of(new Result.Void()));
        };
        Client c = ready(server);
        byte[] goodList = listOfInt.decompose(List.of(1, 2)).array();
        assertCompleteError(single(c.send(Bytes.request(13, 0x07, Bytes.of().longString("INSERT").u16(1).u8(1)
                .u16(2).bytes(new byte[] {0, 0, 1}).bytes(goodList).build()))), 13, 0x2200, "int");
        byte[] hugeList = Bytes.of().i32(Integer.MAX_VALUE).i32(4).i32(1).build();
        assertCompleteError(single(c.send(Bytes.request(14, 0x07, Bytes.of().longString("INSERT").u16(1).u8(1)
                .u16(2).bytes(new byte[] {0, 0, 0, 1}).bytes(hugeList).build()))), 14, 0x2200,
                "Not enough bytes to read 2147483647 elements");
        assertEquals(0x08, single(c.send(Bytes.request(15, 0x07, Bytes.of().longString("INSERT").u16(1).u8(1)
                .u16(2).bytes(new byte[] {0, 0, 0, 1}).bytes(goodList).build()))).opcode());
    }

    @Test
    void aDeeplyNestedTypeInAStatementIsAnInvalidRequestNotAServerError() {
        EmbeddedServer server = new EmbeddedServer();
        server.handler.behaviour = call -> {
            CqlTypeParser.parse(call.query());
            return CompletableFuture.completedFuture(Response.of(new Result.Void()));
        };
        Client c = ready(server);
        String deep = "frozen<list<".repeat(20_000) + "int" + ">>".repeat(20_000);
        assertCompleteError(single(c.query(16, deep)), 16, 0x2200, "nested more than 100 levels deep");
        assertStillServed(c);
    }
}
