package org.ringlet.storage.lsm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.ringlet.api.schema.TableMetadata;
import org.ringlet.storage.lsm.manifest.Manifest;
import org.ringlet.storage.lsm.manifest.ManifestEdit;
import org.ringlet.storage.lsm.sstable.CorruptSSTableException;
import org.ringlet.storage.lsm.sstable.Descriptor;
import org.ringlet.storage.lsm.sstable.SSTableFormat;
import org.ringlet.storage.lsm.sstable.SSTableReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A table's directories, one per data directory ({@code <data dir>/<keyspace>/<table>-<id>}); the first holds the
 * manifest. Loading removes what a crash left behind (temporary files, SSTables the manifest does not list) and
 * opens the live SSTables.
 */
final class TableDirectories {
    private static final Logger LOG = LoggerFactory.getLogger(TableDirectories.class);
    static final String SNAPSHOTS = "snapshots";

    private final StorageContext ctx;
    private final TableMetadata table;
    private final List<Path> dirs;

    TableDirectories(StorageContext ctx, TableMetadata table) {
        this.ctx = ctx;
        this.table = table;
        List<Path> d = new ArrayList<>();
        for (Path data : ctx.config.dataDirectories()) {
            d.add(tableDirectory(data, table));
        }
        this.dirs = List.copyOf(d);
    }

    /** The directory of a table under a data directory. */
    static Path tableDirectory(Path dataDir, TableMetadata table) {
        return dataDir.resolve(table.keyspace()).resolve(table.name() + "-" + table.id().toHexString());
    }

    /** The directory holding the manifest. */
    Path home() {
        return dirs.get(0);
    }

    List<Path> all() {
        return dirs;
    }

    /** What {@link #load} found. */
    record Loaded(Manifest manifest, List<SSTableReader> sstables) {
    }

    Loaded load(Quarantine quarantine) throws IOException {
        Map<Long, Path> complete = new TreeMap<>();
        Map<Long, List<Path>> files = new HashMap<>();
        for (Path dir : dirs) {
            for (Path p : ctx.fs.list(dir)) {
                String name = p.getFileName().toString();
                if (ctx.fs.isDirectory(p)) {
                    continue;
                }
                SSTableFormat.Name n = SSTableFormat.parse(name);
                if (n == null) {
                    if (name.endsWith(".tmp")) {
                        LOG.info("Removing temporary file {}", p);
                        ctx.fs.deleteIfExists(p);
                    }
                    continue;
                }
                if (n.temporary()) {
                    LOG.info("Removing temporary file {} of an unfinished SSTable", p);
                    ctx.fs.deleteIfExists(p);
                    continue;
                }
                files.computeIfAbsent(n.generation(), g -> new ArrayList<>()).add(p);
                if (n.component() == SSTableFormat.Component.TOC) {
                    complete.put(n.generation(), dir);
                }
            }
        }
        Manifest manifest = null;
        Map<Long, Integer> live;
        if (Manifest.exists(ctx.fs, home())) {
            manifest = Manifest.open(ctx.fs, home());
            live = manifest.live();
        } else if (!complete.isEmpty()) {
            LOG.info("Table {}.{} has SSTables but no manifest: adopting {} complete SSTable(s)", table.keyspace(),
                    table.name(), complete.size());
            manifest = createManifest();
            Map<Long, Integer> adopted = new TreeMap<>();
            complete.keySet().forEach(g -> adopted.put(g, 0));
            long next = complete.keySet().stream().mapToLong(Long::longValue).max().orElse(0) + 1;
            manifest.apply(new ManifestEdit(adopted, Set.of(), Map.of(), null, next));
            live = manifest.live();
        } else {
            live = Map.of();
        }
        for (Map.Entry<Long, List<Path>> e : files.entrySet()) {
            if (!live.containsKey(e.getKey())) {
                LOG.info("Removing SSTable generation {} of {}.{}: not in the manifest (unfinished flush or "
                        + "compaction, or already replaced)", e.getKey(), table.keyspace(), table.name());
                Path toc = null;
                for (Path p : e.getValue()) {
                    if (p.getFileName().toString().endsWith(SSTableFormat.Component.TOC.suffix())) {
                        toc = p;
                    }
                }
                if (toc != null) {
                    ctx.fs.deleteIfExists(toc);
                }
                for (Path p : e.getValue()) {
                    ctx.fs.deleteIfExists(p);
                }
            }
        }
        List<SSTableReader> readers = new ArrayList<>();
        try {
            if (manifest != null) {
                quarantine.load(manifest, dirs);
            }
            for (Map.Entry<Long, Integer> e : live.entrySet()) {
                Path dir = complete.get(e.getKey());
                try {
                    if (dir == null) {
                        dir = home();
                        throw new CorruptSSTableException(home().resolve(SSTableFormat.fileName(e.getKey(),
                                SSTableFormat.Component.TOC)), "listed in the manifest but missing or incomplete");
                    }
                    SSTableReader r = SSTableReader.open(ctx.sstables, new Descriptor(dir, e.getKey()));
                    r.setLevel(e.getValue());
                    readers.add(r);
                } catch (CorruptSSTableException corrupt) {
                    StorageConfig.DiskFailurePolicy policy = ctx.failures.policy();
                    if (policy != StorageConfig.DiskFailurePolicy.BEST_EFFORT
                            && policy != StorageConfig.DiskFailurePolicy.IGNORE) {
                        throw corrupt;
                    }
                    LOG.error("SSTable generation {} of {}.{} is corrupt ({}): quarantining it", e.getKey(),
                            table.keyspace(), table.name(), corrupt.getMessage());
                    quarantine.add(manifest, dir, e.getKey(), null, null);
                    ctx.failures.handle(corrupt.path(), corrupt);
                }
            }
        } catch (IOException | RuntimeException e) {
            readers.forEach(SSTableReader::release);
            if (manifest != null) {
                manifest.close();
            }
            throw e;
        }
        readers.sort(null);
        return new Loaded(manifest, readers);
    }

    /** Creates the directories and an empty manifest, durably. */
    Manifest createManifest() throws IOException {
        ctx.fs.createDirectoriesDurably(home());
        return Manifest.open(ctx.fs, home());
    }

    /** The table directory on the data directory with the most free space (created if needed). */
    Path directoryForNewSSTable() throws IOException {
        Path best = home();
        if (dirs.size() > 1) {
            long bestSpace = -1;
            for (Path d : dirs) {
                long space = ctx.fs.usableSpace(d);
                if (space > bestSpace) {
                    bestSpace = space;
                    best = d;
                }
            }
        }
        ctx.fs.createDirectoriesDurably(best);
        return best;
    }

    /** Deletes the table's files (snapshots are kept). */
    void deleteAllWhenUnused() {
        for (Path d : dirs) {
            try {
                for (Path p : ctx.fs.list(d)) {
                    if (!p.getFileName().toString().equals(SNAPSHOTS)) {
                        ctx.fs.deleteRecursively(p);
                    }
                }
                if (ctx.fs.list(d).isEmpty()) {
                    ctx.fs.deleteIfExists(d);
                }
            } catch (IOException e) {
                LOG.warn("Could not delete the files of dropped table {}.{} in {}: {}", table.keyspace(),
                        table.name(), d, e.toString());
            }
        }
    }
}
