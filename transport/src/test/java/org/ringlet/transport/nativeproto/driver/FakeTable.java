package org.ringlet.transport.nativeproto.driver;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.ringlet.api.query.ColumnSpec;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.CqlTypeParser;

/** An in-memory table of the fake node: columns in declaration order, key columns, rows of serialized values. */
final class FakeTable {
    final String keyspace;
    final String name;
    final List<ColumnSpec> columns = new ArrayList<>();
    final List<String> partitionKey;
    final List<String> clustering;
    final List<Map<String, ByteBuffer>> rows = new CopyOnWriteArrayList<>();

    /**
     * @param definitions {@code "name type"} for each column, e.g. {@code "tokens set<text>"}
     */
    FakeTable(String keyspace, String name, List<String> partitionKey, List<String> clustering,
              String... definitions) {
        this.keyspace = keyspace;
        this.name = name;
        this.partitionKey = List.copyOf(partitionKey);
        this.clustering = List.copyOf(clustering);
        for (String d : definitions) {
            int space = d.indexOf(' ');
            columns.add(new ColumnSpec(keyspace, name, d.substring(0, space),
                    CqlTypeParser.parse(d.substring(space + 1).trim())));
        }
    }

    ColumnSpec column(String column) {
        for (ColumnSpec c : columns) {
            if (c.name().equals(column)) {
                return c;
            }
        }
        return null;
    }

    /** Adds a row from alternating column names and Java values (see {@link CqlType#decompose}). */
    FakeTable insert(Object... namesAndValues) {
        Map<String, ByteBuffer> row = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String column = (String) namesAndValues[i];
            ColumnSpec spec = column(column);
            if (spec == null) {
                throw new IllegalArgumentException("no column " + column + " in " + keyspace + "." + name);
            }
            Object value = namesAndValues[i + 1];
            row.put(column, value == null ? null : spec.type().decompose(value));
        }
        rows.add(row);
        return this;
    }

    /** The kind of a column as system_schema.columns shows it. */
    String kind(String column) {
        if (partitionKey.contains(column)) {
            return "partition_key";
        }
        return clustering.contains(column) ? "clustering" : "regular";
    }

    int position(String column) {
        if (partitionKey.contains(column)) {
            return partitionKey.indexOf(column);
        }
        return clustering.contains(column) ? clustering.indexOf(column) : -1;
    }
}
