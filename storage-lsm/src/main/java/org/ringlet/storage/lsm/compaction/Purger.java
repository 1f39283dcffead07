package org.ringlet.storage.lsm.compaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.ringlet.api.data.Cell;
import org.ringlet.api.data.DeletionTime;
import org.ringlet.api.data.LivenessInfo;
import org.ringlet.api.data.RangeTombstone;
import org.ringlet.api.data.Row;

/**
 * What compaction drops besides shadowed data. An expired TTL cell becomes a tombstone deleted when it was written
 * ({@code expiration - ttl}). A tombstone (partition, range, row, collection or cell deletion, expired cell or row
 * marker) is purged only when it is older than {@code gc_grace_seconds} ({@code gcBefore}) <em>and</em> its
 * timestamp is below {@code maxPurgeableTimestamp}: the lowest timestamp of any data for the partition outside the
 * compaction (other SSTables, memtables). Otherwise data it shadows elsewhere could come back. Stateless for one
 * partition; not thread-safe.
 */
public final class Purger {
    private final long nowSeconds;
    private final long gcBefore;
    private final long maxPurgeableTimestamp;

    /**
     * @param nowSeconds            what has expired
     * @param gcBefore              deletions before this time (seconds) are past their grace period
     * @param maxPurgeableTimestamp only deletions with a timestamp below this may go
     */
    public Purger(long nowSeconds, long gcBefore, long maxPurgeableTimestamp) {
        this.nowSeconds = nowSeconds;
        this.gcBefore = gcBefore;
        this.maxPurgeableTimestamp = maxPurgeableTimestamp;
    }

    private boolean purgeable(long markedForDeleteAt, long localDeletionTime) {
        return localDeletionTime < gcBefore && markedForDeleteAt < maxPurgeableTimestamp;
    }

    /** A deletion, or LIVE when it can be purged. */
    public DeletionTime purge(DeletionTime d) {
        return !d.isLive() && purgeable(d.markedForDeleteAt(), d.localDeletionTime()) ? DeletionTime.LIVE : d;
    }

    /** The range tombstones that stay. */
    public List<RangeTombstone> purge(List<RangeTombstone> rts) {
        List<RangeTombstone> out = new ArrayList<>(rts.size());
        for (RangeTombstone rt : rts) {
            if (!purge(rt.deletion()).isLive()) {
                out.add(rt);
            }
        }
        return out;
    }

    /** A row without what can be purged (possibly empty). */
    public Row purge(Row r) {
        LivenessInfo l = r.primaryKeyLiveness();
        if (l.isExpiring() && l.localExpirationTime() <= nowSeconds
                && purgeable(l.timestamp(), l.localExpirationTime() - l.ttl())) {
            l = LivenessInfo.EMPTY;
        }
        DeletionTime deletion = purge(r.deletion());
        Map<String, DeletionTime> complex = r.complexDeletions();
        if (!complex.isEmpty()) {
            Map<String, DeletionTime> kept = new TreeMap<>();
            complex.forEach((c, d) -> {
                if (!purge(d).isLive()) {
                    kept.put(c, d);
                }
            });
            complex = kept;
        }
        List<Cell> cells = new ArrayList<>(r.cells().size());
        for (Cell c : r.cells()) {
            Cell p = purge(c);
            if (p != null) {
                cells.add(p);
            }
        }
        return Row.of(r.clustering(), l, deletion, cells, complex);
    }

    /** A cell, an expired cell as a tombstone, or null when it can be purged. */
    public Cell purge(Cell c) {
        if (c.isExpiring() && c.localDeletionTime() <= nowSeconds && !c.isCounter()) {
            long deletedAt = c.localDeletionTime() - c.ttl();
            if (purgeable(c.timestamp(), deletedAt)) {
                return null;
            }
            return Cell.tombstone(c.column(), c.path(), c.timestamp(), deletedAt);
        }
        if (c.isTombstone() && purgeable(c.timestamp(), c.localDeletionTime())) {
            return null;
        }
        return c;
    }
}
