package org.ringlet.transport.nativeproto.driver;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ringlet.api.cluster.ConsistencyLevel;
import org.ringlet.api.cluster.WriteType;
import org.ringlet.api.error.AlreadyExistsException;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.error.FunctionFailureException;
import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.error.IsBootstrappingException;
import org.ringlet.api.error.OverloadedException;
import org.ringlet.api.error.ReadFailureException;
import org.ringlet.api.error.ReadTimeoutException;
import org.ringlet.api.error.RequestFailureReason;
import org.ringlet.api.error.RingletException;
import org.ringlet.api.error.ServerError;
import org.ringlet.api.error.SyntaxException;
import org.ringlet.api.error.TruncateException;
import org.ringlet.api.error.UnauthorizedException;
import org.ringlet.api.error.UnavailableException;
import org.ringlet.api.error.UnpreparedException;
import org.ringlet.api.error.WriteFailureException;
import org.ringlet.api.error.WriteTimeoutException;
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
import org.ringlet.api.types.NativeType;

/**
 * A single node for drivers to talk to, just big enough for them: {@code system.local}, an empty
 * {@code system.peers} (and no {@code peers_v2}, so drivers take their fallback), the {@code system_schema} and
 * {@code system_virtual_schema} tables describing keyspace {@code ks} with table {@code items (pk int, ck int, v
 * text, PRIMARY KEY (pk, ck))}, and a tiny CQL subset: {@code SELECT cols|* FROM t [WHERE c = x AND …]} with
 * paging, {@code INSERT INTO t (…) VALUES (?, …)}, {@code USE}, {@code CREATE TABLE ks.name} (a fixed shape),
 * {@code WARN} (answers with a warning) and {@code FAIL <error>} (answers with that error).
 */
final class FakeNode implements QueryHandler {
    static final String CLUSTER_NAME = "Ringlet Test Cluster";
    static final UUID HOST_ID = UUID.fromString("9f4e5b42-0c6e-4bb5-8a34-5f14a3a6a001");

    final Map<String, FakeTable> tables = new ConcurrentHashMap<>();
    final Map<String, String> prepared = new ConcurrentHashMap<>();
    final List<EventListener> listeners = new CopyOnWriteArrayList<>();
    final List<ByteBuffer> pagingStatesSent = new CopyOnWriteArrayList<>();
    final List<ByteBuffer> pagingStatesReceived = new CopyOnWriteArrayList<>();
    final AtomicInteger prepares = new AtomicInteger();
    final List<String> queries = new CopyOnWriteArrayList<>();
    private volatile UUID schemaVersion = UUID.nameUUIDFromBytes(new byte[] {0});

    FakeNode(InetAddress rpcAddress, int userRows) {
        FakeTable local = add(new FakeTable("system", "local", List.of("key"), List.of(),
                "key text", "bootstrapped text", "broadcast_address inet", "broadcast_port int", "cluster_name text",
                "cql_version text", "data_center text", "gossip_generation int", "host_id uuid",
                "listen_address inet", "listen_port int", "native_protocol_version text", "partitioner text",
                "rack text", "release_version text", "rpc_address inet", "rpc_port int", "schema_version uuid",
                "tokens set<text>", "truncated_at map<uuid, blob>"));
        local.insert("key", "local", "bootstrapped", "COMPLETED", "broadcast_address", rpcAddress,
                "broadcast_port", 7000, "cluster_name", CLUSTER_NAME, "cql_version", "3.4.7",
                "data_center", "datacenter1", "gossip_generation", 1, "host_id", HOST_ID,
                "listen_address", rpcAddress, "listen_port", 7000, "native_protocol_version", "4",
                "partitioner", "org.apache.cassandra.dht.Murmur3Partitioner", "rack", "rack1",
                "release_version", "5.0.6", "rpc_address", rpcAddress, "rpc_port", 9042,
                "schema_version", schemaVersion, "tokens", Set.of("-3074457345618258603", "3074457345618258602"));
        add(new FakeTable("system", "peers", List.of("peer"), List.of(), "peer inet", "data_center text",
                "host_id uuid", "preferred_ip inet", "rack text", "release_version text", "rpc_address inet",
                "schema_version uuid", "tokens set<text>"));

        FakeTable keyspaces = add(new FakeTable("system_schema", "keyspaces", List.of("keyspace_name"), List.of(),
                "keyspace_name text", "durable_writes boolean", "replication frozen<map<text, text>>"));
        keyspaces.insert("keyspace_name", "system", "durable_writes", true,
                "replication", Map.of("class", "org.apache.cassandra.locator.LocalStrategy"));
        keyspaces.insert("keyspace_name", "ks", "durable_writes", true, "replication",
                Map.of("class", "org.apache.cassandra.locator.SimpleStrategy", "replication_factor", "1"));
        add(new FakeTable("system_schema", "tables", List.of("keyspace_name"), List.of("table_name"),
                "keyspace_name text", "table_name text", "bloom_filter_fp_chance double",
                "caching frozen<map<text, text>>", "comment text", "compaction frozen<map<text, text>>",
                "compression frozen<map<text, text>>", "crc_check_chance double", "default_time_to_live int",
                "extensions frozen<map<text, blob>>", "flags frozen<set<text>>", "gc_grace_seconds int", "id uuid",
                "max_index_interval int", "memtable_flush_period_in_ms int", "min_index_interval int",
                "read_repair text", "speculative_retry text"));
        add(new FakeTable("system_schema", "columns", List.of("keyspace_name"), List.of("table_name", "column_name"),
                "keyspace_name text", "table_name text", "column_name text", "clustering_order text",
                "column_name_bytes blob", "kind text", "position int", "type text"));
        add(new FakeTable("system_schema", "types", List.of("keyspace_name"), List.of("type_name"),
                "keyspace_name text", "type_name text", "field_names frozen<list<text>>",
                "field_types frozen<list<text>>"));
        add(new FakeTable("system_schema", "functions", List.of("keyspace_name"), List.of("function_name"),
                "keyspace_name text", "function_name text", "argument_types frozen<list<text>>",
                "argument_names frozen<list<text>>", "body text", "called_on_null_input boolean", "language text",
                "return_type text"));
        add(new FakeTable("system_schema", "aggregates", List.of("keyspace_name"), List.of("aggregate_name"),
                "keyspace_name text", "aggregate_name text", "argument_types frozen<list<text>>", "final_func text",
                "initcond text", "return_type text", "state_func text", "state_type text"));
        add(new FakeTable("system_schema", "triggers", List.of("keyspace_name"), List.of("table_name"),
                "keyspace_name text", "table_name text", "trigger_name text", "options frozen<map<text, text>>"));
        add(new FakeTable("system_schema", "indexes", List.of("keyspace_name"), List.of("table_name"),
                "keyspace_name text", "table_name text", "index_name text", "kind text",
                "options frozen<map<text, text>>"));
        add(new FakeTable("system_schema", "views", List.of("keyspace_name"), List.of("view_name"),
                "keyspace_name text", "view_name text", "base_table_id uuid", "base_table_name text",
                "include_all_columns boolean", "where_clause text", "id uuid"));
        add(new FakeTable("system_virtual_schema", "keyspaces", List.of("keyspace_name"), List.of(),
                "keyspace_name text"));
        add(new FakeTable("system_virtual_schema", "tables", List.of("keyspace_name"), List.of("table_name"),
                "keyspace_name text", "table_name text", "comment text"));
        add(new FakeTable("system_virtual_schema", "columns", List.of("keyspace_name"),
                List.of("table_name", "column_name"), "keyspace_name text", "table_name text", "column_name text",
                "clustering_order text", "column_name_bytes blob", "kind text", "position int", "type text"));

        FakeTable items = createUserTable("ks", "items", "pk int", "ck int", "v text");
        for (int i = 0; i < userRows; i++) {
            items.insert("pk", i, "ck", i, "v", "v" + i);
        }
    }

    /** Records the port the server listens on in {@code system.local}, before any client connects. */
    void listeningOn(int port) {
        tables.get("system.local").rows.get(0).put("rpc_port", NativeType.INT.decompose(port));
    }

    private FakeTable add(FakeTable table) {
        tables.put(table.keyspace + "." + table.name, table);
        return table;
    }

    /** Creates {@code ks.name (key, clustering, regular)} and describes it in system_schema. */
    FakeTable createUserTable(String keyspace, String name, String partitionKey, String clustering,
                              String regular) {
        FakeTable t = new FakeTable(keyspace, name, List.of(partitionKey.split(" ")[0]),
                List.of(clustering.split(" ")[0]), partitionKey, clustering, regular);
        tables.get("system_schema.tables").insert("keyspace_name", keyspace, "table_name", name,
                "bloom_filter_fp_chance", 0.01, "caching", Map.of("keys", "ALL", "rows_per_partition", "NONE"),
                "comment", "", "compaction", Map.of("class",
                        "org.apache.cassandra.db.compaction.SizeTieredCompactionStrategy", "max_threshold", "32",
                        "min_threshold", "4"),
                "compression", Map.of("chunk_length_in_kb", "16", "class",
                        "org.apache.cassandra.io.compress.LZ4Compressor"),
                "crc_check_chance", 1.0, "default_time_to_live", 0, "extensions", Map.of(),
                "flags", Set.of("compound"), "gc_grace_seconds", 864000,
                "id", UUID.nameUUIDFromBytes((keyspace + "." + name).getBytes(StandardCharsets.UTF_8)),
                "max_index_interval", 2048, "memtable_flush_period_in_ms", 0, "min_index_interval", 128,
                "read_repair", "BLOCKING", "speculative_retry", "99p");
        for (ColumnSpec c : t.columns) {
            String kind = t.kind(c.name());
            tables.get("system_schema.columns").insert("keyspace_name", keyspace, "table_name", name,
                    "column_name", c.name(), "clustering_order", kind.equals("clustering") ? "asc" : "none",
                    "column_name_bytes", ByteBuffer.wrap(c.name().getBytes(StandardCharsets.UTF_8)),
                    "kind", kind, "position", t.position(c.name()), "type", c.type().cqlName());
        }
        schemaVersion = UUID.nameUUIDFromBytes(("schema+" + keyspace + "." + name).getBytes(StandardCharsets.UTF_8));
        FakeTable local = tables.get("system.local");
        if (local != null) {
            local.rows.get(0).put("schema_version", NativeType.UUID.decompose(schemaVersion));
        }
        return add(t);
    }

    /** Adds a regular column to a table, as ALTER TABLE … ADD would, and pushes the event. */
    void addColumn(String keyspace, String name, String definition) {
        FakeTable t = tables.get(keyspace + "." + name);
        int space = definition.indexOf(' ');
        t.columns.add(new ColumnSpec(keyspace, name, definition.substring(0, space),
                org.ringlet.api.types.CqlTypeParser.parse(definition.substring(space + 1))));
        tables.get("system_schema.columns").insert("keyspace_name", keyspace, "table_name", name,
                "column_name", definition.substring(0, space), "clustering_order", "none",
                "column_name_bytes", ByteBuffer.wrap(definition.substring(0, space).getBytes(StandardCharsets.UTF_8)),
                "kind", "regular", "position", -1, "type", definition.substring(space + 1));
        fire(new Event.SchemaChangeEvent(SchemaChange.table(SchemaChange.Change.UPDATED, keyspace, name)));
    }

    /** Creates a table as another client would, and pushes the event. */
    void createTableElsewhere(String keyspace, String name) {
        createUserTable(keyspace, name, "k int", "c int", "w text");
        fire(new Event.SchemaChangeEvent(SchemaChange.table(SchemaChange.Change.CREATED, keyspace, name)));
    }

    void fire(Event event) {
        for (EventListener l : listeners) {
            l.onEvent(event);
        }
    }

    // ---- QueryHandler ----

    @Override
    public Map<String, List<String>> supportedOptions() {
        return Map.of("CQL_VERSION", List.of("3.4.7"));
    }

    @Override
    public CompletionStage<Response> query(ClientState state, String query, QueryOptions options) {
        queries.add(query);
        return run(() -> statement(state, query, options.values(), options, null));
    }

    @Override
    public CompletionStage<Response> prepare(ClientState state, String query, String keyspace) {
        return run(() -> {
            prepares.incrementAndGet();
            String ks = keyspace != null ? keyspace : state.keyspace().orElse("");
            byte[] id = md5(ks + "|" + query);
            Select select = Select.parse(this, query.strip(), ks);
            List<ColumnSpec> result = select.insert ? List.of() : select.resultColumns();
            prepared.put(HexFormat.of().formatHex(id), ks + "|" + query);
            return Response.of(new Result.Prepared(id, md5(result.toString()), select.bindVariables(),
                    select.partitionKeyIndexes(), result));
        });
    }

    @Override
    public CompletionStage<Response> execute(ClientState state, byte[] id, byte[] resultMetadataId,
                                             QueryOptions options) {
        return run(() -> {
            String entry = prepared.get(HexFormat.of().formatHex(id));
            if (entry == null) {
                throw new UnpreparedException(id, "Prepared query with ID " + HexFormat.of().formatHex(id)
                        + " not found");
            }
            String query = entry.substring(entry.indexOf('|') + 1);
            return statement(state, query, options.values(), options, resultMetadataId);
        });
    }

    @Override
    public CompletionStage<Response> batch(ClientState state, BatchRequest batch) {
        return run(() -> {
            for (BatchRequest.Statement s : batch.statements()) {
                String query = s.query();
                if (query == null) {
                    String entry = prepared.get(HexFormat.of().formatHex(s.id()));
                    if (entry == null) {
                        throw new UnpreparedException(s.id(), "Prepared query not found");
                    }
                    query = entry.substring(entry.indexOf('|') + 1);
                }
                Select insert = Select.parse(this, query.strip(), state.keyspace().orElse(null));
                if (!insert.insert) {
                    throw new InvalidRequestException("Only INSERT statements are allowed in a BATCH");
                }
                insert.apply(s.values());
            }
            return Response.of(new Result.Void());
        });
    }

    @Override
    public void addEventListener(EventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeEventListener(EventListener listener) {
        listeners.remove(listener);
    }

    // ---- statements ----

    private interface Body {
        Response get();
    }

    private static CompletionStage<Response> run(Body body) {
        try {
            return CompletableFuture.completedFuture(body.get());
        } catch (RingletException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static final Pattern USE = Pattern.compile("(?i)use\\s+(\"?)(\\w+)\\1");
    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)create\\s+table\\s+(\\w+)\\.(\\w+).*");

    /**
     * Runs a statement.
     *
     * @param resultMetadataId for an EXECUTE in protocol v5, the result-metadata id the client holds; when the
     *                         table's columns changed since, the rows carry the new id (Metadata_changed)
     */
    private Response statement(ClientState state, String query, BoundValues values, QueryOptions options,
                               byte[] resultMetadataId) {
        String text = query.strip();
        if (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        Matcher use = USE.matcher(text);
        if (use.matches()) {
            String ks = use.group(1).isEmpty() ? use.group(2).toLowerCase(Locale.ROOT) : use.group(2);
            boolean exists = tables.get("system_schema.keyspaces").rows.stream().anyMatch(
                    r -> r.get("keyspace_name").equals(NativeType.TEXT.decompose(ks)));
            if (!exists) {
                throw new InvalidRequestException("Keyspace '" + ks + "' does not exist");
            }
            return Response.of(new Result.SetKeyspace(ks));
        }
        if (text.equals("WARN")) {
            return new Response(new Result.Void(), List.of("first warning", "second warning"));
        }
        if (text.startsWith("FAIL ")) {
            throw error(text.substring(5));
        }
        Matcher create = CREATE_TABLE.matcher(text);
        if (create.matches()) {
            if (tables.containsKey(create.group(1) + "." + create.group(2))) {
                throw AlreadyExistsException.table(create.group(1), create.group(2));
            }
            createUserTable(create.group(1), create.group(2), "k int", "c int", "w text");
            return Response.of(new Result.SchemaChangeResult(SchemaChange.table(SchemaChange.Change.CREATED,
                    create.group(1), create.group(2))));
        }
        Select select = Select.parse(this, text, state.keyspace().orElse(null));
        if (select.insert) {
            select.apply(values);
            return Response.of(new Result.Void());
        }
        Result.Rows rows = select.page(values, options);
        byte[] current = md5(select.resultColumns().toString());
        if (resultMetadataId != null && !java.util.Arrays.equals(resultMetadataId, current)) {
            rows = new Result.Rows(rows.columns(), rows.rows(), rows.pagingState(), current);
        }
        return Response.of(rows);
    }

    /** Serves one page of a SELECT; the paging state is the next offset and a hash of the statement. */
    Result.Rows page(Select select, List<List<ByteBuffer>> all, QueryOptions options, String statementText) {
        int offset = 0;
        ByteBuffer state = options.pagingState();
        int hash = statementText.hashCode();
        if (state != null) {
            pagingStatesReceived.add(state.duplicate());
            if (state.remaining() != 8 || state.getInt(state.position() + 4) != hash) {
                throw new InvalidRequestException("Invalid paging state");
            }
            offset = state.getInt(state.position());
        }
        int size = options.pageSize() > 0 ? options.pageSize() : Integer.MAX_VALUE;
        int end = (int) Math.min(all.size(), (long) offset + size);
        ByteBuffer next = null;
        if (end < all.size()) {
            next = ByteBuffer.allocate(8).putInt(0, end).putInt(4, hash);
            pagingStatesSent.add(next.duplicate());
        }
        return new Result.Rows(select.resultColumns(), new ArrayList<>(all.subList(offset, end)), next, null);
    }

    private static RingletException error(String name) {
        try {
            return switch (name) {
                case "unavailable" -> new UnavailableException(ConsistencyLevel.QUORUM, 2, 1);
                case "write_timeout" -> new WriteTimeoutException(WriteType.BATCH_LOG, ConsistencyLevel.ALL, 1, 3);
                case "read_timeout" -> new ReadTimeoutException(ConsistencyLevel.LOCAL_QUORUM, 1, 2, true);
                case "read_failure" -> new ReadFailureException("read failed", ConsistencyLevel.ONE, 0, 1,
                        Map.of(InetAddress.getByName("127.0.0.2"), RequestFailureReason.READ_TOO_MANY_TOMBSTONES),
                        false);
                case "write_failure" -> new WriteFailureException("write failed", ConsistencyLevel.TWO, 1, 2,
                        Map.of(InetAddress.getByName("127.0.0.2"), RequestFailureReason.UNKNOWN,
                                InetAddress.getByName("127.0.0.3"), RequestFailureReason.TIMEOUT),
                        WriteType.UNLOGGED_BATCH);
                case "function_failure" -> new FunctionFailureException("ks", "divide", List.of("int", "int"),
                        "execution of 'ks.divide[int, int]' failed: java.lang.ArithmeticException: / by zero");
                case "already_exists_table" -> AlreadyExistsException.table("ks", "items");
                case "already_exists_keyspace" -> AlreadyExistsException.keyspace("ks");
                case "syntax" -> new SyntaxException("line 1:0 no viable alternative at input 'SELEC'");
                case "invalid" -> new InvalidRequestException("Cannot execute this query as it might involve data "
                        + "filtering and thus may have unpredictable performance. If you want to execute this query "
                        + "despite the performance unpredictability, use ALLOW FILTERING");
                case "unauthorized" -> new UnauthorizedException("User alice has no SELECT permission");
                case "config" -> new ConfigurationException("Unrecognized strategy option {foo}");
                case "overloaded" -> new OverloadedException("too busy");
                case "bootstrapping" -> new IsBootstrappingException("Cannot read from a bootstrapping node");
                case "truncate" -> new TruncateException("truncate failed");
                case "server" -> new ServerError("something broke");
                default -> new InvalidRequestException("no such error: " + name);
            };
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] md5(String s) {
        try {
            return MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The unset positions of {@code values} as a set. */
    static BitSet unset(BoundValues values) {
        BitSet out = new BitSet();
        for (int i = 0; i < values.size(); i++) {
            if (values.isUnset(i)) {
                out.set(i);
            }
        }
        return out;
    }
}
