package org.ringlet.storage.lsm.commitlog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ringlet.api.data.ByteOutput;
import org.ringlet.api.schema.TableId;
import org.ringlet.storage.lsm.io.FaultInjectingFileSystem;
import org.ringlet.storage.lsm.io.InMemoryFileSystem;
import org.ringlet.storage.lsm.testing.TestClock;
import org.ringlet.storage.lsm.testing.TestScheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommitLogTest {
    private static final Path DIR = Path.of("/cl");
    private static final TableId T = new TableId(new java.util.UUID(1, 2));
    private final FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
    /** The log's access to the files, shut before a power loss so that its background work cannot run on. */
    private final org.ringlet.storage.lsm.testing.KillableFileSystem door =
            new org.ringlet.storage.lsm.testing.KillableFileSystem(fs);
    private final TestClock clock = TestClock.manual(1_000_000);
    private TestScheduler scheduler = new TestScheduler(true);
    private final List<Throwable> failures = new ArrayList<>();
    private final List<Set<TableId>> spaceRequests = new ArrayList<>();
    private CommitLog log;

    private CommitLog open(SyncMode mode, int segmentSize, long totalSpace) throws IOException {
        CommitLogConfig config = new CommitLogConfig(DIR, mode, Duration.ofSeconds(10), Duration.ZERO, segmentSize,
                totalSpace, CommitFailurePolicy.STOP);
        CommitLog l = new CommitLog(door, config, scheduler, clock, new CommitLog.Listener() {
            @Override
            public void onSpaceExceeded(Set<TableId> tables) {
                spaceRequests.add(tables);
            }

            @Override
            public void onFailure(Throwable error, CommitFailurePolicy policy) {
                failures.add(error);
            }
        });
        l.start(1);
        return l;
    }

    @AfterEach
    void tearDown() {
        if (log != null) {
            log.stop();
        }
        scheduler.close();
    }

    private static ByteBuffer record(String payload) {
        ByteOutput out = CommitLog.recordBuffer(payload.length());
        out.writeBytes(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.writeInt(0);
        return out.toByteBuffer();
    }

    private List<String> replay() throws IOException {
        List<String> out = new ArrayList<>();
        replay(out, new ArrayList<>());
        return out;
    }

    private void replay(List<String> out, List<CommitLogPosition> positions) throws IOException {
        List<Path> segments = new ArrayList<>(fs.list(DIR));
        segments.removeIf(p -> CommitLogFormat.segmentId(p.getFileName().toString()) < 0);
        segments.sort((a, b) -> Long.compare(CommitLogFormat.segmentId(a.getFileName().toString()),
                CommitLogFormat.segmentId(b.getFileName().toString())));
        for (Path p : segments) {
            CommitLogReader.read(fs, p, (pos, payload) -> {
                out.add(java.nio.charset.StandardCharsets.UTF_8.decode(payload).toString());
                positions.add(pos);
            });
        }
    }

    @Test
    void recordsReadBackInOrderAcrossSegments() throws Exception {
        log = open(SyncMode.BATCH, 4096, 1 << 20);
        List<String> written = new ArrayList<>();
        CommitLogPosition last = CommitLogPosition.NONE;
        for (int i = 0; i < 400; i++) {
            String p = "record-" + i + "-" + "x".repeat(i % 80);
            CommitLogPosition pos = log.append(record(p), List.of(T));
            assertTrue(pos.compareTo(last) > 0, "positions grow");
            last = pos;
            written.add(p);
        }
        log.sync().get(10, TimeUnit.SECONDS);
        assertTrue(log.segmentCount() > 3, "records spread over several segments");
        assertEquals(written, replay());
    }

    @Test
    void batchWritersShareOneSync() throws Exception {
        log = open(SyncMode.BATCH, 1 << 20, 1 << 30);
        scheduler.close();
        scheduler = new TestScheduler(false);
        log.stop();
        log = open(SyncMode.BATCH, 1 << 20, 1 << 30);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger syncs = new AtomicInteger();
        fs.addFault(blockingSyncs(release, syncs));
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            log.append(record("r" + i), List.of(T));
            acks.add(log.whenDurable());
        }
        assertFalse(acks.get(15).isDone(), "no batch write is acknowledged before its sync");
        release.countDown();
        CompletableFuture.allOf(acks.toArray(new CompletableFuture<?>[0])).get(10, TimeUnit.SECONDS);
        assertTrue(syncs.get() <= 3, "16 concurrent batch writes took " + syncs.get() + " syncs");
    }

    @Test
    void periodicModeAcknowledgesAtOnceAndBlocksWritersWhenSyncLags() throws Exception {
        log = open(SyncMode.PERIODIC, 1 << 20, 1 << 30);
        log.append(record("a"), List.of(T));
        assertTrue(log.whenDurable().isDone(), "periodic mode acknowledges without waiting for a sync");
        CountDownLatch diskBack = new CountDownLatch(1);
        fs.addFault(blockingSyncs(diskBack, new AtomicInteger()));
        clock.advanceMillis(15_001);
        log.append(record("b"), List.of(T));
        CompletableFuture<Void> lagging = log.whenDurable();
        assertFalse(lagging.isDone(), "with the last sync more than 1.5 periods ago, writers wait");
        diskBack.countDown();
        lagging.get(10, TimeUnit.SECONDS);
        assertTrue(log.whenDurable().isDone());
    }

    /** A fault that counts commit log syncs and holds each until the latch opens (a slow disk). */
    private static FaultInjectingFileSystem.Fault blockingSyncs(CountDownLatch release, AtomicInteger syncs) {
        return new FaultInjectingFileSystem.Fault() {
            @Override
            public boolean matches(FaultInjectingFileSystem.Op op, Path path) {
                if (op == FaultInjectingFileSystem.Op.SYNC && path.getFileName().toString().startsWith("CommitLog")) {
                    syncs.incrementAndGet();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return false;
            }

            @Override
            public IOException error(FaultInjectingFileSystem.Op op, Path path) {
                throw new AssertionError();
            }
        };
    }

    /**
     * The bound on loss in periodic mode: a power loss loses only writes acknowledged after the start of the last
     * completed sync, and writers stop being acknowledged once that start lies 1.5 periods back.
     */
    @Test
    void periodicModeLosesOnlyWritesSinceTheLastSync() throws Exception {
        log = open(SyncMode.PERIODIC, 1 << 20, 1 << 30);
        for (int i = 0; i < 10; i++) {
            log.append(record("synced-" + i), List.of(T));
            assertTrue(log.whenDurable().isDone());
        }
        clock.advanceMillis(10_000);
        scheduler.runTimers();
        log.sync().get(10, TimeUnit.SECONDS);
        for (int i = 0; i < 10; i++) {
            log.append(record("unsynced-" + i), List.of(T));
            assertTrue(log.whenDurable().isDone());
        }
        door.kill();
        fs.powerLoss(null);
        List<String> survived = replay();
        for (int i = 0; i < 10; i++) {
            assertTrue(survived.contains("synced-" + i), "a write acknowledged before the last sync survives");
            assertFalse(survived.contains("unsynced-" + i), "without a sync the page cache is lost");
        }
        log = null;
    }

    @Test
    void cleanSegmentsAreReusedAndSpaceOverflowAsksForFlushes() throws Exception {
        log = open(SyncMode.BATCH, 4096, 16 * 1024);
        for (int i = 0; i < 200; i++) {
            log.append(record("payload-" + i + "-" + "y".repeat(100)), List.of(T));
        }
        log.sync().get(10, TimeUnit.SECONDS);
        int before = log.segmentCount();
        assertTrue(before > 4);
        assertTrue(waitFor(() -> !spaceRequests.isEmpty()), "above commitlog_total_space the oldest tables flush");
        assertEquals(Set.of(T), spaceRequests.get(0));
        // counted from before the discard, so that no rename can be missed
        AtomicInteger renames = new AtomicInteger();
        AtomicReference<Path> renamedTo = new AtomicReference<>();
        fs.addFault(new FaultInjectingFileSystem.Fault() {
            @Override
            public boolean matches(FaultInjectingFileSystem.Op op, Path path) {
                if (op == FaultInjectingFileSystem.Op.RENAME) {
                    renames.incrementAndGet();
                    renamedTo.set(path);
                }
                return false;
            }

            @Override
            public IOException error(FaultInjectingFileSystem.Op op, Path path) {
                throw new AssertionError();
            }
        });
        CommitLogPosition discardedAt = log.currentPosition();
        log.discardCompleted(T, discardedAt);
        assertEquals(1, log.segmentCount(), "only the active segment is left");
        long files = fs.list(DIR).size();
        assertTrue(files <= 3, "clean segments are deleted or kept as one spare, found " + files);
        for (int i = 0; i < 60; i++) {
            log.append(record("after-" + i + "-" + "z".repeat(100)), List.of(T));
        }
        log.sync().get(10, TimeUnit.SECONDS);
        // A spare (a new file) is usually ready when the discard keeps a clean file, which then becomes the spare
        // prepared after the next segment switch: in the background, possibly after the last append and sync have
        // returned. Await that rename (the replay below lists the directory, so the rename must be done).
        assertTrue(waitFor(() -> {
            Path to = renamedTo.get();
            return to != null && fs.exists(to);
        }), "a clean segment file was reused under a new name: " + log.describe());
        List<String> replayed = new ArrayList<>();
        List<CommitLogPosition> positions = new ArrayList<>();
        replay(replayed, positions);
        assertTrue(replayed.contains("after-59-" + "z".repeat(100)));
        for (int i = 0; i < replayed.size(); i++) {
            if (replayed.get(i).startsWith("payload-")) {
                assertTrue(positions.get(i).segmentId() <= discardedAt.segmentId(),
                        "records of a reused file's previous life never replay: " + positions.get(i));
            }
        }
        assertTrue(log.segmentCount() > 1);
        assertEquals(1, renames.get(), "the one clean file kept for reuse was reused once");
    }

    @Test
    void tornTailsStopReadingWithoutError() throws Exception {
        log = open(SyncMode.BATCH, 1 << 20, 1 << 30);
        for (int i = 0; i < 20; i++) {
            log.append(record("kept-" + i), List.of(T));
        }
        log.sync().get(10, TimeUnit.SECONDS);
        for (int i = 0; i < 50; i++) {
            log.append(record("maybe-" + i + "-" + "w".repeat(300)), List.of(T));
        }
        door.kill();
        fs.powerLoss(new Random(7));
        List<String> out = replay();
        for (int i = 0; i < 20; i++) {
            assertEquals("kept-" + i, out.get(i));
        }
        for (int i = 20; i < out.size(); i++) {
            assertEquals("maybe-" + (i - 20) + "-" + "w".repeat(300), out.get(i), "only whole records are read");
        }
        log = null;
    }

    @Test
    void aCorruptRecordEndsTheSegmentAndIsReported() throws Exception {
        log = open(SyncMode.BATCH, 1 << 20, 1 << 30);
        CommitLogPosition third = null;
        for (int i = 0; i < 5; i++) {
            CommitLogPosition p = log.append(record("rec-" + i), List.of(T));
            if (i == 2) {
                third = p;
            }
        }
        log.sync().get(10, TimeUnit.SECONDS);
        Path segment = DIR.resolve(CommitLogFormat.fileName(third.segmentId()));
        ((InMemoryFileSystem) fs.delegate()).corrupt(segment, third.offset() + 9);
        List<String> seen = new ArrayList<>();
        CommitLogReader.Result r = CommitLogReader.read(fs, segment,
                (pos, payload) -> seen.add(java.nio.charset.StandardCharsets.UTF_8.decode(payload).toString()));
        assertEquals(List.of("rec-0", "rec-1"), seen);
        assertEquals(CommitLogReader.End.TORN_RECORD, r.end());
        assertEquals(third.offset(), r.stopOffset());
    }

    /**
     * While a writer waits for the next segment, the closed segment has an end marker: a smaller record that
     * would still fit must not go after it, where replay would never read it.
     */
    @Test
    void nothingIsWrittenAfterAnEndMarker() throws Exception {
        scheduler.close();
        scheduler = new TestScheduler(false);
        log = open(SyncMode.BATCH, 4096, 1 << 30);
        CountDownLatch creation = new CountDownLatch(1);
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String p = "fill-" + i + "-" + "f".repeat(180);
            log.append(record(p), List.of(T));
            written.add(p);
        }
        fs.addFault(new FaultInjectingFileSystem.Fault() {
            @Override
            public boolean matches(FaultInjectingFileSystem.Op op, Path path) {
                if ((op == FaultInjectingFileSystem.Op.CREATE || op == FaultInjectingFileSystem.Op.RENAME)
                        && path.getFileName().toString().startsWith("CommitLog")) {
                    try {
                        creation.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return false;
            }

            @Override
            public IOException error(FaultInjectingFileSystem.Op op, Path path) {
                throw new AssertionError();
            }
        });
        CommitLogPosition pos = log.currentPosition();
        while (log.currentPosition().segmentId() == pos.segmentId()
                || log.currentPosition().offset() < 4096 - 600) {
            String p = "more-" + written.size() + "-" + "m".repeat(180);
            log.append(record(p), List.of(T));
            written.add(p);
        }
        String big = "big-" + "b".repeat(700);
        String small = "small";
        CompletableFuture<Void> bigWriter = CompletableFuture.runAsync(() -> appendUnchecked(big));
        String active = CommitLogFormat.fileName(log.currentPosition().segmentId());
        assertTrue(waitFor(() -> log.describe().contains(active + "(allocated=")
                && log.describe().split(active)[1].split("\\)")[0].contains("closed")),
                "the big writer closed the segment: " + log.describe());
        CompletableFuture<Void> smallWriter = CompletableFuture.runAsync(() -> appendUnchecked(small));
        creation.countDown();
        CompletableFuture.allOf(bigWriter, smallWriter).get(10, TimeUnit.SECONDS);
        written.add(big);
        written.add(small);
        log.sync().get(10, TimeUnit.SECONDS);
        List<String> replayed = replay();
        assertTrue(replayed.containsAll(written), "every record replays; missing: "
                + written.stream().filter(w -> !replayed.contains(w)).toList());
    }

    private void appendUnchecked(String payload) {
        try {
            log.append(record(payload), List.of(T));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void oversizedRecordsAreRejected() throws Exception {
        log = open(SyncMode.BATCH, 8192, 1 << 30);
        assertThrows(IllegalArgumentException.class, () -> log.append(record("x".repeat(5000)), List.of(T)));
    }

    @Test
    void aFailedSyncStopsTheLogUnderTheStopPolicy() throws Exception {
        log = open(SyncMode.BATCH, 1 << 20, 1 << 30);
        scheduler.close();
        scheduler = new TestScheduler(false);
        log.stop();
        log = open(SyncMode.BATCH, 1 << 20, 1 << 30);
        fs.addFault(FaultInjectingFileSystem.ioError(FaultInjectingFileSystem.Op.SYNC,
                p -> p.getFileName().toString().startsWith("CommitLog")));
        log.append(record("doomed"), List.of(T));
        CompletableFuture<Void> ack = log.whenDurable();
        assertThrows(java.util.concurrent.ExecutionException.class, () -> ack.get(10, TimeUnit.SECONDS));
        assertEquals(1, failures.size());
        assertThrows(IOException.class, () -> log.append(record("after"), List.of(T)));
        fs.clearFaults();
    }

    /**
     * A spare being prepared on the I/O pool when the log stops: stop waits for it, so that no file appears after
     * stop has returned (another instance may own the directory by then).
     */
    @Test
    void stopWaitsForASpareBeingPrepared() throws Exception {
        log = open(SyncMode.BATCH, 4096, 1 << 30);
        CommitLog stopping = log;
        AtomicReference<Thread> stopper = new AtomicReference<>();
        CountDownLatch held = new CountDownLatch(1);
        fs.addFault(holdUntilStopWaitsOrReturns(FaultInjectingFileSystem.Op.CREATE, held, stopping, stopper));
        // the first segment switch takes the spare prepared at start and prepares the next one in the background
        for (int i = 0; stopping.segmentCount() < 2; i++) {
            stopping.append(record("record-" + i + "-" + "x".repeat(100)), List.of(T));
        }
        assertTrue(held.await(10, TimeUnit.SECONDS), "the next spare is being prepared: " + stopping.describe());
        List<Path> atStop = stopInAnotherThread(stopping, stopper);
        scheduler.close();
        assertEquals(atStop, fs.list(DIR), "the files stay as they were when stop returned");
    }

    /** Clean segments being deleted when the log stops: stop waits for the deletion to end. */
    @Test
    void stopWaitsForSegmentsBeingRecycled() throws Exception {
        log = open(SyncMode.BATCH, 4096, 1 << 30);
        CommitLog stopping = log;
        for (int i = 0; stopping.segmentCount() < 5; i++) {
            stopping.append(record("record-" + i + "-" + "x".repeat(100)), List.of(T));
        }
        stopping.sync().get(10, TimeUnit.SECONDS);
        AtomicReference<Thread> stopper = new AtomicReference<>();
        CountDownLatch held = new CountDownLatch(1);
        fs.addFault(holdUntilStopWaitsOrReturns(FaultInjectingFileSystem.Op.DELETE, held, stopping, stopper));
        CommitLogPosition upTo = stopping.currentPosition();
        Thread discarder = new Thread(() -> stopping.discardCompleted(T, upTo), "discarder");
        discarder.start();
        assertTrue(held.await(10, TimeUnit.SECONDS), "a clean segment is being deleted: " + stopping.describe());
        List<Path> atStop = stopInAnotherThread(stopping, stopper);
        discarder.join(TimeUnit.SECONDS.toMillis(20));
        assertFalse(discarder.isAlive());
        scheduler.close();
        assertEquals(atStop, fs.list(DIR), "the files stay as they were when stop returned");
    }

    /** After stop, flushes that complete late (discards) and dropped tables change no file. */
    @Test
    void discardsAfterStopLeaveTheFilesAlone() throws Exception {
        log = open(SyncMode.BATCH, 4096, 1 << 30);
        for (int i = 0; log.segmentCount() < 5; i++) {
            log.append(record("record-" + i + "-" + "x".repeat(100)), List.of(T));
        }
        log.sync().get(10, TimeUnit.SECONDS);
        CommitLogPosition upTo = log.currentPosition();
        // the spare is prepared in the background after a segment switch: wait for it (with a deadline)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (log.totalSize() < 6L * 4096 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        log.stop();
        List<Path> atStop = fs.list(DIR);
        log.discardCompleted(T, upTo);
        log.forgetTable(T);
        scheduler.close();
        assertEquals(atStop, fs.list(DIR));
        assertEquals(6, atStop.stream().filter(p -> CommitLogFormat.segmentId(p.getFileName().toString()) >= 0)
                .count(), "the five segments and the spare stay: " + atStop);
    }

    /** Stops the log in a new thread, lists the directory right after stop returns there, and returns the list. */
    private List<Path> stopInAnotherThread(CommitLog l, AtomicReference<Thread> stopper) throws Exception {
        List<Path> atStop = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicReference<Throwable> error = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                l.stop();
                atStop.addAll(fs.list(DIR));
            } catch (Throwable e) {
                error.set(e);
            }
        }, "stopper");
        stopper.set(t);
        t.start();
        t.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(t.isAlive(), "stop returned");
        assertEquals(null, error.get());
        return atStop;
    }

    /**
     * Holds the first {@code op} on a commit log file until {@code log} is stopping and the stopping thread either
     * waits (for this background work) or has returned from stop: so the operation runs after stop returned unless
     * stop waits for it.
     */
    private static FaultInjectingFileSystem.Fault holdUntilStopWaitsOrReturns(FaultInjectingFileSystem.Op op,
            CountDownLatch held, CommitLog log, AtomicReference<Thread> stopper) {
        java.util.concurrent.atomic.AtomicBoolean armed = new java.util.concurrent.atomic.AtomicBoolean(true);
        return new FaultInjectingFileSystem.Fault() {
            @Override
            public boolean matches(FaultInjectingFileSystem.Op o, Path path) {
                if (o == op && path.getFileName().toString().startsWith("CommitLog") && armed.getAndSet(false)) {
                    held.countDown();
                    try {
                        assertTrue(waitFor(() -> {
                            Thread t = stopper.get();
                            if (t == null || !log.isStopped()) {
                                return false;
                            }
                            Thread.State state = t.getState();
                            return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
                                    || state == Thread.State.TERMINATED;
                        }), "the log stops");
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return false;
            }

            @Override
            public IOException error(FaultInjectingFileSystem.Op o, Path path) {
                throw new AssertionError();
            }
        };
    }

    private static boolean waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.onSpinWait();
        }
        return condition.getAsBoolean();
    }
}
