package org.ringlet.storage.lsm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ringlet.api.schema.TableId;
import org.ringlet.api.storage.SnapshotInfo;
import org.ringlet.storage.lsm.io.FileSystem;
import org.ringlet.storage.lsm.io.SequentialWriter;
import org.ringlet.storage.lsm.sstable.Descriptor;
import org.ringlet.storage.lsm.sstable.SSTableFormat;
import org.ringlet.storage.lsm.sstable.SSTableReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snapshots: hard links of a table's live SSTable components in {@code <table dir>/snapshots/<tag>/}, with a
 * {@code manifest.json} listing them and the creation time. Links keep the data when the originals are compacted
 * away or deleted. Stateless.
 */
final class Snapshots {
    private static final Logger LOG = LoggerFactory.getLogger(Snapshots.class);
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern CREATED = Pattern.compile("\"created_at\"\\s*:\\s*(\\d+)");
    private static final Pattern TABLE_DIR = Pattern.compile("(.+)-([0-9a-f]{32})");
    static final String MANIFEST = "manifest.json";

    private Snapshots() {
    }

    /** Checks a snapshot name. */
    static void checkTag(String tag) {
        if (tag == null || !TAG.matcher(tag).matches() || tag.startsWith(".")) {
            throw new IllegalArgumentException("Invalid snapshot name '" + tag + "': use letters, digits, '-', '_'"
                    + " and '.', not starting with '.'");
        }
    }

    /** Whether the table has a snapshot of that name in any of its directories. */
    static boolean exists(StorageContext ctx, TableStore store, String tag) {
        for (Path d : store.directories().all()) {
            if (ctx.fs.exists(d.resolve(TableDirectories.SNAPSHOTS).resolve(tag))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Links every live SSTable of the table into the snapshot {@code tag}.
     *
     * @return the number of files linked
     * @throws IllegalArgumentException when the table already has a snapshot of that name
     */
    static int take(StorageContext ctx, TableStore store, String tag) {
        checkTag(tag);
        FileSystem fs = ctx.fs;
        if (exists(ctx, store, tag)) {
            throw new IllegalArgumentException("Snapshot " + tag + " already exists for " + store);
        }
        View v = store.view();
        int linked = 0;
        Set<Path> dirs = new HashSet<>();
        List<String> files = new ArrayList<>();
        try {
            for (SSTableReader r : v.sstables()) {
                if (!r.tryRef()) {
                    continue;
                }
                try {
                    Descriptor d = r.descriptor();
                    Path dir = d.directory().resolve(TableDirectories.SNAPSHOTS).resolve(tag);
                    fs.createDirectoriesDurably(dir);
                    dirs.add(dir);
                    for (SSTableFormat.Component c : SSTableFormat.Component.values()) {
                        Path link = dir.resolve(d.path(c).getFileName());
                        fs.createLink(link, d.path(c));
                        files.add(link.getFileName().toString());
                        linked++;
                    }
                } finally {
                    r.release();
                }
            }
            Path home = store.directories().home().resolve(TableDirectories.SNAPSHOTS).resolve(tag);
            fs.createDirectoriesDurably(home);
            dirs.add(home);
            StringBuilder json = new StringBuilder("{\n  \"files\": [");
            for (int i = 0; i < files.size(); i++) {
                json.append(i == 0 ? "" : ",").append("\n    \"").append(files.get(i)).append('"');
            }
            json.append("\n  ],\n  \"created_at\": ").append(ctx.clock.currentTimeMillis()).append("\n}\n");
            SequentialWriter.writeAtomically(fs, home.resolve(MANIFEST),
                    ByteBuffer.wrap(json.toString().getBytes(StandardCharsets.UTF_8)));
            for (Path dir : dirs) {
                fs.syncDirectory(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("snapshot " + tag + " of " + store + " failed", e);
        }
        LOG.info("Snapshot {} of {}: {} file(s) linked", tag, store, linked);
        return linked;
    }

    /** Every snapshot found under the data directories, per table. */
    static List<SnapshotInfo> list(StorageContext ctx) {
        List<SnapshotInfo> out = new ArrayList<>();
        FileSystem fs = ctx.fs;
        try {
            for (Path data : ctx.config.dataDirectories()) {
                for (Path ks : fs.list(data)) {
                    for (Path table : fs.list(ks)) {
                        Matcher m = TABLE_DIR.matcher(table.getFileName().toString());
                        if (!m.matches() || !fs.isDirectory(table.resolve(TableDirectories.SNAPSHOTS))) {
                            continue;
                        }
                        String hex = m.group(2);
                        TableId id = new TableId(new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16),
                                Long.parseUnsignedLong(hex.substring(16), 16)));
                        for (Path snap : fs.list(table.resolve(TableDirectories.SNAPSHOTS))) {
                            out.add(describe(fs, snap, ks.getFileName().toString(), m.group(1), id, table));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("listing snapshots failed", e);
        }
        out.sort((a, b) -> a.tag().equals(b.tag()) ? (a.keyspace() + "." + a.table()).compareTo(b.keyspace() + "."
                + b.table()) : a.tag().compareTo(b.tag()));
        return merge(out);
    }

    private static SnapshotInfo describe(FileSystem fs, Path snap, String keyspace, String table, TableId id,
                                         Path tableDir) throws IOException {
        long size = 0;
        long trueSize = 0;
        long created = 0;
        for (Path f : fs.list(snap)) {
            String name = f.getFileName().toString();
            long s = fs.size(f);
            size += s;
            if (name.equals(MANIFEST)) {
                Matcher m = CREATED.matcher(StandardCharsets.UTF_8.decode(SequentialWriter.readAll(fs, f)));
                if (m.find()) {
                    created = Long.parseLong(m.group(1));
                }
            } else if (!fs.exists(tableDir.resolve(name))) {
                trueSize += s;
            }
        }
        return new SnapshotInfo(snap.getFileName().toString(), keyspace, table, id, size, trueSize, created);
    }

    /** Sums the parts of one table's snapshot found in several data directories. */
    private static List<SnapshotInfo> merge(List<SnapshotInfo> parts) {
        List<SnapshotInfo> out = new ArrayList<>();
        for (SnapshotInfo p : parts) {
            SnapshotInfo last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.tag().equals(p.tag()) && last.tableId().equals(p.tableId())) {
                out.set(out.size() - 1, new SnapshotInfo(p.tag(), p.keyspace(), p.table(), p.tableId(),
                        last.sizeOnDisk() + p.sizeOnDisk(), last.trueSize() + p.trueSize(),
                        Math.max(last.createdAtMillis(), p.createdAtMillis())));
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /** Deletes snapshots: one tag (or all when null or empty) of the tables the predicate accepts. */
    static void clear(StorageContext ctx, String tag, java.util.function.Predicate<TableId> tables) {
        if (tag != null && !tag.isEmpty()) {
            checkTag(tag);
        }
        for (SnapshotInfo s : list(ctx)) {
            if ((tag == null || tag.isEmpty() || s.tag().equals(tag)) && tables.test(s.tableId())) {
                for (Path data : ctx.config.dataDirectories()) {
                    Path dir = data.resolve(s.keyspace()).resolve(s.table() + "-" + s.tableId().toHexString())
                            .resolve(TableDirectories.SNAPSHOTS).resolve(s.tag());
                    try {
                        ctx.fs.deleteRecursively(dir);
                    } catch (IOException e) {
                        throw new UncheckedIOException("clearing snapshot " + s.tag() + " failed", e);
                    }
                }
                LOG.info("Cleared snapshot {} of {}.{}", s.tag(), s.keyspace(), s.table());
            }
        }
    }
}
