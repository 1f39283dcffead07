package org.example.pinnedracks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.NodeContext;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.locator.ReplicationStrategy;
import org.ringlet.api.locator.ReplicationStrategyFactory;

/**
 * Creates {@link PinnedRacksStrategy}. Options: {@code racks} (required: a comma-separated list of racks, each
 * either {@code rack} for that rack in any datacenter or {@code dc:rack}) and {@code replication_factor}
 * (required: a non-negative integer). Any other option is an error, as in Cassandra's strategies.
 */
public final class PinnedRacksStrategyFactory implements ReplicationStrategyFactory {
    static final String RACKS = "racks";
    static final String REPLICATION_FACTOR = "replication_factor";

    /** Public no-argument constructor, as {@link java.util.ServiceLoader} requires. */
    public PinnedRacksStrategyFactory() {
    }

    @Override
    public String name() {
        return "pinned-racks";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("PinnedRacksStrategy", PinnedRacksStrategy.class.getName());
    }

    @Override
    public Optional<String> cassandraClassName() {
        return Optional.of(PinnedRacksStrategy.class.getName());
    }

    @Override
    public String description() {
        return "places a keyspace's replicas only on nodes of the listed racks";
    }

    @Override
    public ReplicationStrategy create(ComponentConfig config, NodeContext context) {
        for (String option : config.options().keySet()) {
            if (!option.equals(RACKS) && !option.equals(REPLICATION_FACTOR)) {
                throw new ConfigurationException("Unrecognized strategy option {" + option
                        + "} passed to PinnedRacksStrategy for keyspace " + config.scope());
            }
        }
        String rf = config.get(REPLICATION_FACTOR).orElseThrow(() -> new ConfigurationException(
                "Missing option '" + REPLICATION_FACTOR + "' for PinnedRacksStrategy of keyspace " + config.scope()));
        int factor;
        try {
            factor = Integer.parseInt(rf.trim());
        } catch (NumberFormatException e) {
            throw new ConfigurationException("Replication factor must be a non-negative integer, got '" + rf
                    + "' for keyspace " + config.scope());
        }
        if (factor < 0) {
            throw new ConfigurationException("Replication factor must be non-negative, got " + factor
                    + " for keyspace " + config.scope());
        }
        String racks = config.get(RACKS).orElseThrow(() -> new ConfigurationException(
                "Missing option '" + RACKS + "' for PinnedRacksStrategy of keyspace " + config.scope()
                        + ": list the racks to pin replicas to, e.g. 'rack1,dc2:rack3'"));
        Set<PinnedRacksStrategy.RackRef> pinned = new LinkedHashSet<>();
        for (String part : racks.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int colon = p.indexOf(':');
            if (colon == 0 || colon == p.length() - 1 || p.indexOf(':', colon + 1) >= 0) {
                throw new ConfigurationException("Invalid rack '" + p + "' in option '" + RACKS + "' for keyspace "
                        + config.scope() + ": expected 'rack' or 'dc:rack'");
            }
            pinned.add(colon < 0 ? new PinnedRacksStrategy.RackRef(Optional.empty(), p)
                    : new PinnedRacksStrategy.RackRef(Optional.of(p.substring(0, colon)), p.substring(colon + 1)));
        }
        if (pinned.isEmpty()) {
            throw new ConfigurationException("Option '" + RACKS + "' for keyspace " + config.scope()
                    + " names no rack");
        }
        return new PinnedRacksStrategy(new ArrayList<>(pinned), factor, racks.trim());
    }

    /** The racks a strategy pins, for tests. */
    static List<PinnedRacksStrategy.RackRef> racksOf(ReplicationStrategy strategy) {
        return ((PinnedRacksStrategy) strategy).racks();
    }
}
