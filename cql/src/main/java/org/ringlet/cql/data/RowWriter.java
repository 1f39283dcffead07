package org.ringlet.cql.data;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ringlet.api.data.Clustering;
import org.ringlet.api.data.ClusteringBound;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.DeletionTime;
import org.ringlet.api.data.LivenessInfo;
import org.ringlet.api.data.Mutation;
import org.ringlet.api.data.Partition;
import org.ringlet.api.data.RangeTombstone;
import org.ringlet.api.data.Row;
import org.ringlet.api.data.Slice;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.types.CqlType;

import static java.util.Objects.requireNonNull;

/**
 * Builds the mutation of one partition key across tables of one keyspace from Java values: how the node writes its
 * own tables (schema tables, {@code system.local}). Values are given as the Java values of the columns' types (see
 * {@link CqlType}); null deletes a column. Not thread-safe.
 */
public final class RowWriter {
    private final String keyspace;
    private final Partitioner partitioner;
    private final long timestamp;
    private final long nowInSeconds;
    private final Map<TableMetadata, Partition.Builder> partitions = new HashMap<>();
    private final List<TableMetadata> order = new ArrayList<>();
    private DecoratedKey key;

    public RowWriter(String keyspace, Partitioner partitioner, long timestamp, long nowInSeconds) {
        this.keyspace = requireNonNull(keyspace, "keyspace is null");
        this.partitioner = requireNonNull(partitioner, "partitioner is null");
        this.timestamp = timestamp;
        this.nowInSeconds = nowInSeconds;
    }

    /** The decorated form of a partition key given as the Java values of the table's partition key columns. */
    public static DecoratedKey decorate(TableMetadata table, Partitioner partitioner, List<Object> keyValues) {
        List<ByteBuffer> components = new ArrayList<>();
        List<ColumnMetadata> pk = table.partitionKeyColumns();
        for (int i = 0; i < pk.size(); i++) {
            components.add(pk.get(i).type().decompose(keyValues.get(i)));
        }
        ByteBuffer key = table.serializePartitionKey(components);
        return new DecoratedKey(partitioner.token(key), key);
    }

    private Partition.Builder partition(TableMetadata table, List<Object> keyValues) {
        DecoratedKey k = decorate(table, partitioner, keyValues);
        if (key == null) {
            key = k;
        } else if (!key.equals(k)) {
            throw new IllegalArgumentException("one mutation has one partition key");
        }
        return partitions.computeIfAbsent(table, t -> {
            order.add(t);
            return Partition.builder(t, k);
        });
    }

    private static Clustering clustering(TableMetadata table, List<Object> values) {
        List<ByteBuffer> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            out.add(table.clusteringColumns().get(i).type().decompose(values.get(i)));
        }
        return Clustering.of(out);
    }

    /**
     * Writes a row: its row marker and the given columns.
     *
     * @param keyValues        the partition key's Java values
     * @param clusteringValues the clustering's Java values (empty for a table without clustering columns)
     * @param columns          regular and static columns to Java values (null deletes the column)
     */
    public RowWriter row(TableMetadata table, List<Object> keyValues, List<Object> clusteringValues,
                         Map<String, Object> columns) {
        Partition.Builder p = partition(table, keyValues);
        Row.Builder row = p.row(clustering(table, clusteringValues));
        row.liveness(LivenessInfo.create(timestamp));
        CellWriter cells = new CellWriter(timestamp, 0, nowInSeconds, () -> {
            throw new IllegalStateException("lists are not written by the node");
        });
        for (Map.Entry<String, Object> e : columns.entrySet()) {
            ColumnMetadata c = table.requireColumn(e.getKey());
            Object v = e.getValue();
            cells.set(c.isStatic() ? p.staticRow() : row, c, v == null ? null : c.type().decompose(v));
        }
        return this;
    }

    /** Deletes a whole partition at {@code deletionTimestamp}. */
    public RowWriter deletePartition(TableMetadata table, List<Object> keyValues, long deletionTimestamp) {
        partition(table, keyValues).deletePartition(new DeletionTime(deletionTimestamp, nowInSeconds));
        return this;
    }

    /** Deletes the rows whose clustering starts with {@code prefix} at {@code deletionTimestamp}. */
    public RowWriter deleteRows(TableMetadata table, List<Object> keyValues, List<Object> prefix,
                                long deletionTimestamp) {
        Clustering c = clustering(table, prefix);
        Slice slice = new Slice(ClusteringBound.inclusiveStart(c), ClusteringBound.inclusiveEnd(c));
        partition(table, keyValues).addRangeTombstone(new RangeTombstone(slice,
                new DeletionTime(deletionTimestamp, nowInSeconds)));
        return this;
    }

    /** Whether nothing was written. */
    public boolean isEmpty() {
        return order.isEmpty();
    }

    /** The mutation of everything written. */
    public Mutation build() {
        List<Partition> built = new ArrayList<>();
        for (TableMetadata t : order) {
            built.add(partitions.get(t).build());
        }
        return Mutation.of(keyspace, built);
    }
}
