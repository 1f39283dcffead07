package org.ringlet.node.management;

import java.util.Optional;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.OptionalBinder;
import org.junit.jupiter.api.Test;
import org.ringlet.api.ring.TopologyService;
import org.ringlet.api.ring.Topology;
import org.ringlet.api.testing.FixedTopologyService;
import org.ringlet.api.testing.Rings;
import org.ringlet.node.testing.TestPartitionerFactory;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

/** How a later module hands the management MBeans a service: binding it plainly is enough. */
class OptionalServicesTest {
    private static final Key<Optional<TopologyService>> OPTIONAL = Key.get(new TypeLiteral<>() { });

    private static final class Declares extends AbstractModule {
        @Override
        protected void configure() {
            OptionalBinder.newOptionalBinder(binder(), TopologyService.class);
        }
    }

    @Test
    void absentUntilSomeModuleBindsIt() {
        assertFalse(Guice.createInjector(new Declares()).getInstance(OPTIONAL).isPresent());
    }

    @Test
    void aPlainBindingFillsTheOptional() {
        TopologyService service = new FixedTopologyService(Topology.empty(), Rings.hostId(0),
                new TestPartitionerFactory.HashPartitioner());
        Injector injector = Guice.createInjector(new Declares(), new AbstractModule() {
            @Override
            protected void configure() {
                bind(TopologyService.class).toInstance(service);
            }
        });
        assertSame(service, injector.getInstance(OPTIONAL).orElseThrow());
    }
}
