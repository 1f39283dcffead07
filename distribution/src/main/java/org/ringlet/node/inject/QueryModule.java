package org.ringlet.node.inject;

import java.util.Map;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import org.ringlet.api.ComponentKind;
import org.ringlet.api.RegisteredComponent;
import org.ringlet.api.query.QueryHandlerFactory;
import org.ringlet.api.schema.SchemaManager;
import org.ringlet.api.schema.SchemaManagerFactory;
import org.ringlet.api.schema.SchemaService;
import org.ringlet.api.storage.StorageEngine;
import org.ringlet.node.config.ComponentsConfig;
import org.ringlet.node.plugin.DefaultComponentRegistry;

import static java.util.Objects.requireNonNull;

/**
 * The query layer: the schema manager {@code schema_manager} names (its {@link SchemaService} exists from
 * assembly on, so the storage engine is created with it), {@link SchemaLoading} (the stored schema, once the
 * engine has started) and {@link QueryHandlerStage} (the handler {@code query_handler} names, created once the
 * coordinator runs).
 */
public final class QueryModule extends AbstractModule {
    private final DefaultComponentRegistry registry;

    public QueryModule(DefaultComponentRegistry registry) {
        this.registry = requireNonNull(registry, "registry is null");
    }

    @Override
    protected void configure() {
        MapBinder<String, SchemaManagerFactory> managers =
                MapBinder.newMapBinder(binder(), String.class, SchemaManagerFactory.class);
        for (RegisteredComponent c : registry.registered(SchemaManagerFactory.class)) {
            managers.addBinding(c.factory().name()).toInstance((SchemaManagerFactory) c.factory());
        }
        MapBinder<String, QueryHandlerFactory> handlers =
                MapBinder.newMapBinder(binder(), String.class, QueryHandlerFactory.class);
        for (RegisteredComponent c : registry.registered(QueryHandlerFactory.class)) {
            handlers.addBinding(c.factory().name()).toInstance((QueryHandlerFactory) c.factory());
        }
        bind(QueryHandlerStage.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    SchemaManager schemaManager(Map<String, SchemaManagerFactory> managers, ComponentAssembler assembler,
                                ComponentsConfig components) {
        return assembler.create(ComponentKind.SCHEMA_MANAGER, SchemaManagerFactory.class, managers,
                components.schemaManager(), "schema_manager");
    }

    @Provides
    @Singleton
    SchemaService schemaService(SchemaManager manager) {
        return requireNonNull(manager.schema(), "the schema manager has no schema service");
    }

    @Provides
    @Singleton
    SchemaLoading schemaLoading(SchemaManager manager, StorageEngine storage, StorageDrain drain,
                                StorageFailurePolicy failures, NodeServices services) {
        return new SchemaLoading(manager, storage, services);
    }
}
