package org.ringlet.snitch.gossip.location;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.locator.Location;

/**
 * The contents of {@code cassandra-topology.properties}: {@code address=dc:rack} per node and an optional
 * {@code default=dc:rack} for nodes not listed. Keys are IP addresses (a leading {@code /} is ignored, as in
 * Cassandra) or host names. Immutable.
 */
final class TopologyFile {
    /** The file's name in the configuration directory. */
    static final String FILE_NAME = "cassandra-topology.properties";

    private final Path path;
    private final Map<InetAddress, Location> locations;
    private final Location defaultLocation;

    private TopologyFile(Path path, Map<InetAddress, Location> locations, Location defaultLocation) {
        this.path = path;
        this.locations = Map.copyOf(locations);
        this.defaultLocation = defaultLocation;
    }

    /**
     * Reads {@code cassandra-topology.properties}.
     *
     * @throws ConfigurationException naming the file, and the line when a line is malformed
     */
    static TopologyFile read(Path path) {
        PropertiesFile file = PropertiesFile.read(path);
        Map<InetAddress, Location> locations = new HashMap<>();
        Location defaultLocation = null;
        for (PropertiesFile.Entry e : file.entries()) {
            Location location = location(path, e);
            if (e.key().equals("default")) {
                defaultLocation = location;
            } else {
                String host = e.key().replace("/", "");
                try {
                    locations.put(InetAddress.getByName(host), location);
                } catch (UnknownHostException unknown) {
                    throw new ConfigurationException(PropertiesFile.where(path, e.line()) + "unknown host " + host);
                }
            }
        }
        return new TopologyFile(path, locations, defaultLocation);
    }

    private static Location location(Path path, PropertiesFile.Entry e) {
        String[] parts = e.value().split(":", -1);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new ConfigurationException(PropertiesFile.where(path, e.line()) + "expected " + e.key()
                    + "=<datacenter>:<rack> but the value is '" + e.value() + "'");
        }
        return new Location(parts[0].strip(), parts[1].strip());
    }

    /** Where the file is. */
    Path path() {
        return path;
    }

    /** The location of a node: its own line, or the default, or empty when the file has neither. */
    Optional<Location> locationOf(InetAddress address) {
        Location l = locations.get(address);
        return l != null ? Optional.of(l) : Optional.ofNullable(defaultLocation);
    }
}
