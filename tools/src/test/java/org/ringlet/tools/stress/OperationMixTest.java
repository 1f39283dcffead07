package org.ringlet.tools.stress;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OperationMixTest {

    @Test
    void workloads() {
        assertEquals(0.0, OperationMix.of("write", null).readShare());
        assertEquals(1.0, OperationMix.of("READ", null).readShare());
        assertEquals(0.5, OperationMix.of("mixed", null).readShare());
        assertTrue(OperationMix.of("populate", null).populate());
        assertFalse(OperationMix.of("write", null).populate());
    }

    @Test
    void ratios() {
        assertEquals(0.75, OperationMix.of("mixed", "write=1,read=3").readShare());
        assertEquals(0.25, OperationMix.of("mixed", "ratio(read=1, write=3)").readShare());
        assertEquals(1.0, OperationMix.of("mixed", "read=2,write=0").readShare());
    }

    @Test
    void badInputIsExplained() {
        assertEquals("unknown workload 'scan': use write, read, mixed or populate",
                assertThrows(IllegalArgumentException.class, () -> OperationMix.of("scan", null)).getMessage());
        assertEquals("--ratio applies to the mixed workload only, not to write",
                assertThrows(IllegalArgumentException.class, () -> OperationMix.of("write", "read=1")).getMessage());
        assertEquals("bad ratio 'delete=1': unknown operation 'delete' (use write and read)",
                assertThrows(IllegalArgumentException.class, () -> OperationMix.of("mixed", "delete=1")).getMessage());
        assertEquals("bad ratio 'read=0,write=0': at least one weight must be positive",
                assertThrows(IllegalArgumentException.class, () -> OperationMix.of("mixed", "read=0,write=0"))
                        .getMessage());
        assertEquals("bad ratio 'read=x': 'x' is not a number",
                assertThrows(IllegalArgumentException.class, () -> OperationMix.of("mixed", "read=x")).getMessage());
    }
}
