package org.ringlet.oracle;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.ringlet.api.ring.PartitionKeys;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.partitioner.ByteOrderedPartitioner;
import org.ringlet.partitioner.Murmur3Partitioner;
import org.ringlet.partitioner.RandomPartitioner;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Ringlet's partitioners against Cassandra's, live, on many more keys and token pairs than the golden file holds.
 */
class TokenOracleTest {
    private static final long SEED = Long.getLong("ringlet.oracle.seed", 5_000_000L);
    private final Murmur3Partitioner murmur3 = new Murmur3Partitioner();
    private final RandomPartitioner random = new RandomPartitioner();

    @Test
    void tokensOfTwentyFourThousandKeys() {
        int checked = 0;
        for (Keys.Key key : Keys.generate(SEED, 4000)) {
            ByteBuffer ours = PartitionKeys.serialize(key.components());
            ByteBuffer theirs = key.type().equals("composite") ? CassandraOracle.composite(key.components())
                    : key.components().get(0);
            assertEquals(theirs, ours, () -> "serialized " + key);
            assertEquals(CassandraOracle.murmur3(theirs), murmur3.toString(murmur3.token(ours)),
                    () -> "murmur3 " + key);
            assertEquals(CassandraOracle.random(theirs), random.toString(random.token(ours)), () -> "random " + key);
            checked++;
        }
        assertEquals(24000, checked);
    }

    @Test
    void everyKeyLengthUpToTwoHundredBytes() {
        Random r = new Random(SEED);
        for (int length = 0; length <= 200; length++) {
            for (int i = 0; i < 20; i++) {
                byte[] b = new byte[length];
                r.nextBytes(b);
                ByteBuffer key = ByteBuffer.wrap(b);
                assertEquals(CassandraOracle.murmur3(key), murmur3.toString(murmur3.token(key)));
                assertEquals(CassandraOracle.random(key), random.toString(random.token(key)));
            }
        }
    }

    private static void arithmetic(String name, Partitioner p, List<String[]> pairs, Random r) {
        for (String[] pair : pairs) {
            assertEquals(CassandraOracle.midpoint(name, pair[0], pair[1]),
                    p.toString(p.midpoint(p.fromString(pair[0]), p.fromString(pair[1]))),
                    () -> name + " midpoint " + pair[0] + " " + pair[1]);
            if (!name.equals("byte-ordered")) {
                double ratio = GoldenGenerator.ratio(r);
                assertEquals(CassandraOracle.split(name, pair[0], pair[1], ratio),
                        p.toString(p.split(p.fromString(pair[0]), p.fromString(pair[1]), ratio)),
                        () -> name + " split " + pair[0] + " " + pair[1] + " " + ratio);
            }
        }
    }

    @Test
    void midpointsAndSplits() {
        Random r = new Random(SEED);
        arithmetic("murmur3", murmur3, GoldenGenerator.longPairs(r, 20000), r);
        arithmetic("random", random, GoldenGenerator.bigPairs(r, 20000), r);
        arithmetic("byte-ordered", new ByteOrderedPartitioner(), GoldenGenerator.bytePairs(r, 5000), r);
    }
}
