package org.ringlet.api.data;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.ring.Token;
import org.ringlet.api.runtime.RandomSource;
import org.ringlet.api.schema.ClusteringOrder;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.NativeType;
import org.ringlet.api.types.SetType;

/** Shared values for the data-model tests: a table, keys and a simple partitioner. */
public final class DataFixtures {
    /** {@code ks.t (pk int, ck int, s int static, v1 int, v2 text, tags set<int>, PRIMARY KEY (pk, ck))}. */
    public static final TableMetadata TABLE = TableMetadata.builder("ks", "t")
            .addPartitionKey("pk", NativeType.INT)
            .addClustering("ck", NativeType.INT, ClusteringOrder.ASC)
            .addStatic("s", NativeType.INT)
            .addRegular("v1", NativeType.INT)
            .addRegular("v2", NativeType.TEXT)
            .addRegular("tags", SetType.of(NativeType.INT))
            .build();
    public static final Partitioner PARTITIONER = new HashPartitioner();

    private DataFixtures() {
    }

    public static ByteBuffer i(int v) {
        return NativeType.INT.decompose(v);
    }

    public static Clustering ck(int v) {
        return Clustering.of(i(v));
    }

    public static DecoratedKey key(int pk) {
        ByteBuffer k = i(pk);
        return new DecoratedKey(PARTITIONER.token(k), k);
    }

    /** A token that is a long. */
    public record LongToken(long value) implements Token {
        @Override
        public int compareTo(Token o) {
            return Long.compare(value, ((LongToken) o).value);
        }
    }

    /** Tokens from a hash of the key bytes; only what the data model needs. */
    static final class HashPartitioner implements Partitioner {
        @Override
        public Token token(ByteBuffer key) {
            byte[] b = Bytes.toArray(key);
            return new LongToken(Arrays.hashCode(b) * 0x9E3779B97F4A7C15L);
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
            throw new UnsupportedOperationException();
        }

        @Override
        public Token split(Token left, Token right, double ratio) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Token randomToken(RandomSource random) {
            throw new UnsupportedOperationException();
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
            return new LongToken(Long.parseLong(string));
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
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<Token, Double> describeOwnership(List<Token> sortedTokens) {
            throw new UnsupportedOperationException();
        }
    }
}
