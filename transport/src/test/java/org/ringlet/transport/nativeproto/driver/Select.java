package org.ringlet.transport.nativeproto.driver;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.error.SyntaxException;
import org.ringlet.api.query.BoundValues;
import org.ringlet.api.query.ColumnSpec;
import org.ringlet.api.query.QueryOptions;
import org.ringlet.api.query.Result;
import org.ringlet.api.types.NativeType;

/** The fake node's statements: {@code SELECT … FROM t [WHERE a = x AND …]} and {@code INSERT INTO t (…) VALUES (…)}. */
final class Select {
    private static final Pattern SELECT = Pattern.compile(
            "(?is)select\\s+(.+?)\\s+from\\s+([\\w\"]+(?:\\.[\\w\"]+)?)(?:\\s+where\\s+(.+?))?");
    private static final Pattern INSERT = Pattern.compile(
            "(?is)insert\\s+into\\s+([\\w\"]+(?:\\.[\\w\"]+)?)\\s*\\((.+?)\\)\\s*values\\s*\\((.+?)\\)");
    private static final Pattern CONDITION = Pattern.compile("(?s)\\s*(\\w+)\\s*=\\s*(.+?)\\s*");

    /** {@code column = term}; term is a literal, {@code ?} (bind index) or {@code :name}. */
    private record Term(String column, ByteBuffer literal, int bindIndex, String bindName) {
    }

    private final FakeNode node;
    private final FakeTable table;
    private final String text;
    final boolean insert;
    private final List<String> columns;
    private final List<Term> terms;

    private Select(FakeNode node, FakeTable table, String text, boolean insert, List<String> columns,
                   List<Term> terms) {
        this.node = node;
        this.table = table;
        this.text = text;
        this.insert = insert;
        this.columns = columns;
        this.terms = terms;
    }

    static Select parse(FakeNode node, String text, String keyspace) {
        Matcher insert = INSERT.matcher(text);
        if (insert.matches()) {
            FakeTable table = table(node, insert.group(1), keyspace);
            String[] cols = insert.group(2).split(",");
            String[] vals = insert.group(3).split(",");
            if (cols.length != vals.length) {
                throw new InvalidRequestException("Unmatched column names/values");
            }
            List<String> names = new ArrayList<>();
            List<Term> terms = new ArrayList<>();
            int bind = 0;
            for (int i = 0; i < cols.length; i++) {
                String column = cols[i].strip();
                names.add(column);
                Term t = term(table, column, vals[i].strip(), bind);
                bind += t.bindIndex >= 0 ? 1 : 0;
                terms.add(t);
            }
            return new Select(node, table, text, true, names, terms);
        }
        Matcher select = SELECT.matcher(text);
        if (!select.matches()) {
            throw new SyntaxException("line 1:0 no viable alternative at input '" + text + "'");
        }
        FakeTable table = table(node, select.group(2), keyspace);
        List<String> projection = new ArrayList<>();
        if (select.group(1).strip().equals("*")) {
            table.columns.forEach(c -> projection.add(c.name()));
        } else {
            for (String c : select.group(1).split(",")) {
                String column = c.strip().toLowerCase(Locale.ROOT);
                if (table.column(column) == null) {
                    throw new InvalidRequestException("Undefined column name " + column + " in table "
                            + table.keyspace + "." + table.name);
                }
                projection.add(column);
            }
        }
        List<Term> terms = new ArrayList<>();
        if (select.group(3) != null) {
            int bind = 0;
            for (String part : select.group(3).split("(?i)\\s+and\\s+")) {
                Matcher m = CONDITION.matcher(part);
                if (!m.matches()) {
                    throw new SyntaxException("Unsupported condition " + part);
                }
                Term t = term(table, m.group(1).toLowerCase(Locale.ROOT), m.group(2), bind);
                bind += t.bindIndex >= 0 ? 1 : 0;
                terms.add(t);
            }
        }
        return new Select(node, table, text, false, projection, terms);
    }

    private static FakeTable table(FakeNode node, String name, String keyspace) {
        String qualified = name.replace("\"", "").toLowerCase(Locale.ROOT);
        if (!qualified.contains(".")) {
            if (keyspace == null || keyspace.isEmpty()) {
                throw new InvalidRequestException("No keyspace has been specified. USE a keyspace, or explicitly "
                        + "specify keyspace.tablename");
            }
            qualified = keyspace + "." + qualified;
        }
        FakeTable t = node.tables.get(qualified);
        if (t == null) {
            throw new InvalidRequestException("unconfigured table " + qualified.substring(qualified.indexOf('.') + 1));
        }
        return t;
    }

    private static Term term(FakeTable table, String column, String term, int nextBind) {
        ColumnSpec spec = table.column(column);
        if (spec == null) {
            throw new InvalidRequestException("Undefined column name " + column);
        }
        if (term.equals("?")) {
            return new Term(column, null, nextBind, null);
        }
        if (term.startsWith(":")) {
            return new Term(column, null, nextBind, term.substring(1));
        }
        ByteBuffer literal;
        if (term.startsWith("'") && term.endsWith("'")) {
            literal = spec.type().decompose(term.substring(1, term.length() - 1));
        } else if (spec.type().equals(NativeType.INT)) {
            literal = NativeType.INT.decompose(Integer.parseInt(term));
        } else if (spec.type().equals(NativeType.VARINT)) {
            literal = NativeType.VARINT.decompose(new BigInteger(term));
        } else {
            throw new InvalidRequestException("Unsupported literal " + term + " for " + column);
        }
        return new Term(column, literal, -1, null);
    }

    private ByteBuffer value(Term t, BoundValues values) {
        if (t.literal != null) {
            return t.literal;
        }
        int index = t.bindIndex;
        if (t.bindName != null && values.names() != null) {
            index = values.names().indexOf(t.bindName);
        }
        if (index < 0 || index >= values.size()) {
            throw new InvalidRequestException("There were " + bindVariables().size() + " markers(?) in CQL but "
                    + values.size() + " bound variables");
        }
        return values.get(index);
    }

    List<ColumnSpec> resultColumns() {
        return columns.stream().map(table::column).toList();
    }

    List<ColumnSpec> bindVariables() {
        List<ColumnSpec> out = new ArrayList<>();
        for (Term t : terms) {
            if (t.bindIndex >= 0) {
                out.add(table.column(t.column));
            }
        }
        return out;
    }

    List<Integer> partitionKeyIndexes() {
        List<Integer> out = new ArrayList<>();
        for (String key : table.partitionKey) {
            int found = -1;
            for (Term t : terms) {
                if (t.column.equals(key) && t.bindIndex >= 0) {
                    found = t.bindIndex;
                }
            }
            if (found < 0) {
                return List.of();
            }
            out.add(found);
        }
        return out;
    }

    Result.Rows page(BoundValues values, QueryOptions options) {
        List<List<ByteBuffer>> matching = new ArrayList<>();
        for (Map<String, ByteBuffer> row : table.rows) {
            boolean match = true;
            for (Term t : terms) {
                ByteBuffer expected = value(t, values);
                ByteBuffer actual = row.get(t.column);
                if (expected == null || !expected.equals(actual)) {
                    match = false;
                    break;
                }
            }
            if (match) {
                List<ByteBuffer> projected = new ArrayList<>(columns.size());
                for (String c : columns) {
                    projected.add(row.get(c));
                }
                matching.add(projected);
            }
        }
        return node.page(this, matching, options, text);
    }

    void apply(BoundValues values) {
        Map<String, ByteBuffer> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            Term t = terms.get(i);
            if (t.bindIndex >= 0 && values.isUnset(t.bindIndex)) {
                continue;
            }
            row.put(columns.get(i), value(t, values));
        }
        table.rows.add(row);
    }
}
