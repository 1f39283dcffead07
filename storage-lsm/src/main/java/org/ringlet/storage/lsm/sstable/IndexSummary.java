package org.ringlet.storage.lsm.sstable;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.ringlet.api.data.ByteOutput;
import org.ringlet.api.data.DataSerializer;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.ring.Token;
import org.ringlet.api.types.VInts;

/**
 * A sample of the partition index kept in memory: every {@code interval}-th index entry's key and position in
 * the index stream, plus the first and last keys. A key, if present, lies between its sample and the next, at
 * most {@code interval} entries on. Immutable.
 */
final class IndexSummary {
    private final int interval;
    private final DecoratedKey[] keys;
    private final long[] positions;
    private final DecoratedKey first;
    private final DecoratedKey last;

    private IndexSummary(int interval, DecoratedKey[] keys, long[] positions, DecoratedKey first,
                         DecoratedKey last) {
        this.interval = interval;
        this.keys = keys;
        this.positions = positions;
        this.first = first;
        this.last = last;
    }

    int interval() {
        return interval;
    }

    DecoratedKey first() {
        return first;
    }

    DecoratedKey last() {
        return last;
    }

    int size() {
        return keys.length;
    }

    /** The index position to start scanning from for {@code key}: its sample's, or -1 when before the first. */
    long startFor(DecoratedKey key) {
        int i = floor(key);
        return i < 0 ? -1 : positions[i];
    }

    /** The index position of the last sample whose token is before {@code token} (or 0). */
    long startForToken(Token token) {
        int lo = 0;
        int hi = keys.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[mid].token().compareTo(token) < 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found < 0 ? 0 : positions[found];
    }

    private int floor(DecoratedKey key) {
        int lo = 0;
        int hi = keys.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = keys[mid].compareTo(key);
            if (c <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    long memorySize() {
        long size = 64 + positions.length * 8L;
        for (DecoratedKey k : keys) {
            size += 80 + k.key().remaining();
        }
        return size;
    }

    /** Builds a summary while the index is written. Not thread-safe. */
    static final class Builder {
        private final int interval;
        private final List<DecoratedKey> keys = new ArrayList<>();
        private final List<Long> positions = new ArrayList<>();
        private long count;
        private DecoratedKey first;
        private DecoratedKey last;

        Builder(int interval) {
            this.interval = Math.max(1, interval);
        }

        void add(DecoratedKey key, long indexPosition) {
            if (count++ % interval == 0) {
                keys.add(key);
                positions.add(indexPosition);
            }
            if (first == null) {
                first = key;
            }
            last = key;
        }

        ByteBuffer serialize() {
            ByteOutput out = new ByteOutput(256 + keys.size() * 32);
            out.writeUnsignedVInt(interval);
            out.writeUnsignedVInt(keys.size());
            for (int i = 0; i < keys.size(); i++) {
                out.writeWithVIntLength(keys.get(i).key());
                out.writeUnsignedVInt(positions.get(i));
            }
            out.writeWithVIntLength(first == null ? ByteBuffer.allocate(0) : first.key());
            out.writeWithVIntLength(last == null ? ByteBuffer.allocate(0) : last.key());
            return out.toByteBuffer();
        }
    }

    static IndexSummary deserialize(ByteBuffer body, Partitioner partitioner) {
        ByteBuffer in = body.duplicate();
        int interval = (int) VInts.readUnsigned(in);
        int n = (int) VInts.readUnsigned(in);
        if (interval <= 0 || n < 0 || n > in.remaining()) {
            throw new IllegalArgumentException("inconsistent summary: interval=" + interval + ", entries=" + n);
        }
        DecoratedKey[] keys = new DecoratedKey[n];
        long[] positions = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = decorate(partitioner, copy(DataSerializer.readWithVIntLength(in)));
            positions[i] = VInts.readUnsigned(in);
        }
        DecoratedKey first = decorate(partitioner, copy(DataSerializer.readWithVIntLength(in)));
        DecoratedKey last = decorate(partitioner, copy(DataSerializer.readWithVIntLength(in)));
        return new IndexSummary(interval, keys, positions, first, last);
    }

    private static ByteBuffer copy(ByteBuffer b) {
        ByteBuffer c = ByteBuffer.allocate(b.remaining());
        c.put(b.duplicate()).flip();
        return c;
    }

    private static DecoratedKey decorate(Partitioner p, ByteBuffer key) {
        return new DecoratedKey(p.token(key), key);
    }
}
