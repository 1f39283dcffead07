package org.ringlet.cql.statements.dml;

import java.nio.ByteBuffer;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.query.BoundValues;
import org.ringlet.api.query.ColumnSpec;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.types.NativeType;
import org.ringlet.cql.ast.RawStatement;
import org.ringlet.cql.terms.Term;
import org.ringlet.cql.terms.TermPreparer;

/**
 * {@code USING TIMESTAMP} and {@code USING TTL} of a modification, prepared.
 *
 * @param timestamp the timestamp term, or null
 * @param ttl       the TTL term, or null
 */
public record Attributes(Term timestamp, Term ttl) {
    /** The largest TTL Cassandra accepts: 20 years. */
    public static final int MAX_TTL = 630_720_000;
    /** The last local expiration time (seconds since the epoch) a cell may have. */
    static final long MAX_EXPIRATION_SECONDS = Integer.MAX_VALUE - 1L;

    static Attributes prepare(RawStatement.Attributes raw, TableMetadata table, TermPreparer terms) {
        return prepare(raw, table.keyspace(), table.name(), terms);
    }

    /** Prepared with markers named as Cassandra does: {@code [timestamp]} and {@code [ttl]} of a keyspace/table. */
    static Attributes prepare(RawStatement.Attributes raw, String keyspace, String table, TermPreparer terms) {
        Term ts = raw.timestamp() == null ? null : terms.prepare(raw.timestamp(),
                new ColumnSpec(keyspace, table, "[timestamp]", NativeType.BIGINT));
        Term ttl = raw.timeToLive() == null ? null : terms.prepare(raw.timeToLive(),
                new ColumnSpec(keyspace, table, "[ttl]", NativeType.INT));
        return new Attributes(ts, ttl);
    }

    /** The write timestamp: USING TIMESTAMP, else {@code defaultTimestamp}. */
    long timestamp(BoundValues values, long defaultTimestamp) {
        if (timestamp == null) {
            return defaultTimestamp;
        }
        if (timestamp.isUnset(values)) {
            return defaultTimestamp;
        }
        ByteBuffer v = timestamp.bind(values);
        if (v == null) {
            throw new InvalidRequestException("Invalid null value of timestamp");
        }
        long ts = (Long) NativeType.BIGINT.compose(v);
        if (ts == Long.MIN_VALUE) {
            throw new InvalidRequestException("Out of bound timestamp, must be in [" + (Long.MIN_VALUE + 1) + ", "
                    + Long.MAX_VALUE + "]");
        }
        return ts;
    }

    /**
     * The TTL in seconds: USING TTL, else the table's default.
     *
     * @param nowInSeconds the write's time, which plus the TTL must stay within the cells' expiration range
     */
    int ttl(BoundValues values, TableMetadata table, long nowInSeconds) {
        int defaultTtl = table.params().defaultTimeToLive();
        if (ttl == null || ttl.isUnset(values)) {
            checkExpiration(table, defaultTtl, true, nowInSeconds);
            return defaultTtl;
        }
        ByteBuffer v = ttl.bind(values);
        if (v == null) {
            // as Cassandra: a null TTL is no TTL
            return 0;
        }
        int t = (Integer) NativeType.INT.compose(v);
        if (t < 0) {
            throw new InvalidRequestException("A TTL must be greater or equal to 0, but was " + t);
        }
        if (t > MAX_TTL) {
            throw new InvalidRequestException("ttl is too large. requested (" + t + ") maximum (" + MAX_TTL + ")");
        }
        if (defaultTtl != 0 && t == 0) {
            return 0;
        }
        checkExpiration(table, t, false, nowInSeconds);
        return t;
    }

    /**
     * Refuses a TTL that expires after the last local expiration time cells can hold (2038-01-19T03:14:06Z, as
     * Cassandra 5.0 in its default storage compatibility mode), with Cassandra's message.
     */
    private static void checkExpiration(TableMetadata table, int ttl, boolean isDefault, long nowInSeconds) {
        if (ttl != 0 && nowInSeconds + ttl > MAX_EXPIRATION_SECONDS) {
            throw new InvalidRequestException("Request on table " + table.keyspace() + "." + table.name() + " with "
                    + (isDefault ? "default " : "") + "ttl of " + ttl + " seconds exceeds maximum supported "
                    + "expiration date of 2038-01-19T03:14:06+00:00. In order to avoid this use a lower TTL, change "
                    + "the expiration date overflow policy or upgrade to a version where this limitation is fixed. "
                    + "See CASSANDRA-14092 and CASSANDRA-14227 for more details.");
        }
    }
}
