package org.ringlet.snitch.gossip.location;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ringlet.api.ComponentConfig;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.locator.Location;
import org.ringlet.api.locator.LocationProvider;
import org.ringlet.api.locator.LocationProviderFactory;
import org.ringlet.api.testing.MapNodeContext;
import org.ringlet.api.testing.contract.LocationProviderContractTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PropertyFileSnitchTest extends LocationProviderContractTest {
    private final PropertyFileSnitchFactory factory = new PropertyFileSnitchFactory();

    private static final String TOPOLOGY = """
            # Cassandra Node IP=Data Center:Rack
            127.0.0.1=DC1:RAC1
            /127.0.0.2 = DC2 : RAC2
            fe80\\:0\\:0\\:0\\:202\\:b3ff\\:fe1e\\:8329=DC1:RAC3

            # default for unknown nodes
            default=DC3:RAC1
            """;

    @Override
    protected LocationProviderFactory factory() {
        return factory;
    }

    @Override
    protected ComponentConfig validConfig(Path dir) throws IOException {
        Files.writeString(dir.resolve("cassandra-topology.properties"), TOPOLOGY);
        return ComponentConfig.of(Map.of("conf_dir", dir.toString(), "broadcast_address", "127.0.0.1"));
    }

    @Override
    protected Location expectedLocalLocation() {
        return new Location("DC1", "RAC1");
    }

    private LocationProvider create(String topology, Map<String, String> options) throws IOException {
        Files.writeString(confDir.resolve("cassandra-topology.properties"), topology);
        Map<String, String> all = new java.util.HashMap<>(options);
        all.put("conf_dir", confDir.toString());
        return factory.create(ComponentConfig.of(all), MapNodeContext.empty());
    }

    @Test
    void everyNodesLocationFromTheFile() throws IOException {
        LocationProvider p = provider();
        assertEquals(Optional.of(new Location("DC2", "RAC2")), p.locationOf(InetAddress.getByName("127.0.0.2")));
        assertEquals(Optional.of(new Location("DC1", "RAC3")),
                p.locationOf(InetAddress.getByName("fe80::202:b3ff:fe1e:8329")));
        assertEquals(Optional.of(new Location("DC3", "RAC1")), p.locationOf(InetAddress.getByName("10.9.9.9")));
    }

    @Test
    void listenAddressWhenNoBroadcastAddress() throws IOException {
        assertEquals(new Location("DC2", "RAC2"), create(TOPOLOGY, Map.of("listen_address", "127.0.0.2")).local());
        assertEquals(new Location("DC3", "RAC1"), create(TOPOLOGY, Map.of("listen_address", "127.0.0.9")).local());
    }

    @Test
    void withoutDefaultUnknownNodesHaveNoLocation() throws IOException {
        LocationProvider p = create("127.0.0.1=DC1:RAC1\n", Map.of("broadcast_address", "127.0.0.1"));
        assertEquals(Optional.empty(), p.locationOf(InetAddress.getByName("127.0.0.5")));
    }

    @Test
    void thisNodeMustHaveALocation() {
        Path file = confDir.resolve("cassandra-topology.properties");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> create("127.0.0.2=DC1:RAC1\n", Map.of("broadcast_address", "127.0.0.1")));
        assertEquals("Snitch definitions at " + file + " do not define a location for this node's broadcast "
                + "address /127.0.0.1, nor does it provides a default", e.getMessage());
    }

    @Test
    void malformedValuesNameTheLine() {
        Path file = confDir.resolve("cassandra-topology.properties");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> create("127.0.0.1=DC1:RAC1\n127.0.0.2=DC2\n", Map.of("broadcast_address", "127.0.0.1")));
        assertEquals("In " + file + ", line 2: expected 127.0.0.2=<datacenter>:<rack> but the value is 'DC2'",
                e.getMessage());
    }

    @Test
    void missingFileNamesTheFile() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> factory.create(
                ComponentConfig.of(Map.of("conf_dir", confDir.toString(), "broadcast_address", "127.0.0.1")),
                MapNodeContext.empty()));
        assertEquals("Cannot read " + confDir.resolve("cassandra-topology.properties") + ": the file does not exist",
                e.getMessage());
    }

    @Test
    void thisNodesAddressIsRequired() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> create(TOPOLOGY, Map.of()));
        assertEquals("Missing option 'listen_address' for node", e.getMessage());
    }
}
