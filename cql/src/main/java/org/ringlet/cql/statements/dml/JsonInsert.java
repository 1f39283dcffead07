package org.ringlet.cql.statements.dml;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.query.BoundValues;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.MarshalException;
import org.ringlet.api.types.NativeType;
import org.ringlet.cql.terms.Constant;
import org.ringlet.cql.terms.Term;
import org.ringlet.cql.types.JsonParser;
import org.ringlet.cql.types.JsonValues;

import static java.util.Objects.requireNonNull;

/**
 * The values of {@code INSERT INTO t JSON '...'}: the JSON object (a literal, parsed once when prepared, or a bind
 * marker) gives a value to each column it names; the others get null ({@code DEFAULT NULL}) or are left alone
 * ({@code DEFAULT UNSET}). Keys are column names, lower-cased unless written in double quotes. Immutable and
 * thread-safe.
 */
final class JsonInsert {
    private final List<ColumnMetadata> columns;
    private final Term json;
    private final boolean defaultUnset;
    private final List<Term> literalValues;
    private final LongSupplier now;

    /**
     * @param json the JSON text (a constant or a marker)
     * @param now  the current time in milliseconds (a timestamp may be written {@code "now"})
     */
    JsonInsert(TableMetadata table, Term json, boolean defaultUnset, LongSupplier now) {
        this.now = requireNonNull(now, "now is null");
        this.columns = table.allColumnsInSelectOrder();
        this.json = requireNonNull(json, "json is null");
        this.defaultUnset = defaultUnset;
        this.literalValues = json.isConstant() ? decode(json.bind(BoundValues.none())) : null;
    }

    /** Every column of the table, which the JSON may give values to. */
    List<ColumnMetadata> columns() {
        return columns;
    }

    /** The value of each column for the request. */
    List<Term> values(BoundValues bound) {
        if (literalValues != null) {
            return literalValues;
        }
        if (json.isUnset(bound)) {
            throw new InvalidRequestException("Invalid unset value for JSON");
        }
        return decode(json.bind(bound));
    }

    private List<Term> decode(ByteBuffer text) {
        if (text == null) {
            throw new InvalidRequestException("Got null for INSERT JSON values");
        }
        String s = (String) NativeType.TEXT.compose(text);
        Object parsed;
        try {
            parsed = JsonParser.parse(s);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("Could not decode JSON string as a map: " + e.getMessage());
        }
        if (parsed == null) {
            throw new InvalidRequestException("Got null for INSERT JSON values");
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new InvalidRequestException("Could not decode JSON string as a map: " + s);
        }
        Map<String, Object> byColumn = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            byColumn.put(JsonValues.fieldName(String.valueOf(e.getKey())), e.getValue());
        }
        List<Term> out = new ArrayList<>(columns.size());
        for (ColumnMetadata c : columns) {
            if (!byColumn.containsKey(c.name())) {
                out.add(defaultUnset ? Unset.INSTANCE : new Constant(null, c.type()));
                continue;
            }
            Object value = byColumn.remove(c.name());
            try {
                CqlType type = c.type().isCounter() ? NativeType.BIGINT : c.type();
                out.add(new Constant(JsonValues.fromJson(type, value, now), c.type()));
            } catch (MarshalException e) {
                throw new InvalidRequestException("Error decoding JSON value for " + c.name() + ": "
                        + e.getMessage());
            }
        }
        if (!byColumn.isEmpty()) {
            throw new InvalidRequestException("JSON values map contains unrecognized column: "
                    + byColumn.keySet().iterator().next());
        }
        return out;
    }

    /** A value that leaves its column alone. */
    private static final class Unset implements Term {
        static final Unset INSTANCE = new Unset();

        @Override
        public ByteBuffer bind(BoundValues values) {
            return null;
        }

        @Override
        public CqlType type() {
            return NativeType.BLOB;
        }

        @Override
        public boolean isConstant() {
            return true;
        }

        @Override
        public boolean isUnset(BoundValues values) {
            return true;
        }
    }
}
