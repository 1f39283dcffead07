package org.ringlet.storage.lsm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import org.ringlet.api.data.DataSerializer;
import org.ringlet.api.data.Mutation;
import org.ringlet.api.data.Partition;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.schema.TableId;
import org.ringlet.storage.lsm.commitlog.CommitLog;
import org.ringlet.storage.lsm.commitlog.CommitLogPosition;
import org.ringlet.storage.lsm.commitlog.CommitLogReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One replay pass over the commit log segments of earlier runs: applies, for the selected tables not replayed
 * before, the records at or after each table's flushed position to its memtable, and marks what stays unflushed
 * in each segment so that segments live until those tables flush. Records of tables left for a later pass are
 * marked too; records of tables that no longer exist are dropped. Not thread-safe (one pass at a time).
 */
final class CommitLogReplayer {
    private static final Logger LOG = LoggerFactory.getLogger(CommitLogReplayer.class);

    private final StorageContext ctx;
    private final CommitLog log;
    private final Partitioner partitioner;
    private final Function<TableId, TableStore> stores;
    private long count;

    CommitLogReplayer(StorageContext ctx, CommitLog log, Partitioner partitioner,
                      Function<TableId, TableStore> stores) {
        this.ctx = ctx;
        this.log = log;
        this.partitioner = partitioner;
        this.stores = stores;
    }

    /** The mutations applied (wholly or partly). */
    long count() {
        return count;
    }

    /**
     * Replays the selected tables.
     *
     * @param selected    the tables of this pass
     * @param alreadyDone tables replayed by an earlier pass (skipped)
     * @return the tables that received data
     */
    Set<TableStore> replay(Predicate<TableId> selected, Predicate<TableId> alreadyDone) {
        Set<TableStore> touched = new HashSet<>();
        for (Path segment : log.segmentsOfEarlierRuns()) {
            CommitLogReader.Result result;
            try {
                result = CommitLogReader.read(ctx.fs, segment, (pos, payload) -> {
                    if (record(pos, payload, selected, alreadyDone, touched)) {
                        count++;
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("could not read commit log segment " + segment, e);
            }
            switch (result.end()) {
                case TORN_RECORD -> LOG.warn("Commit log segment {}: torn or corrupt record at offset {}; the rest "
                        + "of the segment is ignored ({} records replayed before it)", segment, result.stopOffset(),
                        result.records());
                case NO_HEADER -> LOG.info("Commit log segment {} holds no records (never used)", segment);
                default -> LOG.debug("Commit log segment {}: {} records, ended at offset {} ({})", segment,
                        result.records(), result.stopOffset(), result.end());
            }
            log.markScanned(result.segmentId());
        }
        return touched;
    }

    private boolean record(CommitLogPosition pos, ByteBuffer payload, Predicate<TableId> selected,
                           Predicate<TableId> alreadyDone, Set<TableStore> touched) {
        Mutation m;
        try {
            m = DataSerializer.readMutation(payload, partitioner);
        } catch (RuntimeException e) {
            LOG.error("Skipping an unreadable commit log record at {}: {}", pos, e.toString());
            return false;
        }
        boolean applied = false;
        for (Partition p : m.partitions().values()) {
            TableId id = p.table();
            if (alreadyDone.test(id)) {
                continue;
            }
            if (!selected.test(id)) {
                log.markReplayDirty(pos.segmentId(), id, pos.offset());
                continue;
            }
            TableStore s = stores.apply(id);
            if (s == null || pos.compareTo(s.flushedUpTo()) < 0) {
                continue;
            }
            WriteOrder.Group group = ctx.writeOrder.start();
            try {
                ctx.memory.allocated(s.apply(s.currentMemtable(), p));
            } finally {
                group.finish();
            }
            log.markReplayDirty(pos.segmentId(), id, pos.offset());
            touched.add(s);
            applied = true;
        }
        return applied;
    }
}
