package org.ringlet.snitch.gossip.location;

import java.net.InetAddress;
import java.util.Optional;
import java.util.Set;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.NodeContext;
import org.ringlet.api.locator.Location;
import org.ringlet.api.locator.LocationProvider;
import org.ringlet.api.locator.LocationProviderFactory;

/**
 * Cassandra's SimpleSnitch, the default: every node is in {@code datacenter1}, rack {@code rack1}. Name
 * {@code simple}; also {@code SimpleSnitch} and {@code org.apache.cassandra.locator.SimpleSnitch}. Uses no options.
 * Stateless.
 */
public final class SimpleSnitchFactory implements LocationProviderFactory {
    /** The Cassandra class name of this snitch. */
    public static final String CASSANDRA_CLASS = "org.apache.cassandra.locator.SimpleSnitch";

    @Override
    public String name() {
        return "simple";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("SimpleSnitch", CASSANDRA_CLASS);
    }

    @Override
    public Optional<String> cassandraClassName() {
        return Optional.of(CASSANDRA_CLASS);
    }

    @Override
    public String description() {
        return "every node in datacenter1/rack1 (the default)";
    }

    @Override
    public LocationProvider create(ComponentConfig config, NodeContext context) {
        return new SimpleLocation();
    }

    /** Everyone is at {@link Location#DEFAULT}. */
    private static final class SimpleLocation implements LocationProvider {
        @Override
        public Location local() {
            return Location.DEFAULT;
        }

        @Override
        public Optional<Location> locationOf(InetAddress address) {
            return Optional.of(Location.DEFAULT);
        }

        @Override
        public String toString() {
            return "SimpleSnitch";
        }
    }
}
