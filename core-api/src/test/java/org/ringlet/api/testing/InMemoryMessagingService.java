package org.ringlet.api.testing;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.ringlet.api.messaging.MessageHandler;
import org.ringlet.api.messaging.MessagingService;
import org.ringlet.api.messaging.Verb;
import org.ringlet.api.runtime.Cancellable;
import org.ringlet.api.runtime.Scheduler;

import static java.util.Objects.requireNonNull;

/**
 * A {@link MessagingService} on an {@link InMemoryNetwork}. Payloads are copied on send, as serialization would;
 * errors a handler reports reach the requester as the same exception object. Created with
 * {@link InMemoryNetwork#newService(UUID, Scheduler)}; reachable between {@link #start()} and {@link #stop()}.
 *
 * <p>Thread-safe.
 */
public final class InMemoryMessagingService implements MessagingService {
    private final InMemoryNetwork network;
    private final UUID hostId;
    private final Scheduler scheduler;
    private final Map<Verb, MessageHandler> handlers = new ConcurrentHashMap<>();
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private volatile boolean running;

    InMemoryMessagingService(InMemoryNetwork network, UUID hostId, Scheduler scheduler) {
        this.network = requireNonNull(network, "network is null");
        this.hostId = requireNonNull(hostId, "hostId is null");
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
    }

    /** This node's host id. */
    public UUID hostId() {
        return hostId;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public void start() {
        network.register(this);
        running = true;
    }

    /** Leaves the network; requests still waiting for a response fail at once. */
    @Override
    public void stop() {
        running = false;
        network.unregister(this);
        for (Long id : pending.keySet()) {
            Pending p = pending.remove(id);
            if (p != null) {
                p.timeout.cancel();
                p.future.completeExceptionally(new IllegalStateException("messaging service of " + hostId
                        + " stopped before a response to " + p.verb.name() + " arrived"));
            }
        }
    }

    @Override
    public void registerHandler(Verb verb, MessageHandler handler) {
        requireNonNull(verb, "verb is null");
        requireNonNull(handler, "handler is null");
        if (handlers.putIfAbsent(verb, handler) != null) {
            throw new IllegalStateException("verb " + verb + " already has a handler");
        }
    }

    @Override
    public CompletionStage<ByteBuffer> sendRequest(UUID to, Verb verb, ByteBuffer payload, Duration timeout) {
        requireNonNull(to, "to is null");
        requireNonNull(verb, "verb is null");
        requireNonNull(payload, "payload is null");
        requireNonNull(timeout, "timeout is null");
        CompletableFuture<ByteBuffer> future = new CompletableFuture<>();
        if (!running) {
            future.completeExceptionally(new IllegalStateException("messaging service of " + hostId
                    + " is not running"));
            return future;
        }
        long id = nextId.getAndIncrement();
        Cancellable timer = scheduler.schedule(() -> {
            Pending p = pending.remove(id);
            if (p != null) {
                p.future.completeExceptionally(new TimeoutException(verb.name() + " request " + id + " from "
                        + hostId + " to " + to + " timed out after " + timeout.toMillis() + " ms"));
            }
        }, timeout);
        pending.put(id, new Pending(verb, future, timer));
        network.send(new InMemoryNetwork.Message(id, hostId, to, verb, InMemoryNetwork.Kind.REQUEST, copy(payload),
                null));
        return future;
    }

    @Override
    public void sendOneWay(UUID to, Verb verb, ByteBuffer payload) {
        requireNonNull(to, "to is null");
        requireNonNull(verb, "verb is null");
        requireNonNull(payload, "payload is null");
        if (running) {
            network.send(new InMemoryNetwork.Message(0, hostId, to, verb, InMemoryNetwork.Kind.ONE_WAY,
                    copy(payload), null));
        }
    }

    /** Requests sent by this node that still wait for a response. */
    public int pendingRequests() {
        return pending.size();
    }

    void receive(InMemoryNetwork.Message message) {
        if (!running) {
            return;
        }
        switch (message.kind()) {
            case REQUEST -> handleRequest(message);
            case ONE_WAY -> handleOneWay(message);
            case RESPONSE -> complete(message.id(), message.payload(), null);
            case FAILURE -> complete(message.id(), null, message.failure());
            default -> throw new AssertionError(message.kind());
        }
    }

    private void handleRequest(InMemoryNetwork.Message request) {
        MessageHandler handler = handlers.get(request.verb());
        CompletionStage<ByteBuffer> result;
        if (handler == null) {
            result = CompletableFuture.failedFuture(new IllegalStateException("node " + hostId
                    + " has no handler for verb " + request.verb()));
        } else {
            try {
                result = requireNonNull(handler.handle(request.from(), request.payload().asReadOnlyBuffer()),
                        "handler returned null");
            } catch (RuntimeException e) {
                result = CompletableFuture.failedFuture(e);
            }
        }
        result.whenComplete((response, error) -> {
            if (!running) {
                return;
            }
            if (error != null) {
                network.send(new InMemoryNetwork.Message(request.id(), hostId, request.from(), request.verb(),
                        InMemoryNetwork.Kind.FAILURE, ByteBuffer.allocate(0), unwrap(error)));
            } else {
                network.send(new InMemoryNetwork.Message(request.id(), hostId, request.from(), request.verb(),
                        InMemoryNetwork.Kind.RESPONSE, copy(response), null));
            }
        });
    }

    private void handleOneWay(InMemoryNetwork.Message message) {
        MessageHandler handler = handlers.get(message.verb());
        if (handler != null) {
            handler.handle(message.from(), message.payload().asReadOnlyBuffer());
        }
    }

    private void complete(long id, ByteBuffer payload, Throwable failure) {
        Pending p = pending.remove(id);
        if (p == null) {
            return; // timed out already
        }
        p.timeout.cancel();
        if (failure != null) {
            p.future.completeExceptionally(failure);
        } else {
            p.future.complete(payload.asReadOnlyBuffer());
        }
    }

    private static Throwable unwrap(Throwable error) {
        if (error instanceof java.util.concurrent.CompletionException && error.getCause() != null) {
            return error.getCause();
        }
        return error;
    }

    private static ByteBuffer copy(ByteBuffer source) {
        ByteBuffer copy = ByteBuffer.allocate(source.remaining());
        copy.put(source.duplicate());
        copy.flip();
        return copy;
    }

    @Override
    public String serviceName() {
        return "in-memory messaging " + hostId;
    }

    private record Pending(Verb verb, CompletableFuture<ByteBuffer> future, Cancellable timeout) {
    }
}
