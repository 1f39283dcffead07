package org.ringlet.cql;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.ringlet.cql.testing.CqlTestNode;

/** {@link PagingTest} on the LSM storage engine, half the rows flushed to SSTables and half in memtables. */
class LsmPagingTest extends PagingTest {
    @TempDir
    static Path directory;

    @Override
    protected CqlTestNode newNode() {
        return CqlTestNode.startLsm(directory);
    }

    @Override
    protected void halfLoaded(CqlTestNode loaded) {
        loaded.storage.flushAll().toCompletableFuture().join();
    }
}
