package org.ringlet.storage.lsm.sstable;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.ringlet.api.data.Cell;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.DeletionTime;
import org.ringlet.api.data.LivenessInfo;
import org.ringlet.api.data.RangeTombstone;
import org.ringlet.api.data.Row;
import org.ringlet.api.ring.Partitioner;

/**
 * Collects an SSTable's statistics while its partitions are written, from rows as objects or from their parts
 * (timestamps, TTLs, deletion times) as a transcoded row yields them. Not thread-safe.
 */
final class StatsCollector {
    private long minTimestamp = Long.MAX_VALUE;
    private long maxTimestamp = Long.MIN_VALUE;
    private long minLdt = Long.MAX_VALUE;
    private long maxLdt = Long.MIN_VALUE;
    private int minTtl = Integer.MAX_VALUE;
    private int maxTtl;
    private long partitions;
    private long rows;
    private long cells;
    private long tombstones;
    private long maxPartitionSize;
    private final TreeMap<Long, Long> dropTimes = new TreeMap<>();

    void timestamp(long ts) {
        if (ts < minTimestamp) {
            minTimestamp = ts;
        }
        if (ts > maxTimestamp) {
            maxTimestamp = ts;
        }
    }

    private void deletion(DeletionTime d) {
        deletion(d.markedForDeleteAt(), d.localDeletionTime());
    }

    /** A deletion (partition, row, range or complex), ignored when it is {@link DeletionTime#LIVE}. */
    void deletion(long markedForDeleteAt, long localDeletionTime) {
        if (markedForDeleteAt != Long.MIN_VALUE || localDeletionTime != Long.MAX_VALUE) {
            timestamp(markedForDeleteAt);
            ldt(localDeletionTime);
            tombstones++;
        }
    }

    private void ldt(long t) {
        minLdt = Math.min(minLdt, t);
        maxLdt = Math.max(maxLdt, t);
        dropTimes.merge(t, 1L, Long::sum);
        if (dropTimes.size() > 100) {
            squeeze();
        }
    }

    private void ttl(int ttl) {
        minTtl = Math.min(minTtl, ttl);
        maxTtl = Math.max(maxTtl, ttl);
    }

    /** Merges the two closest bins into the later one (which only delays what counts as droppable). */
    private void squeeze() {
        Long prev = null;
        long bestGap = Long.MAX_VALUE;
        Long bestA = null;
        Long bestB = null;
        for (Long k : dropTimes.keySet()) {
            if (prev != null && k - prev < bestGap) {
                bestGap = k - prev;
                bestA = prev;
                bestB = k;
            }
            prev = k;
        }
        if (bestA != null) {
            long count = dropTimes.remove(bestA);
            dropTimes.merge(bestB, count, Long::sum);
        }
    }

    void partitionHeader(DeletionTime pd, Row staticRow, List<RangeTombstone> rts) {
        deletion(pd);
        for (RangeTombstone rt : rts) {
            deletion(rt.deletion());
        }
        if (!staticRow.isEmpty()) {
            rowContent(staticRow);
        }
    }

    void row(Row r) {
        rows++;
        rowContent(r);
    }

    /** A row written from its parts: counts it (its parts are reported by the other methods). */
    void row() {
        rows++;
    }

    /** A row's primary-key liveness (not empty). */
    void liveness(long timestamp, int ttl, long localExpirationTime) {
        timestamp(timestamp);
        if (ttl > 0) {
            ttl(ttl);
            ldt(localExpirationTime);
        }
    }

    /** A cell, as {@link Cell#timestamp()}, {@link Cell#ttl()} and {@link Cell#localDeletionTime()} give it. */
    void cell(long timestamp, int ttl, long localDeletionTime) {
        cells++;
        timestamp(timestamp);
        if (ttl > 0) {
            ttl(ttl);
            ldt(localDeletionTime);
        } else if (localDeletionTime != Cell.NO_DELETION_TIME) {
            tombstones++;
            ldt(localDeletionTime);
        }
    }

    private void rowContent(Row r) {
        LivenessInfo l = r.primaryKeyLiveness();
        if (!l.isEmpty()) {
            liveness(l.timestamp(), l.ttl(), l.localExpirationTime());
        }
        deletion(r.deletion());
        for (DeletionTime d : r.complexDeletions().values()) {
            deletion(d);
        }
        for (Cell c : r.cells()) {
            cell(c.timestamp(), c.ttl(), c.localDeletionTime());
        }
    }

    void partition(long size) {
        partitions++;
        maxPartitionSize = Math.max(maxPartitionSize, size);
    }

    StatsMetadata build(UUID tableId, DecoratedKey first, DecoratedKey last, Partitioner partitioner,
                        SSTableWriter.Metadata metadata, List<String> columns) {
        Map<Long, Long> drops = new TreeMap<>(dropTimes);
        return new StatsMetadata(tableId, minTimestamp, maxTimestamp, minLdt, maxLdt,
                minTtl == Integer.MAX_VALUE ? 0 : minTtl, maxTtl, first.key(), last.key(),
                partitioner.toBytes(first.token()), partitioner.toBytes(last.token()), partitions, rows, cells,
                tombstones, drops, maxPartitionSize, metadata.repairedAt(), null, false, metadata.level(),
                metadata.commitLogLower(), metadata.commitLogUpper(), columns, metadata.createdAtMillis());
    }
}
