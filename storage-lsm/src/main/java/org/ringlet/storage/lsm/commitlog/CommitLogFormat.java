package org.ringlet.storage.lsm.commitlog;

import java.nio.ByteBuffer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * The commit log segment format (see {@code docs/format/commitlog.md}). These constants are part of the on-disk
 * format: never change or reorder them; a new layout gets a new {@link #VERSION}.
 *
 * <pre>
 * segment   := header record* [end-marker] (anything after is ignored)
 * header    := magic:int32 version:uint16 serializerVersion:uint16 segmentId:int64 crc:int32   (20 bytes)
 * record    := length:int32 headerCrc:int32 payload:byte[length] payloadCrc:int32
 * end-marker:= 0:int32 headerCrc:int32
 * </pre>
 * All integers are big-endian. {@code crc} is the CRC32C of the 16 header bytes before it; {@code headerCrc} is the
 * CRC32C of the segment id (8 bytes) followed by the length (4 bytes), so records left over from a recycled
 * segment's previous life never validate; {@code payloadCrc} is the CRC32C of the payload, a mutation in the
 * {@link org.ringlet.api.data.DataSerializer} layout of version {@code serializerVersion}.
 */
public final class CommitLogFormat {
    /** "RLCL". */
    public static final int MAGIC = 0x524C434C;
    /** The segment layout version. */
    public static final int VERSION = 1;
    /** Bytes of the segment header. */
    public static final int HEADER_SIZE = 20;
    /** Bytes a record adds to its payload. */
    public static final int RECORD_OVERHEAD = 12;
    /** Bytes of the end-of-segment marker. */
    public static final int END_MARKER_SIZE = 8;

    private static final Pattern NAME = Pattern.compile("CommitLog-(\\d+)-(\\d+)\\.log");

    private CommitLogFormat() {
    }

    /** The file name of a segment. */
    public static String fileName(long segmentId) {
        return "CommitLog-" + VERSION + "-" + segmentId + ".log";
    }

    /** The segment id of a segment file name, or -1 when the name is not a segment's. */
    public static long segmentId(String fileName) {
        Matcher m = NAME.matcher(fileName);
        return m.matches() ? Long.parseLong(m.group(2)) : -1;
    }

    /** The format version in a segment file name, or -1. */
    public static int nameVersion(String fileName) {
        Matcher m = NAME.matcher(fileName);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** The header of a segment. */
    public static ByteBuffer header(long segmentId, int serializerVersion) {
        ByteBuffer b = ByteBuffer.allocate(HEADER_SIZE);
        b.putInt(MAGIC).putShort((short) VERSION).putShort((short) serializerVersion).putLong(segmentId);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, 16);
        b.putInt((int) crc.getValue());
        return b.flip();
    }

    /** The CRC protecting a record's length. */
    public static int headerCrc(long segmentId, int length) {
        CRC32C crc = new CRC32C();
        ByteBuffer b = ByteBuffer.allocate(12);
        b.putLong(segmentId).putInt(length);
        crc.update(b.array(), 0, 12);
        return (int) crc.getValue();
    }

    /** The CRC32C of a buffer's remaining bytes. */
    public static int crc(ByteBuffer b) {
        CRC32C crc = new CRC32C();
        crc.update(b.duplicate());
        return (int) crc.getValue();
    }

    /** The end-of-segment marker of a segment. */
    public static ByteBuffer endMarker(long segmentId) {
        ByteBuffer b = ByteBuffer.allocate(END_MARKER_SIZE);
        b.putInt(0).putInt(headerCrc(segmentId, 0));
        return b.flip();
    }
}
