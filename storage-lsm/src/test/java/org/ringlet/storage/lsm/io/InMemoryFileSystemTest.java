package org.ringlet.storage.lsm.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The durability model a power loss applies: only synced contents and synced directory entries survive. */
class InMemoryFileSystemTest {
    private final InMemoryFileSystem fs = new InMemoryFileSystem();
    private final Path dir = Path.of("/d");

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    private String read(Path p) throws IOException {
        return StandardCharsets.UTF_8.decode(SequentialWriter.readAll(fs, p)).toString();
    }

    private void durableDir() throws IOException {
        fs.createDirectoriesDurably(dir);
    }

    @Test
    void unsyncedContentsAreLost() throws IOException {
        durableDir();
        Path f = dir.resolve("f");
        try (WritableFile w = fs.create(f)) {
            w.write(bytes("hello "), 0);
            w.sync();
            w.write(bytes("world"), 6);
        }
        fs.syncDirectory(dir);
        assertEquals("hello world", read(f));
        fs.powerLoss(null);
        assertEquals("hello ", read(f));
    }

    @Test
    void aFileWhoseDirectoryWasNotSyncedVanishes() throws IOException {
        durableDir();
        Path f = dir.resolve("f");
        try (WritableFile w = fs.create(f)) {
            w.write(bytes("data"), 0);
            w.sync();
        }
        fs.powerLoss(null);
        assertFalse(fs.exists(f));
    }

    @Test
    void aRenameIsDurableOnlyAfterTheDirectorySync() throws IOException {
        durableDir();
        Path tmp = dir.resolve("a.tmp");
        Path target = dir.resolve("a");
        try (WritableFile w = fs.create(tmp)) {
            w.write(bytes("v1"), 0);
            w.sync();
        }
        fs.syncDirectory(dir);
        fs.rename(tmp, target);
        fs.powerLoss(null);
        assertTrue(fs.exists(tmp));
        assertFalse(fs.exists(target));
        fs.rename(tmp, target);
        fs.syncDirectory(dir);
        fs.powerLoss(null);
        assertEquals("v1", read(target));
        assertFalse(fs.exists(tmp));
    }

    @Test
    void handlesOpenAtThePowerLossFail() throws IOException {
        durableDir();
        WritableFile w = fs.create(dir.resolve("f"));
        fs.powerLoss(null);
        assertThrows(IOException.class, () -> w.write(bytes("x"), 0));
    }

    @Test
    void aTornPowerLossKeepsAPrefixOfUnsyncedWrites() throws IOException {
        durableDir();
        Path f = dir.resolve("f");
        try (WritableFile w = fs.create(f)) {
            w.write(bytes("0123"), 0);
            w.sync();
            w.write(bytes("456789"), 4);
        }
        fs.syncDirectory(dir);
        fs.powerLoss(new Random(3));
        String s = read(f);
        assertTrue("0123456789".startsWith(s) && s.length() >= 4, s);
    }

    @Test
    void hardLinksShareContentsAndSurviveTheOriginal() throws IOException {
        durableDir();
        Path f = dir.resolve("f");
        Path link = dir.resolve("link");
        try (WritableFile w = fs.create(f)) {
            w.write(bytes("shared"), 0);
            w.sync();
        }
        fs.createLink(link, f);
        fs.deleteIfExists(f);
        fs.syncDirectory(dir);
        fs.powerLoss(null);
        assertEquals("shared", read(link));
        assertFalse(fs.exists(f));
    }

    @Test
    void aFullDiskFailsWritesUntilSpaceReturns() throws IOException {
        durableDir();
        fs.setCapacity(10);
        try (WritableFile w = fs.create(dir.resolve("f"))) {
            w.write(bytes("12345"), 0);
            assertThrows(DiskFullException.class, () -> w.write(bytes("678901"), 5));
            assertEquals(5, fs.usableSpace(dir));
            fs.setCapacity(100);
            w.write(bytes("678901"), 5);
        }
        assertEquals(11, fs.usedBytes());
    }

    @Test
    void aCrashedFileSystemFailsEverythingUntilThePowerLoss() throws IOException {
        FaultInjectingFileSystem faulty = new FaultInjectingFileSystem(fs);
        faulty.createDirectoriesDurably(dir);
        faulty.crashAfter(2);
        WritableFile w = faulty.create(dir.resolve("f"));
        w.write(bytes("a"), 0);
        assertThrows(IOException.class, () -> w.sync());
        assertTrue(faulty.crashed());
        assertThrows(IOException.class, () -> faulty.list(dir));
        faulty.powerLoss(null);
        assertFalse(faulty.crashed());
        assertFalse(faulty.exists(dir.resolve("f")));
    }
}
