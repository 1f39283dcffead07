package org.ringlet.storage.lsm.sstable;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * Where an SSTable's components are: a table directory and a generation number unique within the table.
 *
 * @param directory  the table directory ({@code <data dir>/<keyspace>/<table>-<id>})
 * @param generation the generation
 */
public record Descriptor(Path directory, long generation) {
    public Descriptor {
        requireNonNull(directory, "directory is null");
    }

    public Path path(SSTableFormat.Component c) {
        return directory.resolve(SSTableFormat.fileName(generation, c));
    }

    public Path tempPath(SSTableFormat.Component c) {
        return directory.resolve(SSTableFormat.tempFileName(generation, c));
    }

    @Override
    public String toString() {
        return directory.resolve("rl-" + generation).toString();
    }
}
