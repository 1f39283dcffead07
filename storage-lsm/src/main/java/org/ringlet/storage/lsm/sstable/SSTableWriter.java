package org.ringlet.storage.lsm.sstable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.ringlet.api.data.Clustering;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.DeletionTime;
import org.ringlet.api.data.RangeTombstone;
import org.ringlet.api.data.Row;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.types.VInts;
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
    private final StatsCollector stats = new StatsCollector();
    /** The row index blocks of the partition being written. */
    private final List<IndexEntry.Block> blocks = new ArrayList<>();
    private long partitionStart;
    private long blockStart;
    private Clustering blockFirst;
    private Clustering lastClustering;
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
        startPartition(key, partitionDeletion, staticRow, rangeTombstones);
        while (rows.hasNext()) {
            Row r = rows.next();
            if (r.isEmpty()) {
                continue;
            }
            long pos = data.position();
            buffer.reset();
            RowSerializer.writeRow(r, buffer, dictionary, scratch);
            data.write(buffer.view());
            stats.row(r);
            rowWritten(pos, r.clustering());
        }
        return endPartition(key);
    }

    /**
     * Appends a partition whose rows are given in the memtable's serialized form ({@code DataSerializer.writeRow},
     * one heap buffer per row from its first byte to its last, with their clusterings in clustering order): each
     * row is transcoded into the data
     * stream's form without being decoded into objects, and the result is the same as {@link #append(DecoratedKey,
     * DeletionTime, Row, List, Iterator)} of the decoded rows, byte for byte.
     *
     * @return the partition's size in the data stream
     */
    public long appendSerialized(DecoratedKey key, DeletionTime partitionDeletion, Row staticRow,
                                 List<RangeTombstone> rangeTombstones,
                                 Iterator<? extends Map.Entry<Clustering, ByteBuffer>> rows) throws IOException {
        startPartition(key, partitionDeletion, staticRow, rangeTombstones);
        while (rows.hasNext()) {
            Map.Entry<Clustering, ByteBuffer> e = rows.next();
            long pos = data.position();
            buffer.reset();
            Clustering c = e.getKey();
            if (!RowSerializer.transcodeRow(e.getValue(), c, buffer, dictionary, scratch, stats)) {
                continue; // an empty row
            }
            data.write(buffer.view());
            rowWritten(pos, c);
        }
        return endPartition(key);
    }

    private void startPartition(DecoratedKey key, DeletionTime partitionDeletion, Row staticRow,
                                List<RangeTombstone> rangeTombstones) throws IOException {
        if (last != null && key.compareTo(last) <= 0) {
            throw new IllegalStateException("keys out of order: " + key + " after " + last);
        }
        partitionStart = data.position();
        buffer.reset();
        buffer.writeWithVIntLength(key.key());
        scratch.reset();
        header.reset();
        RowSerializer.writeHeader(partitionDeletion, staticRow, rangeTombstones, header, dictionary, scratch);
        buffer.writeUnsignedVInt(header.size());
        buffer.writeBytes(header);
        stats.partitionHeader(partitionDeletion, staticRow, rangeTombstones);
        data.write(buffer.view());
        blocks.clear();
        blockStart = -1;
        blockFirst = null;
        lastClustering = null;
    }

    /** Follows the row index blocks after a row written from {@code pos}. */
    private void rowWritten(long pos, Clustering clustering) {
        if (blockStart < 0) {
            blockStart = pos;
            blockFirst = clustering;
        }
        lastClustering = clustering;
        if (data.position() - blockStart >= options.columnIndexSize()) {
            blocks.add(new IndexEntry.Block(blockFirst, lastClustering, blockStart - partitionStart,
                    data.position() - blockStart));
            blockStart = -1;
        }
    }

    private long endPartition(DecoratedKey key) throws IOException {
        long start = partitionStart;
        if (blockStart >= 0 && !blocks.isEmpty()) {
            blocks.add(new IndexEntry.Block(blockFirst, lastClustering, blockStart - start,
                    data.position() - blockStart));
        }
        buffer.reset();
        buffer.writeByte(SSTableFormat.END_OF_PARTITION);
        data.write(buffer.view());
        long size = data.position() - start;

        long indexPosition = index.position();
        entry.reset();
        entry.writeWithVIntLength(key.key());
        if (blocks.size() > 1) {
            org.ringlet.api.data.ByteOutput rest = new org.ringlet.api.data.ByteOutput(64);
            new IndexEntry(start, blocks).serialize(rest);
            entry.writeWithVIntLength(rest.toByteBuffer());
        } else {
            // IndexEntry.serialize of an entry without blocks: its position and a block count of 0
            entry.writeUnsignedVInt(VInts.sizeOfUnsigned(start) + 1);
            entry.writeUnsignedVInt(start);
            entry.writeUnsignedVInt(0);
        }
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
            StatsMetadata s = stats.build(table.id().uuid(), first, last, partitioner, metadata, dictionary.names());
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
}
