package org.ringlet.snitch.gossip.location;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.NodeContext;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.locator.Location;
import org.ringlet.api.locator.LocationProvider;
import org.ringlet.api.locator.LocationProviderFactory;

/**
 * Cassandra's PropertyFileSnitch: every node's datacenter and rack come from {@code cassandra-topology.properties}
 * ({@code 192.168.1.10=DC1:RAC1} per node, {@code default=DC1:RAC1} for the others). Name {@code property-file};
 * also {@code PropertyFileSnitch} and {@code org.apache.cassandra.locator.PropertyFileSnitch}.
 *
 * <p>Options: {@code conf_dir} (required) is the directory holding the file; {@code broadcast_address} (or, when
 * unset, {@code listen_address}) is this node's address, which the file must list unless it has a default. A
 * missing or malformed file stops creation with a message naming the file and the line. Other options are
 * ignored. Stateless.
 */
public final class PropertyFileSnitchFactory implements LocationProviderFactory {
    /** The Cassandra class name of this snitch. */
    public static final String CASSANDRA_CLASS = "org.apache.cassandra.locator.PropertyFileSnitch";

    @Override
    public String name() {
        return "property-file";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("PropertyFileSnitch", CASSANDRA_CLASS);
    }

    @Override
    public Optional<String> cassandraClassName() {
        return Optional.of(CASSANDRA_CLASS);
    }

    @Override
    public String description() {
        return "every node's dc/rack from cassandra-topology.properties";
    }

    @Override
    public LocationProvider create(ComponentConfig config, NodeContext context) {
        Path dir = Path.of(config.require(GossipingPropertyFileSnitchFactory.CONF_DIR));
        TopologyFile file = TopologyFile.read(dir.resolve(TopologyFile.FILE_NAME));
        String addressOption = config.get("broadcast_address").isPresent() ? "broadcast_address" : "listen_address";
        String text = config.require(addressOption);
        InetAddress self;
        try {
            self = InetAddress.getByName(text.strip());
        } catch (UnknownHostException e) {
            throw new ConfigurationException("Option '" + addressOption + "' is not a known address: '" + text + "'");
        }
        Location local = file.locationOf(self).orElseThrow(() -> new ConfigurationException(String.format(
                "Snitch definitions at %s do not define a location for this node's broadcast address %s, nor does "
                        + "it provides a default", file.path(), self)));
        return new TopologyLocation(local, file);
    }

    /** Everything from the topology file. */
    private record TopologyLocation(Location local, TopologyFile file) implements LocationProvider {
        @Override
        public Optional<Location> locationOf(InetAddress address) {
            return file.locationOf(address);
        }

        @Override
        public String toString() {
            return "PropertyFileSnitch{" + local + "}";
        }
    }
}
