package org.ringlet.storage.lsm.commitlog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import org.ringlet.api.runtime.Cancellable;
import org.ringlet.api.runtime.Clock;
import org.ringlet.api.runtime.Scheduler;
import org.ringlet.api.schema.TableId;
import org.ringlet.storage.lsm.io.FileSystem;
import org.ringlet.storage.lsm.io.Mappings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The commit log: appends CRC-framed records to fixed-size segments and makes them durable in the configured
 * {@link SyncMode}.
 *
 * <p>Writers allocate space under a short lock and copy their record outside it, concurrently. A sync round
 * (on a dedicated executor) first waits until every record allocated before it has been copied, so that a
 * synced range never has holes, then fsyncs every segment with unsynced bytes, oldest first, then completes the
 * future that the writers of that round wait on: in batch mode all writers that arrive during one fsync share
 * the next one.
 *
 * <p>A segment stays until every table with records in it has flushed past them; then its file is kept as the
 * spare for a later segment (renamed, header rewritten) or deleted. Thread-safe.
 */
public final class CommitLog {
    private static final Logger LOG = LoggerFactory.getLogger(CommitLog.class);
    /** How many times {@link #stop()} waits, at most, for background file work to end. */
    private static final int STOP_WAIT_ROUNDS = 100;
    private static final long STOP_WAIT_ROUND_MILLIS = 100;

    /** What the commit log tells its owner. */
    public interface Listener {
        /** The log outgrew {@code commitlog_total_space}: these tables hold its oldest segment. */
        void onSpaceExceeded(Set<TableId> tablesToFlush);

        /** A write or sync failed; the policy has been applied already. */
        void onFailure(Throwable error, CommitFailurePolicy policy);
    }

    private final FileSystem fs;
    private final CommitLogConfig config;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Listener listener;
    private final Executor syncExecutor;

    private final Object lock = new Object();
    private final Deque<CommitLogSegment> segments = new ArrayDeque<>();
    private final Deque<Path> recyclable = new ArrayDeque<>();
    private CommitLogSegment active;
    private CommitLogSegment spare;
    private boolean preparingSpare;
    /** Recycling passes deleting or keeping clean files right now; {@link #stop()} waits for them. */
    private int recycling;
    private long nextId = 1;
    private SyncEpoch epoch = new SyncEpoch();
    private final Object syncLock = new Object();
    private volatile CompletableFuture<Void> pendingSync = new CompletableFuture<>();
    private final AtomicBoolean syncRequested = new AtomicBoolean();
    private volatile long lastSyncStartNanos;
    private volatile Throwable failure;
    private volatile boolean stopped;
    private Cancellable ticker;
    private final List<CommitLogSegment> previousRun = new ArrayList<>();

    public CommitLog(FileSystem fs, CommitLogConfig config, Scheduler scheduler, Clock clock, Listener listener) {
        this.fs = requireNonNull(fs, "fs is null");
        this.config = requireNonNull(config, "config is null");
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.listener = requireNonNull(listener, "listener is null");
        this.syncExecutor = scheduler.dedicatedExecutor("commitlog-sync");
    }

    public CommitLogConfig config() {
        return config;
    }

    /**
     * Finds the segments of earlier runs (kept for replay) and opens a new segment.
     *
     * @param minSegmentId the lowest id the new segments may have: above every position any table has recorded
     *                     as flushed, so that new records are never mistaken for flushed ones
     */
    public void start(long minSegmentId) throws IOException {
        fs.createDirectoriesDurably(config.directory());
        long maxId = 0;
        for (Path p : fs.list(config.directory())) {
            String name = p.getFileName().toString();
            long id = CommitLogFormat.segmentId(name);
            if (id < 0) {
                if (name.endsWith(".tmp")) {
                    fs.deleteIfExists(p);
                }
                continue;
            }
            maxId = Math.max(maxId, id);
            CommitLogSegment s = new CommitLogSegment(id, p, null, null,
                    (int) Math.min(Integer.MAX_VALUE, fs.size(p)), 0);
            s.closed = true;
            previousRun.add(s);
        }
        previousRun.sort((a, b) -> Long.compare(a.id, b.id));
        synchronized (lock) {
            segments.addAll(previousRun);
            nextId = Math.max(Math.max(maxId + 1, minSegmentId), 1);
        }
        CommitLogSegment first = createSegment(reserveId());
        synchronized (lock) {
            active = first;
            segments.add(first);
        }
        lastSyncStartNanos = clock.nanoTime();
        Duration tick = switch (config.syncMode()) {
            case PERIODIC -> config.syncPeriod();
            case GROUP -> config.groupWindow();
            case BATCH -> Duration.ZERO;
        };
        if (!tick.isZero()) {
            ticker = scheduler.scheduleWithFixedDelay(this::requestSync, tick, tick);
        }
        prepareSpareAsync();
        LOG.info("Commit log in {}: {} segment(s) of an earlier run, sync {}, new segments from id {}",
                config.directory(), previousRun.size(), config.syncMode(), first.id);
    }

    /** The segments found at start, oldest first, for replay. */
    public List<Path> segmentsOfEarlierRuns() {
        return previousRun.stream().map(s -> s.path).toList();
    }

    /** Records, for a segment of an earlier run, that a table has records in it that are not flushed yet. */
    public void markReplayDirty(long segmentId, TableId table, int offset) {
        for (CommitLogSegment s : previousRun) {
            if (s.id == segmentId) {
                s.markDirty(table, offset);
            }
        }
    }

    /** Marks a segment of an earlier run as read by the replay: it can go once its dirty tables are flushed. */
    public void markScanned(long segmentId) {
        for (CommitLogSegment s : previousRun) {
            if (s.id == segmentId) {
                s.scanned = true;
            }
        }
        recycleCleanSegments();
    }

    /**
     * A buffer to serialize a record into: 8 bytes are reserved before the payload and 4 must be reserved after it
     * (write the payload, then {@code writeInt(0)}), so that {@link #append} frames it without copying.
     */
    public static org.ringlet.api.data.ByteOutput recordBuffer(int payloadSizeHint) {
        org.ringlet.api.data.ByteOutput out = new org.ringlet.api.data.ByteOutput(payloadSizeHint
                + CommitLogFormat.RECORD_OVERHEAD);
        out.writeLong(0);
        return out;
    }

    /**
     * Appends a record.
     *
     * @param record the bytes from {@link #recordBuffer} with the payload and the 4 trailing bytes written
     * @param tables the tables the record writes to
     * @return where the record starts
     * @throws IOException when the write fails (the failure policy is applied first)
     * @throws IllegalArgumentException when the record is larger than half a segment
     */
    public CommitLogPosition append(ByteBuffer record, Collection<TableId> tables) throws IOException {
        int size = record.remaining();
        int payloadLength = size - CommitLogFormat.RECORD_OVERHEAD;
        if (payloadLength > config.maxRecordSize()) {
            throw new IllegalArgumentException("Mutation of " + payloadLength + " bytes is too large for the "
                    + "maximum size of " + config.maxRecordSize() + " (half of commitlog_segment_size)");
        }
        int base = record.position();
        record.putInt(base + size - 4, CommitLogFormat.crc(record.slice(base + 8, payloadLength)));
        record.putInt(base, payloadLength);
        CommitLogSegment seg;
        int offset;
        SyncEpoch e;
        synchronized (lock) {
            checkUsable();
            seg = active;
            while (seg.closed || !seg.hasRoom(size)) {
                seg = advance(seg);
            }
            offset = seg.allocate(size);
            // marked under the lock: a flush finishing now must not find the segment clean and reuse it while
            // this record is being copied
            for (TableId t : tables) {
                seg.markDirty(t, offset);
            }
            e = epoch;
            e.enter();
        }
        try {
            record.putInt(base + 4, CommitLogFormat.headerCrc(seg.id, payloadLength));
            seg.write(record, offset);
        } catch (IOException | RuntimeException ex) {
            handleFailure(ex);
            throw ex;
        } catch (InternalError ex) {
            // a fault while copying into a mapped segment (the device failed under the mapping)
            IOException io = new IOException("commit log segment " + seg.path + " could not be written: " + ex, ex);
            handleFailure(io);
            throw io;
        } finally {
            e.exit();
        }
        return new CommitLogPosition(seg.id, offset);
    }

    /**
     * The future a writer waits on after {@link #append} before acknowledging: completed at once in periodic mode
     * (unless syncing lags by more than 1.5 periods), otherwise completed by the first sync that covers the
     * record.
     */
    public CompletableFuture<Void> whenDurable() {
        switch (config.syncMode()) {
            case PERIODIC -> {
                long lag = clock.nanoTime() - lastSyncStartNanos;
                if (lag <= config.syncPeriod().toNanos() * 3 / 2) {
                    return CompletableFuture.completedFuture(null);
                }
                CompletableFuture<Void> f = pendingSync;
                requestSync();
                return f;
            }
            case GROUP -> {
                CompletableFuture<Void> f = pendingSync;
                if (config.groupWindow().isZero()) {
                    requestSync();
                }
                return f;
            }
            default -> {
                CompletableFuture<Void> f = pendingSync;
                requestSync();
                return f;
            }
        }
    }

    /** Syncs everything appended so far; completes when it is durable. */
    public CompletableFuture<Void> sync() {
        CompletableFuture<Void> f = pendingSync;
        requestSync();
        return f;
    }

    /** The position the next record will get (or beyond): everything before it is appended or allocated. */
    public CommitLogPosition currentPosition() {
        synchronized (lock) {
            return new CommitLogPosition(active.id, active.allocated);
        }
    }

    /** Whether the active segment is a file mapping (records copied, no system call per record); for tests. */
    boolean activeSegmentMapped() {
        synchronized (lock) {
            return active != null && active.mapped != null;
        }
    }

    /** Forgets a table's records before {@code upTo} (it flushed them); segments that become clean are reused. */
    public void discardCompleted(TableId table, CommitLogPosition upTo) {
        discard(table, upTo, true);
    }

    /**
     * As {@link #discardCompleted}, but keeps the table's records in segments of earlier runs: for a table flushed
     * before its replay, whose old records are still to be replayed.
     */
    public void discardCompletedOfThisRun(TableId table, CommitLogPosition upTo) {
        discard(table, upTo, false);
    }

    private void discard(TableId table, CommitLogPosition upTo, boolean earlierRuns) {
        synchronized (lock) {
            for (CommitLogSegment s : segments) {
                if (s.file == null && !earlierRuns) {
                    continue;
                }
                if (s.id < upTo.segmentId()) {
                    s.markClean(table, Integer.MAX_VALUE);
                } else if (s.id == upTo.segmentId()) {
                    s.markClean(table, upTo.offset());
                }
            }
        }
        recycleCleanSegments();
    }

    /** Forgets every record of a table (dropped or truncated), wherever it is. */
    public void forgetTable(TableId table) {
        synchronized (lock) {
            for (CommitLogSegment s : segments) {
                s.markClean(table, Integer.MAX_VALUE);
            }
        }
        recycleCleanSegments();
    }

    /** Bytes of all segment files, the spare included. */
    public long totalSize() {
        synchronized (lock) {
            long total = spare == null ? 0 : spare.capacity;
            for (CommitLogSegment s : segments) {
                total += s.capacity;
            }
            return total;
        }
    }

    /** The number of live segments (earlier runs' included, the spare not). */
    public int segmentCount() {
        synchronized (lock) {
            return segments.size();
        }
    }

    /** The segments, for diagnostics. */
    public String describe() {
        synchronized (lock) {
            return segments + " spare=" + spare + " reusable=" + recyclable;
        }
    }

    /** The error that stopped the commit log, if any. */
    public Throwable failure() {
        return failure;
    }

    /** Whether {@link #stop()} has been called. */
    public boolean isStopped() {
        return stopped;
    }

    /**
     * Syncs what is appended, stops the sync loop and closes the files. Background work that has not started yet
     * does nothing from now on; a spare segment being prepared or clean segments being recycled right now are
     * awaited (for at most about {@value #STOP_WAIT_ROUNDS} times {@value #STOP_WAIT_ROUND_MILLIS} ms), so that
     * once this returns the log no longer creates, renames or deletes files and another instance may open the
     * directory.
     */
    public void stop() {
        if (stopped) {
            return;
        }
        if (ticker != null) {
            ticker.cancel();
        }
        syncRound();
        synchronized (lock) {
            stopped = true;
            awaitBackgroundWork();
            for (CommitLogSegment s : segments) {
                s.closeQuietly();
            }
            if (spare != null) {
                spare.closeQuietly();
                spare = null;
            }
        }
    }

    /** Waits (under the lock) until no spare is being prepared and no recycling pass runs; bounded. */
    private void awaitBackgroundWork() {
        for (int round = 0; (preparingSpare || recycling > 0) && round < STOP_WAIT_ROUNDS; round++) {
            try {
                lock.wait(STOP_WAIT_ROUND_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (preparingSpare || recycling > 0) {
            LOG.warn("Commit log in {} stopped while its background work still runs (spare being prepared: {}, "
                    + "recycling passes: {}); it ends on its own", config.directory(), preparingSpare, recycling);
        }
    }

    private void checkUsable() throws IOException {
        if (stopped) {
            throw new IOException("the commit log is stopped");
        }
        Throwable f = failure;
        if (f != null) {
            throw new IOException("the commit log stopped after a failure (commit_failure_policy "
                    + config.failurePolicy().name().toLowerCase(java.util.Locale.ROOT) + "): " + f, f);
        }
    }

    private void handleFailure(Throwable e) {
        if (stopped) {
            return;
        }
        CommitFailurePolicy policy = config.failurePolicy();
        if (policy == CommitFailurePolicy.IGNORE
                || org.ringlet.storage.lsm.io.DiskFullException.isDiskFull(e)) {
            LOG.error("Commit log write or sync failed ({}): {}", policy, e.toString());
        } else {
            LOG.error("Commit log failed; no more writes are accepted (commit_failure_policy {})", policy, e);
            failure = e;
        }
        listener.onFailure(e, policy);
    }

    /**
     * Closes {@code old} (the active segment) with an end marker and activates the next one; returns the active
     * segment. Called under the lock. While it waits for the spare, other writers see the old segment closed and
     * wait too (nothing may follow an end marker), and the first to wake activates the next segment.
     */
    private CommitLogSegment advance(CommitLogSegment old) throws IOException {
        if (!old.closed) {
            int at = old.allocate(CommitLogFormat.END_MARKER_SIZE);
            old.closed = true;
            old.write(CommitLogFormat.endMarker(old.id), at);
        }
        while (active == old && spare == null && preparingSpare) {
            try {
                lock.wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted waiting for a commit log segment", e);
            }
            if (stopped) {
                throw new IOException("the commit log is stopped");
            }
        }
        if (active != old) {
            return active;
        }
        CommitLogSegment next = spare;
        spare = null;
        if (next == null) {
            next = createSegment(reserveIdLocked());
        }
        active = next;
        segments.add(next);
        // the closed segment's last sync, soon (also in periodic mode): it releases the segment's mapping
        requestSync();
        scheduler.ioExecutor().execute(() -> {
            prepareSpareAsync();
            checkSpace();
        });
        return next;
    }

    private long reserveId() {
        synchronized (lock) {
            return reserveIdLocked();
        }
    }

    private long reserveIdLocked() {
        return nextId++;
    }

    private void prepareSpareAsync() {
        Path reuse;
        long id;
        synchronized (lock) {
            if (spare != null || preparingSpare || stopped) {
                return;
            }
            preparingSpare = true;
            id = reserveIdLocked();
            reuse = recyclable.poll();
        }
        CommitLogSegment s = null;
        try {
            s = createSegment(id, reuse);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not prepare commit log segment {}: {}", id, e.toString());
        } finally {
            synchronized (lock) {
                if (stopped && s != null) {
                    // stop() gave up waiting or has closed the files already: nobody will use or close it
                    s.closeQuietly();
                    s = null;
                }
                spare = s;
                preparingSpare = false;
                lock.notifyAll();
            }
        }
    }

    private CommitLogSegment createSegment(long id) throws IOException {
        Path reuse;
        synchronized (lock) {
            reuse = recyclable.poll();
        }
        return createSegment(id, reuse);
    }

    private CommitLogSegment createSegment(long id, Path reuse) throws IOException {
        return CommitLogSegment.create(fs, config.directory(), config.segmentSize(), id, reuse);
    }

    private void checkSpace() {
        Set<TableId> toFlush = null;
        synchronized (lock) {
            if (stopped) {
                return;
            }
            long total = spare == null ? 0 : spare.capacity;
            for (CommitLogSegment s : segments) {
                total += s.capacity;
            }
            if (total > config.totalSpace()) {
                for (CommitLogSegment s : segments) {
                    if (s == active) {
                        break;
                    }
                    if ((s.file != null || s.scanned) && !s.isClean()) {
                        toFlush = s.dirtyTables();
                        break;
                    }
                }
            }
        }
        if (toFlush != null && !toFlush.isEmpty()) {
            listener.onSpaceExceeded(toFlush);
        }
    }

    /** Schedules a sync round unless one is already queued. */
    public void requestSync() {
        if (!stopped && syncRequested.compareAndSet(false, true)) {
            try {
                syncExecutor.execute(this::syncRound);
            } catch (RuntimeException e) {
                syncRequested.set(false);
                LOG.warn("Could not schedule a commit log sync: {}", e.toString());
            }
        }
    }

    private void syncRound() {
        synchronized (syncLock) {
            syncRequested.set(false);
            if (stopped) {
                return;
            }
            long start = clock.nanoTime();
            CompletableFuture<Void> done;
            SyncEpoch old;
            List<CommitLogSegment> work = new ArrayList<>();
            List<int[]> ranges = new ArrayList<>();
            synchronized (lock) {
                done = pendingSync;
                pendingSync = new CompletableFuture<>();
                old = epoch;
                epoch = new SyncEpoch();
                for (CommitLogSegment s : segments) {
                    if (s.file != null && s.syncedTo < s.allocated) {
                        work.add(s);
                        // closed (under this lock): nothing is allocated in it any more, this is its last sync
                        ranges.add(new int[] {s.syncedTo, s.allocated, s.closed ? 1 : 0});
                    }
                }
            }
            old.closeAndAwait();
            try {
                for (int i = 0; i < work.size(); i++) {
                    int[] range = ranges.get(i);
                    CommitLogSegment s = work.get(i);
                    s.sync(range[0], range[1]);
                    s.syncedTo = range[1];
                    if (range[2] == 1) {
                        // every writer of the segment has copied its record (the epoch above) and no sync round
                        // touches it again: its pages need not stay in the process's memory
                        Mappings.unmap(s.mapped);
                    }
                }
            } catch (IOException | RuntimeException e) {
                handleFailure(e);
                done.completeExceptionally(e);
                return;
            }
            lastSyncStartNanos = start;
            done.complete(null);
        }
        recycleCleanSegments();
    }

    private void recycleCleanSegments() {
        List<CommitLogSegment> gone = new ArrayList<>();
        synchronized (lock) {
            if (stopped) {
                // the files stay as they are for the next instance, which replays them as an earlier run's
                return;
            }
            for (CommitLogSegment s : segments) {
                boolean reusable = s != active && s.closed && s.isClean()
                        && (s.file == null ? s.scanned : s.syncedTo >= s.allocated);
                if (reusable) {
                    gone.add(s);
                }
            }
            if (gone.isEmpty()) {
                return;
            }
            segments.removeAll(gone);
            previousRun.removeAll(gone);
            recycling++;
        }
        try {
            for (CommitLogSegment s : gone) {
                s.closeQuietly();
                try {
                    boolean keep;
                    synchronized (lock) {
                        keep = !stopped && recyclable.isEmpty() && s.capacity == config.segmentSize();
                        if (keep) {
                            recyclable.add(s.path);
                        }
                    }
                    if (!keep) {
                        fs.deleteIfExists(s.path);
                    }
                    LOG.debug("Commit log segment {} is clean ({})", s.id, keep ? "kept for reuse" : "deleted");
                } catch (IOException e) {
                    LOG.warn("Could not delete commit log segment {}: {}", s.path, e.toString());
                }
            }
        } finally {
            synchronized (lock) {
                recycling--;
                lock.notifyAll();
            }
        }
        if (!stopped) {
            scheduler.ioExecutor().execute(this::prepareSpareAsync);
        }
    }
}
