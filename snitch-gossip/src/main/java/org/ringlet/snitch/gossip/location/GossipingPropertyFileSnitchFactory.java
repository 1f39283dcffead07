package org.ringlet.snitch.gossip.location;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.NodeContext;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.locator.Location;
import org.ringlet.api.locator.LocationProvider;
import org.ringlet.api.locator.LocationProviderFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cassandra's GossipingPropertyFileSnitch, the one production clusters use: this node's datacenter and rack come
 * from {@code cassandra-rackdc.properties} ({@code dc}, {@code rack}, {@code prefer_local}); other nodes' come from
 * gossip, or from {@code cassandra-topology.properties} when that file is also present (Cassandra's compatibility
 * mode). Name {@code gossiping-property-file}; also {@code GossipingPropertyFileSnitch} and
 * {@code org.apache.cassandra.locator.GossipingPropertyFileSnitch}.
 *
 * <p>Options: {@code conf_dir} (required) is the directory holding the files; {@code dc} and {@code rack}, when
 * set, replace the file's values, as the official Docker image does with {@code CASSANDRA_DC} and
 * {@code CASSANDRA_RACK}. A missing or malformed file stops creation with a message naming the file and the
 * line. Other options are ignored. Stateless.
 */
public final class GossipingPropertyFileSnitchFactory implements LocationProviderFactory {
    /** The Cassandra class name of this snitch. */
    public static final String CASSANDRA_CLASS = "org.apache.cassandra.locator.GossipingPropertyFileSnitch";
    /** The file this node's location is read from. */
    public static final String RACKDC_FILE = "cassandra-rackdc.properties";
    /** The option naming the directory of the snitch's files. */
    public static final String CONF_DIR = "conf_dir";

    private static final Logger LOG = LoggerFactory.getLogger(GossipingPropertyFileSnitchFactory.class);
    private static final Set<String> OTHER_SNITCHES_KEYS = Set.of("dc_suffix", "ec2_naming_scheme",
            "ec2_metadata_type", "ec2_metadata_token_ttl_seconds", "metadata_url", "metadata_request_timeout");

    @Override
    public String name() {
        return "gossiping-property-file";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("GossipingPropertyFileSnitch", CASSANDRA_CLASS);
    }

    @Override
    public Optional<String> cassandraClassName() {
        return Optional.of(CASSANDRA_CLASS);
    }

    @Override
    public String description() {
        return "this node's dc/rack from cassandra-rackdc.properties (CASSANDRA_DC/CASSANDRA_RACK override), "
                + "others' from gossip";
    }

    @Override
    public LocationProvider create(ComponentConfig config, NodeContext context) {
        Path dir = Path.of(config.require(CONF_DIR));
        Path rackdc = dir.resolve(RACKDC_FILE);
        String dc = null;
        String rack = null;
        boolean preferLocal = false;
        for (PropertiesFile.Entry e : PropertiesFile.read(rackdc).entries()) {
            switch (e.key()) {
                case "dc" -> dc = nonEmpty(rackdc, e);
                case "rack" -> rack = nonEmpty(rackdc, e);
                case "prefer_local" -> preferLocal = bool(rackdc, e);
                default -> {
                    if (!OTHER_SNITCHES_KEYS.contains(e.key())) {
                        LOG.warn("{}, line {}: unknown key '{}' ignored", rackdc, e.line(), e.key());
                    }
                }
            }
        }
        dc = override(config, "dc", dc);
        rack = override(config, "rack", rack);
        if (dc == null || rack == null) {
            throw new ConfigurationException(
                    "DC or rack not found in snitch properties, check your configuration in: " + rackdc);
        }
        Path topologyPath = dir.resolve(TopologyFile.FILE_NAME);
        TopologyFile compatibility = null;
        if (Files.exists(topologyPath)) {
            compatibility = TopologyFile.read(topologyPath);
            LOG.info("Loaded {} for compatibility", topologyPath);
        }
        Location local = new Location(dc, rack);
        LOG.info("This node is in datacenter {}, rack {} (from {})", dc, rack, rackdc);
        return new RackDcLocation(local, preferLocal, compatibility);
    }

    private static String override(ComponentConfig config, String option, String fromFile) {
        Optional<String> value = config.get(option);
        if (value.isEmpty()) {
            return fromFile;
        }
        String v = value.get().strip();
        if (v.isEmpty()) {
            throw new ConfigurationException("Option '" + option + "' of the " + "gossiping-property-file snitch "
                    + "is empty; set a " + (option.equals("dc") ? "datacenter" : "rack") + " name or leave it unset");
        }
        return v;
    }

    private static String nonEmpty(Path path, PropertiesFile.Entry e) {
        if (e.value().isEmpty()) {
            throw new ConfigurationException(PropertiesFile.where(path, e.line()) + e.key() + " is empty");
        }
        return e.value();
    }

    private static boolean bool(Path path, PropertiesFile.Entry e) {
        if (e.value().equalsIgnoreCase("true")) {
            return true;
        }
        if (e.value().equalsIgnoreCase("false")) {
            return false;
        }
        throw new ConfigurationException(PropertiesFile.where(path, e.line()) + e.key()
                + " must be true or false, not '" + e.value() + "'");
    }

    /** This node's location from the rackdc file; others' from the topology file when there is one. */
    private record RackDcLocation(Location local, boolean preferLocal, TopologyFile compatibility)
            implements LocationProvider {
        @Override
        public Optional<Location> locationOf(InetAddress address) {
            return compatibility == null ? Optional.empty() : compatibility.locationOf(address);
        }

        @Override
        public String toString() {
            return "GossipingPropertyFileSnitch{" + local + (preferLocal ? ", prefer_local" : "") + "}";
        }
    }
}
