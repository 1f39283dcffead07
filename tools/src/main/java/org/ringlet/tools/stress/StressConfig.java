package org.ringlet.tools.stress;

import java.time.Duration;

import com.datastax.oss.driver.api.core.ConsistencyLevel;

import static java.util.Objects.requireNonNull;

/**
 * A validated stress run.
 *
 * @param mix            which operations and in what share
 * @param keys           keys are drawn from [0, keys)
 * @param duration       measured time
 * @param warmup         unmeasured time first
 * @param concurrency    requests in flight
 * @param consistency    consistency level of every operation
 * @param prepared       prepared statements or literal CQL strings
 * @param valueSize      bytes per written value
 * @param maxOps         measured operations after which to stop (0: no limit)
 * @param timeout        request timeout
 * @param reportInterval live line interval
 * @param seed           seed of the values and keys
 * @param table          the qualified table name
 * @param port           the server's port (reported in the RESULT line)
 */
public record StressConfig(OperationMix mix, long keys, Duration duration, Duration warmup, int concurrency,
                           ConsistencyLevel consistency, boolean prepared, int valueSize, long maxOps,
                           Duration timeout, Duration reportInterval, long seed, String table, int port) {
    public StressConfig {
        requireNonNull(mix, "mix is null");
        requireNonNull(duration, "duration is null");
        requireNonNull(warmup, "warmup is null");
        requireNonNull(consistency, "consistency is null");
        requireNonNull(timeout, "timeout is null");
        requireNonNull(reportInterval, "reportInterval is null");
        requireNonNull(table, "table is null");
        if (reportInterval.isZero() || reportInterval.isNegative()) {
            throw new IllegalArgumentException("report interval must be positive: " + reportInterval);
        }
    }
}
