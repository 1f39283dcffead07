package org.ringlet.storage.lsm.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import static java.util.Objects.requireNonNull;

/**
 * A file system for tests that fails on purpose: chosen operations throw (an I/O error, a full disk), the whole
 * file system can "crash" after a number of mutating operations (every later operation fails, as if the process
 * died), and {@link #powerLoss} then discards everything that was not synced, directory entries included.
 * Wraps an {@link InMemoryFileSystem}. Thread-safe.
 */
public final class FaultInjectingFileSystem implements FileSystem {

    /** The operations faults can be attached to. */
    public enum Op {
        CREATE, OPEN_WRITE, OPEN_READ, WRITE, SYNC, TRUNCATE, READ, RENAME, DELETE, SYNC_DIR, LINK, MKDIR, LIST;

        boolean mutates() {
            return this != OPEN_READ && this != READ && this != LIST && this != OPEN_WRITE;
        }
    }

    /** A fault: when it matches an operation on a path, the operation throws what {@link #error} makes. */
    public interface Fault {
        boolean matches(Op op, Path path);

        IOException error(Op op, Path path);
    }

    private final InMemoryFileSystem delegate;
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final AtomicLong mutatingOps = new AtomicLong();
    private volatile long crashAfter = Long.MAX_VALUE;
    private volatile boolean crashed;

    public FaultInjectingFileSystem(InMemoryFileSystem delegate) {
        this.delegate = requireNonNull(delegate, "delegate is null");
    }

    public FaultInjectingFileSystem() {
        this(new InMemoryFileSystem());
    }

    public InMemoryFileSystem delegate() {
        return delegate;
    }

    /** Adds a fault; returns it so that it can be removed. */
    public Fault addFault(Fault fault) {
        faults.add(requireNonNull(fault, "fault is null"));
        return fault;
    }

    public void removeFault(Fault fault) {
        faults.remove(fault);
    }

    public void clearFaults() {
        faults.clear();
    }

    /** A fault failing {@code op} on paths the predicate accepts with an I/O error. */
    public static Fault ioError(Op op, Predicate<Path> paths) {
        return new Fault() {
            @Override
            public boolean matches(Op o, Path path) {
                return o == op && paths.test(path);
            }

            @Override
            public IOException error(Op o, Path path) {
                return new IOException("injected I/O error: " + o + " " + path);
            }
        };
    }

    /**
     * After {@code n} more mutating operations (writes, syncs, renames, creations, deletions…), every operation
     * fails, as if the process had died at that moment.
     */
    public void crashAfter(long n) {
        crashAfter = mutatingOps.get() + n;
    }

    /** Whether the simulated crash has happened. */
    public boolean crashed() {
        return crashed;
    }

    /** The number of mutating operations so far. */
    public long mutatingOperations() {
        return mutatingOps.get();
    }

    /**
     * Loses power: the underlying files revert to what was synced (see {@link InMemoryFileSystem#powerLoss}),
     * handles opened before become unusable, and the crash state is cleared so that the engine can be reopened.
     */
    public void powerLoss(Random torn) {
        crashed = true;
        delegate.powerLoss(torn);
        crashAfter = Long.MAX_VALUE;
        crashed = false;
    }

    private void check(Op op, Path path) throws IOException {
        if (crashed) {
            throw new IOException("simulated crash: " + op + " " + path);
        }
        if (op.mutates() && mutatingOps.incrementAndGet() > crashAfter) {
            crashed = true;
            throw new IOException("simulated crash: " + op + " " + path);
        }
        for (Fault f : faults) {
            if (f.matches(op, path)) {
                throw f.error(op, path);
            }
        }
    }

    @Override
    public WritableFile create(Path file) throws IOException {
        check(Op.CREATE, file);
        return new Writable(delegate.create(file), file);
    }

    @Override
    public WritableFile openForWrite(Path file) throws IOException {
        check(Op.OPEN_WRITE, file);
        return new Writable(delegate.openForWrite(file), file);
    }

    @Override
    public ReadableFile openForRead(Path file) throws IOException {
        check(Op.OPEN_READ, file);
        ReadableFile r = delegate.openForRead(file);
        return new ReadableFile() {
            @Override
            public long size() throws IOException {
                return r.size();
            }

            @Override
            public int read(ByteBuffer dst, long position) throws IOException {
                check(Op.READ, file);
                return r.read(dst, position);
            }

            @Override
            public void close() throws IOException {
                r.close();
            }
        };
    }

    @Override
    public boolean exists(Path path) {
        return delegate.exists(path);
    }

    @Override
    public boolean isDirectory(Path path) {
        return delegate.isDirectory(path);
    }

    @Override
    public List<Path> list(Path dir) throws IOException {
        check(Op.LIST, dir);
        return delegate.list(dir);
    }

    @Override
    public void createDirectories(Path dir) throws IOException {
        check(Op.MKDIR, dir);
        delegate.createDirectories(dir);
    }

    @Override
    public void rename(Path from, Path to) throws IOException {
        check(Op.RENAME, to);
        delegate.rename(from, to);
    }

    @Override
    public boolean deleteIfExists(Path path) throws IOException {
        check(Op.DELETE, path);
        return delegate.deleteIfExists(path);
    }

    @Override
    public void syncDirectory(Path dir) throws IOException {
        check(Op.SYNC_DIR, dir);
        delegate.syncDirectory(dir);
    }

    @Override
    public void createLink(Path link, Path existing) throws IOException {
        check(Op.LINK, link);
        delegate.createLink(link, existing);
    }

    @Override
    public long size(Path file) throws IOException {
        return delegate.size(file);
    }

    @Override
    public long usableSpace(Path dir) {
        return delegate.usableSpace(dir);
    }

    @Override
    public String toString() {
        return "fault-injecting(" + delegate + ")";
    }

    private final class Writable implements WritableFile {
        private final WritableFile w;
        private final Path path;

        Writable(WritableFile w, Path path) {
            this.w = w;
            this.path = path;
        }

        @Override
        public void write(ByteBuffer src, long position) throws IOException {
            check(Op.WRITE, path);
            w.write(src, position);
        }

        @Override
        public void sync() throws IOException {
            check(Op.SYNC, path);
            w.sync();
        }

        @Override
        public long size() throws IOException {
            return w.size();
        }

        @Override
        public void truncate(long size) throws IOException {
            check(Op.TRUNCATE, path);
            w.truncate(size);
        }

        @Override
        public void close() throws IOException {
            w.close();
        }
    }
}
