package org.ringlet.api.testing;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.ringlet.api.messaging.Verb;
import org.ringlet.api.runtime.Cancellable;
import org.ringlet.api.runtime.Scheduler;

import static java.util.Objects.requireNonNull;

/**
 * A shared in-memory network for {@link InMemoryMessagingService}s, keyed by host id. Messages are delivered as
 * tasks on the receiving node's {@link Scheduler} after the link's delay, so with a
 * {@link DeterministicScheduler} delivery happens exactly when the test advances time.
 *
 * <p>The test controls the network: {@link #cut(UUID, UUID)} drops one direction of a link,
 * {@link #isolate(UUID)} cuts a node off, {@link #partition(Set, Set)} splits the cluster, {@link #heal()} undoes
 * all of these, {@link #setDelay(UUID, UUID, Duration)} and {@link #setDefaultDelay(Duration)} add latency, and
 * {@link #addFilter(Predicate)} drops any message a predicate selects. A node's messages to itself are never
 * dropped or delayed.
 *
 * <p>Thread-safe.
 */
public final class InMemoryNetwork {

    /** What a message carries. */
    public enum Kind {
        REQUEST, RESPONSE, FAILURE, ONE_WAY
    }

    /**
     * One message on the wire.
     *
     * @param id      the request id (shared by a request and its response); 0 for one-way messages
     * @param from    the sender
     * @param to      the receiver
     * @param verb    the verb
     * @param kind    request, response, failure or one-way
     * @param payload the body (a private copy); empty for failures
     * @param failure the remote error, for {@link Kind#FAILURE}; otherwise null
     */
    public record Message(long id, UUID from, UUID to, Verb verb, Kind kind, ByteBuffer payload, Throwable failure) {
        public Message {
            requireNonNull(from, "from is null");
            requireNonNull(to, "to is null");
            requireNonNull(verb, "verb is null");
            requireNonNull(kind, "kind is null");
            requireNonNull(payload, "payload is null");
        }
    }

    private final Map<UUID, InMemoryMessagingService> nodes = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Predicate<Message>> filters = new CopyOnWriteArrayList<>();
    private final Set<Link> cutLinks = new HashSet<>();
    private final Map<Link, Duration> delays = new HashMap<>();
    private Duration defaultDelay = Duration.ZERO;
    private long sent;
    private long delivered;
    private long dropped;

    /**
     * A messaging service for node {@code hostId} on this network. It is reachable once started and until stopped.
     *
     * @param scheduler the node's scheduler: it runs deliveries to the node and the node's request timeouts
     */
    public InMemoryMessagingService newService(UUID hostId, Scheduler scheduler) {
        return new InMemoryMessagingService(this, hostId, scheduler);
    }

    /** Drops messages from {@code from} to {@code to} (one direction) until {@link #heal()}. */
    public synchronized void cut(UUID from, UUID to) {
        cutLinks.add(new Link(from, to));
    }

    /** Drops messages in both directions between {@code a} and {@code b}. */
    public synchronized void cutBothWays(UUID a, UUID b) {
        cut(a, b);
        cut(b, a);
    }

    /** Drops every message to and from {@code node}, including to nodes that join later. */
    public synchronized void isolate(UUID node) {
        cutLinks.add(new Link(node, null));
        cutLinks.add(new Link(null, node));
    }

    /** Drops every message between a node of {@code side1} and a node of {@code side2}, both ways. */
    public synchronized void partition(Set<UUID> side1, Set<UUID> side2) {
        for (UUID a : side1) {
            for (UUID b : side2) {
                cutBothWays(a, b);
            }
        }
    }

    /** Restores every cut link; delays and filters stay. */
    public synchronized void heal() {
        cutLinks.clear();
    }

    /** Delays messages from {@code from} to {@code to}. */
    public synchronized void setDelay(UUID from, UUID to, Duration delay) {
        requireNonNull(delay, "delay is null");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        delays.put(new Link(requireNonNull(from, "from is null"), requireNonNull(to, "to is null")), delay);
    }

    /** The delay of every link without its own. */
    public synchronized void setDefaultDelay(Duration delay) {
        requireNonNull(delay, "delay is null");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        defaultDelay = delay;
    }

    /**
     * Drops every message {@code dropIf} selects, until the returned handle is cancelled.
     */
    public Cancellable addFilter(Predicate<Message> dropIf) {
        requireNonNull(dropIf, "dropIf is null");
        filters.add(dropIf);
        return new Cancellable() {
            private volatile boolean cancelled;

            @Override
            public void cancel() {
                cancelled = true;
                filters.remove(dropIf);
            }

            @Override
            public boolean isCancelled() {
                return cancelled;
            }
        };
    }

    /** Messages handed to the network so far. */
    public synchronized long sentCount() {
        return sent;
    }

    /** Messages delivered to a running node so far. */
    public synchronized long deliveredCount() {
        return delivered;
    }

    /** Messages dropped so far (cut links, filters, or a receiver that is not running). */
    public synchronized long droppedCount() {
        return dropped;
    }

    /** The host ids of the running nodes. */
    public Set<UUID> members() {
        return Set.copyOf(nodes.keySet());
    }

    void register(InMemoryMessagingService service) {
        InMemoryMessagingService previous = nodes.putIfAbsent(service.hostId(), service);
        if (previous != null && previous != service) {
            throw new IllegalStateException("host id " + service.hostId() + " is already on this network");
        }
    }

    void unregister(InMemoryMessagingService service) {
        nodes.remove(service.hostId(), service);
    }

    void send(Message message) {
        Duration delay;
        synchronized (this) {
            sent++;
            boolean self = message.from().equals(message.to());
            if (!self && isCut(message)) {
                dropped++;
                return;
            }
            delay = self ? Duration.ZERO : delays.getOrDefault(new Link(message.from(), message.to()), defaultDelay);
        }
        InMemoryMessagingService target = nodes.get(message.to());
        if (target == null) {
            countDropped();
            return;
        }
        target.scheduler().schedule(() -> deliver(message), delay);
    }

    private void deliver(Message message) {
        InMemoryMessagingService target = nodes.get(message.to());
        if (target == null) {
            countDropped();
            return;
        }
        synchronized (this) {
            delivered++;
        }
        target.receive(message);
    }

    private synchronized void countDropped() {
        dropped++;
    }

    private boolean isCut(Message m) {
        if (cutLinks.contains(new Link(m.from(), m.to())) || cutLinks.contains(new Link(m.from(), null))
                || cutLinks.contains(new Link(null, m.to()))) {
            return true;
        }
        for (Predicate<Message> filter : filters) {
            if (filter.test(m)) {
                return true;
            }
        }
        return false;
    }

    /** A directed link; a null end stands for every node. */
    private record Link(UUID from, UUID to) {
    }
}
