package org.ringlet.storage.lsm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.ringlet.storage.lsm.sstable.Descriptor;
import org.ringlet.storage.lsm.sstable.SSTableFormat;
import org.ringlet.storage.lsm.sstable.SSTableReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snapshots: hard links of a table's live SSTable components in {@code <table dir>/snapshots/<name>/}, which stay
 * when the originals are compacted away or deleted. Stateless.
 */
final class Snapshots {
    private static final Logger LOG = LoggerFactory.getLogger(Snapshots.class);

    private Snapshots() {
    }

    /** Links every live SSTable of the table into a snapshot called {@code name}; returns the files linked. */
    static int take(StorageContext ctx, TableStore store, String name) {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IllegalArgumentException("Invalid snapshot name '" + name + "'");
        }
        View v = store.view();
        int linked = 0;
        Set<Path> synced = new HashSet<>();
        for (SSTableReader r : v.sstables()) {
            if (!r.tryRef()) {
                continue;
            }
            try {
                Descriptor d = r.descriptor();
                Path dir = d.directory().resolve(TableDirectories.SNAPSHOTS).resolve(name);
                ctx.fs.createDirectoriesDurably(dir);
                for (SSTableFormat.Component c : SSTableFormat.Component.values()) {
                    Path link = dir.resolve(d.path(c).getFileName());
                    if (!ctx.fs.exists(link)) {
                        ctx.fs.createLink(link, d.path(c));
                        linked++;
                    }
                }
                synced.add(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("snapshot " + name + " of " + store + " failed", e);
            } finally {
                r.release();
            }
        }
        try {
            for (Path dir : synced) {
                ctx.fs.syncDirectory(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("snapshot " + name + " of " + store + " failed", e);
        }
        LOG.info("Snapshot {} of {}: {} file(s) linked", name, store, linked);
        return linked;
    }
}
