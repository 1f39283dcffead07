package org.ringlet.storage.lsm.commitlog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.ringlet.api.schema.TableId;
import org.ringlet.storage.lsm.io.WritableFile;

/**
 * One segment file: its id, the bytes allocated in it, how far it is synced, and which tables have records in
 * it that are not flushed yet ("dirty"). Allocation happens under the commit log's lock. Records are copied into
 * a mapping of the whole file when the file system can map it (no system call per record; a sync is an
 * {@code msync} of the range written since the last one), otherwise written with positional writes.
 */
final class CommitLogSegment {
    final long id;
    final Path path;
    /** Null for a segment of an earlier run, which is only read. */
    final WritableFile file;
    /** The whole file mapped for writing, or null (earlier runs' segments, file systems that cannot map). */
    final MappedByteBuffer mapped;
    final int capacity;
    /** Bytes allocated (guarded by the commit log's lock). */
    int allocated;
    volatile int syncedTo;
    /** No more records go here. */
    volatile boolean closed;
    /** For a segment of an earlier run: whether the replay has read it and marked its dirty tables. */
    volatile boolean scanned;
    private final Map<TableId, Integer> dirty = new ConcurrentHashMap<>();

    CommitLogSegment(long id, Path path, WritableFile file, MappedByteBuffer mapped, int capacity, int allocated) {
        this.id = id;
        this.path = path;
        this.file = file;
        this.mapped = mapped;
        this.capacity = capacity;
        this.allocated = allocated;
        this.syncedTo = allocated;
    }

    boolean hasRoom(int size) {
        return (long) allocated + size + CommitLogFormat.END_MARKER_SIZE <= capacity;
    }

    int allocate(int size) {
        int at = allocated;
        allocated += size;
        return at;
    }

    /** Writes {@code src}'s remaining bytes at {@code offset} (allocated before); leaves {@code src} as it is. */
    void write(ByteBuffer src, int offset) throws IOException {
        if (mapped != null) {
            // an absolute bulk put changes no state of the shared buffer: writers copy concurrently
            mapped.put(offset, src, src.position(), src.remaining());
        } else {
            file.write(src.duplicate(), offset);
        }
    }

    /** Makes the bytes in {@code [from, to)} durable (for an unmapped file: everything written so far). */
    void sync(int from, int to) throws IOException {
        if (mapped == null) {
            file.sync();
        } else if (to > from) {
            mapped.force(from, to - from);
        }
    }

    void markDirty(TableId table, int offset) {
        dirty.merge(table, offset, Math::max);
    }

    /** Forgets {@code table}'s records before {@code offset} (all of them for offset = MAX_VALUE). */
    void markClean(TableId table, int offset) {
        dirty.computeIfPresent(table, (k, v) -> v < offset ? null : v);
    }

    boolean isClean() {
        return dirty.isEmpty();
    }

    Set<TableId> dirtyTables() {
        return Set.copyOf(dirty.keySet());
    }

    @Override
    public String toString() {
        return path.getFileName() + "(allocated=" + allocated + ", synced=" + syncedTo + (closed ? ", closed" : "")
                + ", dirty=" + dirty.keySet() + ")";
    }
}
