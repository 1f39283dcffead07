package org.ringlet.storage.lsm;

import java.util.Set;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.NodeContext;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.runtime.Clock;
import org.ringlet.api.runtime.RandomSource;
import org.ringlet.api.runtime.Scheduler;
import org.ringlet.api.schema.SchemaService;
import org.ringlet.api.storage.StorageEngine;
import org.ringlet.api.storage.StorageEngineFactory;
import org.ringlet.storage.lsm.io.LocalFileSystem;

/**
 * Creates the {@code lsm} storage engine on the local file system. Options use {@code cassandra.yaml} names (see
 * {@link StorageConfig} and ADR 0020).
 */
public final class LsmStorageEngineFactory implements StorageEngineFactory {

    @Override
    public String name() {
        return "lsm";
    }

    @Override
    public Set<Class<?>> requiredServices() {
        return Set.of(Clock.class, Scheduler.class, RandomSource.class, SchemaService.class, Partitioner.class);
    }

    @Override
    public String description() {
        return "log-structured merge engine: commit log, memtables, SSTables, compaction";
    }

    @Override
    public StorageEngine create(ComponentConfig config, NodeContext context) {
        return new LsmStorageEngine(StorageConfig.from(config, Runtime.getRuntime().maxMemory()),
                new LocalFileSystem(), context);
    }
}
