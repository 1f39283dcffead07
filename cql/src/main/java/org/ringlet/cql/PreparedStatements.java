package org.ringlet.cql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executor;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.ringlet.api.query.ColumnSpec;
import org.ringlet.api.runtime.Clock;
import org.ringlet.cql.statements.CqlStatement;

import static java.util.Objects.requireNonNull;

/**
 * The prepared statements of the node, by id. Ids are Cassandra's: the MD5 of the keyspace the statement was
 * prepared in followed by the query text, so preparing the same text in the same keyspace always gives the same
 * id, on every node and after restarts. A bounded Caffeine cache (with the node's executor and clock) holds them;
 * an evicted or unknown id makes drivers prepare again. Thread-safe.
 */
public final class PreparedStatements {

    /**
     * A prepared statement with its ids.
     *
     * @param id               the statement id
     * @param resultMetadataId the MD5 of the result columns (protocol v5)
     * @param keyspace         the keyspace it was prepared in, or null
     * @param query            the query text
     */
    public record Entry(byte[] id, byte[] resultMetadataId, String keyspace, String query, CqlStatement statement) {
        public Entry {
            requireNonNull(id, "id is null");
            requireNonNull(resultMetadataId, "resultMetadataId is null");
            requireNonNull(query, "query is null");
            requireNonNull(statement, "statement is null");
        }
    }

    private record Key(byte[] id) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(id, k.id);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(id);
        }
    }

    private final Cache<Key, Entry> cache;

    /**
     * @param maximumSize how many statements are kept
     * @param executor    where Caffeine runs its maintenance
     * @param clock       the time source of the cache
     */
    public PreparedStatements(long maximumSize, Executor executor, Clock clock) {
        requireNonNull(clock, "clock is null");
        Ticker ticker = clock::nanoTime;
        this.cache = Caffeine.newBuilder().maximumSize(maximumSize).executor(requireNonNull(executor,
                "executor is null")).ticker(ticker).build();
    }

    /** Cassandra's statement id: MD5 of the keyspace (when there is one) followed by the query text. */
    public static byte[] statementId(String keyspace, String query) {
        return md5(keyspace == null ? query : keyspace + query);
    }

    /** The id of a result's columns: MD5 of each column's keyspace, table, name and type. */
    public static byte[] resultMetadataId(List<ColumnSpec> columns) {
        StringBuilder sb = new StringBuilder();
        for (ColumnSpec c : columns) {
            sb.append(c.keyspace()).append('.').append(c.table()).append('.').append(c.name()).append(':')
                    .append(c.type().cqlName()).append(';');
        }
        return md5(sb.toString());
    }

    private static byte[] md5(String text) {
        try {
            return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from the JDK", e);
        }
    }

    /** The statement of an id, or null. */
    public Entry get(byte[] id) {
        return cache.getIfPresent(new Key(id));
    }

    public void put(Entry entry) {
        cache.put(new Key(entry.id()), entry);
    }

    /** Forgets the statements of a keyspace (and of one of its tables only, when {@code table} is set). */
    public void evict(String keyspace, String table) {
        cache.asMap().values().removeIf(e -> keyspace.equals(e.statement().keyspace())
                && (table == null || table.equals(e.statement().table())));
    }

    /** The number of statements kept (approximately, pending maintenance). */
    public long size() {
        return cache.estimatedSize();
    }

    /** An id in hexadecimal, as messages show it. */
    static String hex(byte[] id) {
        return HexFormat.of().formatHex(id);
    }
}
