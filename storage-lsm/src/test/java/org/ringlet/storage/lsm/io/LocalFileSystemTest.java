package org.ringlet.storage.lsm.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalFileSystemTest {
    private final LocalFileSystem fs = new LocalFileSystem();

    @Test
    void writesSyncsRenamesLinksAndLists(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("a/b");
        fs.createDirectoriesDurably(dir);
        Path f = dir.resolve("f.tmp");
        try (WritableFile w = fs.create(f)) {
            w.write(ByteBuffer.wrap("hello".getBytes(StandardCharsets.UTF_8)), 0);
            w.write(ByteBuffer.wrap("!".getBytes(StandardCharsets.UTF_8)), 7);
            w.sync();
            assertEquals(8, w.size());
        }
        assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> fs.create(f));
        Path g = dir.resolve("f");
        fs.rename(f, g);
        fs.syncDirectory(dir);
        fs.createLink(dir.resolve("link"), g);
        assertEquals(2, fs.list(dir).size());
        ByteBuffer b = ByteBuffer.allocate(8);
        try (ReadableFile r = fs.openForRead(dir.resolve("link"))) {
            r.readFully(b, 0);
            assertThrows(java.io.EOFException.class, () -> r.readFully(ByteBuffer.allocate(1), 8));
        }
        assertEquals("hello", new String(b.array(), 0, 5, StandardCharsets.UTF_8));
        try (WritableFile w = fs.openForWrite(g)) {
            w.truncate(100);
            assertEquals(100, w.size());
        }
        assertTrue(fs.usableSpace(dir) > 0);
        fs.deleteRecursively(tmp.resolve("a"));
        assertFalse(Files.exists(tmp.resolve("a")));
        assertTrue(fs.list(tmp.resolve("missing")).isEmpty());
    }
}
