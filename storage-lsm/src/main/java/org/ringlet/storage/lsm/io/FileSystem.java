package org.ringlet.storage.lsm.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The file operations the engine uses. Paths are plain names ({@link Path} of the default file system, used
 * only for its name arithmetic); the implementation decides where the bytes live.
 *
 * <p>Durability contract (what a power loss keeps): a file's contents are durable up to its last
 * {@link WritableFile#sync()}; a directory entry (a created, renamed, linked or deleted name) is durable once
 * the directory itself is synced with {@link #syncDirectory(Path)}. Implementations are thread-safe.
 */
public interface FileSystem {

    /**
     * Creates a new, empty file and opens it for writing.
     *
     * @throws java.nio.file.FileAlreadyExistsException when the name exists
     */
    WritableFile create(Path file) throws IOException;

    /** Opens an existing file for positional writes (the commit log reuses segments). */
    WritableFile openForWrite(Path file) throws IOException;

    /** Opens an existing file for positional reads. */
    ReadableFile openForRead(Path file) throws IOException;

    boolean exists(Path path);

    boolean isDirectory(Path path);

    /** The entries of a directory, sorted by name; empty when the directory does not exist. */
    List<Path> list(Path dir) throws IOException;

    /** Creates a directory and its missing parents (each new one durable only once its parent is synced). */
    void createDirectories(Path dir) throws IOException;

    /** Renames atomically, replacing {@code to} if it exists. */
    void rename(Path from, Path to) throws IOException;

    /** Deletes a file or an empty directory if it exists; returns whether it did. */
    boolean deleteIfExists(Path path) throws IOException;

    /** Makes the directory's entries durable (fsync of the directory). */
    void syncDirectory(Path dir) throws IOException;

    /** Creates a hard link {@code link} to the file {@code existing}. */
    void createLink(Path link, Path existing) throws IOException;

    /** The size of a file in bytes. */
    long size(Path file) throws IOException;

    /** The bytes still available to new data on the volume holding {@code dir}. */
    long usableSpace(Path dir) throws IOException;

    /**
     * Creates a directory and its missing parents durably: each created level's parent is synced, top down.
     */
    default void createDirectoriesDurably(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath();
        if (isDirectory(abs)) {
            return;
        }
        Path parent = abs.getParent();
        if (parent != null) {
            createDirectoriesDurably(parent);
        }
        createDirectories(abs);
        if (parent != null) {
            syncDirectory(parent);
        }
    }

    /** Deletes a directory tree if it exists (children first). */
    default void deleteRecursively(Path path) throws IOException {
        if (isDirectory(path)) {
            for (Path child : list(path)) {
                deleteRecursively(child);
            }
        }
        deleteIfExists(path);
    }
}
