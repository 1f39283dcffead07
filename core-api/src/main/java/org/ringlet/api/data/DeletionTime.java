package org.ringlet.api.data;

/**
 * When something was deleted: the write timestamp of the deletion (everything written at or before it is
 * deleted) and the local time it happened, in seconds (used to purge the tombstone after
 * {@code gc_grace_seconds}).
 *
 * @param markedForDeleteAt the deletion's write timestamp, microseconds
 * @param localDeletionTime the node-local time of the deletion, seconds since the epoch
 */
public record DeletionTime(long markedForDeleteAt, long localDeletionTime) {
    /** Not deleted. */
    public static final DeletionTime LIVE = new DeletionTime(Long.MIN_VALUE, Long.MAX_VALUE);

    public boolean isLive() {
        return markedForDeleteAt == Long.MIN_VALUE && localDeletionTime == Long.MAX_VALUE;
    }

    /** Whether data written at {@code timestamp} is deleted by this. */
    public boolean deletes(long timestamp) {
        return timestamp <= markedForDeleteAt;
    }

    /** Whether this deletion wins over {@code other}: a later timestamp, then a later local time. */
    public boolean supersedes(DeletionTime other) {
        return markedForDeleteAt > other.markedForDeleteAt
                || (markedForDeleteAt == other.markedForDeleteAt && localDeletionTime > other.localDeletionTime);
    }

    /** The winner of the two. */
    public static DeletionTime max(DeletionTime a, DeletionTime b) {
        return b.supersedes(a) ? b : a;
    }
}
