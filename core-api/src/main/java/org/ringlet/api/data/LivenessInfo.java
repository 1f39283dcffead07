package org.ringlet.api.data;

/**
 * The primary-key liveness of a row (the "row marker" an INSERT writes): a write timestamp and an optional TTL.
 *
 * @param timestamp           the write timestamp, microseconds, or {@link #NO_TIMESTAMP}
 * @param ttl                 the TTL in seconds, 0 for none
 * @param localExpirationTime when it expires, seconds since the epoch, or {@link Cell#NO_DELETION_TIME}
 */
public record LivenessInfo(long timestamp, int ttl, long localExpirationTime) {
    /** No timestamp. */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;
    /** No liveness: the row exists only if it has live cells. */
    public static final LivenessInfo EMPTY = new LivenessInfo(NO_TIMESTAMP, 0, Cell.NO_DELETION_TIME);

    public LivenessInfo {
        if (ttl < 0) {
            throw new IllegalArgumentException("negative ttl " + ttl);
        }
        if ((ttl == 0) != (localExpirationTime == Cell.NO_DELETION_TIME)) {
            throw new IllegalArgumentException("ttl and expiration time disagree: " + ttl + ", "
                    + localExpirationTime);
        }
    }

    /** Liveness written at {@code timestamp} without a TTL. */
    public static LivenessInfo create(long timestamp) {
        return new LivenessInfo(timestamp, 0, Cell.NO_DELETION_TIME);
    }

    /** Liveness written at {@code timestamp}, expiring {@code ttl} seconds after {@code nowInSeconds}. */
    public static LivenessInfo expiring(long timestamp, int ttl, long nowInSeconds) {
        return ttl == 0 ? create(timestamp) : new LivenessInfo(timestamp, ttl, nowInSeconds + ttl);
    }

    public boolean isEmpty() {
        return timestamp == NO_TIMESTAMP;
    }

    public boolean isExpiring() {
        return ttl > 0;
    }

    /** Whether the row marker is live at {@code nowInSeconds}. */
    public boolean isLive(long nowInSeconds) {
        return !isEmpty() && (ttl == 0 || nowInSeconds < localExpirationTime);
    }

    /**
     * Whether this wins over {@code other}: a later timestamp; at equal timestamps, an expiring one over a
     * non-expiring one, then the later expiration, then the longer TTL (so that merging never depends on the
     * order of its arguments).
     */
    public boolean supersedes(LivenessInfo other) {
        if (timestamp != other.timestamp) {
            return timestamp > other.timestamp;
        }
        if (isExpiring() != other.isExpiring()) {
            return isExpiring();
        }
        if (localExpirationTime != other.localExpirationTime) {
            return localExpirationTime > other.localExpirationTime;
        }
        return ttl > other.ttl;
    }
}
