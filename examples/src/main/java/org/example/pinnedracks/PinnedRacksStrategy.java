package org.example.pinnedracks;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ringlet.api.locator.Location;
import org.ringlet.api.locator.ReplicationStrategy;
import org.ringlet.api.ring.Token;
import org.ringlet.api.ring.Topology;

/**
 * Places replicas by walking the ring clockwise from the token, as SimpleStrategy does, but taking only nodes
 * whose rack is one of the pinned racks. When fewer pinned nodes exist than the replication factor, it returns
 * all of them. Immutable and thread-safe.
 */
public final class PinnedRacksStrategy implements ReplicationStrategy {

    /**
     * A pinned rack: a rack name, in one datacenter or in any.
     *
     * @param datacenter the datacenter, or empty for any
     * @param rack       the rack name
     */
    public record RackRef(Optional<String> datacenter, String rack) {
        boolean matches(Location location) {
            return rack.equals(location.rack()) && datacenter.map(location.datacenter()::equals).orElse(true);
        }
    }

    private final List<RackRef> racks;
    private final int replicationFactor;
    private final String racksOption;

    PinnedRacksStrategy(List<RackRef> racks, int replicationFactor, String racksOption) {
        this.racks = List.copyOf(racks);
        this.replicationFactor = replicationFactor;
        this.racksOption = racksOption;
    }

    List<RackRef> racks() {
        return racks;
    }

    @Override
    public List<UUID> naturalReplicas(Token token, Topology topology) {
        List<UUID> replicas = new ArrayList<>();
        for (Iterator<Token> it = topology.ringFrom(token); it.hasNext() && replicas.size() < replicationFactor; ) {
            UUID owner = topology.owner(it.next());
            if (!replicas.contains(owner) && isPinned(topology.location(owner))) {
                replicas.add(owner);
            }
        }
        return replicas;
    }

    private boolean isPinned(Location location) {
        for (RackRef r : racks) {
            if (r.matches(location)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int replicationFactor() {
        return replicationFactor;
    }

    @Override
    public int replicationFactor(String datacenter) {
        return replicationFactor;
    }

    @Override
    public Map<String, String> options() {
        return Map.of(PinnedRacksStrategyFactory.RACKS, racksOption,
                PinnedRacksStrategyFactory.REPLICATION_FACTOR, Integer.toString(replicationFactor));
    }

    @Override
    public String toString() {
        return "PinnedRacksStrategy{racks=" + racksOption + ", rf=" + replicationFactor + "}";
    }
}
