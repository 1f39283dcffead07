package org.ringlet.storage.lsm.sstable;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.ringlet.api.data.Clustering;
import org.ringlet.api.data.ClusteringComparator;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.DeletionTime;
import org.ringlet.api.data.RangeTombstone;
import org.ringlet.api.data.Row;
import org.ringlet.api.data.Slice;

/**
 * One partition of an SSTable: its header (partition deletion, static row, range tombstones) read at once, its
 * rows read lazily per slice. A forward slice seeks with the row index to the first block that can hold it and
 * stops after its end; a reversed slice reads one index block at a time backwards, so only one block of rows is
 * ever held. Not thread-safe (one cursor).
 */
public final class SSTablePartition {
    private final SSTableReader sstable;
    private final ChunkedFile data;
    private final DecoratedKey key;
    private final IndexEntry entry;
    private final ClusteringComparator comparator;
    private final List<String> columns;
    private final RowSerializer.Header header;
    private final long rowsStart;
    /** The cursor that read the header, positioned at the first row: the first forward read takes it. */
    private FileDataInput rowsInput;

    private SSTablePartition(SSTableReader sstable, ChunkedFile data, DecoratedKey key, IndexEntry entry,
                             ClusteringComparator comparator, List<String> columns, RowSerializer.Header header,
                             long rowsStart, FileDataInput rowsInput) {
        this.sstable = sstable;
        this.data = data;
        this.key = key;
        this.entry = entry;
        this.comparator = comparator;
        this.columns = columns;
        this.header = header;
        this.rowsStart = rowsStart;
        this.rowsInput = rowsInput;
    }

    /**
     * @param cursor a cursor over {@code data} to read the header with (and leave wherever), or null; scans pass
     *               one per SSTable so that consecutive partitions in the same chunk need no cache lookup
     */
    static SSTablePartition open(SSTableReader sstable, ChunkedFile data, DecoratedKey key, IndexEntry entry,
                                 ClusteringComparator comparator, List<String> columns, FileDataInput cursor) {
        FileDataInput in = cursor == null ? new FileDataInput(data) : cursor;
        in.seek(entry.position());
        int len = (int) in.readUnsignedVInt();
        ByteBuffer k = in.readBytes(len);
        if (!k.equals(key.key())) {
            throw new CorruptSSTableException(data.path(), "partition at " + entry.position()
                    + " does not have the indexed key");
        }
        int headerLen = (int) in.readUnsignedVInt();
        ByteBuffer h = in.readBytes(headerLen);
        RowSerializer.Header header;
        try {
            header = RowSerializer.readHeader(h, columns);
        } catch (IllegalArgumentException | BufferUnderflowException e) {
            throw new CorruptSSTableException(data.path(), "unreadable partition header at " + entry.position(), e);
        }
        return new SSTablePartition(sstable, data, key, entry, comparator, columns, header, in.position(),
                cursor == null ? in : in.fork());
    }

    public SSTableReader sstable() {
        return sstable;
    }

    public DecoratedKey key() {
        return key;
    }

    public DeletionTime partitionDeletion() {
        return header.partitionDeletion();
    }

    public Row staticRow() {
        return header.staticRow();
    }

    public List<RangeTombstone> rangeTombstones() {
        return header.rangeTombstones();
    }

    /** Every row, in clustering order. */
    public Iterator<Row> rows() {
        return rows(Slice.ALL, false);
    }

    /** The rows of a slice, in clustering order or reversed. */
    public Iterator<Row> rows(Slice slice, boolean reversed) {
        if (!reversed) {
            long start = rowsStart;
            if (!entry.blocks().isEmpty() && !slice.start().isUnbounded()) {
                for (IndexEntry.Block b : entry.blocks()) {
                    if (comparator.compare(b.last(), slice.start()) > 0) {
                        start = entry.position() + b.offset();
                        break;
                    }
                    start = -1;
                }
                if (start < 0) {
                    return Collections.emptyIterator();
                }
            }
            return new ForwardIterator(start, slice, Long.MAX_VALUE);
        }
        if (entry.blocks().isEmpty()) {
            List<Row> all = new ArrayList<>();
            new ForwardIterator(rowsStart, slice, Long.MAX_VALUE).forEachRemaining(all::add);
            Collections.reverse(all);
            return all.iterator();
        }
        return new ReverseIterator(slice);
    }

    private Row parse(int flags, ByteBuffer body, Clustering c) {
        try {
            return RowSerializer.readRowContent(body, flags, c, columns);
        } catch (IllegalArgumentException | BufferUnderflowException e) {
            throw new CorruptSSTableException(data.path(), "unreadable row in partition at " + entry.position(), e);
        }
    }

    /** Reads rows forward from a position, keeping those in the slice, until the slice ends or {@code end}. */
    private final class ForwardIterator implements Iterator<Row> {
        private final FileDataInput in;
        private final Slice slice;
        private final long end;
        private Row next;
        private boolean done;

        ForwardIterator(long start, Slice slice, long end) {
            this.slice = slice;
            this.end = end;
            FileDataInput spare = rowsInput;
            rowsInput = null;
            this.in = spare != null ? spare : new FileDataInput(data);
            in.seek(start);
        }

        private Row advance() {
            while (!done) {
                if (in.position() >= end) {
                    done = true;
                    return null;
                }
                int flags = in.readUnsignedByte();
                if (flags == SSTableFormat.END_OF_PARTITION) {
                    done = true;
                    return null;
                }
                int size = (int) in.readUnsignedVInt();
                ByteBuffer body = in.readBytes(size);
                Clustering c;
                try {
                    c = RowSerializer.readClustering(body);
                } catch (IllegalArgumentException | BufferUnderflowException e) {
                    throw new CorruptSSTableException(data.path(), "unreadable clustering at " + in.position(), e);
                }
                if (comparator.compare(slice.start(), c) > 0) {
                    continue;
                }
                if (comparator.compare(slice.end(), c) < 0) {
                    done = true;
                    return null;
                }
                return parse(flags, body, c);
            }
            return null;
        }

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                next = advance();
            }
            return next != null;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Row r = next;
            next = null;
            return r;
        }
    }

    /** Reads index blocks backwards, each block's rows forward, and returns them reversed. */
    private final class ReverseIterator implements Iterator<Row> {
        private final Slice slice;
        private int block;
        private final Deque<Row> pending = new ArrayDeque<>();

        ReverseIterator(Slice slice) {
            this.slice = slice;
            List<IndexEntry.Block> blocks = entry.blocks();
            int b = blocks.size() - 1;
            if (!slice.end().isUnbounded()) {
                while (b >= 0 && comparator.compare(blocks.get(b).first(), slice.end()) > 0) {
                    b--;
                }
            }
            this.block = b;
        }

        private void fill() {
            List<IndexEntry.Block> blocks = entry.blocks();
            while (pending.isEmpty() && block >= 0) {
                IndexEntry.Block b = blocks.get(block--);
                if (comparator.compare(b.last(), slice.start()) < 0) {
                    block = -1;
                    return;
                }
                long start = entry.position() + b.offset();
                ForwardIterator it = new ForwardIterator(start, slice, start + b.width());
                it.forEachRemaining(pending::push);
            }
        }

        @Override
        public boolean hasNext() {
            fill();
            return !pending.isEmpty();
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return pending.pop();
        }
    }
}
