package org.ringlet.api.testing.golden;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

import org.ringlet.api.ring.NodeInfo;
import org.ringlet.api.ring.Token;
import org.ringlet.api.ring.Topology;
import org.ringlet.api.testing.LongToken;
import org.ringlet.api.testing.Rings;

/**
 * Replica placements computed by Apache Cassandra on rings of Murmur3 (long) tokens, read from a golden file:
 *
 * <pre>
 * ring NAME
 * node INDEX DC RACK TOKEN,TOKEN,...        (host id and address as {@link Rings#hostId}/{@link Rings#address})
 * strategy CLASS OPTIONS                     (Cassandra's short class name; options as {@link GoldenText#options})
 * at TOKEN R|R|...                           (replicas of TOKEN per strategy, in order: node indexes, '-' for none)
 * end
 * </pre>
 */
public final class PlacementGolden {
    private PlacementGolden() {
    }

    /** A strategy as Cassandra was given it. */
    public record StrategyCase(String cassandraClass, Map<String, String> options) {
    }

    /** The replicas Cassandra computed for one token, per strategy of the ring (host ids, in order). */
    public record Expectation(Token token, List<List<UUID>> replicas, int line) {
    }

    /** One ring with its strategies and expectations. */
    public record Ring(String name, Topology topology, List<StrategyCase> strategies, List<Expectation> expectations) {
    }

    /** Reads a placement golden file from the classpath. */
    public static List<Ring> read(Class<?> anchor, String resource) {
        List<Ring> rings = new ArrayList<>();
        String name = null;
        List<NodeInfo> nodes = new ArrayList<>();
        List<StrategyCase> strategies = new ArrayList<>();
        List<Expectation> expectations = new ArrayList<>();
        for (GoldenText.Line line : GoldenText.readResource(anchor, resource)) {
            String[] f = line.fields(-1);
            switch (f[0]) {
                case "ring" -> {
                    name = f[1];
                    nodes = new ArrayList<>();
                    strategies = new ArrayList<>();
                    expectations = new ArrayList<>();
                }
                case "node" -> {
                    SortedSet<Token> tokens = new TreeSet<>();
                    for (String t : f[4].split(",")) {
                        tokens.add(LongToken.of(Long.parseLong(t)));
                    }
                    nodes.add(Rings.node(Integer.parseInt(f[1]), f[2], f[3], tokens));
                }
                case "strategy" -> strategies.add(new StrategyCase(f[1], GoldenText.options(f[2])));
                case "at" -> {
                    String[] perStrategy = f[2].split("\\|", -1);
                    if (perStrategy.length != strategies.size()) {
                        throw line.error("expected " + strategies.size() + " replica lists");
                    }
                    List<List<UUID>> replicas = new ArrayList<>();
                    for (String list : perStrategy) {
                        List<UUID> ids = new ArrayList<>();
                        if (!list.equals("-")) {
                            for (String index : list.split(",")) {
                                ids.add(Rings.hostId(Integer.parseInt(index)));
                            }
                        }
                        replicas.add(List.copyOf(ids));
                    }
                    expectations.add(new Expectation(LongToken.of(Long.parseLong(f[1])), List.copyOf(replicas),
                            line.number()));
                }
                case "end" -> {
                    if (name == null) {
                        throw line.error("end without ring");
                    }
                    rings.add(new Ring(name, Topology.builder().addAll(nodes).build(), List.copyOf(strategies),
                            List.copyOf(expectations)));
                    name = null;
                }
                default -> throw line.error("unknown record");
            }
        }
        if (name != null) {
            throw new IllegalStateException("ring " + name + " has no end");
        }
        return List.copyOf(rings);
    }
}
