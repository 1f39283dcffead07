package org.ringlet.node.config;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * What the coordinator receives: request timeouts and hinted handoff.
 *
 * @param readRequestTimeout         {@code read_request_timeout}
 * @param rangeRequestTimeout        {@code range_request_timeout}
 * @param writeRequestTimeout        {@code write_request_timeout}
 * @param counterWriteRequestTimeout {@code counter_write_request_timeout}
 * @param casContentionTimeout       {@code cas_contention_timeout}
 * @param truncateRequestTimeout     {@code truncate_request_timeout}
 * @param requestTimeout             {@code request_timeout}: other operations
 * @param hintedHandoffEnabled       {@code hinted_handoff_enabled}
 * @param maxHintWindow              {@code max_hint_window}
 * @param concurrentReads            {@code concurrent_reads}: the read stage's threads
 */
public record RequestConfig(Duration readRequestTimeout, Duration rangeRequestTimeout, Duration writeRequestTimeout,
                            Duration counterWriteRequestTimeout, Duration casContentionTimeout,
                            Duration truncateRequestTimeout, Duration requestTimeout, boolean hintedHandoffEnabled,
                            Duration maxHintWindow, int concurrentReads) {
    public RequestConfig {
        requireNonNull(readRequestTimeout, "readRequestTimeout is null");
        requireNonNull(rangeRequestTimeout, "rangeRequestTimeout is null");
        requireNonNull(writeRequestTimeout, "writeRequestTimeout is null");
        requireNonNull(counterWriteRequestTimeout, "counterWriteRequestTimeout is null");
        requireNonNull(casContentionTimeout, "casContentionTimeout is null");
        requireNonNull(truncateRequestTimeout, "truncateRequestTimeout is null");
        requireNonNull(requestTimeout, "requestTimeout is null");
        requireNonNull(maxHintWindow, "maxHintWindow is null");
        if (concurrentReads < 1) {
            throw new IllegalArgumentException("concurrentReads must be at least 1: " + concurrentReads);
        }
    }
}
