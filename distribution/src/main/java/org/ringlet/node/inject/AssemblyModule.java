package org.ringlet.node.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;

/** Binds {@link NodeAssembly}, the service that starts last and reports what the node is made of. */
public final class AssemblyModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(NodeAssembly.class).in(Singleton.class);
    }
}
