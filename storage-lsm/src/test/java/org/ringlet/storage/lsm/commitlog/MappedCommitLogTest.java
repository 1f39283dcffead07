package org.ringlet.storage.lsm.commitlog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlet.api.data.ByteOutput;
import org.ringlet.api.schema.TableId;
import org.ringlet.storage.lsm.io.FileSystem;
import org.ringlet.storage.lsm.io.LocalFileSystem;
import org.ringlet.storage.lsm.testing.TestClock;
import org.ringlet.storage.lsm.testing.TestScheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The commit log on real files, where segments are mapped and writers copy their records into the mapping
 * concurrently: every acknowledged record replays, records are in the files without any sync (a killed process
 * loses nothing), a torn tail ends the replay cleanly, and reused segment files never replay their old records.
 */
class MappedCommitLogTest {
    private static final TableId T = new TableId(new java.util.UUID(3, 4));
    private final FileSystem fs = new LocalFileSystem();
    private final TestScheduler scheduler = new TestScheduler(false);
    private final List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    private CommitLog log;

    @TempDir
    Path dir;

    private CommitLog open(SyncMode mode, int segmentSize) throws IOException {
        CommitLogConfig config = new CommitLogConfig(dir, mode, Duration.ofSeconds(10), Duration.ZERO, segmentSize,
                1L << 30, CommitFailurePolicy.STOP);
        CommitLog l = new CommitLog(fs, config, scheduler, TestClock.system(), new CommitLog.Listener() {
            @Override
            public void onSpaceExceeded(Set<TableId> tables) {
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
        out.writeBytes(payload.getBytes(StandardCharsets.UTF_8));
        out.writeInt(0);
        return out.toByteBuffer();
    }

    /** Reads every segment file in id order, as replay does, with a reader of its own. */
    private List<String> replay() throws IOException {
        return replay(CommitLogPosition.NONE);
    }

    /** As {@link #replay()}, only the records at or after {@code from} (replay skips flushed records). */
    private List<String> replay(CommitLogPosition from) throws IOException {
        List<Path> segments = new ArrayList<>(fs.list(dir));
        segments.removeIf(p -> CommitLogFormat.segmentId(p.getFileName().toString()) < 0);
        segments.sort((a, b) -> Long.compare(CommitLogFormat.segmentId(a.getFileName().toString()),
                CommitLogFormat.segmentId(b.getFileName().toString())));
        List<String> out = new ArrayList<>();
        for (Path p : segments) {
            CommitLogReader.read(fs, p, (pos, payload) -> {
                if (pos.compareTo(from) >= 0) {
                    out.add(StandardCharsets.UTF_8.decode(payload).toString());
                }
            });
        }
        return out;
    }

    @Test
    void concurrentBatchWritersReplayEveryAcknowledgedRecordInTheirOrder() throws Exception {
        concurrentWriters(SyncMode.BATCH);
    }

    /**
     * Periodic mode: no writer waits for a sync, so segment switches (each of which syncs and then unmaps the
     * closed segment) happen while other writers are still copying into it.
     */
    @Test
    void concurrentPeriodicWritersAcrossManySegmentSwitches() throws Exception {
        concurrentWriters(SyncMode.PERIODIC);
    }

    private void concurrentWriters(SyncMode mode) throws Exception {
        log = open(mode, 64 << 10);
        assertTrue(log.activeSegmentMapped(), "segments on a local file system are mapped");
        int threads = 4;
        int perThread = 1500;
        Map<String, CommitLogPosition> acknowledged = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(CompletableFuture.runAsync(() -> {
                try {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        String p = "w" + thread + "-" + i + "-" + "p".repeat((i * 7 + thread) % 200);
                        CommitLogPosition pos = log.append(record(p), List.of(T));
                        log.whenDurable().get(30, TimeUnit.SECONDS);
                        acknowledged.put(p, pos);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        start.countDown();
        CompletableFuture.allOf(done.toArray(new CompletableFuture<?>[0])).get(120, TimeUnit.SECONDS);
        assertTrue(log.segmentCount() > 10, "the records spread over many segments: " + log.segmentCount());
        List<String> replayed = replay();
        assertEquals(threads * perThread, replayed.size(), "every record replays once");
        assertEquals(acknowledged.keySet(), new HashSet<>(replayed));
        for (int t = 0; t < threads; t++) {
            String prefix = "w" + t + "-";
            List<String> mine = replayed.stream().filter(s -> s.startsWith(prefix)).toList();
            for (int i = 0; i < mine.size(); i++) {
                assertTrue(mine.get(i).startsWith(prefix + i + "-"), "writer " + t + "'s records in order");
            }
        }
        List<CommitLogPosition> positions = new ArrayList<>(acknowledged.values());
        assertEquals(positions.size(), new HashSet<>(positions).size(), "no two records share a position");
        assertTrue(failures.isEmpty(), failures.toString());
        log.sync().get(30, TimeUnit.SECONDS);
        Set<String> mapped = mappedSegments();
        assertTrue(mapped.size() <= 2, "closed segments are unmapped after their last sync (the active one and the "
                + "spare stay mapped): " + mapped);
    }

    /** The segment files of this log that the process has mapped ({@code /proc/self/maps}). */
    private Set<String> mappedSegments() throws IOException {
        Set<String> out = new HashSet<>();
        for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
            int at = line.indexOf(dir.toString());
            if (at >= 0) {
                out.add(line.substring(at));
            }
        }
        return out;
    }

    @Test
    void periodicRecordsAreInTheFilesWithoutAnySync() throws Exception {
        log = open(SyncMode.PERIODIC, 64 << 10);
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String p = "periodic-" + i;
            log.append(record(p), List.of(T));
            assertTrue(log.whenDurable().isDone(), "periodic writes are acknowledged at once");
            written.add(p);
        }
        // no sync has run (the first tick is 10 s away): what another process reads now is what a killed
        // process leaves behind
        assertEquals(written, replay());
    }

    @Test
    void aTornTailEndsTheReplayAfterTheLastWholeRecord() throws Exception {
        log = open(SyncMode.BATCH, 1 << 20);
        List<CommitLogPosition> positions = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            positions.add(log.append(record("rec-" + i + "-" + "z".repeat(100)), List.of(T)));
        }
        log.sync().get(10, TimeUnit.SECONDS);
        log.stop();
        CommitLogPosition last = positions.get(29);
        Path segment = dir.resolve(CommitLogFormat.fileName(last.segmentId()));
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            // a record cut short: its length and header survived, part of the payload did not
            ch.write(ByteBuffer.wrap(new byte[60]), last.offset() + 8 + 40);
        }
        List<String> seen = new ArrayList<>();
        CommitLogReader.Result r = CommitLogReader.read(fs, segment,
                (pos, payload) -> seen.add(StandardCharsets.UTF_8.decode(payload).toString()));
        assertEquals(29, seen.size());
        assertEquals("rec-28-" + "z".repeat(100), seen.get(28));
        assertEquals(CommitLogReader.End.TORN_RECORD, r.end());
        assertEquals(last.offset(), r.stopOffset());
        log = null;
    }

    @Test
    void reusedSegmentFilesNeverReplayTheirOldRecords() throws Exception {
        log = open(SyncMode.BATCH, 16 << 10);
        for (int i = 0; i < 600; i++) {
            log.append(record("old-" + i + "-" + "o".repeat(150)), List.of(T));
        }
        log.sync().get(10, TimeUnit.SECONDS);
        CommitLogPosition flushed = log.currentPosition();
        log.discardCompleted(T, flushed);
        List<String> fresh = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String p = "new-" + i;
            log.append(record(p), List.of(T));
            fresh.add(p);
        }
        log.sync().get(10, TimeUnit.SECONDS);
        long files = Files.list(dir).count();
        assertTrue(files < 20, "clean segments were deleted or reused: " + files + " files");
        // the records before the flushed position that are still in files (the active segment of the time, the
        // clean file kept for reuse under its old name) are skipped by replay; a reused file's old records never
        // validate under its new id
        assertEquals(fresh, replay(flushed));
        assertTrue(failures.isEmpty(), failures.toString());
    }
}
