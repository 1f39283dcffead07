package org.ringlet.api.ring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.ringlet.api.locator.Location;

import static java.util.Objects.requireNonNull;

/**
 * An immutable, versioned view of the ring: which node owns each token, and each node's address, location and
 * state. Replication strategies are pure functions of a topology. Nodes are identified by host id.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()} or derive one with {@link #withNode}.
 */
public final class Topology {
    private final long version;
    private final NavigableMap<Token, UUID> tokenOwners;
    private final List<Token> sortedTokens;
    private final Map<UUID, NodeInfo> nodes;

    private Topology(long version, Map<UUID, NodeInfo> nodes) {
        this.version = version;
        this.nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        NavigableMap<Token, UUID> owners = new TreeMap<>();
        for (NodeInfo n : nodes.values()) {
            for (Token t : n.tokens()) {
                UUID previous = owners.put(t, n.hostId());
                if (previous != null && !previous.equals(n.hostId())) {
                    throw new IllegalArgumentException("Token " + t + " is owned by both " + previous + " and "
                            + n.hostId());
                }
            }
        }
        this.tokenOwners = Collections.unmodifiableNavigableMap(owners);
        this.sortedTokens = List.copyOf(owners.keySet());
    }

    /** An empty topology at version 0. */
    public static Topology empty() {
        return new Topology(0, Map.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The version; every change makes a topology with a higher version. */
    public long version() {
        return version;
    }

    /** Every token of the ring, sorted. */
    public List<Token> sortedTokens() {
        return sortedTokens;
    }

    /** Tokens to their owners, sorted by token. */
    public NavigableMap<Token, UUID> tokenOwners() {
        return tokenOwners;
    }

    /** The owner of a ring token. */
    public UUID owner(Token ringToken) {
        UUID owner = tokenOwners.get(ringToken);
        if (owner == null) {
            throw new NoSuchElementException("Token " + ringToken + " is not in the ring");
        }
        return owner;
    }

    /** The first ring token at or after {@code token}, wrapping to the first token of the ring. */
    public Token firstTokenAtOrAfter(Token token) {
        if (sortedTokens.isEmpty()) {
            throw new NoSuchElementException("The ring has no tokens");
        }
        Token t = tokenOwners.ceilingKey(token);
        return t != null ? t : tokenOwners.firstKey();
    }

    /** The ring token just before {@code ringToken}, wrapping to the last token of the ring. */
    public Token predecessor(Token ringToken) {
        Token t = tokenOwners.lowerKey(ringToken);
        return t != null ? t : tokenOwners.lastKey();
    }

    /**
     * The ring's tokens clockwise, starting at the first token at or after {@code token}, each once.
     */
    public Iterator<Token> ringFrom(Token token) {
        if (sortedTokens.isEmpty()) {
            return Collections.emptyIterator();
        }
        Token first = firstTokenAtOrAfter(token);
        int start = Collections.binarySearch(sortedTokens, first);
        int n = sortedTokens.size();
        return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < n;
            }

            @Override
            public Token next() {
                if (i >= n) {
                    throw new NoSuchElementException();
                }
                return sortedTokens.get((start + i++) % n);
            }
        };
    }

    /** The node that owns {@code token}'s range: the owner of the first ring token at or after it. */
    public UUID primaryOwner(Token token) {
        return owner(firstTokenAtOrAfter(token));
    }

    /** Every node, in the order they were added. */
    public Collection<NodeInfo> nodes() {
        return nodes.values();
    }

    /** Every node's host id. */
    public Set<UUID> hostIds() {
        return nodes.keySet();
    }

    /** A node by host id. */
    public Optional<NodeInfo> node(UUID hostId) {
        return Optional.ofNullable(nodes.get(hostId));
    }

    /**
     * A node's location.
     *
     * @throws NoSuchElementException when the node is not in this topology
     */
    public Location location(UUID hostId) {
        NodeInfo n = nodes.get(hostId);
        if (n == null) {
            throw new NoSuchElementException("No node " + hostId + " in the topology");
        }
        return n.location();
    }

    /** The datacenters, sorted, with the host ids of their nodes. */
    public Map<String, Set<UUID>> nodesByDatacenter() {
        Map<String, Set<UUID>> out = new TreeMap<>();
        for (NodeInfo n : nodes.values()) {
            out.computeIfAbsent(n.location().datacenter(), k -> new TreeSet<>()).add(n.hostId());
        }
        return out;
    }

    /** The datacenter names, sorted. */
    public Set<String> datacenters() {
        return nodesByDatacenter().keySet();
    }

    /** A topology one version higher with {@code node} added or replaced. */
    public Topology withNode(NodeInfo node) {
        Map<UUID, NodeInfo> copy = new LinkedHashMap<>(nodes);
        copy.put(node.hostId(), node);
        return new Topology(version + 1, copy);
    }

    /** A topology one version higher without the node. */
    public Topology withoutNode(UUID hostId) {
        Map<UUID, NodeInfo> copy = new LinkedHashMap<>(nodes);
        copy.remove(hostId);
        return new Topology(version + 1, copy);
    }

    @Override
    public String toString() {
        return "Topology{version=" + version + ", nodes=" + nodes.size() + ", tokens=" + sortedTokens.size() + "}";
    }

    /** Builds a topology. Not thread-safe. */
    public static final class Builder {
        private long version = 1;
        private final Map<UUID, NodeInfo> nodes = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder version(long v) {
            this.version = v;
            return this;
        }

        public Builder add(NodeInfo node) {
            requireNonNull(node, "node is null");
            nodes.put(node.hostId(), node);
            return this;
        }

        public Builder addAll(Collection<NodeInfo> all) {
            all.forEach(this::add);
            return this;
        }

        public Topology build() {
            return new Topology(version, new LinkedHashMap<>(nodes));
        }
    }

    /** The ring tokens of {@code nodes} as a list, for tests and tools. */
    public static List<Token> tokensOf(Collection<NodeInfo> nodes) {
        List<Token> out = new ArrayList<>();
        nodes.forEach(n -> out.addAll(n.tokens()));
        Collections.sort(out);
        return out;
    }
}
