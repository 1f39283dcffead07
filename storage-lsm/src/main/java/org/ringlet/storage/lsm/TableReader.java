package org.ringlet.storage.lsm;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import org.ringlet.api.data.CellOrder;
import org.ringlet.api.data.Clustering;
import org.ringlet.api.data.ClusteringComparator;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.DeletionTime;
import org.ringlet.api.data.Partition;
import org.ringlet.api.data.Row;
import org.ringlet.api.data.Slice;
import org.ringlet.api.ring.Token;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.storage.KeyRange;
import org.ringlet.api.storage.PartitionRangeReadCommand;
import org.ringlet.api.storage.ReadFilters;
import org.ringlet.api.storage.SinglePartitionReadCommand;
import org.ringlet.storage.lsm.memtable.Memtable;
import org.ringlet.storage.lsm.memtable.MemtablePartition;
import org.ringlet.storage.lsm.read.MergeIterator;
import org.ringlet.storage.lsm.read.PartitionMerger;
import org.ringlet.storage.lsm.read.PartitionSource;
import org.ringlet.storage.lsm.read.SSTableSource;
import org.ringlet.storage.lsm.sstable.IndexEntry;
import org.ringlet.storage.lsm.sstable.SSTablePartition;
import org.ringlet.storage.lsm.sstable.SSTableReader;

/**
 * A table's reads: single partitions and token-ordered scans over a {@link View}. SSTables are skipped by key
 * range, bloom filter and timestamps (an SSTable whose newest data is older than a partition deletion already
 * found cannot change the result, nor can an SSTable without deletions whose newest data is older than every cell
 * and the row marker of a memtable row that has all the table's columns, ADR 0171); the SSTables read are referenced for the duration of the read. Thread-safe.
 */
final class TableReader {
    private final StorageContext ctx;
    private final TableStore store;
    private volatile Comparators comparators;
    private final LongAdder reads = new LongAdder();
    private static final Comparator<SSTableReader> NEWEST_FIRST =
            Comparator.comparingLong(SSTableReader::maxTimestamp).reversed();

    /**
     * @param coverColumns the regular columns' names in UTF-8 in cell order when a row of the memtable can make
     *                     older SSTables irrelevant to a point read (see {@link #coverable}), else null
     * @param coverNames   the same names as strings
     */
    private record Comparators(TableMetadata metadata, ClusteringComparator clustering, CellOrder cells,
                               byte[][] coverColumns, Set<String> coverNames) {
    }

    /**
     * Whether a table's rows can be decided by one version: no clustering or static columns (one row per
     * partition, no range tombstones), no dropped columns (no cells of other columns to filter), and only simple,
     * non-counter regular columns (a newer cell replaces an older one whole).
     */
    private static boolean coverable(TableMetadata md) {
        if (!md.clusteringColumns().isEmpty() || md.hasStaticColumns() || !md.droppedColumns().isEmpty()
                || md.isCounter() || md.regularColumns().isEmpty()) {
            return false;
        }
        for (ColumnMetadata c : md.regularColumns()) {
            if (c.type().isMultiCell() || c.type().isCounter()) {
                return false;
            }
        }
        return true;
    }

    TableReader(StorageContext ctx, TableStore store) {
        this.ctx = ctx;
        this.store = store;
        updateMetadata(store.metadata());
    }

    void updateMetadata(TableMetadata md) {
        byte[][] coverColumns = null;
        Set<String> coverNames = null;
        if (coverable(md)) {
            List<String> names = new ArrayList<>();
            md.regularColumns().forEach(col -> names.add(col.name()));
            names.sort(Comparator.naturalOrder());
            coverColumns = new byte[names.size()][];
            for (int i = 0; i < names.size(); i++) {
                coverColumns[i] = names.get(i).getBytes(StandardCharsets.UTF_8);
            }
            coverNames = Set.copyOf(names);
        }
        comparators = new Comparators(md, ClusteringComparator.of(md), CellOrder.of(md), coverColumns, coverNames);
    }

    long readCount() {
        return reads.sum();
    }

    Partition read(SinglePartitionReadCommand c) {
        return read(c, true);
    }

    /**
     * A point read that never touches a file (ADR 0162): run in the chunk cache's memory-only mode, it either
     * finishes from memory or throws {@link org.ringlet.storage.lsm.sstable.NotInMemoryException}. It takes no
     * SSTable references: what it reads of an SSTable (bloom filter, summary, partition index, cached chunks) is heap
     * memory that stays valid after the SSTable is closed, and a chunk dropped from the cache at the close is a miss.
     */
    Partition readFromMemory(SinglePartitionReadCommand c) {
        Partition p = read(c, false);
        reads.increment(); // a read that gave up is counted when it is repeated
        return p;
    }

    private Partition read(SinglePartitionReadCommand c, boolean reference) {
        if (reference) {
            reads.increment();
        }
        Comparators cmp = comparators;
        DecoratedKey key = c.key();
        while (true) {
            View v = store.view();
            List<SSTableReader> candidates = new ArrayList<>();
            for (SSTableReader r : v.sstables()) {
                if (r.mayContain(key)) {
                    candidates.add(r);
                }
            }
            if (reference && !refAll(candidates)) {
                continue;
            }
            try {
                List<PartitionSource> sources = new ArrayList<>();
                for (Memtable m : v.allMemtables()) {
                    MemtablePartition p = m.get(key);
                    if (p != null) {
                        sources.add(new MemtableSource(p, m.maxTimestamp()));
                    }
                }
                if (candidates.size() > 1) {
                    candidates.sort(NEWEST_FIRST);
                }
                DeletionTime pd = DeletionTime.LIVE;
                long covered = Long.MIN_VALUE;
                for (PartitionSource s : sources) {
                    MemtablePartition p = ((MemtableSource) s).partition;
                    pd = DeletionTime.max(pd, p.partitionDeletion());
                    if (cmp.coverColumns() != null) {
                        covered = Math.max(covered, p.coveringTimestamp(cmp.coverColumns()));
                    }
                }
                for (SSTableReader r : candidates) {
                    if (!pd.isLive() && r.maxTimestamp() < pd.markedForDeleteAt()) {
                        break;
                    }
                    if (r.maxTimestamp() < covered && isCovered(r, cmp)) {
                        continue;
                    }
                    SSTablePartition p = r.read(key, cmp.clustering());
                    if (p == null) {
                        continue;
                    }
                    pd = DeletionTime.max(pd, p.partitionDeletion());
                    sources.add(new SSTableSource(store.metadata().id(), p));
                }
                if (sources.isEmpty()) {
                    return Partition.empty(c.table(), key);
                }
                int limit = Math.min(c.limits().rows(), c.limits().rowsPerPartition());
                return PartitionMerger.read(cmp.metadata(), cmp.clustering(), cmp.cells(), key, sources,
                        c.clustering(), c.columns(), limit, c.limits().distinct(), null, c.nowInSeconds());
            } finally {
                if (reference) {
                    candidates.forEach(SSTableReader::release);
                }
            }
        }
    }

    /**
     * Whether a memtable row that covers every regular column at timestamps above the SSTable's newest makes the
     * SSTable irrelevant to the read: it holds no deletion of any kind (which the merged result would carry) and
     * no cells of columns the row does not have. Its cells and row markers all lose to the row's, so the result
     * is the same with or without it.
     */
    private static boolean isCovered(SSTableReader r, Comparators cmp) {
        if (r.tombstoneCount() != 0) {
            return false;
        }
        for (String column : r.columns()) {
            if (!cmp.coverNames().contains(column)) {
                return false;
            }
        }
        return true;
    }

    private static boolean refAll(List<SSTableReader> readers) {
        for (int i = 0; i < readers.size(); i++) {
            if (!readers.get(i).tryRef()) {
                for (int j = 0; j < i; j++) {
                    readers.get(j).release();
                }
                return false;
            }
        }
        return true;
    }

    List<Partition> scan(PartitionRangeReadCommand c) {
        reads.increment();
        Comparators cmp = comparators;
        KeyRange range = c.range();
        while (true) {
            View v = store.view();
            List<SSTableReader> candidates = new ArrayList<>();
            for (SSTableReader r : v.sstables()) {
                if (r.intersects(range.start(), range.end())) {
                    candidates.add(r);
                }
            }
            if (!refAll(candidates)) {
                continue;
            }
            try {
                return scan(c, cmp, v, candidates);
            } finally {
                candidates.forEach(SSTableReader::release);
            }
        }
    }

    /** A key and where one source holds it. */
    private record Located(DecoratedKey key, Object source, Object where) {
    }

    private List<Partition> scan(PartitionRangeReadCommand c, Comparators cmp, View v,
                                 List<SSTableReader> sstables) {
        KeyRange range = c.range();
        DecoratedKey from = range.resumeAfter();
        if (from == null || (range.start() != null && from.token().compareTo(range.start()) < 0)) {
            from = range.start() == null ? null : new DecoratedKey(range.start(), ByteBuffer.allocate(0));
        }
        List<Iterator<Located>> inputs = new ArrayList<>();
        for (Memtable m : v.allMemtables()) {
            Iterator<MemtablePartition> it = m.partitions(from);
            inputs.add(map(it, p -> new Located(p.key(), m, p)));
        }
        for (SSTableReader r : sstables) {
            Iterator<SSTableReader.KeyEntry> it = from == null ? r.keys(null) : r.keysFrom(from);
            inputs.add(map(it, e -> new Located(e.key(), r, e.entry())));
        }
        MergeIterator<Located> keys = new MergeIterator<>(inputs, Comparator.comparing(Located::key));
        Map<SSTableReader, SSTableReader.DataCursor> cursors = new IdentityHashMap<>();
        List<Partition> out = new ArrayList<>();
        int remaining = c.limits().rows();
        Token end = range.end();
        while (remaining > 0 && keys.hasNext()) {
            List<Located> group = keys.next();
            DecoratedKey key = group.get(0).key();
            if (end != null) {
                int e = key.token().compareTo(end);
                if (e > 0 || (e == 0 && !range.endInclusive())) {
                    break;
                }
            }
            if (!range.includes(key)) {
                continue;
            }
            List<PartitionSource> sources = sources(group, cmp, cursors);
            boolean resumed = range.resumeAfter() != null && key.equals(range.resumeAfter());
            int limit = Math.min(remaining, c.limits().rowsPerPartition());
            Clustering resumeWithin = resumed ? range.resumeWithin() : null;
            Partition f = PartitionMerger.read(cmp.metadata(), cmp.clustering(), cmp.cells(), key, sources,
                    c.clustering(), c.columns(), limit, c.limits().distinct(), resumeWithin, c.nowInSeconds());
            if (f.rows().isEmpty() && f.staticRow().isEmpty() && f.partitionDeletion().isLive()
                    && f.rangeTombstones().isEmpty()) {
                continue;
            }
            int count = ReadFilters.liveRowCount(f, c.nowInSeconds());
            remaining -= c.limits().distinct() ? Math.min(count, 1) : count;
            out.add(f);
        }
        return out;
    }

    private List<PartitionSource> sources(List<Located> group, Comparators cmp,
                                          Map<SSTableReader, SSTableReader.DataCursor> cursors) {
        if (group.size() == 1) {
            Located l = group.get(0);
            if (l.source() instanceof Memtable m) {
                return List.of(new MemtableSource((MemtablePartition) l.where(), m.maxTimestamp()));
            }
            SSTableReader r = (SSTableReader) l.source();
            return List.of(new SSTableSource(cmp.metadata().id(), r.partition(l.key(), (IndexEntry) l.where(),
                    cmp.clustering(), cursors.computeIfAbsent(r, SSTableReader::dataCursor))));
        }
        List<PartitionSource> sources = new ArrayList<>(group.size());
        List<SSTableReader.KeyEntry> onDisk = new ArrayList<>();
        List<SSTableReader> readers = new ArrayList<>();
        DeletionTime pd = DeletionTime.LIVE;
        for (Located l : group) {
            if (l.source() instanceof Memtable m) {
                MemtablePartition p = (MemtablePartition) l.where();
                pd = DeletionTime.max(pd, p.partitionDeletion());
                sources.add(new MemtableSource(p, m.maxTimestamp()));
            } else {
                readers.add((SSTableReader) l.source());
                onDisk.add(new SSTableReader.KeyEntry(l.key(), (IndexEntry) l.where()));
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < readers.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong((Integer i) -> readers.get(i).maxTimestamp()).reversed());
        for (int i : order) {
            SSTableReader r = readers.get(i);
            if (!pd.isLive() && r.maxTimestamp() < pd.markedForDeleteAt()) {
                break;
            }
            SSTablePartition p = r.partition(onDisk.get(i).key(), onDisk.get(i).entry(), cmp.clustering(),
                    cursors.computeIfAbsent(r, SSTableReader::dataCursor));
            pd = DeletionTime.max(pd, p.partitionDeletion());
            sources.add(new SSTableSource(cmp.metadata().id(), p));
        }
        return sources;
    }

    private static <A, B> Iterator<B> map(Iterator<A> it, java.util.function.Function<A, B> f) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public B next() {
                return f.apply(it.next());
            }
        };
    }

    /** A memtable's version of a partition. */
    static final class MemtableSource implements PartitionSource {
        final MemtablePartition partition;
        private final long maxTimestamp;

        MemtableSource(MemtablePartition partition, long maxTimestamp) {
            this.partition = partition;
            this.maxTimestamp = maxTimestamp;
        }

        @Override
        public Partition header() {
            return partition.header();
        }

        @Override
        public Iterator<Row> rows(Slice slice, boolean reversed) {
            return partition.rows(slice, reversed);
        }

        @Override
        public long maxTimestamp() {
            return maxTimestamp;
        }
    }
}
