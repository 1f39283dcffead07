package org.ringlet.node.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import org.ringlet.api.ComponentRegistry;
import org.ringlet.api.NodeContext;
import org.ringlet.node.plugin.DefaultComponentRegistry;

import static java.util.Objects.requireNonNull;

/**
 * Binds the {@link ComponentRegistry} of discovered factories, the {@link NodeContext} components are created with,
 * and the assembler that creates them.
 */
public final class RegistryModule extends AbstractModule {
    private final DefaultComponentRegistry registry;
    private final AssemblyLog log;

    public RegistryModule(DefaultComponentRegistry registry, AssemblyLog log) {
        this.registry = requireNonNull(registry, "registry is null");
        this.log = requireNonNull(log, "log is null");
    }

    @Override
    protected void configure() {
        bind(DefaultComponentRegistry.class).toInstance(registry);
        bind(ComponentRegistry.class).toInstance(registry);
        bind(AssemblyLog.class).toInstance(log);
        bind(NodeServices.class).in(Singleton.class);
        bind(NodeContext.class).to(GuiceNodeContext.class).in(Singleton.class);
        bind(ComponentAssembler.class).in(Singleton.class);
    }
}
