package org.ringlet.node.management;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import javax.management.openmbean.TabularData;
import javax.management.openmbean.TabularDataSupport;
import javax.management.openmbean.TabularType;

import org.ringlet.api.schema.KeyspaceMetadata;
import org.ringlet.api.schema.Schema;
import org.ringlet.api.schema.TableId;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.storage.SnapshotInfo;
import org.ringlet.api.storage.StorageEngine;
import org.ringlet.tools.nodetool.Formats;

/**
 * The storage operations of the {@code StorageService} MBean on the storage engine: flush, major compaction and
 * snapshots of keyspaces or tables named as nodetool names them, and the snapshot details table Cassandra's
 * nodetool reads. Stateless; thread-safe.
 */
final class StorageOperations {
    /** Cassandra's snapshot details columns (they are also the index: every row is unique). */
    static final List<String> SNAPSHOT_ITEMS = List.of("Snapshot name", "Keyspace name", "Column family name",
            "True size", "Size on disk", "Creation time", "Expiration time", "Ephemeral");

    private StorageOperations() {
    }

    private static TabularType snapshotTable() {
        try {
            String[] items = SNAPSHOT_ITEMS.toArray(String[]::new);
            OpenType<?>[] types = new OpenType<?>[items.length];
            java.util.Arrays.fill(types, SimpleType.STRING);
            CompositeType row = new CompositeType("SnapshotDetails", "SnapshotDetails", items, items, types);
            return new TabularType("SnapshotDetails", "SnapshotDetails", row, items);
        } catch (OpenDataException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tables of a keyspace, or the named ones. */
    static List<TableMetadata> tables(Schema schema, String keyspace, String... names) {
        KeyspaceMetadata ks = schema.keyspace(keyspace).orElseThrow(() ->
                new IllegalArgumentException("Keyspace " + keyspace + " does not exist"));
        if (ks.virtual()) {
            throw new IllegalArgumentException("Keyspace " + keyspace + " is virtual: its tables are views of the "
                    + "node's state, with nothing to flush, compact or snapshot");
        }
        if (names.length == 0) {
            return new ArrayList<>(ks.tables().values());
        }
        List<TableMetadata> out = new ArrayList<>();
        for (String name : names) {
            out.add(schema.table(keyspace, name).orElseThrow(() ->
                    new IllegalArgumentException("Unknown table '" + name + "' in keyspace '" + keyspace + "'")));
        }
        return out;
    }

    /** Compacts each table fully and waits for all of them. */
    static void compact(StorageEngine storage, List<TableMetadata> tables) throws IOException {
        List<CompletionStage<Void>> all = new ArrayList<>();
        tables.forEach(t -> all.add(storage.compact(t.id())));
        for (CompletionStage<Void> c : all) {
            await(c);
        }
    }

    /**
     * The tables of nodetool's snapshot entities: keyspaces, or {@code keyspace.table}s; empty for every table.
     */
    static List<TableId> entities(Schema schema, String... entities) {
        List<TableId> out = new ArrayList<>();
        for (String entity : entities) {
            int dot = entity.indexOf('.');
            List<TableMetadata> tables = dot < 0 ? tables(schema, entity)
                    : tables(schema, entity.substring(0, dot), entity.substring(dot + 1));
            tables.forEach(t -> out.add(t.id()));
        }
        return out;
    }

    /** Every table of the keyspaces; empty (all tables) when none is named. */
    static Collection<TableId> keyspaces(Schema schema, String... keyspaces) {
        List<TableId> out = new ArrayList<>();
        for (String ks : keyspaces) {
            tables(schema, ks).forEach(t -> out.add(t.id()));
        }
        return out;
    }

    static void snapshot(StorageEngine storage, String tag, Collection<TableId> tables) throws IOException {
        if (tag == null || tag.isEmpty()) {
            throw new IOException("You must supply a snapshot name.");
        }
        await(storage.snapshot(tag, tables));
    }

    /** nodetool listsnapshots's data: a table of rows per snapshot tag. */
    static Map<String, TabularData> details(List<SnapshotInfo> snapshots) {
        Map<String, TabularData> out = new LinkedHashMap<>();
        TabularType type = snapshotTable();
        for (SnapshotInfo s : snapshots) {
            TabularData table = out.computeIfAbsent(s.tag(), t -> new TabularDataSupport(type));
            try {
                table.put(new CompositeDataSupport(type.getRowType(), SNAPSHOT_ITEMS.toArray(String[]::new),
                        new Object[] {s.tag(), s.keyspace(), s.table(), Formats.fileSize(s.trueSize()),
                                Formats.fileSize(s.sizeOnDisk()), Instant.ofEpochMilli(s.createdAtMillis()).toString(),
                                "", "false"}));
            } catch (OpenDataException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    static void await(CompletionStage<Void> f) throws IOException {
        try {
            f.toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new IOException(cause.getMessage(), cause);
        }
    }
}
