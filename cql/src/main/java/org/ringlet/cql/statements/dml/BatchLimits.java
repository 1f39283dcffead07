package org.ringlet.cql.statements.dml;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ringlet.api.data.Cell;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.Mutation;
import org.ringlet.api.data.Partition;
import org.ringlet.api.data.RangeTombstone;
import org.ringlet.api.data.Row;
import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.schema.TableId;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.types.Identifiers;

/**
 * Cassandra's checks on the size and spread of a batch, with its warnings: a batch of several partitions larger
 * than {@code batch_size_warn_threshold} (5 KiB) gets a warning and one larger than {@code
 * batch_size_fail_threshold} (50 KiB) is refused; an unlogged batch over more than {@code
 * unlogged_batch_across_partitions_warn_threshold} (10) partitions gets a warning. Sizes are counted as Cassandra
 * counts its partition updates' data (values, paths and clusterings, plus fixed sizes for timestamps, TTLs,
 * deletion times and markers), so the numbers in the warnings are Cassandra's. Stateless.
 */
final class BatchLimits {
    static final long WARN_THRESHOLD = 5 * 1024;
    static final long FAIL_THRESHOLD = 50 * 1024;
    static final int UNLOGGED_PARTITIONS_WARN_THRESHOLD = 10;

    /** A partition deletion's timestamp. */
    private static final int PARTITION_DELETION = 8;
    /** A range tombstone list's count. */
    private static final int RANGE_LIST = 4;
    /** A deletion time: timestamp and local deletion time. */
    private static final int DELETION_TIME = 12;
    /** A row's deletion: its deletion time and whether it is shadowable. */
    private static final int ROW_DELETION = DELETION_TIME + 1;
    /** A row's liveness: its timestamp, plus TTL and expiration time when it expires. */
    private static final int LIVENESS = 8;
    private static final int EXPIRING_LIVENESS = LIVENESS + 4 + 8;
    /** A cell: timestamp, TTL and local deletion time, besides its value and path. */
    private static final int CELL = 8 + 4 + 8;
    /** A counter update's value: a context holding one local shard (header, id, clock, count). */
    private static final int COUNTER_UPDATE_VALUE = 2 + 2 + 16 + 8 + 8;

    private BatchLimits() {
    }

    /**
     * Checks the batch's mutations as Cassandra does before writing them.
     *
     * @param mutations      the non-counter mutations, one per keyspace and partition key
     * @param counterUpdates the counter updates (several may name one partition)
     * @param tables         the tables written, by id
     * @param logged         whether the batch is logged
     * @return the warnings for the client
     * @throws InvalidRequestException {@code Batch too large}
     */
    static List<String> check(List<Mutation> mutations, List<Mutation> counterUpdates,
                              Map<TableId, TableMetadata> tables, boolean logged) {
        Set<String> partitions = new HashSet<>();
        Set<DecoratedKey> keys = new HashSet<>();
        Set<String> tableNames = new HashSet<>();
        long size = 0;
        List<Mutation> all = new ArrayList<>(mutations);
        all.addAll(counterUpdates);
        Set<String> counterCellsSeen = new LinkedHashSet<>();
        for (Mutation m : all) {
            partitions.add(m.keyspace() + '\u0000' + m.key());
            for (Partition p : m.partitions().values()) {
                TableMetadata table = tables.get(p.table());
                keys.add(p.key());
                tableNames.add(name(table));
                size += table.isCounter() ? counterSize(p, counterCellsSeen) : dataSize(p);
            }
        }
        List<String> warnings = new ArrayList<>(2);
        if (partitions.size() > 1 && size > WARN_THRESHOLD) {
            if (size > FAIL_THRESHOLD) {
                throw new InvalidRequestException("Batch too large");
            }
            warnings.add("Batch for " + tableNames + " is of size " + size + ", exceeding specified threshold of "
                    + WARN_THRESHOLD + " by " + (size - WARN_THRESHOLD) + ".");
        }
        if (!logged && partitions.size() > 1 && keys.size() > UNLOGGED_PARTITIONS_WARN_THRESHOLD) {
            warnings.add("Unlogged batch covering " + keys.size() + " partitions detected against table"
                    + (tableNames.size() == 1 ? "" : "s") + " " + tableNames + ". You should use a logged batch for "
                    + "atomicity, or asynchronous writes for performance.");
        }
        return warnings;
    }

    private static String name(TableMetadata table) {
        return Identifiers.maybeQuote(table.keyspace()) + "." + Identifiers.maybeQuote(table.name());
    }

    /** The size Cassandra gives a partition update's data. */
    static long dataSize(Partition p) {
        long size = PARTITION_DELETION;
        if (!p.rangeTombstones().isEmpty()) {
            size += RANGE_LIST;
            for (RangeTombstone rt : p.rangeTombstones()) {
                size += valuesSize(rt.slice().start().values()) + valuesSize(rt.slice().end().values())
                        + DELETION_TIME;
            }
        }
        size += rowSize(p.staticRow());
        for (Row r : p.rows()) {
            size += rowSize(r);
        }
        return size;
    }

    private static long rowSize(Row r) {
        long size = valuesSize(r.clustering().values()) + (r.primaryKeyLiveness().isExpiring() ? EXPIRING_LIVENESS
                : LIVENESS) + ROW_DELETION;
        Set<String> complex = new HashSet<>(r.complexDeletions().keySet());
        for (Cell c : r.cells()) {
            size += CELL + c.value().remaining() + (c.path() == null ? 0 : c.path().remaining());
            if (c.path() != null) {
                complex.add(c.column());
            }
        }
        return size + (long) complex.size() * DELETION_TIME;
    }

    /** A counter update's size; increments of one counter in one batch add up into one cell, as in Cassandra. */
    private static long counterSize(Partition p, Set<String> seen) {
        long size = 0;
        String partition = p.table() + "/" + p.key();
        boolean first = seen.add(partition);
        if (first) {
            size += PARTITION_DELETION + rowSize(Row.empty(p.staticRow().clustering()));
        }
        List<Row> rows = new ArrayList<>(p.rows());
        rows.add(p.staticRow());
        for (Row r : rows) {
            String row = partition + "/" + r.clustering();
            if (seen.add(row) && !r.isStatic()) {
                size += valuesSize(r.clustering().values()) + LIVENESS + ROW_DELETION;
            }
            for (Cell c : r.cells()) {
                if (seen.add(row + "/" + c.column())) {
                    size += CELL + (c.isTombstone() ? 0 : COUNTER_UPDATE_VALUE);
                }
            }
        }
        return size;
    }

    private static long valuesSize(List<ByteBuffer> values) {
        long size = 0;
        for (ByteBuffer v : values) {
            size += v == null ? 0 : v.remaining();
        }
        return size;
    }
}
