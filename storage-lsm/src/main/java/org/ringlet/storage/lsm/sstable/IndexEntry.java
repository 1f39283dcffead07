package org.ringlet.storage.lsm.sstable;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.ringlet.api.data.ByteOutput;
import org.ringlet.api.data.Clustering;
import org.ringlet.api.data.DataSerializer;
import org.ringlet.api.types.VInts;

/**
 * Where a partition is in the data stream, and for a large partition its row index: blocks of about
 * {@code column_index_size} bytes with their first and last clustering and their offset from the partition's
 * start, so that a slice read seeks to the right block instead of reading the whole partition.
 *
 * @param position the partition's position in the uncompressed data stream
 * @param blocks   the row index, empty for small partitions
 */
public record IndexEntry(long position, List<Block> blocks) {

    /**
     * One block of a partition's rows.
     *
     * @param first  the first row's clustering
     * @param last   the last row's clustering
     * @param offset the block's offset from the start of the partition
     * @param width  the block's length in bytes
     */
    public record Block(Clustering first, Clustering last, long offset, long width) {
    }

    public IndexEntry {
        blocks = List.copyOf(blocks);
    }

    /** The entry's bytes after the key: position, block count, blocks. */
    void serialize(ByteOutput out) {
        out.writeUnsignedVInt(position);
        out.writeUnsignedVInt(blocks.size());
        for (Block b : blocks) {
            DataSerializer.writeClustering(b.first, out);
            DataSerializer.writeClustering(b.last, out);
            out.writeUnsignedVInt(b.offset);
            out.writeUnsignedVInt(b.width);
        }
    }

    static IndexEntry deserialize(ByteBuffer in) {
        long position = VInts.readUnsigned(in);
        int n = (int) VInts.readUnsigned(in);
        if (n < 0 || n > in.remaining()) {
            throw new IllegalArgumentException("bad row index block count " + n);
        }
        if (n == 0) {
            return new IndexEntry(position, List.of());
        }
        List<Block> blocks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Clustering first = DataSerializer.readClustering(in);
            Clustering last = DataSerializer.readClustering(in);
            blocks.add(new Block(first, last, VInts.readUnsigned(in), VInts.readUnsigned(in)));
        }
        return new IndexEntry(position, blocks);
    }

    /** An estimate of the heap the entry takes, for the key cache. */
    int memorySize() {
        int size = 48;
        for (Block b : blocks) {
            size += 96;
            for (int i = 0; i < b.first.size(); i++) {
                size += b.first.get(i).remaining() + b.last.get(i).remaining() + 32;
            }
        }
        return size;
    }
}
