package org.ringlet.oracle;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.cassandra.config.DatabaseDescriptor;
import org.apache.cassandra.db.marshal.ByteBufferAccessor;
import org.apache.cassandra.db.marshal.CompositeType;
import org.apache.cassandra.dht.ByteOrderedPartitioner;
import org.apache.cassandra.dht.IPartitioner;
import org.apache.cassandra.dht.Murmur3Partitioner;
import org.apache.cassandra.dht.RandomPartitioner;
import org.apache.cassandra.dht.Token;
import org.apache.cassandra.exceptions.ConfigurationException;
import org.apache.cassandra.locator.AbstractNetworkTopologySnitch;
import org.apache.cassandra.locator.AbstractReplicationStrategy;
import org.apache.cassandra.locator.IEndpointSnitch;
import org.apache.cassandra.locator.InetAddressAndPort;
import org.apache.cassandra.locator.NetworkTopologyStrategy;
import org.apache.cassandra.locator.Replica;
import org.apache.cassandra.locator.SimpleStrategy;
import org.apache.cassandra.locator.TokenMetadata;
import org.apache.cassandra.service.ClientState;
import org.apache.cassandra.service.ClientWarn;
import org.apache.cassandra.service.StorageService;
import org.ringlet.api.ring.NodeInfo;
import org.ringlet.api.testing.LongToken;
import org.ringlet.api.testing.Rings;

/**
 * Apache Cassandra 5.0.6 itself, used as the reference: its partitioners, its replication strategies on a
 * {@link TokenMetadata} built from a Ringlet topology, and its CREATE/ALTER KEYSPACE option handling.
 *
 * <p>Cassandra keeps its configuration in process-wide singletons; this class initializes them once, in client
 * mode, with a snitch whose local datacenter is {@code dc1}.
 */
final class CassandraOracle {
    /** The local datacenter of the (simulated) node that runs CREATE and ALTER KEYSPACE. */
    static final String LOCAL_DC = "dc1";

    private static final Map<InetAddressAndPort, String[]> GLOBAL_LOCATIONS =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final IEndpointSnitch GLOBAL_SNITCH = new MapSnitch(GLOBAL_LOCATIONS);

    static {
        DatabaseDescriptor.clientInitialization();
        DatabaseDescriptor.setEndpointSnitch(GLOBAL_SNITCH);
    }

    private CassandraOracle() {
    }

    /** A snitch that knows each endpoint's datacenter and rack from a map. */
    private static final class MapSnitch extends AbstractNetworkTopologySnitch {
        private final Map<InetAddressAndPort, String[]> locations;

        MapSnitch(Map<InetAddressAndPort, String[]> locations) {
            this.locations = locations;
        }

        @Override
        public String getRack(InetAddressAndPort endpoint) {
            return locations.get(endpoint)[1];
        }

        @Override
        public String getDatacenter(InetAddressAndPort endpoint) {
            return locations.get(endpoint)[0];
        }

        @Override
        public String getLocalDatacenter() {
            return LOCAL_DC;
        }

        @Override
        public String getLocalRack() {
            return "r1";
        }
    }

    static InetAddressAndPort endpoint(int index) {
        InetAddress address = Rings.address(index);
        return InetAddressAndPort.getByAddress(address);
    }

    // ---- partitioners

    static String murmur3(ByteBuffer key) {
        return Murmur3Partitioner.instance.getToken(key.duplicate()).toString();
    }

    static String random(ByteBuffer key) {
        return RandomPartitioner.instance.getToken(key.duplicate()).toString();
    }

    /** Cassandra's serialized form of a composite partition key. */
    static ByteBuffer composite(List<ByteBuffer> components) {
        return CompositeType.build(ByteBufferAccessor.instance, components.stream().map(ByteBuffer::duplicate)
                .toArray(ByteBuffer[]::new));
    }

    static IPartitioner partitioner(String name) {
        return switch (name) {
            case "murmur3" -> Murmur3Partitioner.instance;
            case "random" -> RandomPartitioner.instance;
            case "byte-ordered" -> ByteOrderedPartitioner.instance;
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static Token token(IPartitioner p, String s) {
        return p.getTokenFactory().fromString(s);
    }

    static String midpoint(String partitioner, String left, String right) {
        IPartitioner p = partitioner(partitioner);
        return p.getTokenFactory().toString(p.midpoint(token(p, left), token(p, right)));
    }

    static String split(String partitioner, String left, String right, double ratio) {
        IPartitioner p = partitioner(partitioner);
        return p.getTokenFactory().toString(p.split(token(p, left), token(p, right), ratio));
    }

    // ---- placement

    /** A TokenMetadata and snitch holding the nodes of a Ringlet topology (Murmur3 long tokens). */
    static final class Ring {
        final Map<InetAddressAndPort, String[]> locations = new HashMap<>();
        final IEndpointSnitch snitch = new MapSnitch(locations);
        final TokenMetadata metadata = new TokenMetadata(snitch);
        final Map<InetAddressAndPort, Integer> indexes = new HashMap<>();

        Ring(Iterable<NodeInfo> nodes) {
            for (NodeInfo n : nodes) {
                InetAddressAndPort ep = endpoint(Rings.index(n.hostId()));
                locations.put(ep, new String[] {n.location().datacenter(), n.location().rack()});
                indexes.put(ep, Rings.index(n.hostId()));
                List<Token> tokens = new ArrayList<>();
                n.tokens().forEach(t -> tokens.add(new Murmur3Partitioner.LongToken(((LongToken) t).value())));
                metadata.updateNormalTokens(tokens, ep);
            }
        }

        /** The replicas (node indexes) of a token under a strategy. */
        List<Integer> replicas(AbstractReplicationStrategy strategy, long token) {
            List<Integer> out = new ArrayList<>();
            for (Replica r : strategy.calculateNaturalReplicas(new Murmur3Partitioner.LongToken(token), metadata)) {
                out.add(indexes.get(r.endpoint()));
            }
            return out;
        }

        AbstractReplicationStrategy strategy(String cassandraClass, Map<String, String> options) {
            return switch (cassandraClass) {
                case "SimpleStrategy" -> new SimpleStrategy("ks", metadata, snitch, new HashMap<>(options));
                case "NetworkTopologyStrategy" -> new NetworkTopologyStrategy("ks", metadata, snitch,
                        new HashMap<>(options));
                default -> throw new IllegalArgumentException(cassandraClass);
            };
        }
    }

    // ---- CREATE / ALTER KEYSPACE

    /** What CREATE or ALTER KEYSPACE did with replication options. */
    record Outcome(Map<String, String> stored, List<String> warnings, String error) {
    }

    /**
     * Sorts the datacenter set a message ends with ({@code ...: [dc2, dc1]}): Cassandra prints it in the order
     * of an internal hash multimap, which carries no meaning; Ringlet prints it sorted.
     */
    static String sortSetInMessage(String message) {
        if (message == null || !message.startsWith("Following datacenters have active nodes")) {
            return message;
        }
        int open = message.lastIndexOf('[');
        List<String> items = new ArrayList<>(List.of(message.substring(open + 1, message.length() - 1).split(", ")));
        items.sort(null);
        return message.substring(0, open) + items;
    }

    /** Makes the node's own ring (StorageService's token metadata) hold these nodes. */
    static synchronized void useCluster(Iterable<NodeInfo> nodes) {
        TokenMetadata tm = StorageService.instance.getTokenMetadata();
        tm.clearUnsafe();
        GLOBAL_LOCATIONS.clear();
        for (NodeInfo n : nodes) {
            InetAddressAndPort ep = endpoint(Rings.index(n.hostId()));
            GLOBAL_LOCATIONS.put(ep, new String[] {n.location().datacenter(), n.location().rack()});
            List<Token> tokens = new ArrayList<>();
            n.tokens().forEach(t -> tokens.add(new Murmur3Partitioner.LongToken(((LongToken) t).value())));
            tm.updateNormalTokens(tokens, ep);
            tm.updateHostId(n.hostId(), ep);
        }
    }

    /**
     * Runs Cassandra's handling of a keyspace's replication options, as CREATE KEYSPACE ({@code previous} null)
     * or ALTER KEYSPACE does for {@code replication = {'class': ..., options in key order}}: the parser's map
     * ({@code convertPropertyMap}), {@code ReplicationParams.fromMapWithDefaults}, then {@code validate}.
     */
    static synchronized Outcome keyspace(String keyspace, String cassandraClass, Map<String, String> options,
                                         Map<String, String> previous) {
        Map<String, String> parsed = new HashMap<>(options.size() + 1);
        parsed.put("class", cassandraClass);
        new TreeMap<>(options).forEach(parsed::put);
        Map<String, String> mutable = new HashMap<>(parsed);
        String cls = mutable.remove("class");
        ClientWarn.instance.captureWarnings();
        try {
            Class<AbstractReplicationStrategy> klass = AbstractReplicationStrategy.getClass(cls);
            // previous options in key order, as Cassandra reads them back from system_schema.keyspaces
            AbstractReplicationStrategy.prepareReplicationStrategyOptions(klass, mutable,
                    previous == null ? Map.of() : com.google.common.collect.ImmutableSortedMap.copyOf(previous));
            Map<String, String> stored = com.google.common.collect.ImmutableMap.copyOf(mutable);
            AbstractReplicationStrategy.validateReplicationStrategy(keyspace, klass,
                    StorageService.instance.getTokenMetadata(), DatabaseDescriptor.getEndpointSnitch(), stored,
                    ClientState.forInternalCalls());
            List<String> warnings = ClientWarn.instance.getWarnings();
            return new Outcome(stored, warnings == null ? List.of() : List.copyOf(warnings), null);
        } catch (ConfigurationException e) {
            return new Outcome(null, List.of(), sortSetInMessage(e.getMessage()));
        } finally {
            ClientWarn.instance.resetWarnings();
        }
    }

}
