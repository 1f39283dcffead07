package org.ringlet.storage.lsm.sstable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.zip.CRC32C;

import org.ringlet.storage.lsm.io.FileSystem;
import org.ringlet.storage.lsm.io.SequentialWriter;
import org.ringlet.storage.lsm.io.WritableFile;

/**
 * A component read whole (summary, filter, statistics): header (magic, version, reserved), body, CRC32C of
 * header and body. Stateless.
 */
final class SmallComponent {
    private SmallComponent() {
    }

    /** Writes and syncs a new file. */
    static long write(FileSystem fs, Path path, int magic, ByteBuffer body) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(SSTableFormat.HEADER_SIZE + body.remaining() + 4);
        out.putInt(magic).putShort((short) SSTableFormat.VERSION).putShort((short) 0);
        out.put(body.duplicate());
        CRC32C crc = new CRC32C();
        crc.update(out.array(), 0, out.position());
        out.putInt((int) crc.getValue());
        out.flip();
        long size = out.remaining();
        try (WritableFile f = fs.create(path)) {
            f.write(out, 0);
            f.sync();
        }
        return size;
    }

    /** Reads and checks a file; returns its body. */
    static ByteBuffer read(FileSystem fs, Path path, int magic) throws IOException {
        ByteBuffer all = SequentialWriter.readAll(fs, path);
        if (all.remaining() < SSTableFormat.HEADER_SIZE + 4) {
            throw new CorruptSSTableException(path, "truncated: " + all.remaining() + " bytes");
        }
        if (all.getInt(0) != magic) {
            throw new CorruptSSTableException(path, "bad magic 0x" + Integer.toHexString(all.getInt(0)));
        }
        int version = all.getShort(4) & 0xffff;
        if (version != SSTableFormat.VERSION) {
            throw new CorruptSSTableException(path, "unsupported format version " + version);
        }
        int end = all.limit() - 4;
        CRC32C crc = new CRC32C();
        crc.update(all.slice(0, end));
        if ((int) crc.getValue() != all.getInt(end)) {
            throw new CorruptSSTableException(path, "checksum mismatch");
        }
        return all.slice(SSTableFormat.HEADER_SIZE, end - SSTableFormat.HEADER_SIZE);
    }
}
