package org.ringlet.transport.nativeproto.message;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.ringlet.api.query.ColumnSpec;
import org.ringlet.api.query.Event;
import org.ringlet.api.query.Result;
import org.ringlet.api.query.SchemaChange;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.ListType;
import org.ringlet.api.types.MapType;
import org.ringlet.api.types.NativeType;
import org.ringlet.api.types.ReversedType;
import org.ringlet.api.types.SetType;
import org.ringlet.api.types.TupleType;
import org.ringlet.api.types.UserType;
import org.ringlet.api.types.VectorType;
import org.ringlet.transport.nativeproto.Bytes;
import org.ringlet.transport.nativeproto.Embedded;
import org.ringlet.transport.nativeproto.frame.EnvelopeEncoder;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every response and every RESULT kind, encoded and compared with bytes written by hand from sections 4.2 and 6 of
 * the v4 spec (and the v3 differences).
 */
class ResponseEncodingTest {

    static byte[] encode(ResponseFrame frame) {
        EmbeddedChannel ch = new EmbeddedChannel(new EnvelopeEncoder(), new MessageEncoder());
        ch.writeOutbound(frame);
        return Embedded.drainOutbound(ch);
    }

    static void assertBytes(byte[] expected, byte[] actual) {
        assertEquals(Bytes.hex(expected), Bytes.hex(actual));
    }

    static ByteBuffer buf(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return ByteBuffer.wrap(b);
    }

    static ByteBuffer text(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    static ColumnSpec col(String name, CqlType type) {
        return new ColumnSpec("ks", "t", name, type);
    }

    private static ResponseFrame v4(int stream, ResponseMessage m) {
        return new ResponseFrame(stream, 4, m);
    }

    @Test
    void ready() {
        assertBytes(Bytes.of().hex("84 00 0005 02 00000000").build(),
                encode(v4(5, new ResponseMessage.Ready())));
    }

    @Test
    void supported() {
        Map<String, List<String>> options = new LinkedHashMap<>();
        options.put("CQL_VERSION", List.of("3.4.7"));
        options.put("COMPRESSION", List.of());
        options.put("PROTOCOL_VERSIONS", List.of("3/v3", "4/v4", "5/v5"));
        byte[] body = Bytes.of().u16(3)
                .string("CQL_VERSION").stringList("3.4.7")
                .string("COMPRESSION").stringList()
                .string("PROTOCOL_VERSIONS").stringList("3/v3", "4/v4", "5/v5")
                .build();
        assertBytes(Bytes.response(0, 0, 0x06, body), encode(v4(0, new ResponseMessage.Supported(options))));
    }

    @Test
    void authenticationMessages() {
        assertBytes(Bytes.response(0, 1, 0x03,
                        Bytes.of().string("org.apache.cassandra.auth.PasswordAuthenticator").build()),
                encode(v4(1, new ResponseMessage.Authenticate("org.apache.cassandra.auth.PasswordAuthenticator"))));
        assertBytes(Bytes.response(0, 1, 0x0E, Bytes.of().bytes(new byte[] {1, 2}).build()),
                encode(v4(1, new ResponseMessage.AuthChallenge(new byte[] {1, 2}))));
        assertBytes(Bytes.response(0, 1, 0x10, Bytes.of().bytes(null).build()),
                encode(v4(1, new ResponseMessage.AuthSuccess(null))));
    }

    @Test
    void voidResult() {
        assertBytes(Bytes.of().hex("84 00 0007 08 00000004 00000001").build(),
                encode(v4(7, new ResponseMessage.ResultMessage(new Result.Void(), false))));
    }

    @Test
    void setKeyspace() {
        assertBytes(Bytes.response(0, 2, 0x08, Bytes.of().i32(3).string("cityinfo").build()),
                encode(v4(2, new ResponseMessage.ResultMessage(new Result.SetKeyspace("cityinfo"), false))));
    }

    @Test
    void rowsWithEveryKindOfTypeInOneTable() {
        UserType address = UserType.of("ks", "address", List.of("street", "zip"),
                List.of(NativeType.TEXT, NativeType.INT));
        List<ColumnSpec> columns = List.of(
                col("k", NativeType.INT),
                col("c", ReversedType.of(NativeType.BIGINT)),
                col("tags", SetType.of(NativeType.TEXT)),
                col("props", MapType.frozen(NativeType.TEXT, NativeType.TEXT)),
                col("scores", ListType.of(NativeType.INT)),
                col("home", address),
                col("pair", TupleType.of(NativeType.INT, NativeType.TEXT)),
                col("d", NativeType.DURATION),
                col("emb", VectorType.of(NativeType.FLOAT, 3)),
                col("day", NativeType.DATE),
                col("sm", NativeType.SMALLINT));
        ByteBuffer one = buf(0, 0, 0, 1);
        List<List<ByteBuffer>> rows = List.of(
                java.util.Arrays.asList(one, buf(0, 0, 0, 0, 0, 0, 0, 2), null, null, null, null, null, null, null,
                        buf(0x80, 0, 0, 0), buf(0, 9)),
                java.util.Arrays.asList(buf(0, 0, 0, 2), ByteBuffer.allocate(0), null, null, null, null, null,
                        null, null, null, null));
        byte[] body = Bytes.of().i32(2)                      // Rows
                .i32(0x0001).i32(11)                         // Global_tables_spec, 11 columns
                .string("ks").string("t")
                .string("k").u16(0x0009)
                .string("c").u16(0x0002)                     // DESC order is invisible: plain bigint
                .string("tags").u16(0x0022).u16(0x000D)
                .string("props").u16(0x0021).u16(0x000D).u16(0x000D)
                .string("scores").u16(0x0020).u16(0x0009)
                .string("home").u16(0x0030).string("ks").string("address").u16(2)
                    .string("street").u16(0x000D).string("zip").u16(0x0009)
                .string("pair").u16(0x0031).u16(2).u16(0x0009).u16(0x000D)
                .string("d").u16(0x0000).string("org.apache.cassandra.db.marshal.DurationType")
                .string("emb").u16(0x0000)
                    .string("org.apache.cassandra.db.marshal.VectorType(org.apache.cassandra.db.marshal.FloatType,3)")
                .string("day").u16(0x0011)
                .string("sm").u16(0x0013)
                .i32(2)                                      // rows
                .bytes(new byte[] {0, 0, 0, 1}).bytes(new byte[] {0, 0, 0, 0, 0, 0, 0, 2})
                .i32(-1).i32(-1).i32(-1).i32(-1).i32(-1).i32(-1).i32(-1)
                .bytes(new byte[] {(byte) 0x80, 0, 0, 0}).bytes(new byte[] {0, 9})
                .bytes(new byte[] {0, 0, 0, 2}).bytes(new byte[0])
                .i32(-1).i32(-1).i32(-1).i32(-1).i32(-1).i32(-1).i32(-1).i32(-1).i32(-1)
                .build();
        assertBytes(Bytes.response(0, 9, 0x08, body), encode(v4(9,
                new ResponseMessage.ResultMessage(new Result.Rows(columns, rows, null, null), false))));
    }

    @Test
    void inV3TheV4OnlyTypesAreCustom() {
        List<ColumnSpec> columns = List.of(col("day", NativeType.DATE), col("t", NativeType.TIME),
                col("s", NativeType.SMALLINT), col("b", NativeType.TINYINT), col("l", ListType.of(NativeType.TINYINT)));
        byte[] body = Bytes.of().i32(2).i32(0x0001).i32(5).string("ks").string("t")
                .string("day").u16(0).string("org.apache.cassandra.db.marshal.SimpleDateType")
                .string("t").u16(0).string("org.apache.cassandra.db.marshal.TimeType")
                .string("s").u16(0).string("org.apache.cassandra.db.marshal.ShortType")
                .string("b").u16(0).string("org.apache.cassandra.db.marshal.ByteType")
                .string("l").u16(0x20).u16(0).string("org.apache.cassandra.db.marshal.ByteType")
                .i32(0).build();
        assertBytes(Bytes.frame(0x83, 0, 1, 0x08, body), encode(new ResponseFrame(1, 3,
                new ResponseMessage.ResultMessage(new Result.Rows(columns, List.of(), null, null), false))));
    }

    @Test
    void rowsFromSeveralTablesCarryATableSpecPerColumn() {
        List<ColumnSpec> columns = List.of(new ColumnSpec("ks", "a", "x", NativeType.INT),
                new ColumnSpec("ks", "b", "y", NativeType.TEXT));
        byte[] body = Bytes.of().i32(2).i32(0).i32(2)
                .string("ks").string("a").string("x").u16(0x0009)
                .string("ks").string("b").string("y").u16(0x000D)
                .i32(1).bytes(new byte[] {0, 0, 0, 5}).bytes("hi".getBytes(StandardCharsets.UTF_8))
                .build();
        assertBytes(Bytes.response(0, 1, 0x08, body), encode(v4(1, new ResponseMessage.ResultMessage(
                new Result.Rows(columns, List.of(List.of(buf(0, 0, 0, 5), text("hi"))), null, null), false))));
    }

    @Test
    void aPageWithMoreToComeCarriesThePagingStateAfterTheColumnCount() {
        List<ColumnSpec> columns = List.of(col("k", NativeType.INT));
        byte[] body = Bytes.of().i32(2).i32(0x0001 | 0x0002).i32(1)
                .bytes(new byte[] {0, 0, 0, 100})
                .string("ks").string("t").string("k").u16(0x0009)
                .i32(1).bytes(new byte[] {0, 0, 0, 1})
                .build();
        assertBytes(Bytes.response(0, 3, 0x08, body), encode(v4(3, new ResponseMessage.ResultMessage(
                new Result.Rows(columns, List.of(List.of(buf(0, 0, 0, 1))), buf(0, 0, 0, 100), null), false))));
    }

    @Test
    void skipMetadataLeavesOutTheColumnsButKeepsCountAndPagingState() {
        List<ColumnSpec> columns = List.of(col("k", NativeType.INT), col("v", NativeType.TEXT));
        List<List<ByteBuffer>> rows = List.of(List.of(buf(0, 0, 0, 1), text("a")));
        byte[] lastPage = Bytes.of().i32(2).i32(0x0004).i32(2)
                .i32(1).bytes(new byte[] {0, 0, 0, 1}).bytes(new byte[] {'a'}).build();
        assertBytes(Bytes.response(0, 3, 0x08, lastPage), encode(v4(3, new ResponseMessage.ResultMessage(
                new Result.Rows(columns, rows, null, null), true))));
        byte[] morePages = Bytes.of().i32(2).i32(0x0004 | 0x0002).i32(2).bytes(new byte[] {7})
                .i32(1).bytes(new byte[] {0, 0, 0, 1}).bytes(new byte[] {'a'}).build();
        assertBytes(Bytes.response(0, 3, 0x08, morePages), encode(v4(3, new ResponseMessage.ResultMessage(
                new Result.Rows(columns, rows, buf(7), null), true))));
    }

    @Test
    void rowsWithoutColumns() {
        byte[] body = Bytes.of().i32(2).i32(0).i32(0).i32(0).build();
        assertBytes(Bytes.response(0, 3, 0x08, body), encode(v4(3, new ResponseMessage.ResultMessage(
                new Result.Rows(List.of(), List.of(), null, null), false))));
    }

    @Test
    void preparedSelectWithPartitionKeyIndexes() {
        byte[] id = {1, 2, 3, 4};
        Result.Prepared prepared = new Result.Prepared(id, new byte[] {9},
                List.of(col("c", NativeType.INT), col("k", NativeType.TEXT)),
                List.of(1),
                List.of(col("v", NativeType.TEXT), col("w", NativeType.BOOLEAN)));
        byte[] body = Bytes.of().i32(4).shortBytes(id)
                .i32(0x0001).i32(2).i32(1).u16(1)            // flags, 2 markers, 1 pk index: marker 1
                .string("ks").string("t")
                .string("c").u16(0x0009).string("k").u16(0x000D)
                .i32(0x0001).i32(2).string("ks").string("t") // result metadata
                .string("v").u16(0x000D).string("w").u16(0x0004)
                .build();
        assertBytes(Bytes.response(0, 4, 0x08, body),
                encode(v4(4, new ResponseMessage.ResultMessage(prepared, false))));
    }

    @Test
    void preparedWriteHasEmptyResultMetadata() {
        byte[] id = {7};
        Result.Prepared prepared = new Result.Prepared(id, new byte[] {9},
                List.of(col("k", NativeType.INT), new ColumnSpec("ks", "other", "x", NativeType.INT)),
                List.of(), List.of());
        byte[] body = Bytes.of().i32(4).shortBytes(id)
                .i32(0).i32(2).i32(0)                        // no global spec, 2 markers, no pk indexes
                .string("ks").string("t").string("k").u16(0x0009)
                .string("ks").string("other").string("x").u16(0x0009)
                .i32(0x0004).i32(0)                          // No_metadata, 0 columns
                .build();
        assertBytes(Bytes.response(0, 4, 0x08, body),
                encode(v4(4, new ResponseMessage.ResultMessage(prepared, false))));
    }

    @Test
    void preparedInV3HasNoPartitionKeyIndexes() {
        byte[] id = {7};
        Result.Prepared prepared = new Result.Prepared(id, new byte[] {9}, List.of(col("k", NativeType.INT)),
                List.of(0), List.of());
        byte[] body = Bytes.of().i32(4).shortBytes(id).i32(0x0001).i32(1)
                .string("ks").string("t").string("k").u16(0x0009)
                .i32(0x0004).i32(0).build();
        assertBytes(Bytes.frame(0x83, 0, 4, 0x08, body),
                encode(new ResponseFrame(4, 3, new ResponseMessage.ResultMessage(prepared, false))));
    }

    @Test
    void schemaChangeResults() {
        assertBytes(Bytes.response(0, 1, 0x08, Bytes.of().i32(5).string("CREATED").string("KEYSPACE")
                        .string("ks").build()),
                encode(v4(1, new ResponseMessage.ResultMessage(new Result.SchemaChangeResult(
                        SchemaChange.keyspace(SchemaChange.Change.CREATED, "ks")), false))));
        assertBytes(Bytes.response(0, 1, 0x08, Bytes.of().i32(5).string("DROPPED").string("TABLE")
                        .string("ks").string("users").build()),
                encode(v4(1, new ResponseMessage.ResultMessage(new Result.SchemaChangeResult(
                        SchemaChange.table(SchemaChange.Change.DROPPED, "ks", "users")), false))));
        assertBytes(Bytes.response(0, 1, 0x08, Bytes.of().i32(5).string("UPDATED").string("TYPE")
                        .string("ks").string("address").build()),
                encode(v4(1, new ResponseMessage.ResultMessage(new Result.SchemaChangeResult(
                        SchemaChange.type(SchemaChange.Change.UPDATED, "ks", "address")), false))));
        SchemaChange function = new SchemaChange(SchemaChange.Change.CREATED, SchemaChange.Target.FUNCTION, "ks",
                "plus", List.of("int", "int"));
        assertBytes(Bytes.response(0, 1, 0x08, Bytes.of().i32(5).string("CREATED").string("FUNCTION")
                        .string("ks").string("plus").stringList("int", "int").build()),
                encode(v4(1, new ResponseMessage.ResultMessage(new Result.SchemaChangeResult(function), false))));
        assertBytes(Bytes.frame(0x83, 0, 1, 0x08, Bytes.of().i32(5).string("UPDATED").string("KEYSPACE")
                        .string("ks").build()),
                encode(new ResponseFrame(1, 3, new ResponseMessage.ResultMessage(
                        new Result.SchemaChangeResult(function), false))));
    }

    @Test
    void warningsComeFirstWithTheWarningFlagFromV4On() {
        ResponseMessage voidResult = new ResponseMessage.ResultMessage(new Result.Void(), false);
        List<String> warnings = List.of("Your replication factor 2 for keyspace ks is higher than the number of "
                + "nodes 1");
        assertBytes(Bytes.response(0x08, 6, 0x08, Bytes.of().stringList(warnings.get(0)).i32(1).build()),
                encode(new ResponseFrame(6, 4, voidResult, warnings)));
        assertBytes(Bytes.frame(0x83, 0, 6, 0x08, Bytes.of().i32(1).build()),
                encode(new ResponseFrame(6, 3, voidResult, warnings)));
    }

    @Test
    void events() throws Exception {
        assertBytes(Bytes.response(0, 0xFFFF, 0x0C, Bytes.of().string("SCHEMA_CHANGE").string("CREATED")
                        .string("TABLE").string("ks").string("t").build()),
                encode(v4(-1, new ResponseMessage.EventMessage(new Event.SchemaChangeEvent(
                        SchemaChange.table(SchemaChange.Change.CREATED, "ks", "t"))))));
        InetSocketAddress v4addr = new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 2}), 9042);
        assertBytes(Bytes.response(0, 0xFFFF, 0x0C, Bytes.of().string("STATUS_CHANGE").string("DOWN")
                        .u8(4).raw(127, 0, 0, 2).i32(9042).build()),
                encode(v4(-1, new ResponseMessage.EventMessage(new Event.StatusChange("DOWN", v4addr)))));
        byte[] ip6 = InetAddress.getByName("::1").getAddress();
        InetSocketAddress v6addr = new InetSocketAddress(InetAddress.getByAddress(ip6), 9043);
        assertBytes(Bytes.response(0, 0xFFFF, 0x0C, Bytes.of().string("TOPOLOGY_CHANGE").string("NEW_NODE")
                        .u8(16).raw(ip6).i32(9043).build()),
                encode(v4(-1, new ResponseMessage.EventMessage(new Event.TopologyChange("NEW_NODE", v6addr)))));
    }

    @Test
    void aResponseThatCannotBeEncodedBecomesAServerErrorOnItsStream() {
        List<ColumnSpec> columns = List.of(col("k", NativeType.INT), col("v", NativeType.TEXT));
        Result.Rows bad = new Result.Rows(columns, List.of(List.of(buf(0, 0, 0, 1))), null, null);
        byte[] out = encode(v4(12, new ResponseMessage.ResultMessage(bad, false)));
        String message = "Cannot encode the response: java.lang.IllegalArgumentException: Row 0 has 1 values for "
                + "2 columns";
        assertBytes(Bytes.response(0, 12, 0x00, Bytes.of().i32(0x0000).string(message).build()), out);
    }

    @Test
    void anEventThatCannotBeEncodedIsDroppedRatherThanAnsweredOnStreamMinusOne() {
        InetSocketAddress unresolved = InetSocketAddress.createUnresolved("node2.example", 9042);
        assertBytes(new byte[0], encode(v4(-1, new ResponseMessage.EventMessage(
                new Event.StatusChange("UP", unresolved)))));
    }

    // ---- protocol v5 ----

    private static ResponseFrame v5(int stream, ResponseMessage m) {
        return new ResponseFrame(stream, 5, m);
    }

    @Test
    void v5PreparedCarriesTheResultMetadataId() {
        byte[] id = {1, 2};
        byte[] metadataId = {9, 8, 7};
        Result.Prepared prepared = new Result.Prepared(id, metadataId, List.of(col("k", NativeType.INT)),
                List.of(0), List.of(col("v", NativeType.DURATION)));
        byte[] body = Bytes.of().i32(4).shortBytes(id).shortBytes(metadataId)
                .i32(0x0001).i32(1).i32(1).u16(0).string("ks").string("t").string("k").u16(0x0009)
                .i32(0x0001).i32(1).string("ks").string("t").string("v").u16(0x0015) // duration is native in v5
                .build();
        assertBytes(Bytes.frame(0x85, 0, 4, 0x08, body),
                encode(v5(4, new ResponseMessage.ResultMessage(prepared, false))));
    }

    @Test
    void v5RowsSayWhenTheMetadataChanged() {
        List<ColumnSpec> columns = List.of(col("k", NativeType.INT));
        List<List<ByteBuffer>> rows = List.of(List.of(buf(0, 0, 0, 1)));
        // Skip_metadata was asked, but the columns changed: the new id and the full metadata are sent.
        byte[] changed = Bytes.of().i32(2).i32(0x0001 | 0x0002 | 0x0008).i32(1)
                .bytes(new byte[] {5}).shortBytes(new byte[] {4, 4})
                .string("ks").string("t").string("k").u16(0x0009)
                .i32(1).bytes(new byte[] {0, 0, 0, 1}).build();
        assertBytes(Bytes.frame(0x85, 0, 3, 0x08, changed), encode(v5(3, new ResponseMessage.ResultMessage(
                new Result.Rows(columns, rows, buf(5), new byte[] {4, 4}), true))));
        // Unchanged: No_metadata as asked.
        byte[] same = Bytes.of().i32(2).i32(0x0004).i32(1).i32(1).bytes(new byte[] {0, 0, 0, 1}).build();
        assertBytes(Bytes.frame(0x85, 0, 3, 0x08, same), encode(v5(3, new ResponseMessage.ResultMessage(
                new Result.Rows(columns, rows, null, null), true))));
        // v4 has no such flag: the id is not sent.
        byte[] v4 = Bytes.of().i32(2).i32(0x0004).i32(1).i32(1).bytes(new byte[] {0, 0, 0, 1}).build();
        assertBytes(Bytes.response(0, 3, 0x08, v4), encode(v4(3, new ResponseMessage.ResultMessage(
                new Result.Rows(columns, rows, null, new byte[] {4, 4}), true))));
    }

    @Test
    void theRefusalOfV1AndV2UsesTheirEightByteHeader() {
        byte[] out = encode(new ResponseFrame(5, 2, new ResponseMessage.ErrorMessage(
                new org.ringlet.api.error.ProtocolException("nope"))));
        assertBytes(Bytes.of().u8(0x82).u8(0).u8(5).u8(0).i32(10).i32(0x0A).string("nope").build(), out);
    }
}
