package org.ringlet.storage.lsm.commitlog;

/**
 * A place in the commit log: a segment id and a byte offset in it. Positions are ordered by segment id, then
 * offset; segment ids only grow, across restarts too.
 *
 * @param segmentId the segment
 * @param offset    the byte offset within the segment
 */
public record CommitLogPosition(long segmentId, int offset) implements Comparable<CommitLogPosition> {
    /** Before every record: a table flushed "up to NONE" replays everything. */
    public static final CommitLogPosition NONE = new CommitLogPosition(0, 0);

    @Override
    public int compareTo(CommitLogPosition o) {
        int c = Long.compare(segmentId, o.segmentId);
        return c != 0 ? c : Integer.compare(offset, o.offset);
    }

    public static CommitLogPosition max(CommitLogPosition a, CommitLogPosition b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Override
    public String toString() {
        return "(" + segmentId + ", " + offset + ")";
    }
}
