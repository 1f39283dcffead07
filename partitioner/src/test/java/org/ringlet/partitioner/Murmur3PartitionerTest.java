package org.ringlet.partitioner;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ringlet.api.ComponentConfig;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.ring.PartitionKeys;
import org.ringlet.api.ring.PartitionerFactory;
import org.ringlet.api.ring.Token;
import org.ringlet.api.testing.SeededRandomSource;
import org.ringlet.api.testing.contract.PartitionerContractTest;
import org.ringlet.api.types.NativeType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class Murmur3PartitionerTest extends PartitionerContractTest {
    private final Murmur3Partitioner p = new Murmur3Partitioner();

    @Override
    protected PartitionerFactory factory() {
        return new Murmur3PartitionerFactory();
    }

    private static ByteBuffer utf8(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({
            "aali24, -7905752472182359000",
            "raziz12, -882788003101376442",
            "jack01, 2621513098312339776",
            "ninopk, 6013687671608201304"})
    void tutorialTokens(String username, long token) {
        assertEquals(new LongToken(token), p.token(utf8(username)));
    }

    @Test
    void everyTailLengthAndSignExtendedBytes() {
        // 0..33 bytes of 0x80..0xA1 exercise every tail length and negative (sign-extended) tail bytes. The
        // expected values come from Cassandra 5.0.6 (see the golden file); here we only pin a few by hand.
        assertEquals(Murmur3Partitioner.MINIMUM, p.token(ByteBuffer.allocate(0)));
        assertEquals(p.token(ByteBuffer.wrap(new byte[] {(byte) 0x80})),
                p.token(ByteBuffer.allocateDirect(1).put((byte) 0x80).flip()));
    }

    @Test
    void theOrderPrefixOrdersTokensAsCompareToDoes() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        Token[] edges = {Murmur3Partitioner.MINIMUM, p.token(ByteBuffer.allocate(0)), new LongToken(Long.MAX_VALUE),
            new LongToken(-1), new LongToken(0), new LongToken(1)};
        for (int i = 0; i < 10_000; i++) {
            Token a = i < edges.length ? edges[i] : new LongToken(rnd.nextLong());
            Token b = new LongToken(i % 7 == 0 ? ((LongToken) a).orderPrefix() : rnd.nextLong());
            assertEquals(Integer.signum(a.compareTo(b)), Long.signum(Long.compare(a.orderPrefix(), b.orderPrefix())),
                    a + " against " + b);
        }
    }

    @Test
    void compositeKeysHashTheirSerializedForm() {
        ByteBuffer composite = PartitionKeys.serialize(List.of(utf8("Karachi"), ByteBuffer.allocate(4).putInt(0, 30)));
        assertEquals(2 + 7 + 1 + 2 + 4 + 1, composite.remaining());
        assertEquals(p.token(composite.duplicate()), p.token(composite));
    }

    @Test
    void cassandraClassNameAndAliases() {
        Murmur3PartitionerFactory f = new Murmur3PartitionerFactory();
        assertEquals("murmur3", f.name());
        assertEquals("org.apache.cassandra.dht.Murmur3Partitioner", f.cassandraClassName().orElseThrow());
        assertEquals(java.util.Set.of("Murmur3Partitioner", "org.apache.cassandra.dht.Murmur3Partitioner"),
                f.aliases());
        assertEquals(NativeType.BIGINT, f.create(ComponentConfig.empty(), context()).tokenType());
    }

    @Test
    void stringForms() {
        assertEquals("-9223372036854775808", p.toString(p.minimumToken()));
        assertEquals(new LongToken(42), p.fromString("42"));
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> p.fromString("abc"));
        assertEquals("Invalid token for Murmur3Partitioner. Got abc but expected a long value (unsigned 8 bytes "
                + "integer).", e.getMessage());
    }

    @Test
    void midpointAndSplitByHand() {
        assertEquals(new LongToken(5), p.midpoint(new LongToken(0), new LongToken(10)));
        // wrapping: from MAX-1 around to MIN+1
        Token mid = p.midpoint(new LongToken(Long.MAX_VALUE - 1), new LongToken(Long.MIN_VALUE + 1));
        assertEquals(new LongToken(Long.MAX_VALUE), mid);
        assertEquals(new LongToken(2), p.split(new LongToken(0), new LongToken(10), 0.25));
        assertEquals(new LongToken(10), p.split(new LongToken(0), new LongToken(10), 1.0));
    }

    @Test
    void ownershipOfAnEvenRing() {
        List<Token> ring = List.of(new LongToken(Long.MIN_VALUE), new LongToken(-(1L << 62)), new LongToken(0),
                new LongToken(1L << 62));
        Map<Token, Double> owned = p.describeOwnership(ring);
        owned.values().forEach(share -> assertEquals(0.25, share, 1e-15));
    }

    @Test
    void randomTokensForNumTokens() {
        var tokens = p.randomTokens(16, new SeededRandomSource(7), List.of());
        assertEquals(16, tokens.size());
        assertEquals(tokens, p.randomTokens(16, new SeededRandomSource(7), List.of()));
    }

    @Test
    void goldenVectorsFromCassandra() {
        TokenGolden.check("murmur3", p, TokenGolden.Column.MURMUR3);
    }
}
