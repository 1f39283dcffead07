package org.ringlet.storage.lsm;

import java.util.ArrayList;
import java.util.List;

import org.ringlet.api.schema.TableId;
import org.ringlet.api.storage.SSTableInfo;
import org.ringlet.api.storage.TableStats;
import org.ringlet.storage.lsm.memtable.Memtable;
import org.ringlet.storage.lsm.sstable.Descriptor;
import org.ringlet.storage.lsm.sstable.SSTableFormat;
import org.ringlet.storage.lsm.sstable.SSTableReader;

/** How a table and its SSTables are described to observers and tools. Stateless. */
final class TableDescriptions {
    private TableDescriptions() {
    }

    static SSTableInfo info(TableId table, SSTableReader r) {
        Descriptor d = r.descriptor();
        List<String> files = new ArrayList<>();
        for (SSTableFormat.Component c : SSTableFormat.Component.values()) {
            files.add(d.path(c).getFileName().toString());
        }
        return new SSTableInfo(table, d.generation(), d.directory().toString(), files, r.onDiskSize(), r.level(),
                r.minTimestamp(), r.maxTimestamp(), r.estimatedPartitionCount());
    }

    static TableStats stats(View v, long reads, long writes, long switches, int pendingFlushes,
                            long maxPartitionSize) {
        long partitions = 0;
        long live = 0;
        for (SSTableReader r : v.sstables()) {
            partitions += r.estimatedPartitionCount();
            live += r.onDiskSize();
        }
        for (Memtable m : v.allMemtables()) {
            partitions += m.partitionCount();
        }
        return new TableStats(v.sstables().size(), live, live, v.memtable().dataSize(), v.memtable().cellCount(),
                switches, partitions, reads, writes, pendingFlushes, maxPartitionSize);
    }
}
