package org.ringlet.transport.nativeproto.fuzz;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import org.ringlet.api.cluster.ConsistencyLevel;
import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.error.SyntaxException;
import org.ringlet.api.error.UnavailableException;
import org.ringlet.api.error.UnpreparedException;
import org.ringlet.api.query.BatchRequest;
import org.ringlet.api.query.BoundValues;
import org.ringlet.api.query.ClientState;
import org.ringlet.api.query.ColumnSpec;
import org.ringlet.api.query.Event;
import org.ringlet.api.query.EventListener;
import org.ringlet.api.query.QueryHandler;
import org.ringlet.api.query.QueryOptions;
import org.ringlet.api.query.Response;
import org.ringlet.api.query.Result;
import org.ringlet.api.query.SchemaChange;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.ListType;
import org.ringlet.api.types.MapType;
import org.ringlet.api.types.NativeType;
import org.ringlet.api.types.SetType;
import org.ringlet.api.types.TupleType;
import org.ringlet.api.types.UserType;

/**
 * A query handler that behaves like a strict real one towards bad input: it knows one prepared statement whose
 * markers have types from plain to deeply nested, and validates every bound value against its type with the
 * core-api codecs, so values of the wrong size, huge collections and malformed nested values reach the
 * type system and must come back as 0x2200, never as a server error. Statements answer with rows, schema changes
 * (pushed as events too), keyspace changes, warnings or errors, chosen by their text. Answers synchronously.
 */
final class FuzzQueryHandler implements QueryHandler {
    static final byte[] PREPARED_ID = {0x0B, 0x0A, (byte) 0xDD, 0x1D};
    static final byte[] RESULT_METADATA_ID = {0x4D, 0x44};

    static final UserType ADDRESS = UserType.frozen("ks", "address", List.of("street", "number"),
            List.of(NativeType.TEXT, NativeType.INT));
    /** The markers of the prepared statement, in order. */
    static final List<CqlType> MARKER_TYPES = List.of(
            NativeType.INT,
            NativeType.TEXT,
            ListType.of(NativeType.BIGINT),
            MapType.of(NativeType.TEXT, NativeType.INT),
            ListType.frozen(SetType.frozen(MapType.frozen(NativeType.INT, ListType.frozen(NativeType.TEXT)))),
            TupleType.of(NativeType.INT, NativeType.TEXT, NativeType.UUID),
            ADDRESS);

    private final List<EventListener> listeners = new CopyOnWriteArrayList<>();
    private final List<ColumnSpec> columns;

    FuzzQueryHandler() {
        List<ColumnSpec> specs = new ArrayList<>();
        for (int i = 0; i < MARKER_TYPES.size(); i++) {
            specs.add(new ColumnSpec("ks", "t", "c" + i, MARKER_TYPES.get(i)));
        }
        columns = List.copyOf(specs);
    }

    @Override
    public Map<String, List<String>> supportedOptions() {
        return Map.of("CQL_VERSION", List.of("3.4.7"));
    }

    @Override
    public CompletionStage<Response> query(ClientState state, String query, QueryOptions options) {
        String q = query.trim().toLowerCase(Locale.ROOT);
        Response response;
        if (q.startsWith("select")) {
            response = Response.of(rows(List.of(sampleRow(1), sampleRow(2))));
        } else if (q.startsWith("create") || q.startsWith("alter") || q.startsWith("drop")) {
            SchemaChange change = SchemaChange.table(SchemaChange.Change.CREATED, "ks", "t");
            for (EventListener l : listeners) {
                l.onEvent(new Event.SchemaChangeEvent(change));
            }
            response = Response.of(new Result.SchemaChangeResult(change));
        } else if (q.startsWith("use")) {
            response = Response.of(new Result.SetKeyspace("ks"));
        } else if (q.startsWith("warn")) {
            response = new Response(new Result.Void(), List.of("a warning", "é".repeat(10)));
        } else if (q.startsWith("unavailable")) {
            throw new UnavailableException(ConsistencyLevel.QUORUM, 2, 1);
        } else if (q.startsWith("invalid")) {
            throw new InvalidRequestException("invalid: " + query);
        } else if (q.isEmpty() || !Character.isLetter(q.charAt(0))) {
            throw new SyntaxException("line 1:0 no viable alternative at input '" + query + "'");
        } else {
            response = Response.of(new Result.Void());
        }
        return CompletableFuture.completedFuture(response);
    }

    @Override
    public CompletionStage<Response> prepare(ClientState state, String query, String keyspace) {
        boolean select = query.trim().toLowerCase(Locale.ROOT).startsWith("select");
        return CompletableFuture.completedFuture(Response.of(new Result.Prepared(PREPARED_ID.clone(),
                RESULT_METADATA_ID.clone(), columns, List.of(0), select ? columns : List.of())));
    }

    @Override
    public CompletionStage<Response> execute(ClientState state, byte[] id, byte[] resultMetadataId,
                                             QueryOptions options) {
        checkId(id);
        List<ByteBuffer> row = validated(options.values());
        return CompletableFuture.completedFuture(Response.of(rows(List.of(row))));
    }

    @Override
    public CompletionStage<Response> batch(ClientState state, BatchRequest batch) {
        for (BatchRequest.Statement s : batch.statements()) {
            if (s.id() != null) {
                checkId(s.id());
                validated(s.values());
            }
        }
        return CompletableFuture.completedFuture(Response.of(new Result.Void()));
    }

    @Override
    public void addEventListener(EventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeEventListener(EventListener listener) {
        listeners.remove(listener);
    }

    private static void checkId(byte[] id) {
        if (!Arrays.equals(id, PREPARED_ID)) {
            throw new UnpreparedException(id, "Prepared query with ID " + HexOf.hex(id) + " not found");
        }
    }

    /** The values, each checked against its marker's type (null and unset pass). */
    private static List<ByteBuffer> validated(BoundValues values) {
        if (values.size() != MARKER_TYPES.size()) {
            throw new InvalidRequestException("There were " + MARKER_TYPES.size() + " markers(?) in CQL but "
                    + values.size() + " bound variables");
        }
        List<ByteBuffer> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            ByteBuffer v = values.isUnset(i) ? null : values.get(i);
            if (v != null) {
                MARKER_TYPES.get(i).validate(v); // MarshalException is an InvalidRequestException: 0x2200
            }
            out.add(v);
        }
        return out;
    }

    private Result.Rows rows(List<List<ByteBuffer>> rows) {
        return new Result.Rows(columns, rows, null, null);
    }

    /** A valid row of the marker types: the values the templates bind too. */
    static List<ByteBuffer> sampleRow(int n) {
        return List.of(
                NativeType.INT.decompose(n),
                NativeType.TEXT.decompose("text " + n + " ü"),
                MARKER_TYPES.get(2).decompose(List.of(1L, 2L, (long) n)),
                MARKER_TYPES.get(3).decompose(Map.of("a", 1, "b", n)),
                MARKER_TYPES.get(4).decompose(List.of(java.util.Set.of(Map.of(n, List.of("x", "y"))))),
                MARKER_TYPES.get(5).decompose(Arrays.asList(n, "t", new java.util.UUID(n, n))),
                ADDRESS.decompose(Arrays.asList("Main St", n)));
    }

    /** Hex for messages. */
    private static final class HexOf {
        static String hex(byte[] b) {
            return java.util.HexFormat.of().formatHex(b);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
