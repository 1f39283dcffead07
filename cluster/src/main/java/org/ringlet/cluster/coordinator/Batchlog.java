package org.ringlet.cluster.coordinator;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.ringlet.api.data.Cell;
import org.ringlet.api.data.Clustering;
import org.ringlet.api.data.DataSerializer;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.DeletionTime;
import org.ringlet.api.data.LivenessInfo;
import org.ringlet.api.data.Mutation;
import org.ringlet.api.data.Partition;
import org.ringlet.api.data.Row;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.runtime.Clock;
import org.ringlet.api.schema.Schema;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.types.NativeType;

import static java.util.Objects.requireNonNull;

/**
 * The batchlog's entries in {@code system.batches} (as Cassandra's: the batch's time UUID as partition key, its
 * mutations serialized in a {@code list<blob>}, and the serialization {@code version}): how an entry is made,
 * removed and read back. A logged batch is written to the batchlog before its mutations are applied and removed
 * once they are; entries left by a coordinator that stopped in between are replayed (see
 * {@link DefaultCoordinator#start()}), so a logged batch is applied entirely or not at all. Thread-safe.
 */
final class Batchlog {
    static final String KEYSPACE = "system";
    static final String TABLE = "batches";
    /** The UUID clock's 100 ns ticks at the Unix epoch (UUIDs count from 1582-10-15). */
    private static final long UUID_EPOCH_TICKS = 0x01B21DD213814000L;

    private final Clock clock;
    private final long nodeBits;
    private final AtomicLong lastTicks = new AtomicLong();

    /** @param hostId this node's host id, whose bits make its batch ids differ from other nodes' */
    Batchlog(Clock clock, UUID hostId) {
        this.clock = requireNonNull(clock, "clock is null");
        this.nodeBits = 0x8000000000000000L | (hostId.getLeastSignificantBits() & 0x3FFFFFFFFFFFFFFFL);
    }

    /** A new batch id: a version 1 UUID from the clock, strictly increasing on this node. */
    UUID nextId() {
        long now = clock.currentTimeMillis() * 10_000L + UUID_EPOCH_TICKS;
        long ticks = lastTicks.updateAndGet(last -> Math.max(now, last + 1));
        return timeUuid(ticks, nodeBits);
    }

    private static UUID timeUuid(long ticks, long lsb) {
        long msb = ((ticks & 0xFFFFFFFFL) << 32) | (((ticks >>> 32) & 0xFFFFL) << 16) | 0x1000L
                | ((ticks >>> 48) & 0x0FFFL);
        return new UUID(msb, lsb);
    }

    /** The milliseconds since the epoch at which a batch id was made. */
    static long createdMillis(UUID id) {
        return (id.timestamp() - UUID_EPOCH_TICKS) / 10_000L;
    }

    static TableMetadata table(Schema schema) {
        return schema.table(KEYSPACE, TABLE).orElseThrow(() -> new IllegalStateException("no system.batches"));
    }

    private static DecoratedKey key(UUID id, Partitioner partitioner) {
        ByteBuffer key = NativeType.TIMEUUID.decompose(id);
        return new DecoratedKey(partitioner.token(key), key);
    }

    /** The entry of a batch: its mutations, written at {@code timestampMicros}. */
    static Mutation entry(TableMetadata table, Partitioner partitioner, UUID id, Collection<Mutation> mutations,
                          long timestampMicros) {
        Partition.Builder p = Partition.builder(table, key(id, partitioner));
        Row.Builder row = p.row(Clustering.EMPTY);
        row.liveness(LivenessInfo.create(timestampMicros));
        row.addCell(Cell.live("version", null, NativeType.INT.decompose(DataSerializer.VERSION), timestampMicros));
        long index = 0;
        for (Mutation m : mutations) {
            // list element paths: time UUIDs in list order
            ByteBuffer path = NativeType.TIMEUUID.decompose(timeUuid(++index, 0x8000000000000000L));
            row.addCell(Cell.live("mutations", path, DataSerializer.serialize(m), timestampMicros));
        }
        return Mutation.of(KEYSPACE, p.build());
    }

    /** The removal of a batch's entry. */
    static Mutation removal(TableMetadata table, Partitioner partitioner, UUID id, long timestampMicros,
                            long nowInSeconds) {
        Partition.Builder p = Partition.builder(table, key(id, partitioner));
        p.deletePartition(new DeletionTime(timestampMicros, nowInSeconds));
        return Mutation.of(KEYSPACE, p.build());
    }

    /** A stored batch: its id and the mutations it holds, in order. */
    record Entry(UUID id, int version, List<Mutation> mutations) {
    }

    /**
     * Reads a stored entry back.
     *
     * @param row the entry's live row
     */
    static Entry read(DecoratedKey key, Row row, Partitioner partitioner) {
        UUID id = (UUID) NativeType.TIMEUUID.compose(key.key());
        Cell version = row.cell("version");
        int v = version == null ? -1 : (Integer) NativeType.INT.compose(version.value());
        List<Mutation> mutations = new ArrayList<>();
        if (v == DataSerializer.VERSION) {
            for (Cell c : row.cells("mutations")) {
                mutations.add(DataSerializer.readMutation(c.value().duplicate(), partitioner));
            }
        }
        return new Entry(id, v, mutations);
    }
}
