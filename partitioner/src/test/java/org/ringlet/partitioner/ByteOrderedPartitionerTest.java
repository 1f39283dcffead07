package org.ringlet.partitioner;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ringlet.api.ComponentConfig;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.ring.PartitionerFactory;
import org.ringlet.api.ring.Token;
import org.ringlet.api.testing.contract.PartitionerContractTest;
import org.ringlet.api.types.NativeType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ByteOrderedPartitionerTest extends PartitionerContractTest {
    private final ByteOrderedPartitioner p = new ByteOrderedPartitioner();

    @Override
    protected PartitionerFactory factory() {
        return new ByteOrderedPartitionerFactory();
    }

    private static BytesToken t(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return new BytesToken(b);
    }

    @Test
    void tokenIsTheKey() {
        assertEquals(t(0x61, 0x62), p.token(ByteBuffer.wrap(new byte[] {0x61, 0x62})));
        assertEquals("6162", p.toString(t(0x61, 0x62)));
        assertEquals(t(0x0a, 0xbc), p.fromString("abc"));
        assertEquals("Token 0xyz contains non-hex digits",
                assertThrows(ConfigurationException.class, () -> p.fromString("xyz")).getMessage());
        assertThrows(UnsupportedOperationException.class, p::maximumToken);
        assertEquals(NativeType.BLOB, new ByteOrderedPartitionerFactory().create(ComponentConfig.empty(), context())
                .tokenType());
    }

    @Test
    void prefixesSortFirst() {
        assertTrue(t(1).compareTo(t(1, 0)) < 0);
        assertTrue(t(1, 0xff).compareTo(t(2)) < 0);
        assertTrue(p.minimumToken().compareTo(t(0)) < 0);
    }

    @Test
    void midpointsAsCassandra() {
        assertEquals(t(0x40), p.midpoint(t(0x00), t(0x80)));
        assertEquals(t(0x00, 0x80), p.midpoint(t(0x00), t(0x01)));
        assertEquals(t(0x80), p.midpoint(p.minimumToken(), p.minimumToken()));
        // a token and its zero extension: nothing lies between them
        assertEquals(t(0x05, 0x00), p.midpoint(t(0x05), t(0x05, 0x00)));
    }

    @Test
    void sizesAreFractionsOfTheRing() {
        assertEquals(BigInteger.ONE.shiftLeft(127), p.rangeSize(t(0x00), t(0x80)));
        assertEquals(BigInteger.ZERO, p.rangeSize(t(0x05), t(0x05, 0x00)));
        assertEquals(BigInteger.ONE.shiftLeft(128), p.rangeSize(t(0x05, 0x00), t(0x05)));
        List<Token> ring = List.of(t(0x00), t(0x40), t(0x80), t(0xc0));
        p.describeOwnership(ring).values().forEach(share -> assertEquals(0.25, share, 1e-15));
    }

    @Test
    void splitsAtTheLongerBoundsPrecision() {
        assertEquals(t(0x20), p.split(t(0x00), t(0x80), 0.25));
        assertEquals(t(0xf0), p.split(t(0xe0), t(0x00), 0.5));
    }

    @Test
    void goldenMidpointsFromCassandra() {
        TokenGolden.check("byte-ordered", p, null);
    }
}
