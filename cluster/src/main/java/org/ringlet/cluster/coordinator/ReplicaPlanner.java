package org.ringlet.cluster.coordinator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.ringlet.api.cluster.ConsistencyLevel;
import org.ringlet.api.error.UnavailableException;
import org.ringlet.api.locator.ReplicationStrategy;
import org.ringlet.api.ring.Token;
import org.ringlet.api.ring.Topology;
import org.ringlet.api.ring.TopologyService;
import org.ringlet.api.schema.KeyspaceMetadata;

import static java.util.Objects.requireNonNull;

/**
 * Plans which replicas a request goes to: the natural replicas of the token from the keyspace's strategy over the
 * current topology, the live ones, and the ones to contact for the consistency level, closest (this node) first.
 * Fails with {@link UnavailableException} (Cassandra's required and alive counts) when too few are alive.
 * Thread-safe.
 */
final class ReplicaPlanner {
    private final ReplicationStrategies strategies;
    private final TopologyService topology;
    private final Liveness liveness;

    ReplicaPlanner(ReplicationStrategies strategies, TopologyService topology, Liveness liveness) {
        this.strategies = requireNonNull(strategies, "strategies is null");
        this.topology = requireNonNull(topology, "topology is null");
        this.liveness = requireNonNull(liveness, "liveness is null");
    }

    /** The strategy of a keyspace. */
    ReplicationStrategy strategy(KeyspaceMetadata ks) {
        return strategies.strategy(ks);
    }

    private String localDc(Topology t) {
        UUID self = topology.localHostId();
        return t.node(self).map(n -> n.location().datacenter()).orElse("");
    }

    /** The natural replicas of a token, this node first when it is one of them. */
    List<UUID> natural(KeyspaceMetadata ks, Token token) {
        Topology t = topology.current();
        List<UUID> replicas = strategy(ks).naturalReplicas(token, t);
        return closestFirst(replicas);
    }

    private List<UUID> closestFirst(List<UUID> replicas) {
        UUID self = topology.localHostId();
        if (replicas.isEmpty() || replicas.get(0).equals(self) || !replicas.contains(self)) {
            return replicas;
        }
        List<UUID> out = new ArrayList<>(replicas.size());
        out.add(self);
        replicas.stream().filter(r -> !r.equals(self)).forEach(out::add);
        return out;
    }

    /** The plan of a write: every live replica is written, {@code blockFor} must acknowledge. */
    ReplicaPlan forWrite(KeyspaceMetadata ks, Token token, ConsistencyLevel cl) {
        return plan(ks, natural(ks, token), cl, true);
    }

    /** The plan of a read: the {@code blockFor} closest live replicas are read. */
    ReplicaPlan forRead(KeyspaceMetadata ks, Token token, ConsistencyLevel cl) {
        return plan(ks, natural(ks, token), cl, false);
    }

    /** The plan of a read of a range whose natural replicas are given. */
    ReplicaPlan forRangeRead(KeyspaceMetadata ks, List<UUID> natural, ConsistencyLevel cl) {
        return plan(ks, closestFirst(natural), cl, false);
    }

    private ReplicaPlan plan(KeyspaceMetadata ks, List<UUID> natural, ConsistencyLevel cl, boolean write) {
        Topology t = topology.current();
        ReplicationStrategy strategy = strategy(ks);
        String localDc = localDc(t);
        List<UUID> live = natural.stream().filter(liveness::isAlive).toList();
        int blockFor = ConsistencyRules.blockFor(cl, strategy, t, localDc);
        List<UUID> counting = ConsistencyRules.countingReplicas(cl, strategy, t, localDc, live);
        if (cl == ConsistencyLevel.EACH_QUORUM && strategy.isDatacenterAware()) {
            checkEachQuorum(strategy, t, live, cl);
        } else if (cl != ConsistencyLevel.ANY && counting.size() < blockFor) {
            throw new UnavailableException(cl, blockFor, counting.size());
        }
        List<UUID> contacts = write ? live : counting.subList(0, Math.min(blockFor, counting.size()));
        return new ReplicaPlan(cl, natural, live, contacts, blockFor);
    }

    private static void checkEachQuorum(ReplicationStrategy strategy, Topology t, List<UUID> live,
                                        ConsistencyLevel cl) {
        Map<String, Set<UUID>> byDc = t.nodesByDatacenter();
        for (String dc : byDc.keySet()) {
            int rf = strategy.replicationFactor(dc, t);
            if (rf <= 0) {
                continue;
            }
            int need = rf / 2 + 1;
            long alive = live.stream().filter(r -> t.location(r).datacenter().equals(dc)).count();
            if (alive < need) {
                throw new UnavailableException(cl, need, (int) alive);
            }
        }
    }
}
