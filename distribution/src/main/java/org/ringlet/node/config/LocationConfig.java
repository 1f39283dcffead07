package org.ringlet.node.config;

import java.nio.file.Path;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Where the node is and how it ranks other nodes.
 *
 * @param endpointSnitch {@code endpoint_snitch}: the location provider's name, alias or Cassandra class name
 * @param nodeProximity  {@code node_proximity}, if set; otherwise the one built-in proximity is used
 * @param datacenter     a datacenter that overrides the snitch's properties file ({@code CASSANDRA_DC}, {@code --dc})
 * @param rack           a rack that overrides the snitch's properties file ({@code CASSANDRA_RACK}, {@code --rack})
 * @param confDirectory  where the snitch's properties files are ({@code cassandra-rackdc.properties} …)
 */
public record LocationConfig(String endpointSnitch, Optional<String> nodeProximity, Optional<String> datacenter,
                             Optional<String> rack, Path confDirectory) {
    public LocationConfig {
        requireNonNull(endpointSnitch, "endpointSnitch is null");
        requireNonNull(nodeProximity, "nodeProximity is null");
        requireNonNull(datacenter, "datacenter is null");
        requireNonNull(rack, "rack is null");
        requireNonNull(confDirectory, "confDirectory is null");
    }
}
