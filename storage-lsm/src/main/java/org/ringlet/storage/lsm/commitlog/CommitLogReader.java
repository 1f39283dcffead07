package org.ringlet.storage.lsm.commitlog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

import org.ringlet.storage.lsm.io.FileSystem;
import org.ringlet.storage.lsm.io.SequentialWriter;

/**
 * Reads the records of one segment file in order, stopping at the end marker, at the end of the written data
 * (zeros or records of the file's previous life) or at the first torn or corrupt record, which is never
 * returned. Stateless.
 */
public final class CommitLogReader {

    /** Why reading a segment stopped. */
    public enum End {
        /** The segment was closed with an end marker: everything it holds was read. */
        END_MARKER,
        /** The written data ended (the rest is zeros or stale bytes from a recycled file). */
        END_OF_DATA,
        /** A record's length was valid but its payload was cut short or failed its checksum. */
        TORN_RECORD,
        /** The file has no valid header (never initialised, or not a segment). */
        NO_HEADER
    }

    /**
     * What reading a segment found.
     *
     * @param segmentId         the id in the header (or from the file name when the header is invalid)
     * @param serializerVersion the layout version of the payloads
     * @param records           the number of valid records
     * @param stopOffset        where reading stopped
     * @param end               why it stopped
     */
    public record Result(long segmentId, int serializerVersion, int records, int stopOffset, End end) {
    }

    /** Receives each valid record. */
    @FunctionalInterface
    public interface RecordHandler {
        /**
         * @param position where the record starts
         * @param payload  the record's payload (a slice, valid only during the call)
         */
        void record(CommitLogPosition position, ByteBuffer payload);
    }

    private CommitLogReader() {
    }

    /** Reads a segment file. */
    public static Result read(FileSystem fs, Path file, RecordHandler handler) throws IOException {
        return read(SequentialWriter.readAll(fs, file), CommitLogFormat.segmentId(file.getFileName().toString()),
                handler);
    }

    /**
     * Reads a segment's bytes.
     *
     * @param nameId the segment id from the file name; a header with another id means a recycled file whose
     *               header was not rewritten yet
     */
    public static Result read(ByteBuffer segment, long nameId, RecordHandler handler) {
        ByteBuffer b = segment.duplicate();
        if (b.remaining() < CommitLogFormat.HEADER_SIZE) {
            return new Result(nameId, 0, 0, 0, End.NO_HEADER);
        }
        int magic = b.getInt(0);
        int version = b.getShort(4) & 0xffff;
        int serializerVersion = b.getShort(6) & 0xffff;
        long id = b.getLong(8);
        int crc = b.getInt(16);
        if (magic != CommitLogFormat.MAGIC || version != CommitLogFormat.VERSION
                || crc != CommitLogFormat.crc(b.slice(0, 16)) || (nameId >= 0 && id != nameId)) {
            return new Result(nameId, serializerVersion, 0, 0, End.NO_HEADER);
        }
        int pos = CommitLogFormat.HEADER_SIZE;
        int records = 0;
        int limit = b.limit();
        while (true) {
            if (limit - pos < CommitLogFormat.END_MARKER_SIZE) {
                return new Result(id, serializerVersion, records, pos, End.END_OF_DATA);
            }
            int length = b.getInt(pos);
            int headerCrc = b.getInt(pos + 4);
            if (headerCrc != CommitLogFormat.headerCrc(id, length) || length < 0) {
                return new Result(id, serializerVersion, records, pos, End.END_OF_DATA);
            }
            if (length == 0) {
                return new Result(id, serializerVersion, records, pos, End.END_MARKER);
            }
            if ((long) pos + CommitLogFormat.RECORD_OVERHEAD + length > limit) {
                return new Result(id, serializerVersion, records, pos, End.TORN_RECORD);
            }
            ByteBuffer payload = b.slice(pos + 8, length);
            int payloadCrc = b.getInt(pos + 8 + length);
            if (payloadCrc != CommitLogFormat.crc(payload)) {
                return new Result(id, serializerVersion, records, pos, End.TORN_RECORD);
            }
            handler.record(new CommitLogPosition(id, pos), payload);
            records++;
            pos += CommitLogFormat.RECORD_OVERHEAD + length;
        }
    }
}
