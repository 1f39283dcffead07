package org.ringlet.transport.nativeproto.server;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bytes of requests in flight, in total ({@code native_transport_max_request_data_in_flight}) and per client
 * address ({@code native_transport_max_request_data_in_flight_per_ip}), as Cassandra counts them: a request holds
 * its frame size (header and uncompressed body) from the moment it starts executing until its response is handed to
 * the connection.
 *
 * <p>A request that would go over a limit is not started: its connection stops reading (or, for a client that asked
 * for {@code THROW_ON_OVERLOAD}, answers 0x1001) and {@linkplain #awaitRelease waits} until some request anywhere
 * completes. So that a limit smaller than one large request cannot stall a client forever, a request is always
 * admitted when nothing else is in flight under the limit it would exceed.
 *
 * <p>One instance per server; thread-safe (requests are admitted and released on their connections' event loops).
 */
final class RequestDataLimits {
    private final long globalLimit;
    private final long perEndpointLimit;
    private final ConcurrentHashMap<Object, Endpoint> endpoints = new ConcurrentHashMap<>();
    private final Set<Runnable> waiters = ConcurrentHashMap.newKeySet();
    private long global; // guarded by this

    /** The bytes in flight of one client address, shared by its connections. */
    static final class Endpoint {
        private final Object key;
        private long bytes; // guarded by the RequestDataLimits
        private int connections; // guarded by the endpoints map (compute)

        private Endpoint(Object key) {
            this.key = key;
        }
    }

    /**
     * @param globalLimit      bytes of requests in flight allowed in total
     * @param perEndpointLimit bytes of requests in flight allowed per client address
     */
    RequestDataLimits(long globalLimit, long perEndpointLimit) {
        if (globalLimit < 1 || perEndpointLimit < 1) {
            throw new IllegalArgumentException("limits must be positive, got " + globalLimit + " and "
                    + perEndpointLimit);
        }
        this.globalLimit = globalLimit;
        this.perEndpointLimit = perEndpointLimit;
    }

    /** Registers a connection from {@code key} (its client address); pair with {@link #disconnect}. */
    Endpoint connect(Object key) {
        return endpoints.compute(key, (k, e) -> {
            Endpoint endpoint = e == null ? new Endpoint(k) : e;
            endpoint.connections++;
            return endpoint;
        });
    }

    /** Unregisters a connection; the address's entry goes once its last connection has. */
    void disconnect(Endpoint endpoint) {
        endpoints.computeIfPresent(endpoint.key, (k, e) -> --e.connections <= 0 ? null : e);
    }

    /**
     * Reserves {@code bytes} for a request from {@code endpoint}. Check and reservation are one step, so a refusal
     * always means that other requests really are in flight, and their release will wake the waiters.
     *
     * @return whether the request may start; if not, nothing was reserved
     */
    synchronized boolean tryAcquire(Endpoint endpoint, long bytes) {
        if (global > 0 && global + bytes > globalLimit) {
            return false;
        }
        if (endpoint.bytes > 0 && endpoint.bytes + bytes > perEndpointLimit) {
            return false;
        }
        global += bytes;
        endpoint.bytes += bytes;
        return true;
    }

    /** Returns what {@link #tryAcquire} reserved, and wakes the connections waiting for room. */
    void release(Endpoint endpoint, long bytes) {
        synchronized (this) {
            global -= bytes;
            endpoint.bytes -= bytes;
        }
        if (waiters.isEmpty()) {
            return;
        }
        for (Runnable r : List.copyOf(waiters)) {
            if (waiters.remove(r)) {
                r.run();
            }
        }
    }

    /**
     * Runs {@code wakeUp} once, the next time bytes are released anywhere. The same runnable registered twice runs
     * once. It runs on the releasing thread and must only schedule work.
     */
    void awaitRelease(Runnable wakeUp) {
        waiters.add(wakeUp);
    }

    /** Forgets a waiter (its connection closed). */
    void cancelWait(Runnable wakeUp) {
        waiters.remove(wakeUp);
    }

    /** Bytes of requests in flight now, in total. */
    synchronized long bytesInFlight() {
        return global;
    }

    /** Bytes in flight now from one client address. */
    synchronized long bytesInFlight(Endpoint endpoint) {
        return endpoint.bytes;
    }
}
