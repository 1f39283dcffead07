package org.ringlet.cluster.coordinator;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ringlet.api.ComponentConfig;
import org.ringlet.api.error.ConfigurationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CoordinatorConfigTest {

    @Test
    void theNodesMillisecondFormsAreRead() {
        CoordinatorConfig c = CoordinatorConfig.from(ComponentConfig.of(Map.of("read_request_timeout_ms", "1234",
                "write_request_timeout_ms", "250", "range_request_timeout_ms", "3000",
                "counter_write_request_timeout_ms", "400", "truncate_request_timeout_ms", "9000",
                "auto_snapshot", "false")));
        assertEquals(new CoordinatorConfig(Duration.ofMillis(1234), Duration.ofMillis(3000), Duration.ofMillis(250),
                Duration.ofMillis(400), Duration.ofMillis(9000), false), c);
    }

    @Test
    void cassandraYamlFormsAndDefaults() {
        CoordinatorConfig c = CoordinatorConfig.from(ComponentConfig.of(Map.of("read_request_timeout", "2s",
                "write_request_timeout_in_ms", "700")));
        assertEquals(Duration.ofSeconds(2), c.readTimeout());
        assertEquals(Duration.ofMillis(700), c.writeTimeout());
        assertEquals(Duration.ofSeconds(60), c.truncateTimeout());
        assertFalse(!c.autoSnapshot());
    }

    @Test
    void aBadMillisecondValueNamesTheOption() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> CoordinatorConfig.from(
                ComponentConfig.of(Map.of("write_request_timeout_ms", "soon"))));
        assertEquals("Option 'write_request_timeout_ms' must be a number of milliseconds, got 'soon'", e.getMessage());
    }
}
