package org.ringlet.node.testing;

import java.util.Set;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.NodeContext;
import org.ringlet.api.schema.SchemaService;
import org.ringlet.api.storage.StorageEngine;
import org.ringlet.api.storage.StorageEngineFactory;
import org.ringlet.api.testing.storage.InMemoryStorageEngine;

/** core-api's in-memory engine as a component ({@code test-memory}), for assembly tests that need no files. */
public final class TestStorageEngineFactory implements StorageEngineFactory {
    @Override
    public String name() {
        return "test-memory";
    }

    @Override
    public Set<Class<?>> requiredServices() {
        return Set.of(SchemaService.class);
    }

    @Override
    public StorageEngine create(ComponentConfig config, NodeContext context) {
        SchemaService schema = context.service(SchemaService.class);
        return new InMemoryStorageEngine(id -> schema.current().table(id).orElse(null));
    }
}
