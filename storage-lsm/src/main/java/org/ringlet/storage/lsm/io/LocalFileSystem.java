package org.ringlet.storage.lsm.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** Real files through {@link FileChannel}: positional I/O, fdatasync, directory fsync. Stateless. */
public final class LocalFileSystem implements FileSystem {

    @Override
    public WritableFile create(Path file) throws IOException {
        return new LocalWritable(FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.READ), file);
    }

    @Override
    public WritableFile openForWrite(Path file) throws IOException {
        return new LocalWritable(FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ), file);
    }

    @Override
    public ReadableFile openForRead(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        return new ReadableFile() {
            @Override
            public long size() throws IOException {
                return ch.size();
            }

            @Override
            public int read(ByteBuffer dst, long position) throws IOException {
                return ch.read(dst, position);
            }

            @Override
            public void close() throws IOException {
                ch.close();
            }
        };
    }

    @Override
    public boolean exists(Path path) {
        return Files.exists(path);
    }

    @Override
    public boolean isDirectory(Path path) {
        return Files.isDirectory(path);
    }

    @Override
    public List<Path> list(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            ds.forEach(out::add);
        } catch (NoSuchFileException e) {
            return out;
        }
        out.sort(null);
        return out;
    }

    @Override
    public void createDirectories(Path dir) throws IOException {
        Files.createDirectories(dir);
    }

    @Override
    public void rename(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public boolean deleteIfExists(Path path) throws IOException {
        return Files.deleteIfExists(path);
    }

    @Override
    public void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    @Override
    public void createLink(Path link, Path existing) throws IOException {
        Files.createLink(link, existing);
    }

    @Override
    public long size(Path file) throws IOException {
        return Files.size(file);
    }

    @Override
    public long usableSpace(Path dir) throws IOException {
        Path p = dir;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? 0 : Files.getFileStore(p).getUsableSpace();
    }

    @Override
    public String toString() {
        return "local";
    }

    private static final class LocalWritable implements WritableFile {
        private final FileChannel channel;
        private final Path path;

        LocalWritable(FileChannel channel, Path path) {
            this.channel = channel;
            this.path = path;
        }

        @Override
        public void write(ByteBuffer src, long position) throws IOException {
            long pos = position;
            try {
                while (src.hasRemaining()) {
                    pos += channel.write(src, pos);
                }
            } catch (IOException e) {
                if (DiskFullException.isDiskFull(e)) {
                    throw new DiskFullException("No space left on device writing " + path, e);
                }
                throw e;
            }
        }

        @Override
        public void sync() throws IOException {
            channel.force(false);
        }

        @Override
        public long size() throws IOException {
            return channel.size();
        }

        @Override
        public void truncate(long size) throws IOException {
            long current = channel.size();
            if (size < current) {
                channel.truncate(size);
            } else if (size > current) {
                ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(1 << 20, size - current));
                long pos = current;
                while (pos < size) {
                    zeros.clear().limit((int) Math.min(zeros.capacity(), size - pos));
                    write(zeros, pos);
                    pos += zeros.limit();
                }
            }
        }

        @Override
        public java.nio.MappedByteBuffer map(long position, int size) throws IOException {
            return channel.map(FileChannel.MapMode.READ_WRITE, position, size);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
