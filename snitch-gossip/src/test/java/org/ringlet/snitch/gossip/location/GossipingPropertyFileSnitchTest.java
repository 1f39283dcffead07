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
import org.ringlet.api.error.ErrorCode;
import org.ringlet.api.locator.Location;
import org.ringlet.api.locator.LocationProvider;
import org.ringlet.api.locator.LocationProviderFactory;
import org.ringlet.api.testing.MapNodeContext;
import org.ringlet.api.testing.contract.LocationProviderContractTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GossipingPropertyFileSnitchTest extends LocationProviderContractTest {
    private final GossipingPropertyFileSnitchFactory factory = new GossipingPropertyFileSnitchFactory();

    @Override
    protected LocationProviderFactory factory() {
        return factory;
    }

    @Override
    protected ComponentConfig validConfig(Path dir) throws IOException {
        Files.writeString(dir.resolve("cassandra-rackdc.properties"), """
                # where this node is
                dc=dc-east
                rack = rack7
                prefer_local=true
                """);
        return ComponentConfig.of(Map.of("conf_dir", dir.toString()));
    }

    @Override
    protected Location expectedLocalLocation() {
        return new Location("dc-east", "rack7");
    }

    private LocationProvider create(Map<String, String> options) {
        return factory.create(ComponentConfig.of(options), MapNodeContext.empty());
    }

    private ConfigurationException failure(String rackdc) throws IOException {
        Files.writeString(confDir.resolve("cassandra-rackdc.properties"), rackdc);
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> create(Map.of("conf_dir", confDir.toString())));
        assertEquals(ErrorCode.CONFIG_ERROR, e.code());
        return e;
    }

    @Test
    void readsDcRackAndPreferLocal() throws IOException {
        LocationProvider p = provider();
        assertTrue(p.preferLocal());
        assertEquals(Optional.empty(), p.locationOf(InetAddress.getLoopbackAddress()));
    }

    @Test
    void dockerVariablesReplaceTheFilesValues() throws IOException {
        validConfig(confDir);
        LocationProvider p = create(Map.of("conf_dir", confDir.toString(), "dc", "DC2", "rack", "RAC9"));
        assertEquals(new Location("DC2", "RAC9"), p.local());
        assertEquals(new Location("DC3", "rack7"),
                create(Map.of("conf_dir", confDir.toString(), "dc", "DC3")).local());
    }

    @Test
    void dockerVariablesCanSupplyWhatTheFileLacks() throws IOException {
        Files.writeString(confDir.resolve("cassandra-rackdc.properties"), "prefer_local=false\n");
        assertEquals(new Location("d", "r"), create(Map.of("conf_dir", confDir.toString(), "dc", "d", "rack", "r"))
                .local());
    }

    @Test
    void missingFileNamesTheFile() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> create(Map.of("conf_dir", confDir.resolve("nowhere").toString())));
        assertEquals("Cannot read " + confDir.resolve("nowhere").resolve("cassandra-rackdc.properties")
                + ": the file does not exist", e.getMessage());
    }

    @Test
    void missingConfDirOptionIsNamed() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> create(Map.of()));
        assertTrue(e.getMessage().contains("conf_dir"), e.getMessage());
    }

    @Test
    void malformedLinesAreNamedWithTheirNumber() throws IOException {
        Path file = confDir.resolve("cassandra-rackdc.properties");
        assertEquals("In " + file + ", line 3: expected key=value but found: rack rack1",
                failure("# comment\ndc=dc1\nrack rack1\n").getMessage());
        assertEquals("In " + file + ", line 2: 'dc' is already set on line 1: dc=dc2",
                failure("dc=dc1\ndc=dc2\nrack=r\n").getMessage());
        assertEquals("In " + file + ", line 1: dc is empty", failure("dc=\nrack=r\n").getMessage());
        assertEquals("In " + file + ", line 3: prefer_local must be true or false, not 'yes'",
                failure("dc=a\nrack=b\nprefer_local=yes\n").getMessage());
        assertEquals("In " + file + ", line 1: the key is empty: =x", failure("=x\n").getMessage());
    }

    @Test
    void missingDcOrRackIsCassandrasMessage() throws IOException {
        assertEquals("DC or rack not found in snitch properties, check your configuration in: "
                + confDir.resolve("cassandra-rackdc.properties"), failure("dc=dc1\n").getMessage());
    }

    @Test
    void otherSnitchesKeysAndUnknownKeysAreIgnored() throws IOException {
        Files.writeString(confDir.resolve("cassandra-rackdc.properties"), "dc=a\nrack=b\ndc_suffix=_x\nweird=1\n");
        LocationProvider p = create(Map.of("conf_dir", confDir.toString()));
        assertEquals(new Location("a", "b"), p.local());
        assertFalse(p.preferLocal());
    }

    @Test
    void topologyFileGivesOtherNodesLocationsForCompatibility() throws IOException {
        validConfig(confDir);
        Files.writeString(confDir.resolve("cassandra-topology.properties"), "10.0.0.1=DC1:RAC1\n");
        LocationProvider p = create(Map.of("conf_dir", confDir.toString()));
        assertEquals(Optional.of(new Location("DC1", "RAC1")), p.locationOf(InetAddress.getByName("10.0.0.1")));
        assertEquals(Optional.empty(), p.locationOf(InetAddress.getByName("10.0.0.2")));
    }

    @Test
    void emptyOverrideIsRejected() throws IOException {
        validConfig(confDir);
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> create(Map.of("conf_dir", confDir.toString(), "dc", " ")));
        assertTrue(e.getMessage().startsWith("Option 'dc'"), e.getMessage());
    }

    @Test
    void namesAndAliases() {
        assertEquals("gossiping-property-file", factory.name());
        assertTrue(factory.aliases().contains("GossipingPropertyFileSnitch"));
        assertEquals("org.apache.cassandra.locator.GossipingPropertyFileSnitch",
                factory.cassandraClassName().orElseThrow());
    }
}
