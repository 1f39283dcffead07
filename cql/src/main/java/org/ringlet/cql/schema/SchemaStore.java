package org.ringlet.cql.schema;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.Mutation;
import org.ringlet.api.data.Partition;
import org.ringlet.api.data.Row;
import org.ringlet.api.error.AlreadyExistsException;
import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.error.RingletException;
import org.ringlet.api.error.ServerError;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.runtime.Clock;
import org.ringlet.api.schema.KeyspaceMetadata;
import org.ringlet.api.schema.Schema;
import org.ringlet.api.schema.TableId;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.storage.ClusteringFilter;
import org.ringlet.api.storage.ColumnFilter;
import org.ringlet.api.storage.DataLimits;
import org.ringlet.api.storage.KeyRange;
import org.ringlet.api.storage.PartitionRangeReadCommand;
import org.ringlet.api.storage.SinglePartitionReadCommand;
import org.ringlet.api.storage.StorageEngine;
import org.ringlet.api.types.NativeType;
import org.ringlet.api.types.UserType;
import org.ringlet.cql.data.RowWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Keeps the schema in the {@code system_schema} tables on the storage engine and publishes it to the
 * {@link LocalSchema}. Every change writes its schema mutation, reads the changed keyspaces back from the tables
 * and publishes the new schema with its new version, so a change made here and a change received from another
 * node (as schema mutations) take the same path.
 *
 * <p>Thread-safe: changes are serialized. Methods block on the storage engine's writes, so callers run them on a
 * thread that may block.
 */
public final class SchemaStore {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaStore.class);

    private final LocalSchema schema;
    private final StorageEngine storage;
    private final Partitioner partitioner;
    private final Clock clock;
    private final SchemaTables tables;
    private final SchemaReader reader;
    /** The exact drop times (microseconds) of the columns this node dropped, by table id and column. */
    private final Map<TableId, Map<String, Long>> dropTimes = new ConcurrentHashMap<>();
    private long lastTimestamp = Long.MIN_VALUE;

    public SchemaStore(LocalSchema schema, StorageEngine storage, Partitioner partitioner, Clock clock) {
        this.schema = requireNonNull(schema, "schema is null");
        this.storage = requireNonNull(storage, "storage is null");
        this.partitioner = requireNonNull(partitioner, "partitioner is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.tables = new SchemaTables(schema.definitions(), partitioner);
        this.reader = new SchemaReader(tables, this::dropTime);
    }

    /** The schema this store publishes to. */
    public LocalSchema schema() {
        return schema;
    }

    /** The partitioner the system tables are keyed with. */
    public Partitioner partitioner() {
        return partitioner;
    }

    /**
     * Loads the stored schema: rewrites the definitions of the local system keyspaces into {@code system_schema}
     * (so clients can see them), reads every stored keyspace, creates the replicated system keyspaces that are
     * missing, and publishes the result. Called once when the node starts, after the storage engine has replayed
     * the system tables' commit log.
     */
    public synchronized void load() {
        long ts = nextTimestamp();
        long now = clock.currentTimeSeconds();
        SystemKeyspaces defs = schema.definitions();
        for (KeyspaceMetadata ks : defs.localKeyspaces()) {
            write(tables.replaceKeyspace(ks, ts, now));
        }
        Map<String, KeyspaceMetadata> all = new LinkedHashMap<>();
        defs.localKeyspaces().forEach(k -> all.put(k.name(), k));
        defs.virtualKeyspaces().forEach(k -> all.put(k.name(), k));
        for (String name : storedKeyspaceNames()) {
            if (SystemKeyspaces.isLocal(name)) {
                continue;
            }
            KeyspaceMetadata ks = readKeyspace(name);
            if (ks != null) {
                all.put(name, ks);
            }
        }
        for (KeyspaceMetadata ks : defs.distributedKeyspaces()) {
            if (!all.containsKey(ks.name())) {
                write(tables.replaceKeyspace(ks, ts, now));
                all.put(ks.name(), readKeyspace(ks.name()));
            }
        }
        Schema loaded = new Schema(all, SchemaDigest.version(all.values()));
        schema.publish(loaded);
        LOG.info("Loaded schema version {} with {} keyspaces", loaded.version(), all.size());
    }

    // ---------------------------------------------------------------------------------------------- changes

    /**
     * Creates a keyspace.
     *
     * @return false when it existed and {@code ifNotExists} is set (nothing changed)
     * @throws AlreadyExistsException when it exists and {@code ifNotExists} is not set
     */
    public synchronized boolean createKeyspace(KeyspaceMetadata keyspace, boolean ifNotExists) {
        if (schema.current().keyspace(keyspace.name()).isPresent()) {
            if (ifNotExists) {
                return false;
            }
            throw AlreadyExistsException.keyspace(keyspace.name());
        }
        apply(List.of(tables.replaceKeyspace(keyspace, nextTimestamp(), clock.currentTimeSeconds())));
        return true;
    }

    /**
     * Changes a keyspace's replication and durability.
     *
     * @throws InvalidRequestException when the keyspace does not exist
     */
    public synchronized void alterKeyspace(KeyspaceMetadata keyspace) {
        requireKeyspace(keyspace.name());
        apply(List.of(tables.keyspace(keyspace, nextTimestamp(), clock.currentTimeSeconds())));
    }

    /**
     * Drops a keyspace and everything in it.
     *
     * @return the dropped keyspace, or null when it did not exist and {@code ifExists} is set
     * @throws InvalidRequestException when it does not exist and {@code ifExists} is not set
     */
    public synchronized KeyspaceMetadata dropKeyspace(String name, boolean ifExists) {
        KeyspaceMetadata ks = schema.current().keyspace(name).orElse(null);
        if (ks == null) {
            if (ifExists) {
                return null;
            }
            throw new InvalidRequestException("Keyspace '" + name + "' doesn't exist");
        }
        apply(List.of(tables.dropKeyspace(name, nextTimestamp(), clock.currentTimeSeconds())));
        return ks;
    }

    /**
     * Creates a table.
     *
     * @return false when a table of that name existed and {@code ifNotExists} is set
     * @throws InvalidRequestException when the keyspace does not exist
     * @throws AlreadyExistsException  when the table exists and {@code ifNotExists} is not set
     */
    public synchronized boolean createTable(TableMetadata table, boolean ifNotExists) {
        KeyspaceMetadata ks = requireKeyspace(table.keyspace());
        if (ks.table(table.name()).isPresent()) {
            if (ifNotExists) {
                return false;
            }
            throw AlreadyExistsException.table(table.keyspace(), table.name());
        }
        apply(List.of(tables.table(table, nextTimestamp(), clock.currentTimeSeconds())));
        return true;
    }

    /**
     * Replaces a table's definition (ALTER TABLE); the table must exist with the same id.
     */
    public synchronized void alterTable(TableMetadata table) {
        TableMetadata old = requireKeyspace(table.keyspace()).table(table.name())
                .orElseThrow(() -> new InvalidRequestException("Table '" + table.keyspace() + "." + table.name()
                        + "' doesn't exist"));
        if (!old.id().equals(table.id())) {
            throw new IllegalArgumentException("an altered table keeps its id");
        }
        Map<String, Long> exact = new HashMap<>();
        table.droppedColumns().values().forEach(d -> exact.put(d.name(), d.droppedTimeMicros()));
        dropTimes.put(table.id(), Map.copyOf(exact));
        apply(List.of(tables.table(table, nextTimestamp(), clock.currentTimeSeconds())));
    }

    /**
     * Drops a table.
     *
     * @return the dropped table, or null when it did not exist and {@code ifExists} is set
     * @throws InvalidRequestException when the keyspace or (without {@code ifExists}) the table does not exist
     */
    public synchronized TableMetadata dropTable(String keyspace, String table, boolean ifExists) {
        KeyspaceMetadata ks = schema.current().keyspace(keyspace).orElse(null);
        TableMetadata t = ks == null ? null : ks.table(table).orElse(null);
        if (t == null) {
            if (ifExists) {
                return null;
            }
            // also when the keyspace does not exist, as Cassandra words it
            throw new InvalidRequestException("Table '" + keyspace + "." + table + "' doesn't exist");
        }
        apply(List.of(tables.dropTable(keyspace, table, nextTimestamp(), clock.currentTimeSeconds())));
        return t;
    }

    /**
     * Creates a user type.
     *
     * @return false when a type of that name existed and {@code ifNotExists} is set
     * @throws InvalidRequestException when the keyspace does not exist, or the type does and {@code ifNotExists} is
     *                                 not set
     */
    public synchronized boolean createType(UserType type, boolean ifNotExists) {
        KeyspaceMetadata ks = requireKeyspace(type.keyspace());
        if (ks.type(type.name()).isPresent()) {
            if (ifNotExists) {
                return false;
            }
            throw new InvalidRequestException("A user type with name '" + type.name() + "' already exists");
        }
        apply(List.of(tables.type(type, nextTimestamp(), clock.currentTimeSeconds())));
        return true;
    }

    /**
     * Replaces a user type's definition (ALTER TYPE); tables using it see the new definition.
     *
     * @throws InvalidRequestException when the type does not exist
     */
    public synchronized void alterType(UserType type) {
        if (requireKeyspace(type.keyspace()).type(type.name()).isEmpty()) {
            throw new InvalidRequestException("Type " + type.keyspace() + "." + type.name() + " doesn't exist");
        }
        apply(List.of(tables.type(type, nextTimestamp(), clock.currentTimeSeconds())));
    }

    /**
     * Drops a user type (the caller has checked that nothing uses it).
     *
     * @throws InvalidRequestException when the type does not exist
     */
    public synchronized void dropType(String keyspace, String type) {
        if (requireKeyspace(keyspace).type(type).isEmpty()) {
            throw new InvalidRequestException("Type '" + keyspace + "." + type + "' doesn't exist");
        }
        apply(List.of(tables.dropType(keyspace, type, nextTimestamp(), clock.currentTimeSeconds())));
    }

    /**
     * Applies schema mutations (made here or received from another node), then reads the keyspaces they touch
     * back and publishes the new schema.
     */
    public synchronized void apply(List<Mutation> mutations) {
        Set<String> touched = new LinkedHashSet<>();
        for (Mutation m : mutations) {
            if (!m.keyspace().equals(SystemKeyspaces.SCHEMA)) {
                throw new IllegalArgumentException("not a schema mutation: " + m);
            }
            touched.add((String) NativeType.TEXT.compose(m.key().key()));
            write(m);
        }
        Schema current = schema.current();
        Map<String, KeyspaceMetadata> next = new LinkedHashMap<>(current.keyspaces());
        for (String name : touched) {
            if (SystemKeyspaces.isLocal(name)) {
                continue;
            }
            KeyspaceMetadata ks = readKeyspace(name);
            if (ks == null) {
                next.remove(name);
            } else {
                next.put(name, ks);
            }
        }
        schema.publish(new Schema(next, SchemaDigest.version(next.values())));
    }

    /**
     * A dropped column's drop time: the exact one when this node made the drop and it matches the stored,
     * millisecond-precise one; otherwise the stored one.
     */
    private long dropTime(TableId table, String column, long storedMicros) {
        Long exact = dropTimes.getOrDefault(table, Map.of()).get(column);
        return exact != null && Math.floorDiv(exact, 1000) * 1000 == storedMicros ? exact : storedMicros;
    }

    private KeyspaceMetadata requireKeyspace(String name) {
        return schema.current().keyspace(name)
                .orElseThrow(() -> new InvalidRequestException("Keyspace '" + name + "' doesn't exist"));
    }

    // ---------------------------------------------------------------------------------------------- storage

    private long nextTimestamp() {
        long now = clock.currentTimeMicros();
        lastTimestamp = Math.max(now, lastTimestamp == Long.MIN_VALUE ? now : lastTimestamp + 1);
        return lastTimestamp;
    }

    private void write(Mutation m) {
        try {
            storage.apply(m, true).toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RingletException r) {
                throw r;
            }
            throw new ServerError("Could not write the schema: " + e.getCause(), e.getCause());
        }
    }

    private List<String> storedKeyspaceNames() {
        TableMetadata ks = tables.table(SchemaTables.KEYSPACES);
        long now = clock.currentTimeSeconds();
        List<Partition> partitions = storage.scan(new PartitionRangeReadCommand(ks.id(), KeyRange.all(),
                ClusteringFilter.ALL, ColumnFilter.ALL, DataLimits.NONE, now));
        List<String> names = new ArrayList<>();
        for (Partition p : partitions) {
            if (!p.liveRows(now).isEmpty()) {
                names.add((String) NativeType.TEXT.compose(p.key().key()));
            }
        }
        return names;
    }

    private KeyspaceMetadata readKeyspace(String name) {
        long now = clock.currentTimeSeconds();
        Map<String, List<Row>> rows = new HashMap<>();
        for (String t : SchemaTables.ALL) {
            TableMetadata table = tables.table(t);
            DecoratedKey key = RowWriter.decorate(table, partitioner, List.of(name));
            Partition p = storage.read(SinglePartitionReadCommand.fullPartition(table.id(), key, now));
            rows.put(t, p.liveRows(now));
        }
        return reader.read(name, rows);
    }

    /** The serialized form of a keyspace name as the schema tables' partition key. */
    static ByteBuffer keyOf(String keyspace) {
        return NativeType.TEXT.decompose(keyspace);
    }
}
