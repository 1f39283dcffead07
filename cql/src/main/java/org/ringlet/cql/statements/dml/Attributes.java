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
        return (Long) NativeType.BIGINT.compose(v);
    }

    /** The TTL in seconds: USING TTL, else the table's default. */
    int ttl(BoundValues values, TableMetadata table) {
        if (ttl == null) {
            return table.params().defaultTimeToLive();
        }
        if (ttl.isUnset(values)) {
            return table.params().defaultTimeToLive();
        }
        ByteBuffer v = ttl.bind(values);
        if (v == null) {
            throw new InvalidRequestException("Invalid null value of TTL");
        }
        int t = (Integer) NativeType.INT.compose(v);
        if (t < 0) {
            throw new InvalidRequestException("A TTL must be greater or equal to 0, but was " + t);
        }
        if (t > MAX_TTL) {
            throw new InvalidRequestException("ttl is too large. requested (" + t + ") maximum (" + MAX_TTL + ")");
        }
        return t;
    }
}
