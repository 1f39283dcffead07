package org.ringlet.transport.nativeproto.message;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.ringlet.api.cluster.ConsistencyLevel;
import org.ringlet.api.error.ErrorCode;
import org.ringlet.api.query.BatchRequest;
import org.ringlet.api.query.BoundValues;
import org.ringlet.api.query.QueryOptions;
import org.ringlet.transport.nativeproto.Bytes;
import org.ringlet.transport.nativeproto.Embedded;
import org.ringlet.transport.nativeproto.frame.EnvelopeDecoder;
import org.ringlet.transport.nativeproto.frame.ProtocolVersion;
import org.ringlet.transport.nativeproto.frame.RejectedFrame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every request type, hand-written per section 4.1 of the v4 spec, fed one byte at a time through the frame and
 * message decoders.
 */
class RequestDecodingTest {
    private static final byte[] ID = {(byte) 0xCA, (byte) 0xFE, 0x01};

    private static RequestFrame decode(int stream, int opcode, byte[] body) {
        return decode(Bytes.request(stream, opcode, body));
    }

    private static RequestFrame decode(byte[] frame) {
        EmbeddedChannel ch = new EmbeddedChannel(new EnvelopeDecoder(1 << 20, EnumSet.allOf(ProtocolVersion.class)),
                new MessageDecoder());
        List<Object> out = Embedded.feedByteAtATime(ch, frame);
        assertEquals(1, out.size(), "one message, emitted at the last byte: " + out);
        assertFalse(ch.finish());
        return assertInstanceOf(RequestFrame.class, out.get(0));
    }

    private static RejectedFrame reject(int stream, int opcode, byte[] body) {
        return reject(Bytes.request(stream, opcode, body));
    }

    private static RejectedFrame reject(byte[] frame) {
        EmbeddedChannel ch = new EmbeddedChannel(new EnvelopeDecoder(1 << 20, EnumSet.allOf(ProtocolVersion.class)),
                new MessageDecoder());
        List<Object> out = Embedded.feedByteAtATime(ch, frame);
        assertEquals(1, out.size(), out.toString());
        RejectedFrame r = assertInstanceOf(RejectedFrame.class, out.get(0));
        assertFalse(r.closeConnection(), "a body that does not decode leaves the stream in sync");
        // The connection goes on: the next request decodes.
        int version = frame[0] & 0x7F;
        List<Object> next = Embedded.feedByteAtATime(ch, Bytes.frame(version, 0, 99, 0x05, new byte[0]));
        assertInstanceOf(RequestMessage.Options.class, ((RequestFrame) next.get(0)).message());
        return r;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytesOf(ByteBuffer b) {
        ByteBuffer d = b.duplicate();
        byte[] out = new byte[d.remaining()];
        d.get(out);
        return out;
    }

    @Test
    void startup() {
        byte[] body = Bytes.of().u16(2).string("CQL_VERSION").string("3.0.0").string("DRIVER_NAME")
                .string("Apache Cassandra Java Driver").build();
        RequestFrame f = decode(3, 0x01, body);
        assertEquals(3, f.streamId());
        assertEquals(ProtocolVersion.V4, f.version());
        assertEquals(new RequestMessage.Startup(Map.of("CQL_VERSION", "3.0.0",
                "DRIVER_NAME", "Apache Cassandra Java Driver")), f.message());
    }

    @Test
    void options() {
        assertEquals(new RequestMessage.Options(), decode(0, 0x05, new byte[0]).message());
    }

    @Test
    void register() {
        byte[] body = Bytes.of().stringList("TOPOLOGY_CHANGE", "STATUS_CHANGE", "SCHEMA_CHANGE").build();
        assertEquals(new RequestMessage.Register(List.of("TOPOLOGY_CHANGE", "STATUS_CHANGE", "SCHEMA_CHANGE")),
                decode(1, 0x0B, body).message());
    }

    @Test
    void authResponse() {
        byte[] token = utf8("\0user\0pass");
        assertEquals(new RequestMessage.AuthResponse(token),
                decode(1, 0x0F, Bytes.of().bytes(token).build()).message());
        assertEquals(new RequestMessage.AuthResponse(null),
                decode(1, 0x0F, Bytes.of().bytes(null).build()).message());
    }

    @Test
    void queryWithoutParameters() {
        byte[] body = Bytes.of().longString("SELECT * FROM system.local WHERE key='local'").u16(0x0001).u8(0).build();
        RequestMessage.Query q = assertInstanceOf(RequestMessage.Query.class, decode(7, 0x07, body).message());
        assertEquals("SELECT * FROM system.local WHERE key='local'", q.query());
        QueryOptions o = q.options();
        assertEquals(ConsistencyLevel.ONE, o.consistency());
        assertEquals(0, o.values().size());
        assertFalse(o.skipMetadata());
        assertTrue(o.pageSize() <= 0);
        assertNull(o.pagingState());
        assertNull(o.serialConsistency());
        assertEquals(QueryOptions.NO_TIMESTAMP, o.timestamp());
        assertNull(o.keyspace());
        assertEquals(QueryOptions.NO_NOW, o.nowInSeconds());
    }

    @Test
    void queryWithEveryFlag() {
        byte[] body = Bytes.of().longString("UPDATE t SET a = ?, b = ?, c = ? WHERE k = 1")
                .u16(0x000A)                        // LOCAL_ONE
                .u8(0x01 | 0x02 | 0x04 | 0x08 | 0x10 | 0x20)
                .u16(3)                             // three values
                .bytes(new byte[] {0, 0, 0, 42})    // a value
                .i32(-1)                            // null
                .i32(-2)                            // unset
                .i32(100)                           // page size
                .bytes(new byte[] {1, 2, 3})        // paging state
                .u16(0x0009)                        // serial: LOCAL_SERIAL
                .i64(1_700_000_000_123_456L)        // timestamp
                .build();
        RequestMessage.Query q = assertInstanceOf(RequestMessage.Query.class, decode(7, 0x07, body).message());
        QueryOptions o = q.options();
        assertEquals(ConsistencyLevel.LOCAL_ONE, o.consistency());
        BoundValues v = o.values();
        assertEquals(3, v.size());
        assertArrayEquals(new byte[] {0, 0, 0, 42}, bytesOf(v.get(0)));
        assertFalse(v.isUnset(0));
        assertNull(v.get(1));
        assertFalse(v.isUnset(1));
        assertNull(v.get(2));
        assertTrue(v.isUnset(2));
        assertNull(v.names());
        assertTrue(o.skipMetadata());
        assertEquals(100, o.pageSize());
        assertArrayEquals(new byte[] {1, 2, 3}, bytesOf(o.pagingState()));
        assertEquals(ConsistencyLevel.LOCAL_SERIAL, o.serialConsistency());
        assertEquals(1_700_000_000_123_456L, o.timestamp());
    }

    @Test
    void queryWithNamedValues() {
        byte[] body = Bytes.of().longString("SELECT * FROM system.peers_v2 WHERE peer = :address and peer_port = :port")
                .u16(0x0001).u8(0x01 | 0x40)
                .u16(2)
                .string("address").bytes(new byte[] {127, 0, 0, 2})
                .string("port").bytes(new byte[] {0, 0, 0x1B, 0x58})
                .build();
        RequestMessage.Query q = assertInstanceOf(RequestMessage.Query.class, decode(1, 0x07, body).message());
        assertEquals(List.of("address", "port"), q.options().values().names());
        assertArrayEquals(new byte[] {127, 0, 0, 2}, bytesOf(q.options().values().get(0)));
        assertArrayEquals(new byte[] {0, 0, 0x1B, 0x58}, bytesOf(q.options().values().get(1)));
    }

    @Test
    void inProtocolV3EveryNegativeValueLengthIsANull() {
        byte[] body = Bytes.of().longString("INSERT INTO t (k, v) VALUES (?, ?)").u16(1).u8(0x01)
                .u16(2).i32(-1).i32(-2).build();
        RequestFrame f = decode(Bytes.frame(0x03, 0, 1, 0x07, body));
        assertEquals(ProtocolVersion.V3, f.version());
        BoundValues v = ((RequestMessage.Query) f.message()).options().values();
        assertNull(v.get(1));
        assertFalse(v.isUnset(1), "unset values do not exist before v4");
    }

    @Test
    void prepare() {
        byte[] body = Bytes.of().longString("SELECT v FROM ks.t WHERE k = ?").build();
        assertEquals(new RequestMessage.Prepare("SELECT v FROM ks.t WHERE k = ?", null),
                decode(2, 0x09, body).message());
    }

    @Test
    void executeAsTheJavaDriverSendsIt() {
        byte[] body = Bytes.of().shortBytes(ID)
                .u16(0x0006)                               // LOCAL_QUORUM
                .u8(0x01 | 0x02 | 0x04 | 0x20)             // 0x27
                .u16(1).bytes(new byte[] {0, 0, 0, 7})
                .i32(5000)
                .i64(123L)
                .build();
        RequestMessage.Execute e = assertInstanceOf(RequestMessage.Execute.class, decode(4, 0x0A, body).message());
        assertArrayEquals(ID, e.id());
        assertNull(e.resultMetadataId());
        assertEquals(ConsistencyLevel.LOCAL_QUORUM, e.options().consistency());
        assertTrue(e.options().skipMetadata());
        assertEquals(5000, e.options().pageSize());
        assertEquals(123L, e.options().timestamp());
        assertArrayEquals(new byte[] {0, 0, 0, 7}, bytesOf(e.options().values().get(0)));
    }

    @Test
    void batchOfAQueryAndAPreparedStatement() {
        byte[] body = Bytes.of()
                .u8(1)                                     // UNLOGGED
                .u16(2)
                .u8(0).longString("INSERT INTO t (k) VALUES (?)").u16(1).bytes(new byte[] {0, 0, 0, 1})
                .u8(1).shortBytes(ID).u16(2).bytes(new byte[] {0, 0, 0, 2}).i32(-2)
                .u16(0x0004)                               // QUORUM
                .u8(0x10 | 0x20)
                .u16(0x0008)                               // SERIAL
                .i64(99L)
                .build();
        RequestMessage.Batch b = assertInstanceOf(RequestMessage.Batch.class, decode(5, 0x0D, body).message());
        BatchRequest batch = b.batch();
        assertEquals(BatchRequest.Type.UNLOGGED, batch.type());
        assertEquals(2, batch.statements().size());
        BatchRequest.Statement first = batch.statements().get(0);
        assertEquals("INSERT INTO t (k) VALUES (?)", first.query());
        assertNull(first.id());
        assertArrayEquals(new byte[] {0, 0, 0, 1}, bytesOf(first.values().get(0)));
        BatchRequest.Statement second = batch.statements().get(1);
        assertNull(second.query());
        assertArrayEquals(ID, second.id());
        assertEquals(2, second.values().size());
        assertTrue(second.values().isUnset(1));
        assertEquals(ConsistencyLevel.QUORUM, batch.options().consistency());
        assertEquals(ConsistencyLevel.SERIAL, batch.options().serialConsistency());
        assertEquals(99L, batch.options().timestamp());
    }

    @Test
    void aCustomPayloadIsSkipped() {
        byte[] body = Bytes.of().u16(1).string("key").bytes(new byte[] {1, 2})
                .longString("SELECT 1").u16(1).u8(0).build();
        RequestFrame f = decode(Bytes.frame(0x04, 0x04, 1, 0x07, body));
        assertEquals("SELECT 1", ((RequestMessage.Query) f.message()).query());
    }

    @Test
    void theTracingFlagIsAccepted() {
        byte[] body = Bytes.of().longString("SELECT 1").u16(1).u8(0).build();
        RequestFrame f = decode(Bytes.frame(0x04, 0x02, 1, 0x07, body));
        assertEquals("SELECT 1", ((RequestMessage.Query) f.message()).query());
    }

    // ---- protocol v5 (section 4.1 of native_protocol_v5.spec) ----

    @Test
    void v5QueryHasIntFlagsAKeyspaceAndANow() {
        byte[] body = Bytes.of().longString("SELECT * FROM t")
                .u16(0x0001)
                .i32(0x01 | 0x04 | 0x20 | 0x80 | 0x100)
                .u16(1).bytes(new byte[] {1})
                .i32(50)
                .i64(77L)
                .string("cityinfo")
                .i32(1_700_000_000)
                .build();
        RequestFrame f = decode(Bytes.frame(0x05, 0, 3, 0x07, body));
        assertEquals(ProtocolVersion.V5, f.version());
        QueryOptions o = ((RequestMessage.Query) f.message()).options();
        assertEquals(50, o.pageSize());
        assertEquals(77L, o.timestamp());
        assertEquals("cityinfo", o.keyspace());
        assertEquals(1_700_000_000, o.nowInSeconds());
    }

    @Test
    void v5PrepareMayCarryAKeyspace() {
        byte[] body = Bytes.of().longString("SELECT * FROM t").i32(0x01).string("cityinfo").build();
        assertEquals(new RequestMessage.Prepare("SELECT * FROM t", "cityinfo"),
                decode(Bytes.frame(0x05, 0, 3, 0x09, body)).message());
        byte[] without = Bytes.of().longString("SELECT * FROM t").i32(0).build();
        assertEquals(new RequestMessage.Prepare("SELECT * FROM t", null),
                decode(Bytes.frame(0x05, 0, 3, 0x09, without)).message());
    }

    @Test
    void v5ExecuteCarriesTheResultMetadataId() {
        byte[] body = Bytes.of().shortBytes(ID).shortBytes(new byte[] {7, 7}).u16(0x0001).i32(0x02).build();
        RequestMessage.Execute e = (RequestMessage.Execute) decode(Bytes.frame(0x05, 0, 3, 0x0A, body)).message();
        assertArrayEquals(ID, e.id());
        assertArrayEquals(new byte[] {7, 7}, e.resultMetadataId());
        assertTrue(e.options().skipMetadata());
    }

    @Test
    void v5BatchHasIntFlagsAKeyspaceAndANow() {
        byte[] body = Bytes.of().u8(0).u16(1).u8(0).longString("INSERT INTO t (k) VALUES (1)").u16(0)
                .u16(0x0001).i32(0x20 | 0x80 | 0x100).i64(5L).string("ks").i32(42).build();
        BatchRequest batch = ((RequestMessage.Batch) decode(Bytes.frame(0x05, 0, 3, 0x0D, body)).message()).batch();
        assertEquals(5L, batch.options().timestamp());
        assertEquals("ks", batch.options().keyspace());
        assertEquals(42, batch.options().nowInSeconds());
    }

    @Test
    void v5RefusesUnknownFlagsAndV4RefusesV5Flags() {
        byte[] v5 = Bytes.of().longString("SELECT 1").u16(1).i32(0x200).build();
        assertProtocolError(reject(Bytes.frame(0x05, 0, 30, 0x07, v5)), 30, "Unknown query flags 0x200", 5);
        byte[] v4 = Bytes.of().longString("SELECT 1").u16(1).u8(0x80).build();
        assertProtocolError(reject(31, 0x07, v4), 31, "Unknown query flags 0x80");
    }

    // ---- malformed bodies: a protocol error on the request's stream, the connection goes on ----

    private static void assertProtocolError(RejectedFrame r, int stream, String messagePart) {
        assertProtocolError(r, stream, messagePart, 4);
    }

    private static void assertProtocolError(RejectedFrame r, int stream, String messagePart, int version) {
        assertEquals(stream, r.streamId());
        assertEquals(version, r.replyVersion());
        assertEquals(ErrorCode.PROTOCOL_ERROR, r.error().code());
        assertTrue(r.error().getMessage().contains(messagePart), r.error().getMessage());
    }

    @Test
    void unknownOpcode() {
        assertProtocolError(reject(11, 0x04, new byte[0]), 11, "Unknown opcode 4");
        assertProtocolError(reject(12, 0x42, new byte[0]), 12, "Unknown opcode 66");
    }

    @Test
    void responseOpcodeFromAClient() {
        assertProtocolError(reject(13, 0x02, new byte[0]), 13, "Wrong protocol direction");
    }

    @Test
    void responseVersionByteFromAClient() {
        assertProtocolError(reject(Bytes.frame(0x84, 0, 14, 0x05, new byte[0])), 14, "marks a response");
    }

    @Test
    void compressedWithoutNegotiation() {
        assertProtocolError(reject(Bytes.frame(0x04, 0x01, 15, 0x07, new byte[4])), 15, "compressed");
    }

    @Test
    void truncatedBody() {
        byte[] body = Bytes.of().i32(1000).raw(utf8("SELECT")).build();
        assertProtocolError(reject(16, 0x07, body), 16, "Not enough bytes to read [long string]");
    }

    @Test
    void missingQueryParameters() {
        assertProtocolError(reject(17, 0x07, Bytes.of().longString("SELECT 1").build()), 17, "[short]");
    }

    @Test
    void unknownConsistency() {
        byte[] body = Bytes.of().longString("SELECT 1").u16(0x42).u8(0).build();
        assertProtocolError(reject(18, 0x07, body), 18, "Unknown code 66 for a consistency level");
    }

    @Test
    void invalidUtf8() {
        byte[] body = Bytes.of().i32(2).raw(0xC3, 0x28).u16(1).u8(0).build();
        assertProtocolError(reject(19, 0x07, body), 19, "UTF-8");
    }

    @Test
    void zeroPageSize() {
        byte[] body = Bytes.of().longString("SELECT 1").u16(1).u8(0x04).i32(0).build();
        assertProtocolError(reject(20, 0x07, body), 20, "The page size cannot be 0");
    }

    @Test
    void invalidValueLength() {
        byte[] body = Bytes.of().longString("SELECT ?").u16(1).u8(0x01).u16(1).i32(-3).build();
        assertProtocolError(reject(21, 0x07, body), 21, "Invalid [value] length -3");
    }

    @Test
    void valueLongerThanTheBody() {
        byte[] body = Bytes.of().longString("SELECT ?").u16(1).u8(0x01).u16(1).i32(Integer.MAX_VALUE).build();
        assertProtocolError(reject(22, 0x07, body), 22, "Not enough bytes to read [value]");
    }

    @Test
    void timestampOutOfBounds() {
        byte[] body = Bytes.of().longString("SELECT 1").u16(1).u8(0x20).i64(Long.MIN_VALUE).build();
        assertProtocolError(reject(23, 0x07, body), 23, "Out of bound timestamp");
    }


    @Test
    void badBatches() {
        byte[] badKind = Bytes.of().u8(0).u16(1).u8(2).longString("x").u16(0).u16(1).u8(0).build();
        assertProtocolError(reject(25, 0x0D, badKind), 25, "Must be 0 or 1 but got 2");
        byte[] badType = Bytes.of().u8(3).u16(0).u16(1).u8(0).build();
        assertProtocolError(reject(26, 0x0D, badType), 26, "Unknown BATCH type 3");
        byte[] names = Bytes.of().u8(0).u16(0).u16(1).u8(0x40).build();
        assertProtocolError(reject(27, 0x0D, names), 27, "Named values are not supported in BATCH");
        byte[] values = Bytes.of().u8(0).u16(0).u16(1).u8(0x04).build();
        assertProtocolError(reject(28, 0x0D, values), 28, "Invalid BATCH flags");
    }
}
