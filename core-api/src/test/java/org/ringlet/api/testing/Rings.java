package org.ringlet.api.testing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

import org.ringlet.api.locator.Endpoint;
import org.ringlet.api.locator.Location;
import org.ringlet.api.ring.NodeInfo;
import org.ringlet.api.ring.NodeState;
import org.ringlet.api.ring.Token;
import org.ringlet.api.ring.Topology;

/**
 * Builds {@link Topology topologies} of {@link LongToken}s for tests: nodes with predictable host ids and
 * loopback addresses, and random multi-datacenter, multi-rack rings from a seed.
 */
public final class Rings {
    private Rings() {
    }

    /** The host id of node {@code index}: {@code 00000000-0000-0000-0000-<index+1>}. */
    public static UUID hostId(int index) {
        return new UUID(0L, index + 1L);
    }

    /** The index of a host id made by {@link #hostId(int)}. */
    public static int index(UUID hostId) {
        return (int) (hostId.getLeastSignificantBits() - 1);
    }

    /** The loopback address of node {@code index}: 127.0.x.y, starting at 127.0.0.1. */
    public static InetAddress address(int index) {
        try {
            int n = index + 1;
            return InetAddress.getByAddress(new byte[] {127, 0, (byte) (n / 250), (byte) (n % 250 + 1)});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A NORMAL node {@code index} at {@code dc}/{@code rack} owning these tokens. */
    public static NodeInfo node(int index, String dc, String rack, Set<? extends Token> tokens) {
        Endpoint internode = new Endpoint(address(index), 7000);
        Endpoint nativeEndpoint = new Endpoint(address(index), 9042);
        return new NodeInfo(hostId(index), internode, nativeEndpoint, new Location(dc, rack), NodeState.NORMAL,
                new TreeSet<>(tokens));
    }

    /** A NORMAL node {@code index} at {@code dc}/{@code rack} owning these {@link LongToken}s. */
    public static NodeInfo node(int index, String dc, String rack, long... tokens) {
        SortedSet<Token> set = new TreeSet<>();
        for (long t : tokens) {
            set.add(LongToken.of(t));
        }
        return node(index, dc, rack, set);
    }

    /**
     * A random ring: {@code 1..maxDcs} datacenters named {@code dc1..}, each with {@code 1..maxRacks} racks
     * named {@code rack1..} and at least one node; {@code 1..maxNodes} nodes in all, each with
     * {@code 1..maxTokens} distinct random tokens.
     */
    public static Topology random(Random random, int maxDcs, int maxRacks, int maxNodes, int maxTokens) {
        int dcs = 1 + random.nextInt(maxDcs);
        int nodes = Math.max(dcs, 1 + random.nextInt(maxNodes));
        int[] racksPerDc = new int[dcs];
        for (int d = 0; d < dcs; d++) {
            racksPerDc[d] = 1 + random.nextInt(maxRacks);
        }
        Set<Long> used = new HashSet<>();
        List<NodeInfo> out = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            int dc = i < dcs ? i : random.nextInt(dcs);
            int rack = random.nextInt(racksPerDc[dc]);
            int tokenCount = 1 + random.nextInt(maxTokens);
            long[] tokens = new long[tokenCount];
            for (int t = 0; t < tokenCount; t++) {
                long v;
                do {
                    v = random.nextLong();
                } while (v == Long.MIN_VALUE || !used.add(v));
                tokens[t] = v;
            }
            out.add(node(i, "dc" + (dc + 1), "rack" + (rack + 1), tokens));
        }
        return Topology.builder().addAll(out).build();
    }
}
