package org.ringlet.node;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.ringlet.api.error.ConfigurationException;

import static java.util.Objects.requireNonNull;

/**
 * An exclusive lock on a node's data directory, so that two nodes (in two processes or in one JVM) never share
 * one. Held from start to stop.
 */
final class DataDirectoryLock implements AutoCloseable {
    static final String LOCK_FILE = ".ringlet.lock";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Creates the directory if needed and locks it.
     *
     * @throws ConfigurationException when another node holds it or it cannot be created
     */
    static DataDirectoryLock acquire(Path directory) {
        requireNonNull(directory, "directory is null");
        Path file = directory.resolve(LOCK_FILE);
        FileChannel channel = null;
        try {
            Files.createDirectories(directory);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(directory, file);
            }
            return new DataDirectoryLock(file, channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw inUse(directory, file);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new ConfigurationException("Cannot use the data directory " + directory + ": " + e, e);
        } catch (ConfigurationException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static ConfigurationException inUse(Path directory, Path file) {
        return new ConfigurationException("The data directory " + directory + " is in use by another Ringlet node "
                + "(it holds " + file + "); give each node its own --data directory");
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }

    @Override
    public String toString() {
        return "DataDirectoryLock{" + file + "}";
    }
}
