package org.ringlet.storage.lsm.compaction;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.ringlet.api.data.CellOrder;
import org.ringlet.api.data.ClusteringComparator;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.DeletionTime;
import org.ringlet.api.data.Partition;
import org.ringlet.api.data.RangeTombstone;
import org.ringlet.api.data.Row;
import org.ringlet.api.data.Slice;
import org.ringlet.api.runtime.Scheduler;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.storage.lsm.read.MergeIterator;
import org.ringlet.storage.lsm.read.PartitionMerger;
import org.ringlet.storage.lsm.read.PartitionSource;
import org.ringlet.storage.lsm.read.SSTableSource;
import org.ringlet.storage.lsm.sstable.SSTableReader;
import org.ringlet.storage.lsm.sstable.SSTableWriter;
import org.ringlet.storage.lsm.sstable.StatsMetadata;

import static java.util.Objects.requireNonNull;

/**
 * One compaction: merges its input SSTables partition by partition (deletions applied, then tombstones purged per
 * {@link Purger}), writes one or more output SSTables (cut at the candidate's maximum size), then asks the target
 * to replace the inputs by the outputs in one step. Runs in steps on an executor; between steps it pauses as the
 * {@link Throttle} asks by rescheduling itself, so no thread sleeps. On failure the outputs are deleted and the
 * inputs stay. Not thread-safe (one step at a time).
 */
public final class CompactionTask {
    private static final long STEP_BYTES = 4L << 20;

    /**
     * What a finished compaction did.
     *
     * @param bytesIn    bytes of the inputs on disk
     * @param bytesOut   bytes of the outputs on disk
     * @param rowsMerged how many partitions were found in 1, 2, … inputs
     * @param outputs    the new SSTables
     */
    public record Result(long bytesIn, long bytesOut, Map<Integer, Long> rowsMerged, List<SSTableReader> outputs) {
    }

    private final UUID id;
    private final CompactionTarget target;
    private final CompactionCandidate candidate;
    private final long nowSeconds;
    private final long gcBefore;
    private final Throttle throttle;
    private final Scheduler scheduler;
    private final Executor executor;
    private final TableMetadata metadata;
    private final ClusteringComparator comparator;
    private final CellOrder cellOrder;
    private final Set<SSTableReader> inputSet;
    private final long total;
    private final long[] positions;
    private final Map<Integer, Long> rowsMerged = new TreeMap<>();
    private final List<SSTableReader> outputs = new ArrayList<>();
    private final CompletableFuture<Result> done = new CompletableFuture<>();
    private MergeIterator<Located> keys;
    private SSTableWriter writer;
    private volatile long completed;
    private volatile boolean stopRequested;

    private record Located(DecoratedKey key, int input, SSTableReader.KeyEntry entry) {
    }

    public CompactionTask(UUID id, CompactionTarget target, CompactionCandidate candidate, long nowSeconds,
                          long gcBefore, Throttle throttle, Scheduler scheduler, Executor executor) {
        this.id = requireNonNull(id, "id is null");
        this.target = requireNonNull(target, "target is null");
        this.candidate = requireNonNull(candidate, "candidate is null");
        this.nowSeconds = nowSeconds;
        this.gcBefore = gcBefore;
        this.throttle = requireNonNull(throttle, "throttle is null");
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        this.executor = requireNonNull(executor, "executor is null");
        this.metadata = target.metadata();
        this.comparator = ClusteringComparator.of(metadata);
        this.cellOrder = CellOrder.of(metadata);
        this.inputSet = Collections.unmodifiableSet(new HashSet<>(candidate.inputs()));
        long t = 0;
        for (SSTableReader r : candidate.inputs()) {
            t += r.uncompressedLength();
        }
        this.total = t;
        this.positions = new long[candidate.inputs().size()];
    }

    public UUID id() {
        return id;
    }

    public CompactionCandidate candidate() {
        return candidate;
    }

    /** Uncompressed input bytes merged so far. */
    public long completed() {
        return completed;
    }

    /** Uncompressed input bytes in all. */
    public long total() {
        return total;
    }

    /** Asks the task to give up at its next step (its outputs are deleted). */
    public void stop() {
        stopRequested = true;
    }

    /** Starts the task; the future completes when the inputs are replaced, or fails. */
    public CompletableFuture<Result> start() {
        executor.execute(this::step);
        return done;
    }

    private void step() {
        try {
            if (stopRequested) {
                throw new IOException("compaction " + id + " stopped");
            }
            if (keys == null) {
                List<Iterator<Located>> inputs = new ArrayList<>();
                for (int i = 0; i < candidate.inputs().size(); i++) {
                    int index = i;
                    Iterator<SSTableReader.KeyEntry> it = candidate.inputs().get(i).keys(null);
                    inputs.add(new Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return it.hasNext();
                        }

                        @Override
                        public Located next() {
                            SSTableReader.KeyEntry e = it.next();
                            return new Located(e.key(), index, e);
                        }
                    });
                }
                keys = new MergeIterator<>(inputs, (a, b) -> a.key().compareTo(b.key()));
            }
            long before = completed;
            while (keys.hasNext() && completed - before < STEP_BYTES) {
                compactPartition(keys.next());
            }
            if (keys.hasNext()) {
                long pause = throttle.acquire(completed - before);
                if (pause > 0) {
                    scheduler.schedule(() -> executor.execute(this::step), Duration.ofNanos(pause));
                } else {
                    executor.execute(this::step);
                }
                return;
            }
            throttle.acquire(completed - before);
            finishWriter();
            completed = total;
            target.replace(candidate.inputs(), outputs, candidate.outputLevel());
            long bytesIn = 0;
            for (SSTableReader r : candidate.inputs()) {
                bytesIn += r.onDiskSize();
            }
            long bytesOut = 0;
            for (SSTableReader r : outputs) {
                bytesOut += r.onDiskSize();
            }
            done.complete(new Result(bytesIn, bytesOut, rowsMerged, List.copyOf(outputs)));
        } catch (IOException | RuntimeException e) {
            abort();
            done.completeExceptionally(e);
        }
    }

    private void compactPartition(List<Located> group) throws IOException {
        DecoratedKey key = group.get(0).key();
        List<PartitionSource> sources = new ArrayList<>(group.size());
        for (Located l : group) {
            SSTableReader r = candidate.inputs().get(l.input());
            sources.add(new SSTableSource(metadata.id(), r.partition(key, l.entry().entry(), comparator)));
            positions[l.input()] = l.entry().entry().position();
        }
        rowsMerged.merge(group.size(), 1L, Long::sum);
        long sum = 0;
        for (long p : positions) {
            sum += p;
        }
        completed = Math.min(sum, total);

        Partition header = PartitionMerger.mergeHeaders(metadata, sources);
        DeletionTime pd = header.partitionDeletion();
        List<RangeTombstone> rts = header.rangeTombstones();
        Purger purger = new Purger(nowSeconds, gcBefore, target.maxPurgeableTimestamp(key, inputSet));
        DeletionTime outPd = purger.purge(pd);
        List<RangeTombstone> outRts = purger.purge(rts);
        Row outStatic = purger.purge(header.staticRow());

        List<Iterator<Row>> inputs = new ArrayList<>(sources.size());
        for (PartitionSource s : sources) {
            inputs.add(s.rows(Slice.ALL, false));
        }
        MergeIterator<Row> merged = new MergeIterator<>(inputs,
                (a, b) -> comparator.compare(a.clustering(), b.clustering()));
        PurgedRows rows = new PurgedRows(merged, pd, rts, purger);
        if (outPd.isLive() && outStatic.isEmpty() && outRts.isEmpty() && !rows.hasNext()) {
            return;
        }
        if (writer == null) {
            long expected = 0;
            for (SSTableReader r : candidate.inputs()) {
                expected += r.estimatedPartitionCount();
            }
            writer = target.newWriter(expected, candidate.outputLevel());
        }
        writer.append(key, outPd, outStatic, outRts, rows);
        if (writer.bytesWritten() >= candidate.maxOutputSize()) {
            finishWriter();
        }
    }

    private void finishWriter() throws IOException {
        if (writer == null) {
            return;
        }
        SSTableWriter w = writer;
        writer = null;
        if (w.isEmpty()) {
            w.abort();
            return;
        }
        StatsMetadata stats = w.finish();
        outputs.add(target.openOutput(w.descriptor(), candidate.outputLevel()));
        requireNonNull(stats, "stats is null");
    }

    private void abort() {
        if (writer != null) {
            writer.abort();
            writer = null;
        }
        for (SSTableReader r : outputs) {
            r.markObsolete();
            r.release();
        }
        outputs.clear();
    }

    /** Merged rows of the inputs with shadowed data removed, then purged; empty rows skipped. */
    private final class PurgedRows implements Iterator<Row> {
        private final MergeIterator<Row> merged;
        private final DeletionTime pd;
        private final List<RangeTombstone> rts;
        private final Purger purger;
        private Row next;

        PurgedRows(MergeIterator<Row> merged, DeletionTime pd, List<RangeTombstone> rts, Purger purger) {
            this.merged = merged;
            this.pd = pd;
            this.rts = rts;
            this.purger = purger;
        }

        @Override
        public boolean hasNext() {
            while (next == null && merged.hasNext()) {
                List<Row> group = merged.next();
                Row r = group.get(0);
                for (int i = 1; i < group.size(); i++) {
                    r = Row.merge(r, group.get(i), cellOrder);
                }
                Row shadowed = r.purgeShadowed(PartitionMerger.covering(comparator, pd, rts, r.clustering()));
                Row purged = purger.purge(shadowed);
                if (!purged.isEmpty()) {
                    next = purged;
                }
            }
            return next != null;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Row r = next;
            next = null;
            return r;
        }
    }
}
