package org.ringlet.storage.lsm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.storage.lsm.io.FaultInjectingFileSystem;
import org.ringlet.storage.lsm.io.FaultInjectingFileSystem.Op;
import org.ringlet.storage.lsm.testing.Fixtures;
import org.ringlet.storage.lsm.testing.TestNode;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A table dropped just before the engine stops: the deletion of its files runs in the background, and stop waits
 * for it, so nothing touches the data directory once stop has returned.
 */
class DropThenStopTest {
    private final FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
    private final TestNode node = new TestNode();
    private final CountDownLatch linking = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void tearDown() {
        release.countDown();
        node.close();
    }

    @Test
    void stopWaitsUntilTheDroppedTablesFilesAreDeleted() throws Exception {
        LsmStorageEngine engine = new LsmStorageEngine(Fixtures.config(Path.of("/e"), Map.of("auto_snapshot", "false")), fs,
                node);
        engine.start();
        engine.replayCommitLog(t -> true);
        TableMetadata kv = node.schema().createTable(Fixtures.kv("ks"));
        engine.apply(Fixtures.kvWrite(kv, node.partitioner(), "a", "1", 10), true).toCompletableFuture().join();
        engine.flush(kv.id()).toCompletableFuture().join();
        Path dir = TableDirectories.tableDirectory(Path.of("/e/data"), kv);
        assertTrue(fs.exists(dir));
        fs.addFault(new FaultInjectingFileSystem.Fault() {
            @Override
            public boolean matches(Op op, Path path) {
                if (op == Op.DELETE && path.startsWith(dir)) {
                    linking.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return false;
            }

            @Override
            public IOException error(Op op, Path path) {
                throw new AssertionError("never matches");
            }
        });

        node.schema().dropTable(kv);
        assertTrue(linking.await(30, TimeUnit.SECONDS), "the dropped table's files are being deleted");
        Thread stopper = new Thread(engine::stop, "stopper");
        stopper.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Thread.State state = stopper.getState();
        while (state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING
                && state != Thread.State.TERMINATED && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            state = stopper.getState();
        }
        assertNotEquals(Thread.State.TERMINATED, state,
                "stop returned while the dropped table's files were still being deleted");
        release.countDown();
        stopper.join(TimeUnit.SECONDS.toMillis(60));
        assertFalse(stopper.isAlive(), "stop returned");
        assertFalse(fs.exists(dir), "the dropped table's directory is gone once stop has returned");
    }
}
