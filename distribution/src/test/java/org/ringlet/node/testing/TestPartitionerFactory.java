package org.ringlet.node.testing;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.NodeContext;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.ring.PartitionerFactory;
import org.ringlet.api.ring.Token;
import org.ringlet.api.runtime.RandomSource;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.NativeType;

/** A partitioner whose token is a simple 64-bit hash of the key (FNV-1a); for assembly tests only. */
public final class TestPartitionerFactory implements PartitionerFactory {
    @Override
    public String name() {
        return "test-partitioner";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("TestPartitioner", "org.ringlet.test.TestPartitioner");
    }

    @Override
    public Optional<String> cassandraClassName() {
        return Optional.of("org.apache.cassandra.dht.TestPartitioner");
    }

    @Override
    public Partitioner create(ComponentConfig config, NodeContext context) {
        return new HashPartitioner();
    }

    /** FNV-1a over the key's bytes. */
    public static final class HashPartitioner implements Partitioner {
        @Override
        public Token token(ByteBuffer key) {
            long h = 0xcbf29ce484222325L;
            for (int i = key.position(); i < key.limit(); i++) {
                h ^= key.get(i) & 0xff;
                h *= 0x100000001b3L;
            }
            return new LongToken(h == Long.MIN_VALUE ? Long.MAX_VALUE : h);
        }

        @Override
        public Token minimumToken() {
            return new LongToken(Long.MIN_VALUE);
        }

        @Override
        public Token maximumToken() {
            return new LongToken(Long.MAX_VALUE);
        }

        @Override
        public Token midpoint(Token left, Token right) {
            return split(left, right, 0.5);
        }

        @Override
        public Token split(Token left, Token right, double ratio) {
            BigInteger l = BigInteger.valueOf(((LongToken) left).value());
            BigInteger size = rangeSize(left, right);
            BigInteger offset = new java.math.BigDecimal(size).multiply(java.math.BigDecimal.valueOf(ratio))
                    .toBigInteger();
            BigInteger v = l.add(offset);
            BigInteger range = BigInteger.ONE.shiftLeft(64);
            BigInteger min = BigInteger.valueOf(Long.MIN_VALUE);
            return new LongToken(v.subtract(min).mod(range).add(min).longValue());
        }

        @Override
        public Token randomToken(RandomSource random) {
            long v;
            do {
                v = random.nextLong();
            } while (v == Long.MIN_VALUE);
            return new LongToken(v);
        }

        @Override
        public boolean preservesOrder() {
            return false;
        }

        @Override
        public String toString(Token token) {
            return Long.toString(((LongToken) token).value());
        }

        @Override
        public Token fromString(String string) {
            try {
                return new LongToken(Long.parseLong(string.trim()));
            } catch (NumberFormatException e) {
                throw new ConfigurationException("Invalid token '" + string + "': expected a 64-bit integer");
            }
        }

        @Override
        public ByteBuffer toBytes(Token token) {
            return ByteBuffer.allocate(8).putLong(0, ((LongToken) token).value());
        }

        @Override
        public Token fromBytes(ByteBuffer bytes) {
            return new LongToken(bytes.getLong(bytes.position()));
        }

        @Override
        public CqlType tokenType() {
            return NativeType.BIGINT;
        }

        @Override
        public ByteBuffer tokenValue(Token token) {
            return toBytes(token);
        }

        @Override
        public BigInteger rangeSize(Token left, Token right) {
            BigInteger l = BigInteger.valueOf(((LongToken) left).value());
            BigInteger r = BigInteger.valueOf(((LongToken) right).value());
            BigInteger range = BigInteger.ONE.shiftLeft(64);
            BigInteger size = r.subtract(l).mod(range);
            return size.signum() == 0 ? range : size;
        }

        @Override
        public Map<Token, Double> describeOwnership(List<Token> sortedTokens) {
            Map<Token, Double> out = new LinkedHashMap<>();
            BigInteger range = BigInteger.ONE.shiftLeft(64);
            for (int i = 0; i < sortedTokens.size(); i++) {
                Token previous = sortedTokens.get((i + sortedTokens.size() - 1) % sortedTokens.size());
                out.put(sortedTokens.get(i), new java.math.BigDecimal(rangeSize(previous, sortedTokens.get(i)))
                        .divide(new java.math.BigDecimal(range), java.math.MathContext.DECIMAL64).doubleValue());
            }
            return out;
        }
    }
}
