package org.ringlet.storage.lsm.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.ringlet.storage.lsm.io.FileSystem;
import org.ringlet.storage.lsm.io.ReadableFile;
import org.ringlet.storage.lsm.io.WritableFile;

/**
 * Gives one engine instance its own door to a shared file system, which {@link #kill()} shuts: after a simulated
 * crash the dead instance's leftover background tasks can no longer touch the files the next instance opens.
 */
public final class KillableFileSystem implements FileSystem {
    private final FileSystem delegate;
    private volatile boolean dead;

    public KillableFileSystem(FileSystem delegate) {
        this.delegate = delegate;
    }

    public void kill() {
        dead = true;
    }

    private void check() throws IOException {
        if (dead) {
            throw new IOException("this engine instance is dead");
        }
    }

    @Override
    public WritableFile create(Path file) throws IOException {
        check();
        return delegate.create(file);
    }

    @Override
    public WritableFile openForWrite(Path file) throws IOException {
        check();
        return delegate.openForWrite(file);
    }

    @Override
    public ReadableFile openForRead(Path file) throws IOException {
        check();
        return delegate.openForRead(file);
    }

    @Override
    public boolean exists(Path path) {
        return !dead && delegate.exists(path);
    }

    @Override
    public boolean isDirectory(Path path) {
        return !dead && delegate.isDirectory(path);
    }

    @Override
    public List<Path> list(Path dir) throws IOException {
        check();
        return delegate.list(dir);
    }

    @Override
    public void createDirectories(Path dir) throws IOException {
        check();
        delegate.createDirectories(dir);
    }

    @Override
    public void rename(Path from, Path to) throws IOException {
        check();
        delegate.rename(from, to);
    }

    @Override
    public boolean deleteIfExists(Path path) throws IOException {
        check();
        return delegate.deleteIfExists(path);
    }

    @Override
    public void syncDirectory(Path dir) throws IOException {
        check();
        delegate.syncDirectory(dir);
    }

    @Override
    public void createLink(Path link, Path existing) throws IOException {
        check();
        delegate.createLink(link, existing);
    }

    @Override
    public long size(Path file) throws IOException {
        check();
        return delegate.size(file);
    }

    @Override
    public long usableSpace(Path dir) throws IOException {
        check();
        return delegate.usableSpace(dir);
    }
}
