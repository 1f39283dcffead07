package org.ringlet.transport.nativeproto.server;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ringlet.api.ComponentConfig;
import org.ringlet.api.ComponentKind;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.query.QueryHandler;
import org.ringlet.api.query.TransportFactory;
import org.ringlet.api.runtime.Scheduler;
import org.ringlet.transport.nativeproto.frame.ProtocolVersion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NativeTransportConfigTest {

    private static NativeTransportConfig parse(Map<String, String> options) {
        return NativeTransportConfig.from(ComponentConfig.of(options));
    }

    @Test
    void defaults() {
        NativeTransportConfig c = parse(Map.of());
        assertEquals("127.0.0.1", c.rpcAddress());
        assertEquals(9042, c.port());
        assertEquals(16 * 1024 * 1024, c.maxFrameSize());
        assertEquals(-1, c.maxConnections());
        assertEquals(-1, c.maxConnectionsPerIp());
        assertEquals(1024, c.maxRequestsPerConnection());
        assertTrue(c.allowOlderProtocols());
        assertEquals(ProtocolVersion.V5, c.maxProtocolVersion());
        assertEquals(Set.of(ProtocolVersion.V3, ProtocolVersion.V4, ProtocolVersion.V5), c.acceptedVersions());
    }

    @Test
    void cassandraYamlNames() {
        NativeTransportConfig c = parse(Map.of("rpc_address", "127.0.0.2", "native_transport_port", "0",
                "native_transport_max_frame_size", "8MiB", "native_transport_max_concurrent_connections", "100",
                "native_transport_max_concurrent_connections_per_ip", "10",
                "native_transport_max_requests_per_connection", "64",
                "native_transport_allow_older_protocols", "false", "native_transport_io_threads", "3",
                "native_transport_max_negotiable_protocol_version", "4",
                "cluster_name", "ignored: not ours"));
        assertEquals("127.0.0.2", c.rpcAddress());
        assertEquals(0, c.port());
        assertEquals(8 * 1024 * 1024, c.maxFrameSize());
        assertEquals(100, c.maxConnections());
        assertEquals(10, c.maxConnectionsPerIp());
        assertEquals(64, c.maxRequestsPerConnection());
        assertFalse(c.allowOlderProtocols());
        assertEquals(Set.of(ProtocolVersion.V4), c.acceptedVersions());
        assertEquals(Set.of(ProtocolVersion.V4, ProtocolVersion.V5), parse(Map.of(
                "native_transport_allow_older_protocols", "false")).acceptedVersions());
        assertEquals(3, c.ioThreads());
    }

    @Test
    void frameSizesWithUnitsBytesOrTheLegacyName() {
        assertEquals(16 * 1024 * 1024, parse(Map.of("native_transport_max_frame_size", "16MiB")).maxFrameSize());
        assertEquals(512 * 1024, parse(Map.of("native_transport_max_frame_size", "512KiB")).maxFrameSize());
        assertEquals(65536, parse(Map.of("native_transport_max_frame_size", "65536")).maxFrameSize());
        assertEquals(65536, parse(Map.of("native_transport_max_frame_size", "65536B")).maxFrameSize());
        assertEquals(32 * 1024 * 1024, parse(Map.of("native_transport_max_frame_size_in_mb", "32")).maxFrameSize());
    }

    @Test
    void badValuesNameTheOptionAndTheValue() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> parse(Map.of("native_transport_max_frame_size", "16 megs")));
        assertEquals("Option 'native_transport_max_frame_size' must be a size such as 16MiB, 512KiB or a number of "
                + "bytes, got '16 megs'", e.getMessage());
        assertTrue(assertThrows(ConfigurationException.class,
                () -> parse(Map.of("native_transport_max_frame_size", "1GiB"))).getMessage()
                .contains("between 1KiB and 256MiB"));
        assertTrue(assertThrows(ConfigurationException.class,
                () -> parse(Map.of("native_transport_port", "70000"))).getMessage()
                .contains("'native_transport_port'"));
        assertTrue(assertThrows(ConfigurationException.class,
                () -> parse(Map.of("native_transport_port", "nine"))).getMessage()
                .contains("must be an integer, got 'nine'"));
        assertTrue(assertThrows(ConfigurationException.class,
                () -> parse(Map.of("native_transport_max_requests_per_connection", "0"))).getMessage()
                .contains("at least 1"));
        assertEquals("Option 'native_transport_max_negotiable_protocol_version' must be 4 or 5, got 3",
                assertThrows(ConfigurationException.class, () -> parse(Map.of(
                        "native_transport_max_negotiable_protocol_version", "3"))).getMessage());
        assertEquals(-1, parse(Map.of("native_transport_max_concurrent_connections", "0")).maxConnections(),
                "as in Cassandra, 0 means no limit");
    }

    @Test
    void requestDataLimitsDefaultToCassandrasShareOfTheHeap() {
        NativeTransportConfig c = parse(Map.of());
        long heap = Runtime.getRuntime().maxMemory();
        assertEquals(heap / 10, c.maxRequestDataInFlight());
        assertEquals(heap / 40, c.maxRequestDataInFlightPerIp());
        assertEquals(0, c.idleTimeoutMillis(), "disabled, as in Cassandra");
        assertEquals(8 * 1024 * 1024, c.eventBacklogLimit());
        // -1 in either form means the default, as in Cassandra.
        NativeTransportConfig minusOne = parse(Map.of("native_transport_max_request_data_in_flight", "-1",
                "native_transport_max_concurrent_requests_in_bytes_per_ip", "-1"));
        assertEquals(heap / 10, minusOne.maxRequestDataInFlight());
        assertEquals(heap / 40, minusOne.maxRequestDataInFlightPerIp());
    }

    @Test
    void requestDataLimitsWithUnitsOrTheLegacyNamesInBytes() {
        NativeTransportConfig c = parse(Map.of("native_transport_max_request_data_in_flight", "4GiB",
                "native_transport_max_request_data_in_flight_per_ip", "64MiB"));
        assertEquals(4L << 30, c.maxRequestDataInFlight());
        assertEquals(64L << 20, c.maxRequestDataInFlightPerIp());
        NativeTransportConfig legacy = parse(Map.of("native_transport_max_concurrent_requests_in_bytes", "1000000",
                "native_transport_max_concurrent_requests_in_bytes_per_ip", "250000"));
        assertEquals(1_000_000, legacy.maxRequestDataInFlight());
        assertEquals(250_000, legacy.maxRequestDataInFlightPerIp());
        assertEquals("Option 'native_transport_max_request_data_in_flight_per_ip' must be a size such as 64MiB, "
                + "512KiB or a number of bytes, got '-5'", assertThrows(ConfigurationException.class,
                () -> parse(Map.of("native_transport_max_request_data_in_flight_per_ip", "-5"))).getMessage());
        assertTrue(assertThrows(ConfigurationException.class,
                () -> parse(Map.of("native_transport_max_request_data_in_flight", "0"))).getMessage()
                .contains("at least 1 byte"));
    }

    @Test
    void idleTimeoutAndEventBacklog() {
        assertEquals(60_000, parse(Map.of("native_transport_idle_timeout", "60000ms")).idleTimeoutMillis());
        assertEquals(90_000, parse(Map.of("native_transport_idle_timeout", "90s")).idleTimeoutMillis());
        assertEquals(120_000, parse(Map.of("native_transport_idle_timeout", "2m")).idleTimeoutMillis());
        assertEquals(0, parse(Map.of("native_transport_idle_timeout", "0ms")).idleTimeoutMillis());
        assertEquals(1500, parse(Map.of("native_transport_idle_timeout_in_ms", "1500")).idleTimeoutMillis());
        assertEquals("Option 'native_transport_idle_timeout' must be a duration such as 60000ms, 60s or 0ms "
                + "(disabled), got 'soon'", assertThrows(ConfigurationException.class,
                () -> parse(Map.of("native_transport_idle_timeout", "soon"))).getMessage());
        assertEquals(64 * 1024, parse(Map.of("native_transport_event_backlog_limit", "64KiB")).eventBacklogLimit());
    }

    @Test
    void theNodesNormalisedFormsInBytesAndMillisecondsComeFirst() {
        NativeTransportConfig c = parse(Map.of("native_transport_max_frame_size_bytes", "1048576",
                "native_transport_max_frame_size", "8MiB",
                "native_transport_max_request_data_in_flight_bytes", "5000000",
                "native_transport_max_request_data_in_flight_per_ip_bytes", "2000000",
                "native_transport_idle_timeout_ms", "45000",
                "native_transport_event_backlog_limit_bytes", "65536"));
        assertEquals(1024 * 1024, c.maxFrameSize());
        assertEquals(5_000_000, c.maxRequestDataInFlight());
        assertEquals(2_000_000, c.maxRequestDataInFlightPerIp());
        assertEquals(45_000, c.idleTimeoutMillis());
        assertEquals(65_536, c.eventBacklogLimit());
    }

    @Test
    void theFactoryIsRegisteredAsNative() {
        TransportFactory factory = ServiceLoader.load(TransportFactory.class).stream()
                .map(ServiceLoader.Provider::get).filter(f -> f.name().equals("native")).findFirst().orElseThrow();
        assertEquals(NativeTransportFactory.class, factory.getClass());
        assertEquals(ComponentKind.TRANSPORT, factory.kind());
        assertEquals(Set.of(QueryHandler.class, Scheduler.class), factory.requiredServices());
    }
}
