package org.ringlet.transport.nativeproto.server;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.transport.nativeproto.frame.ProtocolVersion;

import static java.util.Objects.requireNonNull;

/**
 * The options of the native protocol server, read from its {@link ComponentConfig} under their
 * {@code cassandra.yaml} names where Cassandra has the concept.
 *
 * @param rpcAddress                   {@code rpc_address}: the address to listen on (default {@code 127.0.0.1})
 * @param port                         {@code native_transport_port}: the port (default 9042; 0 picks a free one)
 * @param maxFrameSize                 {@code native_transport_max_frame_size}: the largest request frame in bytes,
 *                                     header included (default {@code 16MiB}; {@code 512KiB}, {@code 16MiB},
 *                                     {@code 1GiB}-style sizes or a plain number of bytes; the legacy
 *                                     {@code native_transport_max_frame_size_in_mb} is read too)
 * @param maxConnections               {@code native_transport_max_concurrent_connections}: open client
 *                                     connections allowed at once; -1 (or any value up to 0) for no limit (default -1)
 * @param maxConnectionsPerIp          {@code native_transport_max_concurrent_connections_per_ip}: the same per
 *                                     client address (default -1)
 * @param maxRequestsPerConnection     {@code native_transport_max_requests_per_connection} (Ringlet's own): requests
 *                                     of one connection executing at once; past it the connection stops being
 *                                     read until requests complete, or, for a client that sent the STARTUP option
 *                                     {@code THROW_ON_OVERLOAD=1}, gets 0x1001 Overloaded (default 1024)
 * @param allowOlderProtocols          {@code native_transport_allow_older_protocols}: whether protocol v3 is
 *                                     accepted besides v4 (default true)
 * @param maxProtocolVersion           {@code native_transport_max_negotiable_protocol_version}: the highest
 *                                     version accepted, 4 or 5 (default 5); with 4, v5 is refused as unknown
 *                                     versions are and drivers settle on v4
 * @param ioThreads                    {@code native_transport_io_threads} (Ringlet's own): Netty event loop threads
 *                                     (default: the number of processors)
 * @param maxRequestDataInFlight       {@code native_transport_max_request_data_in_flight}: bytes of requests (frame
 *                                     sizes, uncompressed) executing at once on the whole server; past it
 *                                     connections stop reading until requests complete, or clients that asked for
 *                                     {@code THROW_ON_OVERLOAD} get 0x1001 (default: a tenth of the maximum heap,
 *                                     as Cassandra; legacy {@code native_transport_max_concurrent_requests_in_bytes})
 * @param maxRequestDataInFlightPerIp  {@code native_transport_max_request_data_in_flight_per_ip}: the same per client
 *                                     address (default: a fortieth of the maximum heap; legacy
 *                                     {@code native_transport_max_concurrent_requests_in_bytes_per_ip})
 * @param idleTimeoutMillis            {@code native_transport_idle_timeout}: a connection that neither reads nor
 *                                     writes for this long is closed; 0 disables (default {@code 0ms}, as
 *                                     Cassandra; legacy {@code native_transport_idle_timeout_in_ms})
 * @param eventBacklogLimit            {@code native_transport_event_backlog_limit} (Ringlet's own): when an event is
 *                                     due to a client that has left more than this many bytes unread, the
 *                                     connection is closed instead of buffering the event (default {@code 8MiB})
 */
public record NativeTransportConfig(String rpcAddress, int port, int maxFrameSize, int maxConnections,
                                    int maxConnectionsPerIp, int maxRequestsPerConnection,
                                    boolean allowOlderProtocols, ProtocolVersion maxProtocolVersion,
                                    int ioThreads, long maxRequestDataInFlight, long maxRequestDataInFlightPerIp,
                                    long idleTimeoutMillis, long eventBacklogLimit) {
    public static final String RPC_ADDRESS = "rpc_address";
    public static final String PORT = "native_transport_port";
    public static final String MAX_FRAME_SIZE = "native_transport_max_frame_size";
    public static final String MAX_FRAME_SIZE_IN_MB = "native_transport_max_frame_size_in_mb";
    public static final String MAX_CONNECTIONS = "native_transport_max_concurrent_connections";
    public static final String MAX_CONNECTIONS_PER_IP = "native_transport_max_concurrent_connections_per_ip";
    public static final String MAX_REQUESTS_PER_CONNECTION = "native_transport_max_requests_per_connection";
    public static final String ALLOW_OLDER_PROTOCOLS = "native_transport_allow_older_protocols";
    public static final String MAX_PROTOCOL_VERSION = "native_transport_max_negotiable_protocol_version";
    public static final String IO_THREADS = "native_transport_io_threads";
    public static final String MAX_REQUEST_DATA_IN_FLIGHT = "native_transport_max_request_data_in_flight";
    public static final String MAX_REQUEST_DATA_IN_FLIGHT_LEGACY = "native_transport_max_concurrent_requests_in_bytes";
    public static final String MAX_REQUEST_DATA_IN_FLIGHT_PER_IP = "native_transport_max_request_data_in_flight_per_ip";
    public static final String MAX_REQUEST_DATA_IN_FLIGHT_PER_IP_LEGACY =
            "native_transport_max_concurrent_requests_in_bytes_per_ip";
    public static final String IDLE_TIMEOUT = "native_transport_idle_timeout";
    public static final String IDLE_TIMEOUT_IN_MS = "native_transport_idle_timeout_in_ms";
    public static final String EVENT_BACKLOG_LIMIT = "native_transport_event_backlog_limit";
    /**
     * The node hands sizes over in bytes under {@code <name>_bytes} and durations in milliseconds under
     * {@code <name>_ms} (ADR 0001); those forms are read first, then the cassandra.yaml forms.
     */
    static final String BYTES = "_bytes";
    static final String MS = "_ms";

    public static final String DEFAULT_RPC_ADDRESS = "127.0.0.1";
    public static final int DEFAULT_PORT = 9042;
    public static final int DEFAULT_MAX_FRAME_SIZE = 16 * 1024 * 1024;
    public static final int DEFAULT_MAX_REQUESTS_PER_CONNECTION = 1024;
    public static final long DEFAULT_EVENT_BACKLOG_LIMIT = 8L * 1024 * 1024;

    /** The protocol caps frames at 256 MiB; below 1 KiB not even a driver's handshake fits comfortably. */
    static final int MIN_FRAME_SIZE = 1024;
    static final int MAX_FRAME_SIZE_LIMIT = 256 * 1024 * 1024;

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KiB|MiB|GiB)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?", Pattern.CASE_INSENSITIVE);

    public NativeTransportConfig {
        if (rpcAddress == null || rpcAddress.isBlank()) {
            throw new ConfigurationException("Option '" + RPC_ADDRESS + "' must be an address or host name");
        }
        if (port < 0 || port > 65535) {
            throw new ConfigurationException("Option '" + PORT + "' must be a port between 0 and 65535, got "
                    + port);
        }
        if (maxFrameSize < MIN_FRAME_SIZE || maxFrameSize > MAX_FRAME_SIZE_LIMIT) {
            throw new ConfigurationException("Option '" + MAX_FRAME_SIZE + "' must be between 1KiB and 256MiB, got "
                    + maxFrameSize + " bytes");
        }
        // As in Cassandra, zero or a negative value means "no limit".
        maxConnections = maxConnections <= 0 ? -1 : maxConnections;
        maxConnectionsPerIp = maxConnectionsPerIp <= 0 ? -1 : maxConnectionsPerIp;
        if (maxRequestsPerConnection < 1) {
            throw new ConfigurationException("Option '" + MAX_REQUESTS_PER_CONNECTION
                    + "' must be at least 1, got " + maxRequestsPerConnection);
        }
        requireNonNull(maxProtocolVersion, "maxProtocolVersion is null");
        if (!maxProtocolVersion.isAtLeast(ProtocolVersion.V4)) {
            throw new ConfigurationException("Option '" + MAX_PROTOCOL_VERSION + "' must be 4 or 5, got "
                    + maxProtocolVersion.number());
        }
        if (ioThreads < 1) {
            throw new ConfigurationException("Option '" + IO_THREADS + "' must be at least 1, got " + ioThreads);
        }
        if (maxRequestDataInFlight < 1) {
            throw new ConfigurationException("Option '" + MAX_REQUEST_DATA_IN_FLIGHT + "' must be at least 1 byte, "
                    + "got " + maxRequestDataInFlight);
        }
        if (maxRequestDataInFlightPerIp < 1) {
            throw new ConfigurationException("Option '" + MAX_REQUEST_DATA_IN_FLIGHT_PER_IP + "' must be at least 1 "
                    + "byte, got " + maxRequestDataInFlightPerIp);
        }
        if (idleTimeoutMillis < 0) {
            throw new ConfigurationException("Option '" + IDLE_TIMEOUT + "' must be 0 (disabled) or a positive "
                    + "duration, got " + idleTimeoutMillis + "ms");
        }
        if (eventBacklogLimit < 1) {
            throw new ConfigurationException("Option '" + EVENT_BACKLOG_LIMIT + "' must be at least 1 byte, got "
                    + eventBacklogLimit);
        }
    }

    /** The protocol versions accepted: from v3 (or v4 without older protocols) up to the maximum. */
    public Set<ProtocolVersion> acceptedVersions() {
        return EnumSet.range(allowOlderProtocols ? ProtocolVersion.V3 : ProtocolVersion.V4, maxProtocolVersion);
    }

    /** The defaults, listening on {@code 127.0.0.1:port}. */
    public static NativeTransportConfig defaults(int port) {
        return new NativeTransportConfig(DEFAULT_RPC_ADDRESS, port, DEFAULT_MAX_FRAME_SIZE, -1, -1,
                DEFAULT_MAX_REQUESTS_PER_CONNECTION, true, ProtocolVersion.highest(),
                Runtime.getRuntime().availableProcessors(), defaultRequestDataInFlight(),
                defaultRequestDataInFlightPerIp(), 0, DEFAULT_EVENT_BACKLOG_LIMIT);
    }

    /** Cassandra's default for {@code native_transport_max_request_data_in_flight}: a tenth of the heap. */
    static long defaultRequestDataInFlight() {
        return Math.max(1, Runtime.getRuntime().maxMemory() / 10);
    }

    /** Cassandra's default for {@code native_transport_max_request_data_in_flight_per_ip}: a fortieth. */
    static long defaultRequestDataInFlightPerIp() {
        return Math.max(1, Runtime.getRuntime().maxMemory() / 40);
    }

    /** A copy with other request-data limits (total and per client address). */
    public NativeTransportConfig withRequestDataLimits(long total, long perIp) {
        return new NativeTransportConfig(rpcAddress, port, maxFrameSize, maxConnections, maxConnectionsPerIp,
                maxRequestsPerConnection, allowOlderProtocols, maxProtocolVersion, ioThreads, total, perIp,
                idleTimeoutMillis, eventBacklogLimit);
    }

    /** A copy with another idle timeout (0 disables). */
    public NativeTransportConfig withIdleTimeoutMillis(long millis) {
        return new NativeTransportConfig(rpcAddress, port, maxFrameSize, maxConnections, maxConnectionsPerIp,
                maxRequestsPerConnection, allowOlderProtocols, maxProtocolVersion, ioThreads, maxRequestDataInFlight,
                maxRequestDataInFlightPerIp, millis, eventBacklogLimit);
    }

    /** A copy with another event backlog limit. */
    public NativeTransportConfig withEventBacklogLimit(long bytes) {
        return new NativeTransportConfig(rpcAddress, port, maxFrameSize, maxConnections, maxConnectionsPerIp,
                maxRequestsPerConnection, allowOlderProtocols, maxProtocolVersion, ioThreads, maxRequestDataInFlight,
                maxRequestDataInFlightPerIp, idleTimeoutMillis, bytes);
    }

    /**
     * Reads the options; unknown keys are ignored (the node hands every component the options it knows).
     *
     * @throws ConfigurationException naming the option and the value when a value is invalid
     */
    public static NativeTransportConfig from(ComponentConfig config) {
        int frameSize;
        if (config.get(MAX_FRAME_SIZE + BYTES).isPresent()) {
            frameSize = parseSize(MAX_FRAME_SIZE, config.get(MAX_FRAME_SIZE + BYTES).get());
        } else if (config.get(MAX_FRAME_SIZE).isPresent()) {
            frameSize = parseSize(MAX_FRAME_SIZE, config.get(MAX_FRAME_SIZE).get());
        } else if (config.get(MAX_FRAME_SIZE_IN_MB).isPresent()) {
            int mb = config.getInt(MAX_FRAME_SIZE_IN_MB, 16);
            if (mb < 1 || mb > MAX_FRAME_SIZE_LIMIT / (1024 * 1024)) {
                throw new ConfigurationException("Option '" + MAX_FRAME_SIZE_IN_MB + "' must be between 1 and 256, "
                        + "got " + mb);
            }
            frameSize = mb * 1024 * 1024;
        } else {
            frameSize = DEFAULT_MAX_FRAME_SIZE;
        }
        return new NativeTransportConfig(
                config.get(RPC_ADDRESS, DEFAULT_RPC_ADDRESS).trim(),
                config.getInt(PORT, DEFAULT_PORT),
                frameSize,
                config.getInt(MAX_CONNECTIONS, -1),
                config.getInt(MAX_CONNECTIONS_PER_IP, -1),
                config.getInt(MAX_REQUESTS_PER_CONNECTION, DEFAULT_MAX_REQUESTS_PER_CONNECTION),
                config.getBoolean(ALLOW_OLDER_PROTOCOLS, true),
                maxProtocolVersion(config),
                config.getInt(IO_THREADS, Runtime.getRuntime().availableProcessors()),
                requestData(config, MAX_REQUEST_DATA_IN_FLIGHT, MAX_REQUEST_DATA_IN_FLIGHT_LEGACY,
                        defaultRequestDataInFlight()),
                requestData(config, MAX_REQUEST_DATA_IN_FLIGHT_PER_IP, MAX_REQUEST_DATA_IN_FLIGHT_PER_IP_LEGACY,
                        defaultRequestDataInFlightPerIp()),
                idleTimeout(config),
                config.get(EVENT_BACKLOG_LIMIT + BYTES).or(() -> config.get(EVENT_BACKLOG_LIMIT))
                        .map(v -> parseLongSize(EVENT_BACKLOG_LIMIT, v)).orElse(DEFAULT_EVENT_BACKLOG_LIMIT));
    }

    /**
     * A request-data limit: the 5.0 name with a size ({@code 64MiB}), else the legacy name in bytes; as in
     * Cassandra, absent or {@code -1} means the heap-derived default, and any other negative value is an error.
     */
    private static long requestData(ComponentConfig config, String option, String legacy, long defaultValue) {
        String name = config.get(option + BYTES).isPresent() ? option + BYTES
                : config.get(option).isPresent() ? option : legacy;
        String value = config.get(name).map(String::trim).orElse(null);
        if (value == null || value.equals("-1")) {
            return defaultValue;
        }
        return parseLongSize(name, value);
    }

    private static long idleTimeout(ComponentConfig config) {
        if (config.get(IDLE_TIMEOUT + MS).isPresent()) {
            return parseDurationMillis(IDLE_TIMEOUT, config.get(IDLE_TIMEOUT + MS).get());
        }
        if (config.get(IDLE_TIMEOUT).isPresent()) {
            return parseDurationMillis(IDLE_TIMEOUT, config.get(IDLE_TIMEOUT).get());
        }
        if (config.get(IDLE_TIMEOUT_IN_MS).isPresent()) {
            return parseDurationMillis(IDLE_TIMEOUT_IN_MS, config.get(IDLE_TIMEOUT_IN_MS).get());
        }
        return 0;
    }

    /**
     * Parses a duration in milliseconds: a number of milliseconds, or a number with a unit {@code ms}, {@code s},
     * {@code m}, {@code h} or {@code d}.
     *
     * @throws ConfigurationException naming the option and the value
     */
    static long parseDurationMillis(String option, String value) {
        Matcher m = DURATION.matcher(value.trim());
        if (!m.matches()) {
            throw new ConfigurationException("Option '" + option + "' must be a duration such as 60000ms, 60s or "
                    + "0ms (disabled), got '" + value + "'");
        }
        String unit = m.group(2) == null ? "ms" : m.group(2).toLowerCase(Locale.ROOT);
        long multiplier = switch (unit) {
            case "s" -> 1000L;
            case "m" -> 60_000L;
            case "h" -> 3_600_000L;
            case "d" -> 86_400_000L;
            default -> 1L;
        };
        try {
            return Math.multiplyExact(Long.parseLong(m.group(1)), multiplier);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new ConfigurationException("Option '" + option + "' is too large: '" + value + "'");
        }
    }

    /**
     * Parses a data size that may exceed 2 GiB: a number of bytes, or a number with a unit {@code B}, {@code KiB},
     * {@code MiB} or {@code GiB}.
     *
     * @throws ConfigurationException naming the option and the value
     */
    static long parseLongSize(String option, String value) {
        Matcher m = SIZE.matcher(value.trim());
        if (!m.matches()) {
            throw new ConfigurationException("Option '" + option + "' must be a size such as 64MiB, 512KiB or a "
                    + "number of bytes, got '" + value + "'");
        }
        try {
            long n = Math.multiplyExact(Long.parseLong(m.group(1)), unitMultiplier(m.group(2)));
            if (n < 1) {
                throw new ConfigurationException("Option '" + option + "' must be at least 1 byte, got '" + value
                        + "'");
            }
            return n;
        } catch (ArithmeticException | NumberFormatException e) {
            throw new ConfigurationException("Option '" + option + "' is too large: '" + value + "'");
        }
    }

    private static long unitMultiplier(String unit) {
        return switch (unit == null ? "b" : unit.toLowerCase(Locale.ROOT)) {
            case "kib" -> 1024L;
            case "mib" -> 1024L * 1024;
            case "gib" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
    }

    private static ProtocolVersion maxProtocolVersion(ComponentConfig config) {
        int n = config.getInt(MAX_PROTOCOL_VERSION, ProtocolVersion.highest().number());
        return ProtocolVersion.of(n).filter(v -> v.isAtLeast(ProtocolVersion.V4)).orElseThrow(
                () -> new ConfigurationException("Option '" + MAX_PROTOCOL_VERSION + "' must be 4 or 5, got " + n));
    }

    /**
     * Parses a data size: a number of bytes, or a number with a unit {@code B}, {@code KiB}, {@code MiB} or
     * {@code GiB} (case-insensitive).
     *
     * @throws ConfigurationException naming the option and the value
     */
    static int parseSize(String option, String value) {
        Matcher m = SIZE.matcher(value.trim());
        if (!m.matches()) {
            throw new ConfigurationException("Option '" + option + "' must be a size such as 16MiB, 512KiB or a "
                    + "number of bytes, got '" + value + "'");
        }
        long n;
        try {
            n = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new ConfigurationException("Option '" + option + "' is too large: '" + value + "'");
        }
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        long multiplier = switch (unit) {
            case "kib" -> 1024L;
            case "mib" -> 1024L * 1024;
            case "gib" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        if (n > Integer.MAX_VALUE / multiplier) {
            throw new ConfigurationException("Option '" + option + "' must be between 1KiB and 256MiB, got '"
                    + value + "'");
        }
        return (int) (n * multiplier);
    }
}
