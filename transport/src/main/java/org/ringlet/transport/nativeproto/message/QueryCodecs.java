package org.ringlet.transport.nativeproto.message;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import io.netty.buffer.ByteBuf;
import org.ringlet.api.cluster.ConsistencyLevel;
import org.ringlet.api.error.ProtocolException;
import org.ringlet.api.query.BatchRequest;
import org.ringlet.api.query.BoundValues;
import org.ringlet.api.query.QueryOptions;
import org.ringlet.transport.nativeproto.frame.ProtocolVersion;

/**
 * Decoders of the statement requests (QUERY, PREPARE, EXECUTE, BATCH) and of their shared query parameters
 * (section 4.1.4): {@code <consistency><flags>[<n>[name_1]<value_1>…][<page_size>][<paging_state>]
 * [<serial_consistency>][<timestamp>]}, flags a byte up to v4; v5 makes the flags an int and appends
 * {@code [<keyspace>][<now_in_seconds>]}, adds flags and a keyspace to PREPARE and the result-metadata id to
 * EXECUTE.
 */
public final class QueryCodecs {
    public static final int FLAG_VALUES = 0x01;
    public static final int FLAG_SKIP_METADATA = 0x02;
    public static final int FLAG_PAGE_SIZE = 0x04;
    public static final int FLAG_PAGING_STATE = 0x08;
    public static final int FLAG_SERIAL_CONSISTENCY = 0x10;
    public static final int FLAG_TIMESTAMP = 0x20;
    public static final int FLAG_NAMES = 0x40;
    /** v5: a per-request keyspace follows. */
    public static final int FLAG_KEYSPACE = 0x80;
    /** v5: a "now" in seconds follows. */
    public static final int FLAG_NOW_IN_SECONDS = 0x100;
    /** v5 PREPARE: a keyspace follows. */
    public static final int PREPARE_FLAG_KEYSPACE = 0x01;

    /** Flags that make no sense in a BATCH and that the spec requires to be zero. */
    private static final int BATCH_FORBIDDEN_FLAGS = FLAG_VALUES | FLAG_SKIP_METADATA | FLAG_PAGE_SIZE
            | FLAG_PAGING_STATE;
    private static final int KNOWN_FLAGS_V4 = 0x7F;
    private static final int KNOWN_FLAGS_V5 = 0x1FF;

    private QueryCodecs() {
    }

    /** {@code <query: [long string]><query_parameters>}. */
    static final RequestCodec<RequestMessage.Query> QUERY = (body, version) -> {
        String query = Wire.readLongString(body);
        return new RequestMessage.Query(query, readQueryParameters(body, version));
    };

    /** {@code <query: [long string]>}; v5 adds {@code <flags: [int]>[<keyspace: [string]>]}. */
    static final RequestCodec<RequestMessage.Prepare> PREPARE = (body, version) -> {
        String query = Wire.readLongString(body);
        String keyspace = null;
        if (version.isAtLeast(ProtocolVersion.V5)) {
            int flags = Wire.readInt(body);
            if ((flags & ~PREPARE_FLAG_KEYSPACE) != 0) {
                throw new ProtocolException("Unknown PREPARE flags 0x" + Integer.toHexString(flags
                        & ~PREPARE_FLAG_KEYSPACE));
            }
            if ((flags & PREPARE_FLAG_KEYSPACE) != 0) {
                keyspace = Wire.readString(body);
            }
        }
        return new RequestMessage.Prepare(query, keyspace);
    };

    /** {@code <id: [short bytes]>}, v5 {@code <result_metadata_id: [short bytes]>}, {@code <query_parameters>}. */
    static final RequestCodec<RequestMessage.Execute> EXECUTE = (body, version) -> {
        byte[] id = Wire.readShortBytes(body);
        byte[] resultMetadataId = version.isAtLeast(ProtocolVersion.V5) ? Wire.readShortBytes(body) : null;
        return new RequestMessage.Execute(id, resultMetadataId, readQueryParameters(body, version));
    };

    /**
     * {@code <type><n><query_1>…<query_n><consistency><flags>[<serial_consistency>][<timestamp>]}, each query
     * {@code <kind><string_or_id><n><value_1>…<value_n>}.
     */
    static final RequestCodec<RequestMessage.Batch> BATCH = (body, version) -> {
        int typeCode = Wire.readByte(body);
        BatchRequest.Type type;
        try {
            type = BatchRequest.Type.fromCode(typeCode);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("Unknown BATCH type " + typeCode + "; must be 0 (logged), 1 (unlogged) "
                    + "or 2 (counter)");
        }
        int n = Wire.readShort(body);
        List<BatchRequest.Statement> statements = new ArrayList<>(Math.min(n, body.readableBytes()));
        for (int i = 0; i < n; i++) {
            int kind = Wire.readByte(body);
            String query = null;
            byte[] id = null;
            if (kind == 0) {
                query = Wire.readLongString(body);
            } else if (kind == 1) {
                id = Wire.readShortBytes(body);
            } else {
                throw new ProtocolException("Invalid query kind in BATCH messages. Must be 0 or 1 but got " + kind);
            }
            BoundValues values = readValues(body, version, false);
            statements.add(new BatchRequest.Statement(query, id, values));
        }
        ConsistencyLevel consistency = Wire.readConsistency(body);
        int flags = readFlags(body, version);
        if ((flags & BATCH_FORBIDDEN_FLAGS) != 0) {
            throw new ProtocolException("Invalid BATCH flags 0x" + Integer.toHexString(flags)
                    + ": values, skip_metadata, page_size and paging_state do not apply to a batch");
        }
        if ((flags & FLAG_NAMES) != 0) {
            throw new ProtocolException("Named values are not supported in BATCH (they cannot be decoded: the "
                    + "flag follows the values); send positional values");
        }
        ConsistencyLevel serial = (flags & FLAG_SERIAL_CONSISTENCY) != 0 ? Wire.readConsistency(body) : null;
        long timestamp = (flags & FLAG_TIMESTAMP) != 0 ? readTimestamp(body) : QueryOptions.NO_TIMESTAMP;
        String keyspace = (flags & FLAG_KEYSPACE) != 0 ? Wire.readString(body) : null;
        int now = (flags & FLAG_NOW_IN_SECONDS) != 0 ? Wire.readInt(body) : QueryOptions.NO_NOW;
        QueryOptions options = new QueryOptions(consistency, BoundValues.none(), false, -1, null, serial,
                timestamp, keyspace, now);
        return new RequestMessage.Batch(new BatchRequest(type, statements, options));
    };

    /** Reads {@code <query_parameters>}. */
    public static QueryOptions readQueryParameters(ByteBuf body, ProtocolVersion version) {
        ConsistencyLevel consistency = Wire.readConsistency(body);
        int flags = readFlags(body, version);
        BoundValues values = (flags & FLAG_VALUES) != 0
                ? readValues(body, version, (flags & FLAG_NAMES) != 0)
                : BoundValues.none();
        boolean skipMetadata = (flags & FLAG_SKIP_METADATA) != 0;
        int pageSize = -1;
        if ((flags & FLAG_PAGE_SIZE) != 0) {
            pageSize = Wire.readInt(body);
            if (pageSize == 0) {
                throw new ProtocolException("The page size cannot be 0");
            }
        }
        ByteBuffer pagingState = (flags & FLAG_PAGING_STATE) != 0 ? Wire.readBytes(body) : null;
        ConsistencyLevel serial = (flags & FLAG_SERIAL_CONSISTENCY) != 0 ? Wire.readConsistency(body) : null;
        long timestamp = (flags & FLAG_TIMESTAMP) != 0 ? readTimestamp(body) : QueryOptions.NO_TIMESTAMP;
        String keyspace = (flags & FLAG_KEYSPACE) != 0 ? Wire.readString(body) : null;
        int now = (flags & FLAG_NOW_IN_SECONDS) != 0 ? Wire.readInt(body) : QueryOptions.NO_NOW;
        return new QueryOptions(consistency, values, skipMetadata, pageSize, pagingState, serial, timestamp,
                keyspace, now);
    }

    /** The flags: a {@code [byte]} up to v4, an {@code [int]} from v5, with no bit the version does not define. */
    private static int readFlags(ByteBuf body, ProtocolVersion version) {
        boolean v5 = version.isAtLeast(ProtocolVersion.V5);
        int flags = v5 ? Wire.readInt(body) : Wire.readByte(body);
        int known = v5 ? KNOWN_FLAGS_V5 : KNOWN_FLAGS_V4;
        if ((flags & ~known) != 0) {
            throw new ProtocolException("Unknown query flags 0x" + Integer.toHexString(flags & ~known));
        }
        return flags;
    }

    private static long readTimestamp(ByteBuf body) {
        long ts = Wire.readLong(body);
        if (ts == Long.MIN_VALUE) {
            throw new ProtocolException("Out of bound timestamp, must be in [" + (Long.MIN_VALUE + 1) + ", "
                    + Long.MAX_VALUE + "] (got " + ts + ")");
        }
        return ts;
    }

    /** {@code [short] n} then n {@code [value]}s, each preceded by a {@code [string]} name when named. */
    private static BoundValues readValues(ByteBuf body, ProtocolVersion version, boolean named) {
        int n = Wire.readShort(body);
        if (n == 0 && !named) {
            return BoundValues.none();
        }
        boolean allowUnset = version.isAtLeast(ProtocolVersion.V4);
        List<ByteBuffer> values = new ArrayList<>(Math.min(n, body.readableBytes() / 4 + 1));
        List<String> names = named ? new ArrayList<>() : null;
        BitSet unset = new BitSet();
        for (int i = 0; i < n; i++) {
            if (named) {
                names.add(Wire.readString(body));
            }
            int length = Wire.readValueLength(body, allowUnset);
            if (length == Wire.UNSET_LENGTH) {
                unset.set(i);
                values.add(null);
            } else if (length < 0) {
                values.add(null);
            } else {
                byte[] bytes = new byte[length];
                body.readBytes(bytes);
                values.add(ByteBuffer.wrap(bytes));
            }
        }
        return named ? BoundValues.named(names, values, unset) : BoundValues.of(values, unset);
    }
}
