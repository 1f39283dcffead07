package org.ringlet.transport.nativeproto.fuzz;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.ringlet.transport.nativeproto.Bytes;

/**
 * Valid requests of every opcode, written field by field from the spec (independently of the production codecs),
 * as the seeds that the fuzzer mutates. Bodies differ by version where the protocol does (v5's int query flags,
 * PREPARE flags, EXECUTE's result-metadata id).
 */
final class RequestTemplates {
    /** One request: its opcode and body. */
    record Template(String name, int opcode, byte[] body) {
    }

    private RequestTemplates() {
    }

    static final int STARTUP = 0x01;
    static final int OPTIONS = 0x05;
    static final int QUERY = 0x07;
    static final int PREPARE = 0x09;
    static final int EXECUTE = 0x0A;
    static final int REGISTER = 0x0B;
    static final int BATCH = 0x0D;
    static final int AUTH_RESPONSE = 0x0F;

    /** Every template for protocol version {@code version} (3, 4 or 5). */
    static List<Template> all(int version) {
        boolean v5 = version >= 5;
        List<Template> t = new ArrayList<>();
        t.add(new Template("startup", STARTUP, startupBody(false)));
        t.add(new Template("startup-lz4", STARTUP, startupBody(true)));
        t.add(new Template("options", OPTIONS, new byte[0]));
        t.add(new Template("query-select", QUERY, query("SELECT * FROM ks.t WHERE k = 1", version, 0)));
        t.add(new Template("query-ddl", QUERY, query("CREATE TABLE ks.t2 (k int PRIMARY KEY)", version, 0)));
        t.add(new Template("query-use", QUERY, query("USE ks", version, 0)));
        t.add(new Template("query-warn", QUERY, query("WARN me", version, 0)));
        t.add(new Template("query-unavailable", QUERY, query("UNAVAILABLE", version, 0)));
        t.add(new Template("query-every-flag", QUERY, queryWithEveryFlag(version)));
        t.add(new Template("query-named", QUERY, queryNamed(version)));
        t.add(new Template("prepare", PREPARE, prepare("SELECT * FROM ks.t WHERE c0 = ?", version)));
        t.add(new Template("execute", EXECUTE, execute(version)));
        t.add(new Template("batch", BATCH, batch(version)));
        t.add(new Template("register", REGISTER, Bytes.of()
                .stringList("SCHEMA_CHANGE", "STATUS_CHANGE", "TOPOLOGY_CHANGE").build()));
        t.add(new Template("auth-response", AUTH_RESPONSE, Bytes.of().bytes(new byte[] {0, 'u', 0, 'p'}).build()));
        if (v5) {
            t.add(new Template("prepare-keyspace", PREPARE, Bytes.of().longString("SELECT * FROM t").i32(1)
                    .string("ks").build()));
        }
        return t;
    }

    static byte[] startupBody(boolean lz4) {
        Bytes b = Bytes.of().u16(lz4 ? 3 : 2).string("CQL_VERSION").string("3.0.0")
                .string("DRIVER_NAME").string("ringlet-fuzzer");
        if (lz4) {
            b.string("COMPRESSION").string("lz4");
        }
        return b.build();
    }

    private static Bytes flags(Bytes b, int flags, int version) {
        return version >= 5 ? b.i32(flags) : b.u8(flags);
    }

    static byte[] query(String cql, int version, int flags) {
        return flags(Bytes.of().longString(cql).u16(0x0001), flags, version).build();
    }

    private static byte[] queryWithEveryFlag(int version) {
        int flags = 0x01 | 0x02 | 0x04 | 0x08 | 0x10 | 0x20 | (version >= 5 ? 0x80 | 0x100 : 0);
        Bytes b = flags(Bytes.of().longString("SELECT * FROM ks.t WHERE k = ? AND c = ?").u16(0x0006), flags,
                version);
        b.u16(2).bytes(new byte[] {0, 0, 0, 7}).bytes(version >= 4 ? null : new byte[0]);
        b.i32(100).bytes(new byte[] {1, 2, 3, 4}).u16(0x0009).i64(1_700_000_000_000_000L);
        if (version >= 5) {
            b.string("ks").i32(1_700_000_000);
        }
        return b.build();
    }

    private static byte[] queryNamed(int version) {
        Bytes b = flags(Bytes.of().longString("SELECT * FROM ks.t WHERE k = :k").u16(0x0001), 0x01 | 0x40,
                version);
        return b.u16(1).string("k").bytes(new byte[] {0, 0, 0, 1}).build();
    }

    private static byte[] prepare(String cql, int version) {
        Bytes b = Bytes.of().longString(cql);
        if (version >= 5) {
            b.i32(0);
        }
        return b.build();
    }

    private static Bytes values(Bytes b) {
        List<ByteBuffer> row = FuzzQueryHandler.sampleRow(3);
        b.u16(row.size());
        for (ByteBuffer v : row) {
            byte[] bytes = new byte[v.remaining()];
            v.duplicate().get(bytes);
            b.bytes(bytes);
        }
        return b;
    }

    private static byte[] execute(int version) {
        Bytes b = Bytes.of().shortBytes(FuzzQueryHandler.PREPARED_ID);
        if (version >= 5) {
            b.shortBytes(FuzzQueryHandler.RESULT_METADATA_ID);
        }
        flags(b.u16(0x0004), 0x01 | 0x04, version);
        values(b).i32(50);
        return b.build();
    }

    private static byte[] batch(int version) {
        Bytes b = Bytes.of().u8(1).u16(2);
        b.u8(0).longString("INSERT INTO ks.t (k) VALUES (1)").u16(0);
        values(b.u8(1).shortBytes(FuzzQueryHandler.PREPARED_ID));
        b.u16(0x0001);
        return flags(b, 0, version).build();
    }
}
