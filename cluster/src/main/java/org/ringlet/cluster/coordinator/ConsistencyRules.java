package org.ringlet.cluster.coordinator;

import java.util.List;
import java.util.UUID;

import org.ringlet.api.cluster.ConsistencyLevel;
import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.locator.ReplicationStrategy;
import org.ringlet.api.ring.Topology;

/**
 * Cassandra's consistency-level arithmetic: how many replicas a level needs ({@link #blockFor}), which replicas
 * count towards it, and which levels a read or a write may use.
 */
final class ConsistencyRules {
    private ConsistencyRules() {
    }

    /** The level whose replicas a read at {@code cl} contacts: a serial read is a paxos read at (local) quorum. */
    static ConsistencyLevel effectiveForRead(ConsistencyLevel cl) {
        return switch (cl) {
            case SERIAL -> ConsistencyLevel.QUORUM;
            case LOCAL_SERIAL -> ConsistencyLevel.LOCAL_QUORUM;
            default -> cl;
        };
    }

    /** @throws InvalidRequestException when the level cannot be used for reads */
    static void validateForRead(ConsistencyLevel cl) {
        if (cl == ConsistencyLevel.ANY) {
            throw new InvalidRequestException("ANY ConsistencyLevel is only supported for writes");
        }
    }

    /** @throws InvalidRequestException when the level cannot be used for plain writes */
    static void validateForWrite(ConsistencyLevel cl) {
        if (cl.isSerial()) {
            throw new InvalidRequestException("You must use conditional updates for serializable writes");
        }
    }

    private static int quorum(int rf) {
        return rf / 2 + 1;
    }

    /**
     * How many replicas must answer for the level.
     *
     * @param localDc the coordinator's datacenter
     */
    static int blockFor(ConsistencyLevel cl, ReplicationStrategy strategy, Topology topology, String localDc) {
        int rf = strategy.replicationFactor(topology);
        return switch (cl) {
            case ANY, ONE, LOCAL_ONE, NODE_LOCAL -> 1;
            case TWO -> 2;
            case THREE -> 3;
            case QUORUM, SERIAL -> quorum(rf);
            case ALL -> rf;
            case LOCAL_QUORUM, LOCAL_SERIAL -> strategy.isDatacenterAware()
                    ? quorum(strategy.replicationFactor(localDc, topology)) : quorum(rf);
            case EACH_QUORUM -> {
                if (!strategy.isDatacenterAware()) {
                    yield quorum(rf);
                }
                int total = 0;
                for (String dc : topology.datacenters()) {
                    int dcRf = strategy.replicationFactor(dc, topology);
                    if (dcRf > 0) {
                        total += quorum(dcRf);
                    }
                }
                yield total;
            }
        };
    }

    /** Whether the level counts only replicas of the coordinator's datacenter (for a datacenter-aware strategy). */
    static boolean countsLocalDcOnly(ConsistencyLevel cl, ReplicationStrategy strategy) {
        return cl.isDatacenterLocal() && strategy.isDatacenterAware();
    }

    /** The replicas among {@code replicas} that count towards the level. */
    static List<UUID> countingReplicas(ConsistencyLevel cl, ReplicationStrategy strategy, Topology topology,
                                       String localDc, List<UUID> replicas) {
        if (!countsLocalDcOnly(cl, strategy)) {
            return replicas;
        }
        return replicas.stream().filter(r -> topology.location(r).datacenter().equals(localDc)).toList();
    }
}
