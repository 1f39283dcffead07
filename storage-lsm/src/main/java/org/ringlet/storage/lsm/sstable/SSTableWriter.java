package org.ringlet.storage.lsm.sstable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.ringlet.api.data.Cell;
import org.ringlet.api.data.Clustering;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.DeletionTime;
import org.ringlet.api.data.LivenessInfo;
import org.ringlet.api.data.RangeTombstone;
import org.ringlet.api.data.Row;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.storage.lsm.commitlog.CommitLogPosition;
import org.ringlet.storage.lsm.io.FileSystem;
import org.ringlet.storage.lsm.io.SequentialWriter;
import org.ringlet.storage.lsm.sstable.SSTableFormat.Component;

import static java.util.Objects.requireNonNull;

/**
 * Writes one SSTable from partitions given in token order. Every component is written under a temporary name
 * and synced; {@link #finish} renames them, syncs the directory, then writes the TOC the same way, so a crash
 * leaves either a complete SSTable or temporary files that start-up deletes. Not thread-safe.
 */
public final class SSTableWriter implements AutoCloseable {

    /**
     * How to write.
     *
     * @param chunkLength     uncompressed bytes per compressed chunk ({@code chunk_length_in_kb})
     * @param indexInterval   every how many index entries the summary samples ({@code min_index_interval})
     * @param bloomFpChance   the bloom filter's false-positive chance ({@code bloom_filter_fp_chance})
     * @param columnIndexSize the size of a row index block ({@code column_index_size})
     */
    public record Options(int chunkLength, int indexInterval, double bloomFpChance, int columnIndexSize) {
        public static final Options DEFAULT = new Options(16 * 1024, 128, 0.01, 64 * 1024);
    }

    /**
     * What describes the SSTable beyond its data.
     *
     * @param level          the LCS level
     * @param commitLogLower the lowest commit log position of the data
     * @param commitLogUpper the position the flushed memtable covered up to
     * @param repairedAt     0 for unrepaired data
     * @param createdAtMillis when it is written
     */
    public record Metadata(int level, CommitLogPosition commitLogLower, CommitLogPosition commitLogUpper,
                           long repairedAt, long createdAtMillis) {
    }

    private final FileSystem fs;
    private final Descriptor descriptor;
    private final TableMetadata table;
    private final Partitioner partitioner;
    private final Options options;
    private final Metadata metadata;
    private final ChunkedWriter data;
    private final ChunkedWriter index;
    private final IndexSummary.Builder summary;
    private final BloomFilter filter;
    private final RowSerializer.Dictionary dictionary = new RowSerializer.Dictionary();
    private final OutputBuffer buffer = new OutputBuffer(4096);
    private final OutputBuffer scratch = new OutputBuffer(1024);
    private final OutputBuffer entry = new OutputBuffer(256);
    private final OutputBuffer header = new OutputBuffer(256);
    private final Stats stats = new Stats();
    private DecoratedKey first;
    private DecoratedKey last;
    private boolean finished;

    public SSTableWriter(FileSystem fs, Descriptor descriptor, TableMetadata table, Partitioner partitioner,
                         Options options, long expectedKeys, Metadata metadata) throws IOException {
        this.fs = requireNonNull(fs, "fs is null");
        this.descriptor = requireNonNull(descriptor, "descriptor is null");
        this.table = requireNonNull(table, "table is null");
        this.partitioner = requireNonNull(partitioner, "partitioner is null");
        this.options = requireNonNull(options, "options is null");
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.summary = new IndexSummary.Builder(options.indexInterval());
        this.filter = BloomFilter.create(expectedKeys, options.bloomFpChance());
        ChunkedWriter d = null;
        try {
            d = new ChunkedWriter(fs, descriptor.tempPath(Component.DATA), SSTableFormat.MAGIC_DATA,
                    options.chunkLength());
            this.index = new ChunkedWriter(fs, descriptor.tempPath(Component.INDEX), SSTableFormat.MAGIC_INDEX,
                    options.chunkLength());
        } catch (IOException | RuntimeException e) {
            if (d != null) {
                d.close();
            }
            deleteTemporaries();
            throw e;
        }
        this.data = d;
    }

    public Descriptor descriptor() {
        return descriptor;
    }

    /** Whether nothing was appended. */
    public boolean isEmpty() {
        return first == null;
    }

    /** Uncompressed bytes of data written so far. */
    public long bytesWritten() {
        return data.position();
    }

    /**
     * Appends a partition; keys must come in increasing order.
     *
     * @return the partition's size in the data stream
     */
    public long append(DecoratedKey key, DeletionTime partitionDeletion, Row staticRow,
                       List<RangeTombstone> rangeTombstones, Iterator<Row> rows) throws IOException {
        if (last != null && key.compareTo(last) <= 0) {
            throw new IllegalStateException("keys out of order: " + key + " after " + last);
        }
        long start = data.position();
        buffer.reset();
        buffer.writeWithVIntLength(key.key());
        scratch.reset();
        header.reset();
        RowSerializer.writeHeader(partitionDeletion, staticRow, rangeTombstones, header, dictionary, scratch);
        buffer.writeUnsignedVInt(header.size());
        buffer.writeBytes(header);
        stats.partitionHeader(partitionDeletion, staticRow, rangeTombstones);
        data.write(buffer.view());

        List<IndexEntry.Block> blocks = new ArrayList<>();
        long blockStart = -1;
        Clustering blockFirst = null;
        Clustering lastClustering = null;
        while (rows.hasNext()) {
            Row r = rows.next();
            if (r.isEmpty()) {
                continue;
            }
            long pos = data.position();
            if (blockStart < 0) {
                blockStart = pos;
                blockFirst = r.clustering();
            }
            buffer.reset();
            RowSerializer.writeRow(r, buffer, dictionary, scratch);
            data.write(buffer.view());
            stats.row(r);
            lastClustering = r.clustering();
            if (data.position() - blockStart >= options.columnIndexSize()) {
                blocks.add(new IndexEntry.Block(blockFirst, lastClustering, blockStart - start,
                        data.position() - blockStart));
                blockStart = -1;
            }
        }
        if (blockStart >= 0 && !blocks.isEmpty()) {
            blocks.add(new IndexEntry.Block(blockFirst, lastClustering, blockStart - start,
                    data.position() - blockStart));
        }
        buffer.reset();
        buffer.writeByte(SSTableFormat.END_OF_PARTITION);
        data.write(buffer.view());
        long size = data.position() - start;

        IndexEntry ie = new IndexEntry(start, blocks.size() > 1 ? blocks : List.of());
        long indexPosition = index.position();
        entry.reset();
        entry.writeWithVIntLength(key.key());
        org.ringlet.api.data.ByteOutput rest = new org.ringlet.api.data.ByteOutput(16);
        ie.serialize(rest);
        entry.writeWithVIntLength(rest.toByteBuffer());
        index.write(entry.view());
        summary.add(key, indexPosition);
        filter.add(key.key());
        stats.partition(size);
        if (first == null) {
            first = key;
        }
        last = key;
        return size;
    }

    /**
     * Completes the SSTable: writes summary, filter and statistics, renames every component to its final name,
     * syncs the directory and writes the TOC last.
     *
     * @return the statistics written
     */
    public StatsMetadata finish() throws IOException {
        if (first == null) {
            throw new IllegalStateException("an SSTable needs at least one partition");
        }
        try {
            data.finish();
            index.finish();
            data.close();
            index.close();
            StatsMetadata s = stats.build();
            SmallComponent.write(fs, descriptor.tempPath(Component.SUMMARY), SSTableFormat.MAGIC_SUMMARY,
                    summary.serialize());
            SmallComponent.write(fs, descriptor.tempPath(Component.FILTER), SSTableFormat.MAGIC_FILTER,
                    filter.serialize());
            SmallComponent.write(fs, descriptor.tempPath(Component.STATISTICS), SSTableFormat.MAGIC_STATISTICS,
                    s.serialize());
            for (Component c : Component.values()) {
                if (c != Component.TOC) {
                    fs.rename(descriptor.tempPath(c), descriptor.path(c));
                }
            }
            fs.syncDirectory(descriptor.directory());
            StringBuilder toc = new StringBuilder(SSTableFormat.TOC_HEADER + " " + SSTableFormat.VERSION + "\n");
            for (Component c : Component.values()) {
                toc.append(SSTableFormat.fileName(descriptor.generation(), c)).append('\n');
            }
            SequentialWriter.writeAtomically(fs, descriptor.path(Component.TOC),
                    ByteBuffer.wrap(toc.toString().getBytes(StandardCharsets.UTF_8)));
            finished = true;
            return s;
        } catch (IOException | RuntimeException e) {
            abort();
            throw e;
        }
    }

    /** Deletes everything written (temporary and already renamed components). */
    public void abort() {
        try {
            data.close();
            index.close();
        } catch (IOException e) {
            // best effort
        }
        deleteTemporaries();
        for (Component c : Component.values()) {
            try {
                fs.deleteIfExists(descriptor.path(c));
            } catch (IOException e) {
                // best effort: start-up removes incomplete SSTables
            }
        }
    }

    private void deleteTemporaries() {
        for (Component c : Component.values()) {
            try {
                fs.deleteIfExists(descriptor.tempPath(c));
            } catch (IOException e) {
                // best effort: start-up removes temporaries
            }
        }
        try {
            fs.deleteIfExists(descriptor.path(Component.TOC).resolveSibling(
                    descriptor.path(Component.TOC).getFileName() + ".tmp"));
        } catch (IOException e) {
            // best effort
        }
    }

    @Override
    public void close() {
        if (!finished) {
            abort();
        }
    }

    /** Collects the statistics while partitions are written. */
    private final class Stats {
        private long minTimestamp = Long.MAX_VALUE;
        private long maxTimestamp = Long.MIN_VALUE;
        private long minLdt = Long.MAX_VALUE;
        private long maxLdt = Long.MIN_VALUE;
        private int minTtl = Integer.MAX_VALUE;
        private int maxTtl;
        private long partitions;
        private long rows;
        private long cells;
        private long tombstones;
        private long maxPartitionSize;
        private final TreeMap<Long, Long> dropTimes = new TreeMap<>();

        private void timestamp(long ts) {
            minTimestamp = Math.min(minTimestamp, ts);
            maxTimestamp = Math.max(maxTimestamp, ts);
        }

        private void deletion(DeletionTime d) {
            if (!d.isLive()) {
                timestamp(d.markedForDeleteAt());
                ldt(d.localDeletionTime());
                tombstones++;
            }
        }

        private void ldt(long t) {
            minLdt = Math.min(minLdt, t);
            maxLdt = Math.max(maxLdt, t);
            dropTimes.merge(t, 1L, Long::sum);
            if (dropTimes.size() > 100) {
                squeeze();
            }
        }

        private void ttl(int ttl) {
            minTtl = Math.min(minTtl, ttl);
            maxTtl = Math.max(maxTtl, ttl);
        }

        /** Merges the two closest bins into the later one (which only delays what counts as droppable). */
        private void squeeze() {
            Long prev = null;
            long bestGap = Long.MAX_VALUE;
            Long bestA = null;
            Long bestB = null;
            for (Long k : dropTimes.keySet()) {
                if (prev != null && k - prev < bestGap) {
                    bestGap = k - prev;
                    bestA = prev;
                    bestB = k;
                }
                prev = k;
            }
            if (bestA != null) {
                long count = dropTimes.remove(bestA);
                dropTimes.merge(bestB, count, Long::sum);
            }
        }

        void partitionHeader(DeletionTime pd, Row staticRow, List<RangeTombstone> rts) {
            deletion(pd);
            for (RangeTombstone rt : rts) {
                deletion(rt.deletion());
            }
            if (!staticRow.isEmpty()) {
                rowContent(staticRow);
            }
        }

        void row(Row r) {
            rows++;
            rowContent(r);
        }

        private void rowContent(Row r) {
            LivenessInfo l = r.primaryKeyLiveness();
            if (!l.isEmpty()) {
                timestamp(l.timestamp());
                if (l.isExpiring()) {
                    ttl(l.ttl());
                    ldt(l.localExpirationTime());
                }
            }
            deletion(r.deletion());
            for (DeletionTime d : r.complexDeletions().values()) {
                deletion(d);
            }
            for (Cell c : r.cells()) {
                cells++;
                timestamp(c.timestamp());
                if (c.isExpiring()) {
                    ttl(c.ttl());
                    ldt(c.localDeletionTime());
                } else if (c.isTombstone()) {
                    tombstones++;
                    ldt(c.localDeletionTime());
                }
            }
        }

        void partition(long size) {
            partitions++;
            maxPartitionSize = Math.max(maxPartitionSize, size);
        }

        StatsMetadata build() {
            Map<Long, Long> drops = new TreeMap<>(dropTimes);
            return new StatsMetadata(table.id().uuid(), minTimestamp, maxTimestamp, minLdt, maxLdt,
                    minTtl == Integer.MAX_VALUE ? 0 : minTtl, maxTtl, first.key(), last.key(),
                    partitioner.toBytes(first.token()), partitioner.toBytes(last.token()), partitions, rows, cells,
                    tombstones, drops, maxPartitionSize, metadata.repairedAt(), null, false, metadata.level(),
                    metadata.commitLogLower(), metadata.commitLogUpper(), dictionary.names(),
                    metadata.createdAtMillis());
        }
    }
}
