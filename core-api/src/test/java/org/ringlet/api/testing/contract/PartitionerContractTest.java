package org.ringlet.api.testing.contract;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.ringlet.api.ComponentConfig;
import org.ringlet.api.ComponentKind;
import org.ringlet.api.NodeContext;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.ring.PartitionerFactory;
import org.ringlet.api.ring.Token;
import org.ringlet.api.ring.TokenRange;
import org.ringlet.api.runtime.RandomSource;
import org.ringlet.api.testing.MapNodeContext;
import org.ringlet.api.testing.SeededRandomSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract every {@link Partitioner} and its {@link PartitionerFactory} keep. An implementation's test
 * extends this class and adds its own known-answer vectors.
 *
 * <p>Tokens are drawn from random keys and from {@link Partitioner#randomToken}, so the properties hold for both.
 */
public abstract class PartitionerContractTest {

    /** The factory under test. */
    protected abstract PartitionerFactory factory();

    /** The node services the factory is given; by default a seeded random source only. */
    protected NodeContext context() {
        return MapNodeContext.empty().with(RandomSource.class, new SeededRandomSource(42));
    }

    /** The partitioner under test, from {@link #factory()} with no options. */
    protected Partitioner partitioner() {
        return factory().create(ComponentConfig.empty(), context());
    }

    /**
     * How far (in token units) {@code 2 * rangeSize(left, midpoint)} may be from {@code rangeSize(left, right)}:
     * rounding in the partitioner's arithmetic.
     */
    protected BigInteger midpointTolerance() {
        return BigInteger.TWO;
    }

    private Token tokenOf(byte[] key) {
        return partitioner().token(ByteBuffer.wrap(key));
    }

    @Provide
    Arbitrary<byte[]> keys() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(48);
    }

    @Provide
    Arbitrary<Token> tokens() {
        Arbitrary<Token> fromKeys = keys().map(this::tokenOf);
        Arbitrary<Token> random = Arbitraries.longs().map(seed -> partitioner().randomToken(new SeededRandomSource(seed)));
        return Arbitraries.oneOf(fromKeys, random);
    }

    @Provide
    Arbitrary<List<Token>> rings() {
        return tokens().set().ofMinSize(1).ofMaxSize(40).map(set -> {
            List<Token> sorted = new ArrayList<>(set);
            sorted.sort(null);
            return sorted;
        });
    }

    @Test
    void factoryDescribesItself() {
        PartitionerFactory f = factory();
        assertEquals(ComponentKind.PARTITIONER, f.kind());
        assertTrue(f.name().matches("[a-z0-9-]+"), "name must be lowercase ASCII: " + f.name());
        for (String alias : f.aliases()) {
            assertTrue(!alias.isBlank(), "blank alias");
            assertNotEquals(f.name(), alias, "an alias repeats the name");
        }
        for (Class<?> service : f.requiredServices()) {
            assertTrue(context().find(service).isPresent(), "the test context lacks the required " + service);
        }
    }

    @Property(tries = 200)
    void tokenIsDeterministicAndLeavesTheBufferAlone(@ForAll("keys") byte[] key,
                                                     @ForAll @IntRange(min = 0, max = 8) int offset) {
        byte[] padded = new byte[offset + key.length + 3];
        System.arraycopy(key, 0, padded, offset, key.length);
        ByteBuffer buffer = ByteBuffer.wrap(padded, offset, key.length);
        Token first = partitioner().token(buffer);
        assertEquals(offset, buffer.position());
        assertEquals(offset + key.length, buffer.limit());
        assertEquals(first, tokenOf(key.clone()));
        assertEquals(first, partitioner().token(ByteBuffer.allocateDirect(key.length).put(key).flip()));
    }

    @Test
    void emptyKeyHasTheMinimumToken() {
        assertEquals(partitioner().minimumToken(), partitioner().token(ByteBuffer.allocate(0)));
    }

    @Property(tries = 200)
    void everyKeyTokenIsAboveTheMinimum(@ForAll("keys") byte[] key) {
        Token t = tokenOf(key);
        assertTrue(t.compareTo(partitioner().minimumToken()) > 0, () -> t + " is not above the minimum");
        try {
            Token max = partitioner().maximumToken();
            assertTrue(t.compareTo(max) <= 0, () -> t + " is above the maximum " + max);
        } catch (UnsupportedOperationException unbounded) {
            // byte-ordered tokens have no upper bound
        }
    }

    @Property(tries = 200)
    void tokensRoundTripThroughStringAndBytes(@ForAll("tokens") Token t) {
        Partitioner p = partitioner();
        assertEquals(t, p.fromString(p.toString(t)));
        ByteBuffer bytes = p.toBytes(t);
        int position = bytes.position();
        assertEquals(t, p.fromBytes(bytes));
        assertEquals(position, bytes.position(), "fromBytes must not move the buffer");
        p.tokenType().validate(p.tokenValue(t));
    }

    @Test
    void minimumTokenRoundTrips() {
        Partitioner p = partitioner();
        Token min = p.minimumToken();
        assertEquals(min, p.fromString(p.toString(min)));
        assertEquals(min, p.fromBytes(p.toBytes(min)));
    }

    @Test
    void garbageIsNotAToken() {
        assertThrows(ConfigurationException.class, () -> partitioner().fromString("not a token!"));
    }

    @Property(tries = 200)
    void equalityAgreesWithOrder(@ForAll("tokens") Token a, @ForAll("tokens") Token b) {
        assertEquals(a.equals(b), a.compareTo(b) == 0);
        assertEquals(Integer.signum(a.compareTo(b)), -Integer.signum(b.compareTo(a)));
        if (a.equals(b)) {
            assertEquals(a.hashCode(), b.hashCode());
        }
    }

    @Property(tries = 300)
    void midpointLiesInTheRangeAndHalvesIt(@ForAll("tokens") Token left, @ForAll("tokens") Token right) {
        Partitioner p = partitioner();
        Token mid = p.midpoint(left, right);
        if (!left.equals(right)) {
            assertTrue(mid.equals(left) || new TokenRange(left, right).contains(mid),
                    () -> mid + " is not in (" + left + ", " + right + "]");
        }
        BigInteger whole = p.rangeSize(left, right);
        BigInteger half = mid.equals(left) ? BigInteger.ZERO : p.rangeSize(left, mid);
        BigInteger error = half.shiftLeft(1).subtract(whole).abs();
        assertTrue(error.compareTo(midpointTolerance()) <= 0,
                () -> "midpoint of (" + left + ", " + right + "] is " + mid + ", off by " + error);
    }

    @Property(tries = 300)
    void splitMovesMonotonicallyThroughTheRange(@ForAll("tokens") Token left, @ForAll("tokens") Token right,
                                                @ForAll @DoubleRange(min = 0, max = 1) double r1,
                                                @ForAll @DoubleRange(min = 0, max = 1) double r2) {
        Partitioner p = partitioner();
        assertEquals(left, p.split(left, right, 0.0));
        double lo = Math.min(r1, r2);
        double hi = Math.max(r1, r2);
        Token a = p.split(left, right, lo);
        Token b = p.split(left, right, hi);
        BigInteger whole = p.rangeSize(left, right);
        BigInteger pa = position(p, left, right, a, lo);
        BigInteger pb = position(p, left, right, b, hi);
        assertTrue(pa.compareTo(pb) <= 0, () -> "split(" + lo + ")=" + a + " is after split(" + hi + ")=" + b);
        assertTrue(pb.compareTo(whole) <= 0, () -> b + " is beyond the range");
    }

    /**
     * How far {@code t} lies from {@code left}. On the whole ring ({@code left == right}) a token equal to both ends
     * is its start for small ratios and its end for large ones.
     */
    private static BigInteger position(Partitioner p, Token left, Token right, Token t, double ratio) {
        if (!t.equals(left)) {
            return p.rangeSize(left, t);
        }
        return left.equals(right) && ratio >= 0.5 ? p.rangeSize(left, right) : BigInteger.ZERO;
    }

    @Test
    void splitRejectsRatiosOutsideZeroToOne() {
        Partitioner p = partitioner();
        Token t = tokenOf(new byte[] {1});
        Token u = tokenOf(new byte[] {2});
        assertThrows(IllegalArgumentException.class, () -> p.split(t, u, -0.1));
        assertThrows(IllegalArgumentException.class, () -> p.split(t, u, 1.1));
    }

    @Property(tries = 200)
    void rangeSizesAddUpToTheWholeRing(@ForAll("rings") List<Token> ring) {
        Partitioner p = partitioner();
        BigInteger whole = p.rangeSize(ring.get(0), ring.get(0));
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < ring.size(); i++) {
            Token prev = ring.get((i + ring.size() - 1) % ring.size());
            BigInteger size = p.rangeSize(prev, ring.get(i));
            assertTrue(size.signum() >= 0, "a negative range size");
            sum = sum.add(size);
        }
        BigInteger total = sum;
        assertEquals(whole, total, () -> "ranges of " + ring + " do not add up");
    }

    @Property(tries = 200)
    void ownershipSumsToOne(@ForAll("rings") List<Token> ring) {
        Map<Token, Double> ownership = partitioner().describeOwnership(ring);
        assertEquals(new HashSet<>(ring), ownership.keySet());
        double sum = 0;
        for (double share : ownership.values()) {
            assertTrue(share >= 0 && share <= 1, "share out of [0, 1]: " + share);
            sum += share;
        }
        assertEquals(1.0, sum, 1e-9);
    }

    @Test
    void ownershipOfNoTokensIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> partitioner().describeOwnership(List.of()));
    }

    @Property(tries = 50)
    void randomTokensAreDistinctFreshAndReproducible(@ForAll long seed,
                                                     @ForAll @IntRange(min = 1, max = 64) int count,
                                                     @ForAll @Size(max = 10) List<@From("keys") byte[]> takenKeys) {
        Partitioner p = partitioner();
        Set<Token> taken = new HashSet<>();
        takenKeys.forEach(k -> taken.add(tokenOf(k)));
        SortedSet<Token> first = p.randomTokens(count, new SeededRandomSource(seed), taken);
        assertEquals(count, first.size());
        for (Token t : first) {
            assertNotEquals(p.minimumToken(), t);
            assertTrue(!taken.contains(t));
        }
        assertEquals(first, p.randomTokens(count, new SeededRandomSource(seed), taken));
    }

    @Property(tries = 200)
    void orderPreservingPartitionersKeepKeyOrder(@ForAll("keys") byte[] a, @ForAll("keys") byte[] b) {
        Partitioner p = partitioner();
        if (!p.preservesOrder()) {
            return;
        }
        int keyOrder = Integer.signum(Arrays.compareUnsigned(a, b));
        assertEquals(keyOrder, Integer.signum(tokenOf(a).compareTo(tokenOf(b))));
    }

    @Test
    void tokensSortLikeTheirStringsAreParsed() {
        Partitioner p = partitioner();
        SortedSet<Token> sorted = new TreeSet<>();
        for (int i = 0; i < 100; i++) {
            sorted.add(tokenOf(new byte[] {(byte) i, (byte) (i * 7)}));
        }
        List<Token> reparsed = new ArrayList<>();
        sorted.forEach(t -> reparsed.add(p.fromString(p.toString(t))));
        assertArrayEquals(sorted.toArray(), reparsed.toArray());
    }
}
