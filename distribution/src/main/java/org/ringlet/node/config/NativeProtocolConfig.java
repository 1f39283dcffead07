package org.ringlet.node.config;

import java.time.Duration;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The native protocol server's limits beyond those in {@link NetworkConfig} (ADRs 0030 and 0070).
 *
 * @param maxConcurrentConnectionsPerIp {@code native_transport_max_concurrent_connections_per_ip}; -1 is unlimited
 * @param maxRequestsPerConnection      {@code native_transport_max_requests_per_connection} (Ringlet's)
 * @param allowOlderProtocols           {@code native_transport_allow_older_protocols}: protocol v3 too
 * @param maxNegotiableProtocolVersion  {@code native_transport_max_negotiable_protocol_version}: 4 or 5
 * @param maxRequestDataInFlight        {@code native_transport_max_request_data_in_flight}; empty: a tenth of
 *                                      the heap
 * @param maxRequestDataInFlightPerIp   {@code native_transport_max_request_data_in_flight_per_ip}; empty: a
 *                                      fortieth of the heap
 * @param idleTimeout                   {@code native_transport_idle_timeout}; zero disables
 * @param eventBacklogLimit             {@code native_transport_event_backlog_limit} (Ringlet's)
 * @param ioThreads                     {@code native_transport_io_threads} (Ringlet's); empty: one per processor
 */
public record NativeProtocolConfig(long maxConcurrentConnectionsPerIp, int maxRequestsPerConnection,
                                   boolean allowOlderProtocols, int maxNegotiableProtocolVersion,
                                   Optional<DataSize> maxRequestDataInFlight,
                                   Optional<DataSize> maxRequestDataInFlightPerIp, Duration idleTimeout,
                                   DataSize eventBacklogLimit, Optional<Integer> ioThreads) {
    public NativeProtocolConfig {
        requireNonNull(maxRequestDataInFlight, "maxRequestDataInFlight is null");
        requireNonNull(maxRequestDataInFlightPerIp, "maxRequestDataInFlightPerIp is null");
        requireNonNull(idleTimeout, "idleTimeout is null");
        requireNonNull(eventBacklogLimit, "eventBacklogLimit is null");
        requireNonNull(ioThreads, "ioThreads is null");
    }
}
