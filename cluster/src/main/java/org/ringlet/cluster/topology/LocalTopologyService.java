package org.ringlet.cluster.topology;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.ringlet.api.Service;
import org.ringlet.api.cluster.LocalNodeStore;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.locator.LocationProvider;
import org.ringlet.api.ring.NodeInfo;
import org.ringlet.api.ring.NodeState;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.ring.Token;
import org.ringlet.api.ring.Topology;
import org.ringlet.api.ring.TopologyService;
import org.ringlet.api.runtime.RandomSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The topology of a node that knows only itself: a one-node ring. On its first start the node draws a host id and
 * {@code num_tokens} random tokens (or takes {@code initial_token}) and saves them through the
 * {@link LocalNodeStore}; later starts read them back, so the node keeps its identity and its data's placement.
 * The node's location comes from the {@link LocationProvider}. Membership (gossip) will extend the ring with other
 * nodes through {@link #update}.
 *
 * <p>Thread-safe. {@link #current()} and {@link #localHostId()} may only be called after {@link #start()}.
 */
public final class LocalTopologyService implements TopologyService, Service {
    private static final Logger LOG = LoggerFactory.getLogger(LocalTopologyService.class);

    private final Partitioner partitioner;
    private final String partitionerClassName;
    private final LocationProvider locations;
    private final LocalNodeStore store;
    private final RandomSource random;
    private final LocalTopologyConfig config;
    private final Executor listenerExecutor;
    private final List<Consumer<Topology>> listeners = new CopyOnWriteArrayList<>();
    private final Deque<Topology> pending = new ArrayDeque<>();
    private boolean draining;
    private volatile Topology current;
    private volatile UUID hostId;

    /**
     * @param partitioner          the cluster's partitioner
     * @param partitionerClassName how {@code system.local} shows it (the registry's display class name)
     * @param listenerExecutor     where topology listeners are called (the scheduler's compute executor)
     */
    public LocalTopologyService(Partitioner partitioner, String partitionerClassName, LocationProvider locations,
                                LocalNodeStore store, RandomSource random, LocalTopologyConfig config,
                                Executor listenerExecutor) {
        this.partitioner = requireNonNull(partitioner, "partitioner is null");
        this.partitionerClassName = requireNonNull(partitionerClassName, "partitionerClassName is null");
        this.locations = requireNonNull(locations, "locations is null");
        this.store = requireNonNull(store, "store is null");
        this.random = requireNonNull(random, "random is null");
        this.config = requireNonNull(config, "config is null");
        this.listenerExecutor = requireNonNull(listenerExecutor, "listenerExecutor is null");
    }

    /** Loads or creates this node's host id and tokens, and builds the one-node ring. */
    @Override
    public synchronized void start() {
        Optional<UUID> saved = store.hostId();
        UUID id = saved.orElseGet(random::randomUuid);
        if (saved.isEmpty()) {
            store.saveHostId(id);
            LOG.info("This node's host id is {} (new)", id);
        }
        SortedSet<Token> tokens = new TreeSet<>();
        List<String> savedTokens = store.tokens();
        if (!savedTokens.isEmpty()) {
            for (String t : savedTokens) {
                tokens.add(partitioner.fromString(t));
            }
            if (!config.initialTokens().isEmpty() && !sameTokens(tokens, config.initialTokens())) {
                LOG.warn("Ignoring initial_token: this node already owns {} saved tokens", tokens.size());
            }
        } else {
            tokens = firstTokens();
            List<String> strings = new ArrayList<>();
            tokens.forEach(t -> strings.add(partitioner.toString(t)));
            store.saveTokens(strings);
            LOG.info("This node took {} tokens", tokens.size());
        }
        NodeInfo self = new NodeInfo(id, config.listen(), config.nativeAddress(), locations.local(),
                NodeState.NORMAL, tokens);
        this.hostId = id;
        this.current = Topology.builder().add(self).build();
    }

    private boolean sameTokens(SortedSet<Token> tokens, List<String> configured) {
        SortedSet<Token> c = new TreeSet<>();
        configured.forEach(s -> c.add(partitioner.fromString(s)));
        return c.equals(tokens);
    }

    private SortedSet<Token> firstTokens() {
        SortedSet<Token> tokens = new TreeSet<>();
        if (!config.initialTokens().isEmpty()) {
            for (String t : config.initialTokens()) {
                if (!tokens.add(partitioner.fromString(t))) {
                    throw new ConfigurationException("initial_token lists token " + t + " twice");
                }
            }
            return tokens;
        }
        while (tokens.size() < config.numTokens()) {
            tokens.add(partitioner.randomToken(random));
        }
        return tokens;
    }

    @Override
    public void stop() {
        listeners.clear();
    }

    @Override
    public Topology current() {
        Topology t = current;
        if (t == null) {
            throw new IllegalStateException("the topology service has not started");
        }
        return t;
    }

    @Override
    public UUID localHostId() {
        UUID id = hostId;
        if (id == null) {
            throw new IllegalStateException("the topology service has not started");
        }
        return id;
    }

    /** This node's entry in the ring. */
    public NodeInfo localNode() {
        return current().node(localHostId()).orElseThrow();
    }

    @Override
    public Partitioner partitioner() {
        return partitioner;
    }

    @Override
    public String partitionerClassName() {
        return partitionerClassName;
    }

    @Override
    public void addListener(Consumer<Topology> listener) {
        listeners.add(requireNonNull(listener, "listener is null"));
    }

    /**
     * Makes a newer topology current and tells the listeners (on the listener executor, in version order).
     *
     * @throws IllegalArgumentException when {@code next} is not newer than the current topology
     */
    public synchronized void update(Topology next) {
        if (next.version() <= current().version()) {
            throw new IllegalArgumentException("topology version " + next.version() + " is not newer than "
                    + current.version());
        }
        current = next;
        pending.add(next);
        if (!draining) {
            draining = true;
            listenerExecutor.execute(this::drain);
        }
    }

    /** Tells listeners about pending topologies one at a time, in order, on the listener executor. */
    private void drain() {
        while (true) {
            Topology next;
            synchronized (this) {
                next = pending.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
            }
            for (Consumer<Topology> l : listeners) {
                try {
                    l.accept(next);
                } catch (RuntimeException e) {
                    LOG.error("Topology listener {} failed", l, e);
                }
            }
        }
    }

    @Override
    public String serviceName() {
        return "topology";
    }
}
