package org.ringlet.storage.lsm.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Files in memory, with the durability model of a POSIX file system: a file's bytes survive a
 * {@linkplain #powerLoss power loss} only up to its last sync, and a directory entry only once its directory
 * was synced. A capacity can be set to simulate a full disk. Thread-safe (one lock).
 */
public final class InMemoryFileSystem implements FileSystem {
    private final Object lock = new Object();
    private Dir root = new Dir();
    private long capacity = Long.MAX_VALUE / 4;
    private long used;
    private int epoch;

    /** Limits the bytes all files may hold; writes beyond it fail with {@link DiskFullException}. */
    public void setCapacity(long bytes) {
        synchronized (lock) {
            capacity = bytes;
        }
    }

    /** The bytes held by all files. */
    public long usedBytes() {
        synchronized (lock) {
            return used;
        }
    }

    /**
     * Simulates a power loss: every file reverts to its synced contents and every directory to its synced
     * entries; open files become unusable. With a random source, a random prefix of each file's unsynced
     * writes survives (the pages the kernel happened to write back), which produces torn tails.
     *
     * @param torn null for a clean revert, or the randomness choosing how much unsynced data survives
     */
    public void powerLoss(Random torn) {
        synchronized (lock) {
            epoch++;
            Map<Object, Boolean> seen = new IdentityHashMap<>();
            used = 0;
            root = revert(root, torn, seen);
        }
    }

    private Dir revert(Dir d, Random torn, Map<Object, Boolean> seen) {
        Dir out = new Dir();
        for (Map.Entry<String, Object> e : d.durable.entrySet()) {
            Object node = e.getValue();
            if (node instanceof Dir sub) {
                Dir r = revert(sub, torn, seen);
                out.entries.put(e.getKey(), r);
                out.durable.put(e.getKey(), r);
            } else {
                Inode inode = (Inode) node;
                if (seen.put(inode, Boolean.TRUE) == null) {
                    inode.revert(torn);
                    inode.links = 0;
                    used += inode.length;
                }
                inode.links++;
                out.entries.put(e.getKey(), inode);
                out.durable.put(e.getKey(), inode);
            }
        }
        return out;
    }

    /** Flips the bits of one byte of a file (both its current and durable contents), to simulate bit rot. */
    public void corrupt(Path file, long offset) throws IOException {
        synchronized (lock) {
            Inode inode = inode(file);
            if (offset >= inode.length) {
                throw new IOException("offset " + offset + " beyond " + file + " of " + inode.length + " bytes");
            }
            inode.data[(int) offset] ^= (byte) 0xff;
            if (offset < inode.durableLength) {
                inode.durable[(int) offset] ^= (byte) 0xff;
            }
        }
    }

    @Override
    public WritableFile create(Path file) throws IOException {
        synchronized (lock) {
            Dir parent = parentDir(file);
            String name = name(file);
            if (parent.entries.containsKey(name)) {
                throw new FileAlreadyExistsException(file.toString());
            }
            Inode inode = new Inode();
            inode.links = 1;
            parent.entries.put(name, inode);
            return new Handle(inode, file, epoch);
        }
    }

    @Override
    public WritableFile openForWrite(Path file) throws IOException {
        synchronized (lock) {
            return new Handle(inode(file), file, epoch);
        }
    }

    @Override
    public ReadableFile openForRead(Path file) throws IOException {
        synchronized (lock) {
            return new Handle(inode(file), file, epoch);
        }
    }

    @Override
    public boolean exists(Path path) {
        synchronized (lock) {
            return lookup(path) != null;
        }
    }

    @Override
    public boolean isDirectory(Path path) {
        synchronized (lock) {
            return lookup(path) instanceof Dir;
        }
    }

    @Override
    public List<Path> list(Path dir) throws IOException {
        synchronized (lock) {
            Object node = lookup(dir);
            List<Path> out = new ArrayList<>();
            if (node instanceof Dir d) {
                for (String n : d.entries.keySet()) {
                    out.add(dir.resolve(n));
                }
            }
            return out;
        }
    }

    @Override
    public void createDirectories(Path dir) throws IOException {
        synchronized (lock) {
            Dir d = root;
            for (Path part : dir.toAbsolutePath().normalize()) {
                Object next = d.entries.get(part.toString());
                if (next == null) {
                    Dir created = new Dir();
                    d.entries.put(part.toString(), created);
                    d = created;
                } else if (next instanceof Dir nd) {
                    d = nd;
                } else {
                    throw new FileAlreadyExistsException(dir + " exists and is not a directory");
                }
            }
        }
    }

    @Override
    public void rename(Path from, Path to) throws IOException {
        synchronized (lock) {
            Dir src = parentDir(from);
            Object node = src.entries.get(name(from));
            if (node == null) {
                throw new NoSuchFileException(from.toString());
            }
            Dir dst = parentDir(to);
            Object replaced = dst.entries.get(name(to));
            if (replaced instanceof Dir) {
                throw new FileAlreadyExistsException(to + " is a directory");
            }
            src.entries.remove(name(from));
            dst.entries.put(name(to), node);
            if (replaced instanceof Inode r && r != node) {
                unlink(r);
            }
        }
    }

    @Override
    public boolean deleteIfExists(Path path) throws IOException {
        synchronized (lock) {
            Object parentNode = lookup(path.toAbsolutePath().normalize().getParent());
            if (!(parentNode instanceof Dir parent)) {
                return false;
            }
            Object node = parent.entries.get(name(path));
            if (node == null) {
                return false;
            }
            if (node instanceof Dir d && !d.entries.isEmpty()) {
                throw new DirectoryNotEmptyException(path.toString());
            }
            parent.entries.remove(name(path));
            if (node instanceof Inode inode) {
                unlink(inode);
            }
            return true;
        }
    }

    private void unlink(Inode inode) {
        if (--inode.links == 0) {
            used -= inode.length;
        }
    }

    @Override
    public void syncDirectory(Path dir) throws IOException {
        synchronized (lock) {
            Object node = lookup(dir);
            if (!(node instanceof Dir d)) {
                throw new NoSuchFileException(dir.toString());
            }
            d.durable = new TreeMap<>(d.entries);
        }
    }

    @Override
    public void createLink(Path link, Path existing) throws IOException {
        synchronized (lock) {
            Inode inode = inode(existing);
            Dir parent = parentDir(link);
            if (parent.entries.containsKey(name(link))) {
                throw new FileAlreadyExistsException(link.toString());
            }
            parent.entries.put(name(link), inode);
            inode.links++;
        }
    }

    @Override
    public long size(Path file) throws IOException {
        synchronized (lock) {
            return inode(file).length;
        }
    }

    @Override
    public long usableSpace(Path dir) {
        synchronized (lock) {
            return Math.max(0, capacity - used);
        }
    }

    @Override
    public String toString() {
        return "in-memory";
    }

    private Object lookup(Path path) {
        if (path == null) {
            return null;
        }
        Object node = root;
        for (Path part : path.toAbsolutePath().normalize()) {
            if (!(node instanceof Dir d)) {
                return null;
            }
            node = d.entries.get(part.toString());
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    private Dir parentDir(Path file) throws IOException {
        Path parent = file.toAbsolutePath().normalize().getParent();
        Object node = parent == null ? root : lookup(parent);
        if (node == null) {
            throw new NoSuchFileException(String.valueOf(parent));
        }
        if (!(node instanceof Dir d)) {
            throw new NotDirectoryException(parent.toString());
        }
        return d;
    }

    private static String name(Path file) {
        return file.toAbsolutePath().normalize().getFileName().toString();
    }

    private Inode inode(Path file) throws IOException {
        Object node = lookup(file);
        if (node == null) {
            throw new NoSuchFileException(file.toString());
        }
        if (!(node instanceof Inode inode)) {
            throw new IOException(file + " is a directory");
        }
        return inode;
    }

    private static final class Dir {
        TreeMap<String, Object> entries = new TreeMap<>();
        TreeMap<String, Object> durable = new TreeMap<>();
    }

    private static final class Inode {
        byte[] data = new byte[0];
        int length;
        byte[] durable = new byte[0];
        int durableLength;
        int dirtyLo = Integer.MAX_VALUE;
        int dirtyHi = -1;
        int links;

        void ensure(int size) {
            if (data.length < size) {
                int doubled = (int) Math.min(Integer.MAX_VALUE - 16, data.length * 2L);
                data = Arrays.copyOf(data, Math.max(size, doubled));
            }
        }

        void markDirty(int lo, int hi) {
            dirtyLo = Math.min(dirtyLo, lo);
            dirtyHi = Math.max(dirtyHi, hi);
        }

        void sync() {
            if (dirtyHi < 0 && durableLength == length) {
                return;
            }
            if (durable.length < length) {
                durable = Arrays.copyOf(durable, Math.max(length, durable.length * 2));
            }
            int lo = Math.min(dirtyLo, length);
            int hi = Math.min(dirtyHi, length);
            if (hi > lo) {
                System.arraycopy(data, lo, durable, lo, hi - lo);
            }
            if (length > durableLength && durableLength < lo) {
                System.arraycopy(data, durableLength, durable, durableLength, lo - durableLength);
            }
            durableLength = length;
            dirtyLo = Integer.MAX_VALUE;
            dirtyHi = -1;
        }

        void revert(Random torn) {
            byte[] restored = Arrays.copyOf(durable, Math.max(durableLength, 16));
            int newLength = durableLength;
            if (torn != null && dirtyHi > dirtyLo && dirtyLo < length) {
                int hi = Math.min(dirtyHi, length);
                int cut = dirtyLo + torn.nextInt(hi - dirtyLo + 1);
                if (cut > restored.length) {
                    restored = Arrays.copyOf(restored, cut);
                }
                System.arraycopy(data, dirtyLo, restored, dirtyLo, cut - dirtyLo);
                newLength = Math.max(newLength, cut);
            }
            data = restored;
            length = newLength;
            durable = Arrays.copyOf(restored, restored.length);
            durableLength = newLength;
            dirtyLo = Integer.MAX_VALUE;
            dirtyHi = -1;
        }
    }

    private final class Handle implements WritableFile, ReadableFile {
        private final Inode inode;
        private final Path path;
        private final int openedAt;
        private boolean closed;

        Handle(Inode inode, Path path, int openedAt) {
            this.inode = inode;
            this.path = path;
            this.openedAt = openedAt;
        }

        private void check() throws IOException {
            if (closed) {
                throw new IOException(path + " is closed");
            }
            if (openedAt != epoch) {
                throw new IOException(path + " was open when the power was lost");
            }
        }

        @Override
        public void write(ByteBuffer src, long position) throws IOException {
            synchronized (lock) {
                check();
                int n = src.remaining();
                long end = position + n;
                if (end > Integer.MAX_VALUE - 16) {
                    throw new IOException("in-memory files are limited to 2 GiB");
                }
                long growth = Math.max(0, end - inode.length);
                if (growth > 0 && inode.links > 0 && used + growth > capacity) {
                    throw new DiskFullException("No space left on device writing " + path);
                }
                inode.ensure((int) end);
                if (position > inode.length) {
                    Arrays.fill(inode.data, inode.length, (int) position, (byte) 0);
                }
                src.get(inode.data, (int) position, n);
                if (growth > 0) {
                    if (inode.links > 0) {
                        used += growth;
                    }
                    inode.markDirty(inode.length, (int) end);
                    inode.length = (int) end;
                }
                inode.markDirty((int) position, (int) end);
            }
        }

        @Override
        public void sync() throws IOException {
            synchronized (lock) {
                check();
                inode.sync();
            }
        }

        @Override
        public long size() throws IOException {
            synchronized (lock) {
                check();
                return inode.length;
            }
        }

        @Override
        public void truncate(long size) throws IOException {
            synchronized (lock) {
                check();
                int old = inode.length;
                if (size > old) {
                    if (inode.links > 0 && used + (size - old) > capacity) {
                        throw new DiskFullException("No space left on device extending " + path);
                    }
                    inode.ensure((int) size);
                    Arrays.fill(inode.data, old, (int) size, (byte) 0);
                }
                if (inode.links > 0) {
                    used += size - old;
                }
                inode.length = (int) size;
                inode.markDirty((int) Math.min(size, old), (int) Math.max(size, old));
            }
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            synchronized (lock) {
                check();
                if (position >= inode.length) {
                    return dst.hasRemaining() ? -1 : 0;
                }
                int n = (int) Math.min(dst.remaining(), inode.length - position);
                dst.put(inode.data, (int) position, n);
                return n;
            }
        }

        @Override
        public void close() {
            synchronized (lock) {
                closed = true;
            }
        }
    }
}
