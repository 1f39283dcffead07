package org.ringlet.node.inject;

import java.util.Map;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import org.ringlet.api.ComponentKind;
import org.ringlet.api.RegisteredComponent;
import org.ringlet.api.storage.StorageEngine;
import org.ringlet.api.storage.StorageEngineFactory;
import org.ringlet.node.config.ComponentsConfig;
import org.ringlet.node.plugin.DefaultComponentRegistry;

import static java.util.Objects.requireNonNull;

/**
 * Storage: the discovered engines by name and the one {@code storage_engine} names, created with the schema
 * service (its tables) and started by the lifecycle as soon as its dependencies are; {@link StorageDrain}, which
 * flushes every memtable when the node stops cleanly; and {@link StorageFailurePolicy}, the node's part of the
 * failure policies.
 */
public final class StorageModule extends AbstractModule {
    private final DefaultComponentRegistry registry;

    public StorageModule(DefaultComponentRegistry registry) {
        this.registry = requireNonNull(registry, "registry is null");
    }

    @Override
    protected void configure() {
        MapBinder<String, StorageEngineFactory> engines =
                MapBinder.newMapBinder(binder(), String.class, StorageEngineFactory.class);
        for (RegisteredComponent c : registry.registered(StorageEngineFactory.class)) {
            engines.addBinding(c.factory().name()).toInstance((StorageEngineFactory) c.factory());
        }
        bind(StorageDrain.class).in(Singleton.class);
        bind(StorageFailurePolicy.class).asEagerSingleton();
    }

    @Provides
    @Singleton
    StorageEngine storageEngine(Map<String, StorageEngineFactory> engines, ComponentAssembler assembler,
                                ComponentsConfig components) {
        return assembler.create(ComponentKind.STORAGE_ENGINE, StorageEngineFactory.class, engines,
                components.storageEngine(), "storage_engine");
    }
}
