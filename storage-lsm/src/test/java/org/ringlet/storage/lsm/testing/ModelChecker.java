package org.ringlet.storage.lsm.testing;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.ringlet.api.data.Clustering;
import org.ringlet.api.data.ClusteringComparator;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.Partition;
import org.ringlet.api.data.Row;
import org.ringlet.api.data.Slice;
import org.ringlet.api.data.Slices;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.ring.Token;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.storage.ClusteringFilter;
import org.ringlet.api.storage.ColumnFilter;
import org.ringlet.api.storage.DataLimits;
import org.ringlet.api.storage.KeyRange;
import org.ringlet.api.storage.PartitionRangeReadCommand;
import org.ringlet.api.storage.SinglePartitionReadCommand;
import org.ringlet.api.storage.StorageEngine;
import org.ringlet.api.testing.storage.RandomPartitions;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Compares an engine's reads with the in-memory model's, for random read commands: slices, order, columns,
 * limits, "now", and paged scans over random token ranges.
 */
public final class ModelChecker {
    private final StorageEngine model;
    private final Partitioner partitioner;
    private final Random random;

    public ModelChecker(StorageEngine model, Partitioner partitioner, Random random) {
        this.model = model;
        this.partitioner = partitioner;
        this.random = random;
    }

    private long now() {
        return RandomPartitions.NOW - 4 + random.nextInt(9);
    }

    private ClusteringFilter clustering(TableMetadata t, RandomPartitions gen) {
        if (random.nextInt(3) == 0) {
            return new ClusteringFilter(Slices.ALL, random.nextBoolean());
        }
        ClusteringComparator cmp = ClusteringComparator.of(t);
        List<Slice> slices = new ArrayList<>();
        int n = 1 + random.nextInt(2);
        for (int i = 0; i < n; i++) {
            slices.add(gen.slice());
        }
        return new ClusteringFilter(Slices.of(cmp, slices), random.nextBoolean());
    }

    private ColumnFilter columns() {
        return switch (random.nextInt(4)) {
            case 0 -> ColumnFilter.of(Set.of("v"));
            case 1 -> ColumnFilter.of(Set.of("s", "m"));
            default -> ColumnFilter.ALL;
        };
    }

    private DataLimits limits() {
        return switch (random.nextInt(6)) {
            case 0 -> DataLimits.rows(1 + random.nextInt(3));
            case 1 -> new DataLimits(DataLimits.NO_LIMIT, 1 + random.nextInt(2), false);
            case 2 -> new DataLimits(1 + random.nextInt(4), DataLimits.NO_LIMIT, true);
            default -> DataLimits.NONE;
        };
    }

    /** Reads one random partition with a random command from both and compares. */
    public void checkRead(StorageEngine engine, TableMetadata t, RandomPartitions gen) {
        DecoratedKey key = gen.key();
        SinglePartitionReadCommand c = new SinglePartitionReadCommand(t.id(), key, clustering(t, gen), columns(),
                limits(), now());
        assertEquals(model.read(c), engine.read(c), () -> "read " + c);
    }

    /** Reads every key fully at a random time and compares. */
    public void checkAll(StorageEngine engine, TableMetadata t, int keys) {
        long now = now();
        for (int k = 0; k < keys; k++) {
            ByteBuffer kb = ByteBuffer.allocate(4).putInt(0, k);
            DecoratedKey key = new DecoratedKey(partitioner.token(kb), kb);
            SinglePartitionReadCommand c = SinglePartitionReadCommand.fullPartition(t.id(), key, now);
            assertEquals(model.read(c), engine.read(c), () -> "full read " + c);
        }
    }

    /** Scans a random range page by page with random limits and compares every page. */
    public void checkScan(StorageEngine engine, TableMetadata t, RandomPartitions gen) {
        KeyRange range = switch (random.nextInt(3)) {
            case 0 -> KeyRange.all();
            case 1 -> {
                Token a = gen.key().token();
                Token b = gen.key().token();
                yield a.compareTo(b) <= 0 ? KeyRange.ofTokens(a, b) : KeyRange.ofTokens(b, a);
            }
            default -> new KeyRange(gen.key().token(), true, null, true, null, null);
        };
        ClusteringFilter clustering = clustering(t, gen);
        ColumnFilter columns = columns();
        DataLimits limits = limits();
        long now = now();
        for (int page = 0; page < 20; page++) {
            PartitionRangeReadCommand c = new PartitionRangeReadCommand(t.id(), range, clustering, columns, limits,
                    now);
            List<Partition> expected = model.scan(c);
            assertEquals(expected, engine.scan(c), () -> "scan " + c);
            if (expected.isEmpty() || limits.rows() == DataLimits.NO_LIMIT) {
                return;
            }
            Partition last = expected.get(expected.size() - 1);
            Clustering within = null;
            List<Row> rows = last.rows();
            if (!limits.distinct() && !rows.isEmpty() && random.nextBoolean()) {
                within = rows.get(rows.size() - 1).clustering();
            }
            range = range.resumingAfter(last.key(), within);
        }
    }
}
