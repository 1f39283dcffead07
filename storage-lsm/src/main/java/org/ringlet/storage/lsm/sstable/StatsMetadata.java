package org.ringlet.storage.lsm.sstable;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.ringlet.api.data.ByteOutput;
import org.ringlet.api.data.DataSerializer;
import org.ringlet.api.types.VInts;
import org.ringlet.storage.lsm.commitlog.CommitLogPosition;

/**
 * The contents of Statistics.db: what reads and compaction decide by without opening the data. Stored as tagged
 * fields (tag, length, bytes) so that later versions can add fields; unknown tags are skipped. The tags below
 * are part of the format and never change.
 *
 * @param tableId             the table the SSTable belongs to
 * @param minTimestamp        the lowest write timestamp (Long.MAX_VALUE when empty)
 * @param maxTimestamp        the highest write timestamp (Long.MIN_VALUE when empty)
 * @param minLocalDeletionTime the earliest tombstone or expiration time (Long.MAX_VALUE when none)
 * @param maxLocalDeletionTime the latest one (Long.MIN_VALUE when none)
 * @param minTtl              the lowest TTL of expiring data (0 when none)
 * @param maxTtl              the highest TTL (0 when none)
 * @param firstKey            the first partition key
 * @param lastKey             the last partition key
 * @param minToken            the first key's token, in the partitioner's byte form
 * @param maxToken            the last key's token
 * @param partitionCount      partitions
 * @param rowCount            rows (static rows excluded)
 * @param cellCount           cells
 * @param tombstoneCount      partition, range, row and cell tombstones
 * @param tombstoneDropTimes  a histogram of when tombstones and expiring cells become droppable (seconds → count)
 * @param maxPartitionSize    bytes of the largest partition
 * @param repairedAt          when the data was repaired (0: unrepaired); reserved for incremental repair
 * @param pendingRepair       the repair session holding the SSTable, or null; reserved
 * @param isTransient         whether it holds transient replica data; reserved
 * @param level               the LCS level it was written for
 * @param commitLogLower      the lowest commit log position whose data it may hold
 * @param commitLogUpper      the position up to which the flushed memtable held the commit log's data
 * @param columns             the column dictionary: names by id, as cells refer to them
 * @param createdAtMillis     when it was written
 */
public record StatsMetadata(UUID tableId, long minTimestamp, long maxTimestamp, long minLocalDeletionTime,
                            long maxLocalDeletionTime, int minTtl, int maxTtl, ByteBuffer firstKey,
                            ByteBuffer lastKey, ByteBuffer minToken, ByteBuffer maxToken, long partitionCount,
                            long rowCount, long cellCount, long tombstoneCount, Map<Long, Long> tombstoneDropTimes,
                            long maxPartitionSize, long repairedAt, UUID pendingRepair, boolean isTransient,
                            int level, CommitLogPosition commitLogLower, CommitLogPosition commitLogUpper,
                            List<String> columns, long createdAtMillis) {

    static final int TAG_TABLE_ID = 1;
    static final int TAG_MIN_TIMESTAMP = 2;
    static final int TAG_MAX_TIMESTAMP = 3;
    static final int TAG_MIN_LDT = 4;
    static final int TAG_MAX_LDT = 5;
    static final int TAG_MIN_TTL = 6;
    static final int TAG_MAX_TTL = 7;
    static final int TAG_FIRST_KEY = 8;
    static final int TAG_LAST_KEY = 9;
    static final int TAG_MIN_TOKEN = 10;
    static final int TAG_MAX_TOKEN = 11;
    static final int TAG_PARTITIONS = 12;
    static final int TAG_ROWS = 13;
    static final int TAG_CELLS = 14;
    static final int TAG_TOMBSTONES = 15;
    static final int TAG_DROP_TIMES = 16;
    static final int TAG_MAX_PARTITION_SIZE = 17;
    static final int TAG_REPAIRED_AT = 18;
    static final int TAG_PENDING_REPAIR = 19;
    static final int TAG_TRANSIENT = 20;
    static final int TAG_LEVEL = 21;
    static final int TAG_COMMITLOG_LOWER = 22;
    static final int TAG_COMMITLOG_UPPER = 23;
    static final int TAG_COLUMNS = 24;
    static final int TAG_CREATED_AT = 25;

    public StatsMetadata {
        tombstoneDropTimes = Collections.unmodifiableMap(new TreeMap<>(tombstoneDropTimes));
        columns = List.copyOf(columns);
    }

    /** An estimate of the tombstones droppable at {@code gcBefore} (seconds), as a fraction of all cells. */
    public double droppableTombstoneRatio(long gcBefore) {
        long droppable = 0;
        for (Map.Entry<Long, Long> e : tombstoneDropTimes.entrySet()) {
            if (e.getKey() < gcBefore) {
                droppable += e.getValue();
            }
        }
        long total = Math.max(1, cellCount + rowCount);
        return (double) droppable / total;
    }

    ByteBuffer serialize() {
        ByteOutput out = new ByteOutput(512);
        field(out, TAG_TABLE_ID, b -> uuid(b, tableId));
        field(out, TAG_MIN_TIMESTAMP, b -> b.writeLong(minTimestamp));
        field(out, TAG_MAX_TIMESTAMP, b -> b.writeLong(maxTimestamp));
        field(out, TAG_MIN_LDT, b -> b.writeLong(minLocalDeletionTime));
        field(out, TAG_MAX_LDT, b -> b.writeLong(maxLocalDeletionTime));
        field(out, TAG_MIN_TTL, b -> b.writeUnsignedVInt(minTtl));
        field(out, TAG_MAX_TTL, b -> b.writeUnsignedVInt(maxTtl));
        field(out, TAG_FIRST_KEY, b -> b.writeBytes(firstKey));
        field(out, TAG_LAST_KEY, b -> b.writeBytes(lastKey));
        field(out, TAG_MIN_TOKEN, b -> b.writeBytes(minToken));
        field(out, TAG_MAX_TOKEN, b -> b.writeBytes(maxToken));
        field(out, TAG_PARTITIONS, b -> b.writeUnsignedVInt(partitionCount));
        field(out, TAG_ROWS, b -> b.writeUnsignedVInt(rowCount));
        field(out, TAG_CELLS, b -> b.writeUnsignedVInt(cellCount));
        field(out, TAG_TOMBSTONES, b -> b.writeUnsignedVInt(tombstoneCount));
        field(out, TAG_DROP_TIMES, b -> {
            b.writeUnsignedVInt(tombstoneDropTimes.size());
            tombstoneDropTimes.forEach((k, v) -> b.writeLong(k).writeUnsignedVInt(v));
        });
        field(out, TAG_MAX_PARTITION_SIZE, b -> b.writeUnsignedVInt(maxPartitionSize));
        field(out, TAG_REPAIRED_AT, b -> b.writeLong(repairedAt));
        field(out, TAG_PENDING_REPAIR, b -> uuid(b, pendingRepair == null ? new UUID(0, 0) : pendingRepair));
        field(out, TAG_TRANSIENT, b -> b.writeByte(isTransient ? 1 : 0));
        field(out, TAG_LEVEL, b -> b.writeUnsignedVInt(level));
        field(out, TAG_COMMITLOG_LOWER, b -> b.writeUnsignedVInt(commitLogLower.segmentId())
                .writeUnsignedVInt(commitLogLower.offset()));
        field(out, TAG_COMMITLOG_UPPER, b -> b.writeUnsignedVInt(commitLogUpper.segmentId())
                .writeUnsignedVInt(commitLogUpper.offset()));
        field(out, TAG_COLUMNS, b -> {
            b.writeUnsignedVInt(columns.size());
            columns.forEach(b::writeUtf8);
        });
        field(out, TAG_CREATED_AT, b -> b.writeLong(createdAtMillis));
        return out.toByteBuffer();
    }

    private static void uuid(ByteOutput b, UUID u) {
        b.writeLong(u.getMostSignificantBits()).writeLong(u.getLeastSignificantBits());
    }

    private static void field(ByteOutput out, int tag, java.util.function.Consumer<ByteOutput> body) {
        ByteOutput b = new ByteOutput(32);
        body.accept(b);
        out.writeUnsignedVInt(tag);
        out.writeWithVIntLength(b.toByteBuffer());
    }

    static StatsMetadata deserialize(ByteBuffer body) {
        ByteBuffer in = body.duplicate();
        Map<Integer, ByteBuffer> fields = new TreeMap<>();
        while (in.hasRemaining()) {
            int tag = (int) VInts.readUnsigned(in);
            fields.put(tag, DataSerializer.readWithVIntLength(in));
        }
        return new StatsMetadata(
                readUuid(req(fields, TAG_TABLE_ID)),
                req(fields, TAG_MIN_TIMESTAMP).getLong(0),
                req(fields, TAG_MAX_TIMESTAMP).getLong(0),
                req(fields, TAG_MIN_LDT).getLong(0),
                req(fields, TAG_MAX_LDT).getLong(0),
                (int) VInts.readUnsigned(req(fields, TAG_MIN_TTL)),
                (int) VInts.readUnsigned(req(fields, TAG_MAX_TTL)),
                copy(req(fields, TAG_FIRST_KEY)),
                copy(req(fields, TAG_LAST_KEY)),
                copy(req(fields, TAG_MIN_TOKEN)),
                copy(req(fields, TAG_MAX_TOKEN)),
                VInts.readUnsigned(req(fields, TAG_PARTITIONS)),
                VInts.readUnsigned(req(fields, TAG_ROWS)),
                VInts.readUnsigned(req(fields, TAG_CELLS)),
                VInts.readUnsigned(req(fields, TAG_TOMBSTONES)),
                dropTimes(req(fields, TAG_DROP_TIMES)),
                VInts.readUnsigned(req(fields, TAG_MAX_PARTITION_SIZE)),
                req(fields, TAG_REPAIRED_AT).getLong(0),
                pending(req(fields, TAG_PENDING_REPAIR)),
                req(fields, TAG_TRANSIENT).get(0) != 0,
                (int) VInts.readUnsigned(req(fields, TAG_LEVEL)),
                position(req(fields, TAG_COMMITLOG_LOWER)),
                position(req(fields, TAG_COMMITLOG_UPPER)),
                columns(req(fields, TAG_COLUMNS)),
                req(fields, TAG_CREATED_AT).getLong(0));
    }

    private static ByteBuffer req(Map<Integer, ByteBuffer> fields, int tag) {
        ByteBuffer b = fields.get(tag);
        if (b == null) {
            throw new IllegalArgumentException("statistics field " + tag + " is missing");
        }
        return b.duplicate();
    }

    private static UUID readUuid(ByteBuffer b) {
        return new UUID(b.getLong(), b.getLong());
    }

    private static UUID pending(ByteBuffer b) {
        UUID u = readUuid(b);
        return u.getMostSignificantBits() == 0 && u.getLeastSignificantBits() == 0 ? null : u;
    }

    private static ByteBuffer copy(ByteBuffer b) {
        ByteBuffer c = ByteBuffer.allocate(b.remaining());
        c.put(b.duplicate()).flip();
        return c.asReadOnlyBuffer();
    }

    private static Map<Long, Long> dropTimes(ByteBuffer b) {
        int n = (int) VInts.readUnsigned(b);
        Map<Long, Long> m = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            m.put(b.getLong(), VInts.readUnsigned(b));
        }
        return m;
    }

    private static CommitLogPosition position(ByteBuffer b) {
        return new CommitLogPosition(VInts.readUnsigned(b), (int) VInts.readUnsigned(b));
    }

    private static List<String> columns(ByteBuffer b) {
        int n = (int) VInts.readUnsigned(b);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(DataSerializer.readUtf8(b));
        }
        return out;
    }

    @Override
    public String toString() {
        return "Stats{partitions=" + partitionCount + ", rows=" + rowCount + ", ts=[" + minTimestamp + ", "
                + maxTimestamp + "], level=" + level + ", clog=[" + commitLogLower + ", " + commitLogUpper + "]}";
    }
}
