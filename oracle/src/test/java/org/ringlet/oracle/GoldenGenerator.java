package org.ringlet.oracle;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import java.util.TreeSet;

import org.apache.cassandra.locator.AbstractReplicationStrategy;
import org.ringlet.api.ring.NodeInfo;
import org.ringlet.api.ring.Topology;
import org.ringlet.api.testing.LongToken;
import org.ringlet.api.testing.Rings;
import org.ringlet.api.testing.golden.GoldenText;

/**
 * Generates the golden files from Cassandra 5.0.6, deterministically (fixed seeds), in the formats that
 * {@code TokenGolden} (partitioner tests), {@link org.ringlet.api.testing.golden.PlacementGolden} and
 * {@link org.ringlet.api.testing.golden.ValidationGolden} read.
 */
final class GoldenGenerator {
    static final String HEADER = "# Generated from Apache Cassandra 5.0.6 (cassandra-all) by the oracle profile:\n"
            + "#   mvn -B -Poracle -pl oracle -am verify -Dringlet.oracle.write=true\n"
            + "# Do not edit by hand.\n";

    private GoldenGenerator() {
    }

    private static String hex(ByteBuffer b) {
        byte[] bytes = new byte[b.remaining()];
        b.duplicate().get(bytes);
        return bytes.length == 0 ? "-" : HexFormat.of().formatHex(bytes);
    }

    // ---- tokens

    static String tokens() {
        StringBuilder out = new StringBuilder(HEADER);
        out.append("# key TYPE HEX MURMUR3 RANDOM | mid PARTITIONER L R MID | split PARTITIONER L R RATIO TOKEN\n");
        for (Keys.Key key : Keys.generate(20240501L, 150)) {
            ByteBuffer serialized;
            String hex;
            if (key.type().equals("composite")) {
                serialized = CassandraOracle.composite(key.components());
                StringJoiner j = new StringJoiner(":");
                key.components().forEach(c -> j.add(hex(c).equals("-") ? "" : hex(c)));
                hex = j.toString();
            } else {
                serialized = key.components().get(0);
                hex = hex(serialized);
            }
            out.append("key ").append(key.type()).append(' ').append(hex).append(' ')
                    .append(CassandraOracle.murmur3(serialized)).append(' ')
                    .append(CassandraOracle.random(serialized)).append('\n');
        }
        Random r = new Random(77);
        for (String[] pair : longPairs(r, 150)) {
            out.append("mid murmur3 ").append(pair[0]).append(' ').append(pair[1]).append(' ')
                    .append(CassandraOracle.midpoint("murmur3", pair[0], pair[1])).append('\n');
        }
        for (String[] pair : longPairs(r, 150)) {
            double ratio = ratio(r);
            out.append("split murmur3 ").append(pair[0]).append(' ').append(pair[1]).append(' ').append(ratio)
                    .append(' ').append(CassandraOracle.split("murmur3", pair[0], pair[1], ratio)).append('\n');
        }
        for (String[] pair : bigPairs(r, 150)) {
            out.append("mid random ").append(pair[0]).append(' ').append(pair[1]).append(' ')
                    .append(CassandraOracle.midpoint("random", pair[0], pair[1])).append('\n');
        }
        for (String[] pair : bigPairs(r, 150)) {
            double ratio = ratio(r);
            out.append("split random ").append(pair[0]).append(' ').append(pair[1]).append(' ').append(ratio)
                    .append(' ').append(CassandraOracle.split("random", pair[0], pair[1], ratio)).append('\n');
        }
        for (String[] pair : bytePairs(r, 150)) {
            String mid = CassandraOracle.midpoint("byte-ordered", pair[0], pair[1]);
            out.append("mid byte-ordered ").append(dash(pair[0])).append(' ').append(dash(pair[1])).append(' ')
                    .append(dash(mid)).append('\n');
        }
        return out.toString();
    }

    private static String dash(String s) {
        return s.isEmpty() ? "-" : s;
    }

    static double ratio(Random r) {
        return switch (r.nextInt(8)) {
            case 0 -> 0.0;
            case 1 -> 1.0;
            case 2 -> 0.5;
            default -> r.nextDouble();
        };
    }

    /** Pairs of Murmur3 tokens: random, equal, adjacent, and the extremes. */
    static List<String[]> longPairs(Random r, int n) {
        long[] special = {Long.MIN_VALUE, Long.MIN_VALUE + 1, -1, 0, 1, Long.MAX_VALUE - 1, Long.MAX_VALUE};
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long a = r.nextInt(4) == 0 ? special[r.nextInt(special.length)] : r.nextLong();
            long b = switch (r.nextInt(6)) {
                case 0 -> a;
                case 1 -> a + 1;
                case 2 -> special[r.nextInt(special.length)];
                default -> r.nextLong();
            };
            out.add(new String[] {Long.toString(a), Long.toString(b)});
        }
        return out;
    }

    /** Pairs of RandomPartitioner tokens in [0, 2^127], the minimum (-1) included. */
    static List<String[]> bigPairs(Random r, int n) {
        BigInteger max = BigInteger.ONE.shiftLeft(127);
        BigInteger[] special = {BigInteger.ONE.negate(), BigInteger.ZERO, BigInteger.ONE, max.subtract(BigInteger.ONE),
                max};
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BigInteger a = r.nextInt(4) == 0 ? special[r.nextInt(special.length)] : new BigInteger(127, r);
            BigInteger b = switch (r.nextInt(6)) {
                case 0 -> a;
                case 1 -> a.add(BigInteger.ONE).min(max);
                case 2 -> special[r.nextInt(special.length)];
                default -> new BigInteger(127, r);
            };
            out.add(new String[] {a.toString(), b.toString()});
        }
        return out;
    }

    /**
     * Pairs of ByteOrdered tokens (hex) of 0..6 bytes, prefixes included; pairs whose right bound only extends
     * the left one with zero bytes are left out (Ringlet deliberately differs there).
     */
    static List<String[]> bytePairs(Random r, int n) {
        List<String[]> out = new ArrayList<>();
        while (out.size() < n) {
            byte[] a = new byte[r.nextInt(7)];
            r.nextBytes(a);
            byte[] b;
            if (r.nextInt(4) == 0) {
                b = java.util.Arrays.copyOf(a, a.length + 1 + r.nextInt(2));
                b[b.length - 1] = (byte) r.nextInt(256);
            } else {
                b = new byte[r.nextInt(7)];
                r.nextBytes(b);
            }
            int sig = Math.max(a.length, b.length);
            boolean zeroExtension = java.util.Arrays.compareUnsigned(a, b) < 0
                    && new BigInteger(1, java.util.Arrays.copyOf(a, sig))
                    .equals(new BigInteger(1, java.util.Arrays.copyOf(b, sig)));
            if (!zeroExtension) {
                out.add(new String[] {HexFormat.of().formatHex(a), HexFormat.of().formatHex(b)});
            }
        }
        return out;
    }

    // ---- placement

    /** A random ring and its strategies, for one golden ring. */
    record RingCase(String name, Topology topology, List<String> classes, List<Map<String, String>> options) {
    }

    /** Strategies for a ring: three SimpleStrategy factors, or three random NetworkTopologyStrategy maps. */
    static RingCase ringCase(Random r, int number, boolean nts, int maxNodes, int maxTokens) {
        Topology topology = Rings.random(r, nts ? 3 : 2, nts ? 4 : 2, maxNodes, maxTokens);
        List<String> classes = new ArrayList<>();
        List<Map<String, String>> options = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            Map<String, String> o = new LinkedHashMap<>();
            if (nts) {
                for (String dc : topology.datacenters()) {
                    o.put(dc, Integer.toString(r.nextInt(5)));
                }
                if (r.nextInt(4) == 0) {
                    o.put("dc9", "2");
                }
                classes.add("NetworkTopologyStrategy");
            } else {
                o.put("replication_factor", Integer.toString(s == 0 ? 1 : s == 1 ? 3 : 2 + r.nextInt(5)));
                classes.add("SimpleStrategy");
            }
            options.add(o);
        }
        return new RingCase((nts ? "nts-" : "simple-") + number, topology, classes, options);
    }

    /** The tokens whose replicas a ring case checks: every ring token, its neighbours, and a few random ones. */
    static List<Long> queryTokens(Random r, Topology topology, int random) {
        TreeSet<Long> out = new TreeSet<>();
        for (var t : topology.sortedTokens()) {
            long v = ((LongToken) t).value();
            out.add(v);
            if (v != Long.MAX_VALUE) {
                out.add(v + 1);
            }
        }
        out.add(Long.MIN_VALUE);
        out.add(Long.MAX_VALUE);
        for (int i = 0; i < random; i++) {
            out.add(r.nextLong());
        }
        return new ArrayList<>(out);
    }

    static String placement(boolean nts, long seed, int rings) {
        Random r = new Random(seed);
        StringBuilder out = new StringBuilder(HEADER);
        out.append("# ring NAME | node INDEX DC RACK TOKENS | strategy CLASS OPTIONS | at TOKEN REPLICAS|... | end\n");
        for (int i = 0; i < rings; i++) {
            RingCase c = ringCase(r, i, nts, 10, 4);
            out.append("ring ").append(c.name()).append('\n');
            for (NodeInfo n : c.topology().nodes()) {
                StringJoiner tokens = new StringJoiner(",");
                n.tokens().forEach(t -> tokens.add(t.toString()));
                out.append("node ").append(Rings.index(n.hostId())).append(' ').append(n.location().datacenter())
                        .append(' ').append(n.location().rack()).append(' ').append(tokens).append('\n');
            }
            CassandraOracle.Ring ring = new CassandraOracle.Ring(c.topology().nodes());
            List<AbstractReplicationStrategy> strategies = new ArrayList<>();
            for (int s = 0; s < c.classes().size(); s++) {
                out.append("strategy ").append(c.classes().get(s)).append(' ')
                        .append(GoldenText.options(c.options().get(s))).append('\n');
                strategies.add(ring.strategy(c.classes().get(s), c.options().get(s)));
            }
            List<Long> tokens = queryTokens(r, c.topology(), 4);
            // every ring token's own range is covered by the token itself; keep its neighbour only sometimes
            for (long t : tokens) {
                if (!c.topology().tokenOwners().containsKey(LongToken.of(t)) && r.nextInt(4) != 0
                        && t != Long.MIN_VALUE && t != Long.MAX_VALUE) {
                    continue;
                }
                StringJoiner lists = new StringJoiner("|");
                for (AbstractReplicationStrategy s : strategies) {
                    StringJoiner ids = new StringJoiner(",");
                    ring.replicas(s, t).forEach(id -> ids.add(Integer.toString(id)));
                    lists.add(ids.length() == 0 ? "-" : ids.toString());
                }
                out.append("at ").append(t).append(' ').append(lists).append('\n');
            }
            out.append("end\n");
        }
        return out.toString();
    }

    // ---- CREATE / ALTER KEYSPACE

    /** The cluster the validation cases run against: dc1 has three nodes on two racks, dc2 one, dc3 two. */
    static Topology validationCluster() {
        return Topology.builder()
                .add(Rings.node(0, "dc1", "r1", -6000))
                .add(Rings.node(1, "dc1", "r1", -3000))
                .add(Rings.node(2, "dc1", "r2", 0))
                .add(Rings.node(3, "dc2", "r1", 3000))
                .add(Rings.node(4, "dc3", "r1", 6000))
                .add(Rings.node(5, "dc3", "r2", 9000))
                .build();
    }

    /** One statement: keyspace, class, options, previous options (null for CREATE). */
    record Statement(String keyspace, String cls, Map<String, String> options, Map<String, String> previous) {
    }

    static Map<String, String> map(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static List<Statement> simpleStatements() {
        String s = "SimpleStrategy";
        List<Statement> out = new ArrayList<>();
        for (String rf : new String[] {"1", "3", "6", "0", "00", "+2", "3/0", "-1", "abc", "", " 3", "3/1", "1/2/3",
                "3/", "-1/1", "2147483648"}) {
            out.add(new Statement("ks", s, map("replication_factor", rf), null));
        }
        out.add(new Statement("ks", s, map(), null));
        out.add(new Statement("ks", s, map("replication_factor", "2", "dc1", "3"), null));
        out.add(new Statement("ks", s, map("foo", "1", "bar", "2", "baz", "3"), null));
        out.add(new Statement("ks", s, map("Replication_Factor", "3"), null));
        out.add(new Statement("ks", s, map("replication_factor", "x", "foo", "1"), null));
        out.add(new Statement("ks", s, map(), map("replication_factor", "3")));
        out.add(new Statement("ks", s, map(), map("dc1", "2", "dc2", "1")));
        out.add(new Statement("ks", s, map("replication_factor", "2"), map("replication_factor", "3")));
        out.add(new Statement("system_auth", s, map("replication_factor", "9"), null));
        out.add(new Statement("system_traces", s, map("replication_factor", "9"), null));
        return out;
    }

    static List<Statement> ntsStatements() {
        String n = "NetworkTopologyStrategy";
        List<Statement> out = new ArrayList<>();
        String[][] creates = {
                {"dc1", "3", "dc2", "1"}, {"dc1", "3"}, {"dc1", "5"}, {"dc1", "2", "dc2", "2", "dc3", "3"},
                {"replication_factor", "2"}, {"replication_factor", "2", "dc1", "3"}, {}, {"replication_factor", "0"},
                {"dc1", "0"}, {"dc1", "0", "dc2", "1"}, {"dc1", "00"}, {"dc9", "1"}, {"dc8", "1", "dc9", "1"},
                {"dc1", "1", "dc7", "1", "dc8", "2", "dc9", "3"}, {"dc1", "abc"}, {"dc1", "-1"}, {"dc1", ""},
                {"dc1", "3/1"}, {"dc1", "3/0"}, {"dc1", " 1"}, {"dc1", "1", "dc9", "x"}, {"dc1", "x", "dc2", "y"},
                {"replication_factor", "abc"}, {"replication_factor", "abc", "dc1", "2"}, {"replication_factor", "-1"},
                {"replication_factor", "3/0"}, {"Replication_Factor", "3"}, {"REPLICATION_FACTOR", "1", "dc1", "1"},
                {"DC1", "1"}, {"dc1", "2", "dc2", "9", "dc3", "9"}};
        for (String[] kv : creates) {
            out.add(new Statement("ks", n, map(kv), null));
        }
        out.add(new Statement("ks", n, map("replication_factor", "3"), map("dc1", "1")));
        out.add(new Statement("ks", n, map(), map("replication_factor", "2")));
        out.add(new Statement("ks", n, map("dc2", "2"), map("dc1", "1")));
        out.add(new Statement("ks", n, map("replication_factor", "3"), map("replication_factor", "2")));
        out.add(new Statement("ks", n, map("replication_factor", "1"), map("dc1", "3", "dc9", "2")));
        out.add(new Statement("ks", n, map(), map("dc1", "3")));
        out.add(new Statement("system_auth", n, map("dc1", "1"), null));
        out.add(new Statement("system_auth", n, map("dc1", "1", "dc2", "1", "dc3", "1"), null));
        out.add(new Statement("system_auth", n, map("replication_factor", "3"), null));
        out.add(new Statement("system_distributed", n, map("dc1", "9"), null));
        return out;
    }

    static String validation(List<Statement> statements) {
        Topology cluster = validationCluster();
        CassandraOracle.useCluster(cluster.nodes());
        StringBuilder out = new StringBuilder(HEADER);
        out.append("# node INDEX DC RACK TOKEN | keyspace NAME | create CLASS OPTIONS | alter CLASS OPTIONS PREVIOUS"
                + " | ok OPTIONS | warn MESSAGE | error MESSAGE\n");
        out.append("# the statements run on node 0 (datacenter ").append(CassandraOracle.LOCAL_DC).append(")\n");
        for (NodeInfo node : cluster.nodes()) {
            out.append("node ").append(Rings.index(node.hostId())).append(' ').append(node.location().datacenter())
                    .append(' ').append(node.location().rack()).append(' ').append(node.tokens().first()).append('\n');
        }
        String keyspace = null;
        for (Statement s : statements) {
            if (!s.keyspace().equals(keyspace)) {
                keyspace = s.keyspace();
                out.append("keyspace ").append(keyspace).append('\n');
            }
            if (s.previous() == null) {
                out.append("create ").append(s.cls()).append(' ').append(GoldenText.options(s.options())).append('\n');
            } else {
                out.append("alter ").append(s.cls()).append(' ').append(GoldenText.options(s.options())).append(' ')
                        .append(GoldenText.options(s.previous())).append('\n');
            }
            CassandraOracle.Outcome o = CassandraOracle.keyspace(s.keyspace(), s.cls(), s.options(), s.previous());
            if (o.error() != null) {
                out.append("error ").append(o.error()).append('\n');
            } else {
                out.append("ok ").append(GoldenText.options(new java.util.TreeMap<>(o.stored()))).append('\n');
                List<String> warnings = new ArrayList<>(o.warnings());
                warnings.sort(null);
                warnings.forEach(w -> out.append("warn ").append(w).append('\n'));
            }
        }
        return out.toString();
    }
}
