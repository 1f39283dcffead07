package org.ringlet.storage.lsm.commitlog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.ringlet.api.data.DataSerializer;
import org.ringlet.api.schema.TableId;
import org.ringlet.storage.lsm.io.FileSystem;
import org.ringlet.storage.lsm.io.WritableFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One segment file: its id, the bytes allocated in it, how far it is synced, and which tables have records in
 * it that are not flushed yet ("dirty"). Allocation happens under the commit log's lock. Records are copied into
 * a mapping of the whole file when the file system can map it (no system call per record; a sync is an
 * {@code msync} of the range written since the last one), otherwise written with positional writes.
 */
final class CommitLogSegment {
    private static final Logger LOG = LoggerFactory.getLogger(CommitLogSegment.class);

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

    /**
     * Creates segment {@code id}'s file of {@code segmentSize} bytes in {@code directory} (renaming the clean file
     * {@code reuse} if not null), writes and syncs its header, syncs the directory, and maps the file if the file
     * system can.
     */
    static CommitLogSegment create(FileSystem fs, Path directory, int segmentSize, long id, Path reuse)
            throws IOException {
        Path path = directory.resolve(CommitLogFormat.fileName(id));
        WritableFile f;
        if (reuse != null) {
            fs.rename(reuse, path);
            f = fs.openForWrite(path);
            if (f.size() != segmentSize) {
                f.truncate(segmentSize);
            }
        } else {
            f = fs.create(path);
            try {
                f.truncate(segmentSize);
            } catch (IOException e) {
                f.close();
                fs.deleteIfExists(path);
                throw e;
            }
        }
        f.write(CommitLogFormat.header(id, DataSerializer.VERSION), 0);
        f.sync();
        fs.syncDirectory(directory);
        MappedByteBuffer mapped = null;
        try {
            mapped = f.map(0, segmentSize);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Commit log segment {} cannot be mapped; records are written with positional writes", path,
                    e);
        }
        return new CommitLogSegment(id, path, f, mapped, segmentSize, CommitLogFormat.HEADER_SIZE);
    }

    /** Closes the file (if this run wrote it), logging a failure instead of throwing it. */
    void closeQuietly() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                LOG.debug("closing {}", path, e);
            }
        }
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
