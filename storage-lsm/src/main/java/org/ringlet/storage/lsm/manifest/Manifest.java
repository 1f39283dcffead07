package org.ringlet.storage.lsm.manifest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;

import org.ringlet.storage.lsm.commitlog.CommitLogPosition;
import org.ringlet.storage.lsm.io.FileSystem;
import org.ringlet.storage.lsm.io.SequentialWriter;
import org.ringlet.storage.lsm.io.WritableFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * A table's manifest file: a header, then CRC-framed {@link ManifestEdit}s. Reading stops at a torn or corrupt
 * record (never applied); the file is then rewritten as one snapshot edit, as it is whenever it grows long.
 * Each {@link #apply} is durable when it returns. Thread-safe.
 *
 * <pre>
 * file   := magic:int32 version:uint16 reserved:uint16 record*
 * record := length:int32 crc32c(payload):int32 payload
 * </pre>
 */
public final class Manifest {
    private static final Logger LOG = LoggerFactory.getLogger(Manifest.class);

    /** The file name in the table directory. */
    public static final String FILE_NAME = "Manifest.db";
    /** "RLMF". */
    public static final int MAGIC = 0x524C4D46;
    /** The manifest layout version. */
    public static final int VERSION = 1;
    private static final int HEADER_SIZE = 8;
    private static final int REWRITE_AFTER_EDITS = 256;

    private final FileSystem fs;
    private final Path path;
    private final TreeMap<Long, Integer> live = new TreeMap<>();
    private final TreeMap<Long, ManifestEdit.KeyRange> quarantined = new TreeMap<>();
    private CommitLogPosition flushedUpTo = CommitLogPosition.NONE;
    private long nextGeneration = 1;
    private WritableFile file;
    private long size;
    private int edits;

    private Manifest(FileSystem fs, Path path) {
        this.fs = fs;
        this.path = path;
    }

    /** Whether a table directory has a manifest. */
    public static boolean exists(FileSystem fs, Path tableDir) {
        return fs.exists(tableDir.resolve(FILE_NAME));
    }

    /**
     * Opens (or creates, durably) the manifest of a table directory, which must exist.
     *
     * @throws IOException when the file cannot be read or written, or its header is not a manifest's
     */
    public static Manifest open(FileSystem fs, Path tableDir) throws IOException {
        Manifest m = new Manifest(requireNonNull(fs, "fs is null"), tableDir.resolve(FILE_NAME));
        if (fs.exists(m.path)) {
            boolean clean = m.load();
            m.edits = clean ? m.edits : REWRITE_AFTER_EDITS;
        }
        m.rewrite();
        return m;
    }

    /** Reads the edits; returns false when a torn or corrupt record ended the reading. */
    private boolean load() throws IOException {
        ByteBuffer all = SequentialWriter.readAll(fs, path);
        if (all.remaining() < HEADER_SIZE || all.getInt(0) != MAGIC) {
            throw new IOException(path + " is not a manifest");
        }
        int version = all.getShort(4) & 0xffff;
        if (version != VERSION) {
            throw new IOException(path + " has unsupported manifest version " + version);
        }
        int pos = HEADER_SIZE;
        while (pos < all.limit()) {
            if (all.limit() - pos < 8) {
                LOG.warn("Manifest {}: torn record at offset {} ignored", path, pos);
                return false;
            }
            int len = all.getInt(pos);
            int crc = all.getInt(pos + 4);
            if (len < 0 || (long) pos + 8 + len > all.limit()) {
                LOG.warn("Manifest {}: torn record at offset {} ignored", path, pos);
                return false;
            }
            ByteBuffer payload = all.slice(pos + 8, len);
            if (crc32c(payload) != crc) {
                LOG.warn("Manifest {}: corrupt record at offset {} ignored (checksum)", path, pos);
                return false;
            }
            try {
                applyInMemory(ManifestEdit.deserialize(payload));
            } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
                LOG.warn("Manifest {}: unreadable record at offset {} ignored: {}", path, pos, e.toString());
                return false;
            }
            edits++;
            pos += 8 + len;
        }
        return true;
    }

    private void applyInMemory(ManifestEdit e) {
        e.removed().forEach(live::remove);
        live.putAll(e.added());
        e.levels().forEach((g, l) -> live.computeIfPresent(g, (k, v) -> l));
        quarantined.putAll(e.quarantined());
        e.lifted().forEach(quarantined::remove);
        if (e.flushedUpTo() != null) {
            flushedUpTo = CommitLogPosition.max(flushedUpTo, e.flushedUpTo());
        }
        long maxGen = e.added().keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        nextGeneration = Math.max(nextGeneration, Math.max(maxGen + 1, e.nextGeneration()));
    }

    /** Appends an edit and syncs it; the in-memory state changes only once it is durable. */
    public synchronized void apply(ManifestEdit edit) throws IOException {
        if (++edits >= REWRITE_AFTER_EDITS) {
            applyInMemory(edit);
            rewrite();
            return;
        }
        ByteBuffer record = frame(edit.serialize());
        int n = record.remaining();
        file.write(record, size);
        file.sync();
        size += n;
        applyInMemory(edit);
    }

    /** Writes the current state as a new file (temporary name, sync, rename, directory sync). */
    private void rewrite() throws IOException {
        if (file != null) {
            file.close();
        }
        ManifestEdit snapshot = new ManifestEdit(live, java.util.Set.of(), Map.of(), flushedUpTo, nextGeneration,
                quarantined, java.util.Set.of());
        ByteBuffer rec = frame(snapshot.serialize());
        ByteBuffer content = ByteBuffer.allocate(HEADER_SIZE + rec.remaining());
        content.putInt(MAGIC).putShort((short) VERSION).putShort((short) 0).put(rec).flip();
        SequentialWriter.writeAtomically(fs, path, content);
        file = fs.openForWrite(path);
        size = content.limit();
        edits = 1;
    }

    private static ByteBuffer frame(ByteBuffer payload) {
        ByteBuffer b = ByteBuffer.allocate(8 + payload.remaining());
        b.putInt(payload.remaining()).putInt(crc32c(payload)).put(payload.duplicate()).flip();
        return b;
    }

    private static int crc32c(ByteBuffer b) {
        CRC32C crc = new CRC32C();
        crc.update(b.duplicate());
        return (int) crc.getValue();
    }

    /** Live SSTables: generation → level. */
    public synchronized Map<Long, Integer> live() {
        return Collections.unmodifiableMap(new TreeMap<>(live));
    }

    /** Quarantined SSTables: generation → the keys they covered. */
    public synchronized Map<Long, ManifestEdit.KeyRange> quarantined() {
        return Collections.unmodifiableMap(new TreeMap<>(quarantined));
    }

    /** The commit log position the table is flushed up to. */
    public synchronized CommitLogPosition flushedUpTo() {
        return flushedUpTo;
    }

    /** Reserves the next generation (made durable with the edit that adds it). */
    public synchronized long nextGeneration() {
        return nextGeneration++;
    }

    /** Reads just the flushed position of a table directory's manifest, for choosing commit log segment ids. */
    public static CommitLogPosition readFlushedPosition(FileSystem fs, Path tableDir) {
        Manifest m = new Manifest(fs, tableDir.resolve(FILE_NAME));
        try {
            m.load();
        } catch (IOException e) {
            LOG.warn("Could not read {}: {}", m.path, e.toString());
        }
        return m.flushedUpTo;
    }

    public synchronized void close() throws IOException {
        if (file != null) {
            file.close();
            file = null;
        }
    }

    @Override
    public String toString() {
        return "Manifest(" + path + ")";
    }
}
