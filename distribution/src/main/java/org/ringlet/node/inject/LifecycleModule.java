package org.ringlet.node.inject;

import com.google.inject.AbstractModule;
import com.google.inject.matcher.Matchers;
import com.google.inject.spi.ProvisionListener;
import org.ringlet.api.Service;
import org.ringlet.node.lifecycle.LifecycleManager;

import static java.util.Objects.requireNonNull;

/**
 * Registers every {@link Service} the injector constructs with the node's {@link LifecycleManager}, as it finishes
 * constructing it. A service's dependencies finish constructing first, so the lifecycle starts services in
 * dependency order and stops them in reverse. Instances bound from outside ({@code toInstance}) are not
 * constructed by the injector and are not managed.
 */
public final class LifecycleModule extends AbstractModule {
    private final LifecycleManager lifecycle;

    public LifecycleModule(LifecycleManager lifecycle) {
        this.lifecycle = requireNonNull(lifecycle, "lifecycle is null");
    }

    @Override
    protected void configure() {
        bind(LifecycleManager.class).toInstance(lifecycle);
        bindListener(Matchers.any(), new ServiceRegistrar(lifecycle));
    }

    private static final class ServiceRegistrar implements ProvisionListener {
        private final LifecycleManager lifecycle;

        private ServiceRegistrar(LifecycleManager lifecycle) {
            this.lifecycle = lifecycle;
        }

        @Override
        public <T> void onProvision(ProvisionInvocation<T> provision) {
            T instance = provision.provision();
            if (instance instanceof Service service) {
                lifecycle.register(service);
            }
        }
    }
}
