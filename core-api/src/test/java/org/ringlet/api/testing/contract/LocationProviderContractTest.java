package org.ringlet.api.testing.contract;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlet.api.ComponentConfig;
import org.ringlet.api.ComponentKind;
import org.ringlet.api.NodeContext;
import org.ringlet.api.locator.Location;
import org.ringlet.api.locator.LocationProvider;
import org.ringlet.api.locator.LocationProviderFactory;
import org.ringlet.api.testing.MapNodeContext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract every {@link LocationProvider} and its {@link LocationProviderFactory} keep. An implementation's
 * test extends this class, writes whatever files its snitch reads into the given directory, and adds its own
 * cases.
 */
public abstract class LocationProviderContractTest {

    @TempDir
    protected Path confDir;

    /** The factory under test. */
    protected abstract LocationProviderFactory factory();

    /**
     * A valid configuration, after writing the snitch's files (if any) into {@code dir}.
     *
     * @param dir an empty directory for configuration files
     */
    protected abstract ComponentConfig validConfig(Path dir) throws IOException;

    /** The location {@link #validConfig} gives this node. */
    protected abstract Location expectedLocalLocation();

    /** The node services the factory is given; none by default. */
    protected NodeContext context() {
        return MapNodeContext.empty();
    }

    /** The provider under test. */
    protected LocationProvider provider() throws IOException {
        return factory().create(validConfig(confDir), context());
    }

    @Test
    void factoryDescribesItself() {
        LocationProviderFactory f = factory();
        assertEquals(ComponentKind.LOCATION_PROVIDER, f.kind());
        assertTrue(f.name().matches("[a-z0-9-]+"), "name must be lowercase ASCII: " + f.name());
        assertTrue(f.cassandraClassName().isPresent(), "a snitch shows a Cassandra class name");
    }

    @Test
    void localLocationIsTheConfiguredOneAndStable() throws IOException {
        LocationProvider p = provider();
        assertEquals(expectedLocalLocation(), p.local());
        assertEquals(p.local(), p.local());
    }

    @Test
    void locationOfAnyAddressIsAnsweredWithoutFailing() throws IOException {
        LocationProvider p = provider();
        Optional<Location> other = p.locationOf(InetAddress.getLoopbackAddress());
        assertNotNull(other);
        Optional<Location> documentation = p.locationOf(InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 99}));
        assertNotNull(documentation);
        assertEquals(documentation, p.locationOf(InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 99})));
    }

    @Test
    void unusedOptionsAreIgnored() throws IOException {
        ComponentConfig config = validConfig(confDir).with("some_option_of_another_snitch", "x");
        assertEquals(expectedLocalLocation(), factory().create(config, context()).local());
    }
}
