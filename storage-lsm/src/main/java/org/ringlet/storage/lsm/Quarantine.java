package org.ringlet.storage.lsm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.ring.Token;
import org.ringlet.api.storage.KeyRange;
import org.ringlet.api.storage.StorageFailureException;
import org.ringlet.storage.lsm.manifest.Manifest;
import org.ringlet.storage.lsm.manifest.ManifestEdit;
import org.ringlet.storage.lsm.sstable.SSTableFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A table's quarantined SSTables: corrupt ones taken out of the live set under {@code disk_failure_policy:
 * best_effort}, their files moved to {@code <table dir>/quarantine/}. Until an operator removes those files (and
 * the node restarts), reads that need the token range they covered fail with a read failure (0x1300): the lost
 * data may have deleted something other files still hold, so serving the rest could resurrect it. Thread-safe.
 */
final class Quarantine {
    private static final Logger LOG = LoggerFactory.getLogger(Quarantine.class);
    static final String DIRECTORY = "quarantine";

    private final StorageContext ctx;
    private final String table;
    private volatile List<Range> ranges = List.of();

    /** A quarantined token range; null bounds are unbounded. */
    private record Range(long generation, Token first, Token last) {
        boolean contains(Token t) {
            return (first == null || t.compareTo(first) >= 0) && (last == null || t.compareTo(last) <= 0);
        }

        boolean intersects(Token start, Token end) {
            return (end == null || first == null || first.compareTo(end) <= 0)
                    && (start == null || last == null || last.compareTo(start) >= 0);
        }
    }

    Quarantine(StorageContext ctx, String table) {
        this.ctx = ctx;
        this.table = table;
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    /**
     * Loads the manifest's quarantines; those whose files an operator removed are lifted.
     */
    void load(Manifest manifest, List<Path> tableDirs) throws IOException {
        Set<Long> gone = new TreeSet<>();
        List<Range> loaded = new ArrayList<>();
        for (Map.Entry<Long, ManifestEdit.KeyRange> e : manifest.quarantined().entrySet()) {
            boolean present = false;
            for (Path d : tableDirs) {
                Path toc = d.resolve(DIRECTORY).resolve(SSTableFormat.fileName(e.getKey(),
                        SSTableFormat.Component.DATA));
                present |= ctx.fs.exists(toc);
            }
            if (present) {
                loaded.add(range(e.getKey(), e.getValue()));
            } else {
                gone.add(e.getKey());
            }
        }
        if (!gone.isEmpty()) {
            manifest.apply(ManifestEdit.lift(gone));
            LOG.info("Quarantine of {} lifted for generation(s) {}: their files were removed", table, gone);
        }
        ranges = List.copyOf(loaded);
        if (!loaded.isEmpty()) {
            LOG.warn("{} has {} quarantined SSTable(s): reads of their token ranges fail until the files in {}/ are "
                    + "removed (after a repair) and the node restarts", table, loaded.size(), DIRECTORY);
        }
    }

    private Range range(long generation, ManifestEdit.KeyRange r) {
        return new Range(generation, token(r.first()), token(r.last()));
    }

    private Token token(ByteBuffer key) {
        return key == null ? null : ctx.partitioner.token(key);
    }

    /**
     * Takes an SSTable generation into quarantine: records it in the manifest (out of the live set) and moves its
     * files into the quarantine directory.
     *
     * @param first the first key it held, or null when unknown
     * @param last  the last key it held, or null when unknown
     */
    void add(Manifest manifest, Path dir, long generation, DecoratedKey first, DecoratedKey last)
            throws IOException {
        manifest.apply(ManifestEdit.quarantine(generation, new ManifestEdit.KeyRange(
                first == null ? null : first.key(), last == null ? null : last.key())));
        List<Range> next = new ArrayList<>(ranges);
        next.add(new Range(generation, first == null ? null : first.token(), last == null ? null : last.token()));
        ranges = List.copyOf(next);
        Path target = dir.resolve(DIRECTORY);
        ctx.fs.createDirectoriesDurably(target);
        for (SSTableFormat.Component c : SSTableFormat.Component.values()) {
            Path from = dir.resolve(SSTableFormat.fileName(generation, c));
            if (ctx.fs.exists(from)) {
                ctx.fs.rename(from, target.resolve(from.getFileName()));
            }
        }
        ctx.fs.syncDirectory(target);
        ctx.fs.syncDirectory(dir);
        LOG.error("Quarantined SSTable generation {} of {} in {}; reads of its token range [{}, {}] fail until it is "
                + "repaired", generation, table, target, first == null ? "min" : first.token(),
                last == null ? "max" : last.token());
    }

    /** Fails a read of a key that a quarantined SSTable may hold. */
    void check(DecoratedKey key) {
        for (Range r : ranges) {
            if (r.contains(key.token())) {
                throw StorageFailureException.read("Read of " + table + " needs data of a quarantined SSTable "
                        + "(generation " + r.generation() + ", corrupt); repair the table's token range", null);
            }
        }
    }

    /** Fails a scan whose range meets a quarantined SSTable's. */
    void check(KeyRange range) {
        for (Range r : ranges) {
            if (r.intersects(range.start(), range.end())) {
                throw StorageFailureException.read("Scan of " + table + " needs data of a quarantined SSTable "
                        + "(generation " + r.generation() + ", corrupt); repair the table's token range", null);
            }
        }
    }
}
