package org.ringlet.storage.lsm.manifest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ringlet.storage.lsm.commitlog.CommitLogPosition;
import org.ringlet.storage.lsm.io.FaultInjectingFileSystem;
import org.ringlet.storage.lsm.io.InMemoryFileSystem;
import org.ringlet.storage.lsm.io.WritableFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ManifestTest {
    private final InMemoryFileSystem fs = new InMemoryFileSystem();
    private final Path dir = Path.of("/m");

    @Test
    void editsReplayAfterReopen() throws IOException {
        fs.createDirectoriesDurably(dir);
        Manifest m = Manifest.open(fs, dir);
        long g1 = m.nextGeneration();
        long g2 = m.nextGeneration();
        m.apply(ManifestEdit.flush(g1, 0, new CommitLogPosition(2, 100)));
        m.apply(ManifestEdit.flush(g2, 0, new CommitLogPosition(3, 50)));
        long g3 = m.nextGeneration();
        m.apply(ManifestEdit.replace(Set.of(g1, g2), Map.of(g3, 1)));
        m.close();
        Manifest again = Manifest.open(fs, dir);
        assertEquals(Map.of(g3, 1), again.live());
        assertEquals(new CommitLogPosition(3, 50), again.flushedUpTo());
        assertEquals(g3 + 1, again.nextGeneration());
    }

    @Test
    void aTornLastEditIsIgnoredAndTheFileRewritten() throws IOException {
        fs.createDirectoriesDurably(dir);
        Manifest m = Manifest.open(fs, dir);
        m.apply(ManifestEdit.flush(m.nextGeneration(), 0, new CommitLogPosition(1, 10)));
        m.close();
        Path file = dir.resolve(Manifest.FILE_NAME);
        long size = fs.size(file);
        try (WritableFile w = fs.openForWrite(file)) {
            w.write(ByteBuffer.wrap(new byte[] {0, 0, 0, 40, 1, 2, 3}), size);
            w.sync();
        }
        Manifest reopened = Manifest.open(fs, dir);
        assertEquals(Map.of(1L, 0), reopened.live());
        reopened.apply(ManifestEdit.flush(reopened.nextGeneration(), 0, new CommitLogPosition(1, 20)));
        reopened.close();
        assertEquals(Map.of(1L, 0, 2L, 0), Manifest.open(fs, dir).live());
    }

    @Test
    void anEditIsAllOrNothingAcrossAPowerLoss() throws IOException {
        for (int seed = 0; seed < 50; seed++) {
            FaultInjectingFileSystem faulty = new FaultInjectingFileSystem();
            faulty.createDirectoriesDurably(dir);
            Manifest m = Manifest.open(faulty, dir);
            m.apply(ManifestEdit.flush(m.nextGeneration(), 0, new CommitLogPosition(1, 1)));
            faulty.crashAfter(seed % 2);
            long g = m.nextGeneration();
            boolean applied;
            try {
                m.apply(ManifestEdit.replace(Set.of(1L), Map.of(g, 0)));
                applied = true;
            } catch (IOException e) {
                applied = false;
            }
            faulty.powerLoss(new Random(seed));
            Map<Long, Integer> live = Manifest.open(faulty, dir).live();
            if (applied) {
                assertEquals(Map.of(g, 0), live);
            } else {
                assertEquals(true, live.equals(Map.of(1L, 0)) || live.equals(Map.of(g, 0)), live.toString());
            }
        }
    }

    @Test
    void somethingElseIsNotAManifest() throws IOException {
        fs.createDirectoriesDurably(dir);
        try (WritableFile w = fs.create(dir.resolve(Manifest.FILE_NAME))) {
            w.write(ByteBuffer.wrap("not a manifest".getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0);
        }
        assertThrows(IOException.class, () -> Manifest.open(fs, dir));
    }
}
