package org.ringlet.storage.lsm.read;

import java.util.Iterator;
import java.util.List;

import org.ringlet.api.data.Partition;
import org.ringlet.api.data.Row;
import org.ringlet.api.data.Slice;
import org.ringlet.api.schema.TableId;
import org.ringlet.storage.lsm.sstable.SSTablePartition;

import static java.util.Objects.requireNonNull;

/** An SSTable's version of a partition. */
public final class SSTableSource implements PartitionSource {
    private final TableId table;
    private final SSTablePartition partition;

    public SSTableSource(TableId table, SSTablePartition partition) {
        this.table = requireNonNull(table, "table is null");
        this.partition = requireNonNull(partition, "partition is null");
    }

    @Override
    public Partition header() {
        return Partition.of(table, partition.key(), partition.partitionDeletion(), partition.staticRow(), List.of(),
                partition.rangeTombstones());
    }

    @Override
    public boolean headerIsEmpty() {
        return partition.partitionDeletion().isLive() && partition.rangeTombstones().isEmpty()
                && partition.staticRow().isEmpty();
    }

    @Override
    public Iterator<Row> rows(Slice slice, boolean reversed) {
        return partition.rows(slice, reversed);
    }

    @Override
    public long maxTimestamp() {
        return partition.sstable().maxTimestamp();
    }
}
