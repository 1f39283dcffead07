package org.ringlet.api.ring;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.ringlet.api.error.InvalidRequestException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PartitionKeysTest {

    private static ByteBuffer bytes(int... b) {
        ByteBuffer out = ByteBuffer.allocate(b.length);
        for (int x : b) {
            out.put((byte) x);
        }
        return out.flip();
    }

    @Test
    void singleComponentIsTheValueItself() {
        ByteBuffer value = ByteBuffer.wrap("jack01".getBytes(StandardCharsets.UTF_8));
        assertEquals(value, PartitionKeys.serialize(List.of(value)));
        assertEquals(0, value.position());
    }

    @Test
    void compositeIsLengthBytesAndEndOfComponent() {
        ByteBuffer key = PartitionKeys.serialize(List.of(bytes(0x61, 0x62), bytes(), bytes(0, 0, 0, 30)));
        assertEquals(bytes(0, 2, 0x61, 0x62, 0, 0, 0, 0, 0, 4, 0, 0, 0, 30, 0), key);
        assertEquals(bytes(0, 1, 7, 0), PartitionKeys.composite(List.of(bytes(7))));
    }

    @Property(tries = 200)
    void splitReversesSerialize(@ForAll @Size(min = 2, max = 5) List<@Size(max = 40) List<Byte>> parts) {
        List<ByteBuffer> components = new ArrayList<>();
        for (List<Byte> p : parts) {
            byte[] b = new byte[p.size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = p.get(i);
            }
            components.add(ByteBuffer.wrap(b));
        }
        ByteBuffer key = PartitionKeys.serialize(components);
        assertEquals(components, PartitionKeys.split(key, components.size()));
    }

    @Test
    void malformedCompositesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> PartitionKeys.split(bytes(0, 5, 1, 0), 2));
        assertThrows(IllegalArgumentException.class, () -> PartitionKeys.split(bytes(0, 1, 1, 9, 0, 1, 1, 0), 2));
        assertThrows(IllegalArgumentException.class, () -> PartitionKeys.split(bytes(0, 1, 1, 0, 0, 1, 1, 0, 5), 2));
        assertThrows(IllegalArgumentException.class, () -> PartitionKeys.split(bytes(0, 1, 1, 0), 2));
    }

    @Test
    void keysLongerThan65535BytesAreRejected() {
        ByteBuffer big = ByteBuffer.allocate(65536);
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> PartitionKeys.serialize(List.of(big)));
        assertEquals("Key length of 65536 is longer than maximum of 65535", e.getMessage());
        assertThrows(InvalidRequestException.class,
                () -> PartitionKeys.serialize(List.of(ByteBuffer.allocate(40000), ByteBuffer.allocate(40000))));
    }
}
