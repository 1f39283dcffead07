package org.ringlet.partitioner;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.ringlet.api.ComponentConfig;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.ring.PartitionerFactory;
import org.ringlet.api.testing.contract.PartitionerContractTest;
import org.ringlet.api.types.NativeType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RandomPartitionerTest extends PartitionerContractTest {
    private final RandomPartitioner p = new RandomPartitioner();

    @Override
    protected PartitionerFactory factory() {
        return new RandomPartitionerFactory();
    }

    @Test
    void tokenIsTheAbsoluteSignedMd5() throws Exception {
        byte[] key = "jack01".getBytes(StandardCharsets.UTF_8);
        BigInteger expected = new BigInteger(java.security.MessageDigest.getInstance("MD5").digest(key)).abs();
        assertEquals(new BigIntegerToken(expected), p.token(ByteBuffer.wrap(key)));
        // computed by Cassandra 5.0.6's RandomPartitioner
        assertEquals(new BigInteger("57738791432343203041136051597511559659"), expected);
    }

    @Test
    void stringFormsAndRange() {
        assertEquals("-1", p.toString(p.minimumToken()));
        assertEquals(RandomPartitioner.MINIMUM, p.fromString("-1"));
        assertEquals("Token must be >= 0 and <= 2**127",
                assertThrows(ConfigurationException.class, () -> p.fromString("-2")).getMessage());
        assertThrows(ConfigurationException.class, () -> p.fromString(BigInteger.TWO.pow(127).add(BigInteger.ONE)
                .toString()));
        assertEquals(p.maximumToken(), p.fromString(BigInteger.TWO.pow(127).toString()));
    }

    @Test
    void factoryNames() {
        RandomPartitionerFactory f = new RandomPartitionerFactory();
        assertEquals("random", f.name());
        assertEquals("org.apache.cassandra.dht.RandomPartitioner", f.cassandraClassName().orElseThrow());
        assertEquals(NativeType.VARINT, f.create(ComponentConfig.empty(), context()).tokenType());
    }

    @Test
    void goldenVectorsFromCassandra() {
        TokenGolden.check("random", p, TokenGolden.Column.RANDOM);
    }
}
