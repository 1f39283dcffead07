package org.ringlet.cql.selection;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.ringlet.api.query.BoundValues;
import org.ringlet.api.query.ColumnSpec;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.types.NativeType;
import org.ringlet.cql.types.ValueFormats;

import static java.util.Objects.requireNonNull;

/**
 * The prepared SELECT clause: the selectors, the result columns they make (named by alias or as Cassandra names
 * them), and whether the query aggregates. Immutable and thread-safe.
 */
public final class Selection {
    private final TableMetadata table;
    private final List<SelectorFactory> selectors;
    private final List<ColumnSpec> columns;
    private final List<ColumnSpec> valueColumns;
    private final boolean json;
    private final boolean aggregate;
    private final Set<ColumnMetadata> readColumns;
    private final List<ColumnMetadata> readColumnList;

    private Selection(TableMetadata table, List<SelectorFactory> selectors, List<String> aliases, boolean json) {
        this.table = requireNonNull(table, "table is null");
        this.json = json;
        this.selectors = List.copyOf(selectors);
        List<ColumnSpec> specs = new ArrayList<>(selectors.size());
        for (int i = 0; i < selectors.size(); i++) {
            SelectorFactory s = selectors.get(i);
            String name = aliases.get(i) != null ? aliases.get(i) : s.columnName();
            specs.add(new ColumnSpec(table.keyspace(), table.name(), name, s.type()));
        }
        this.valueColumns = List.copyOf(specs);
        this.columns = json ? List.of(new ColumnSpec(table.keyspace(), table.name(), "[json]", NativeType.TEXT))
                : valueColumns;
        this.aggregate = selectors.stream().anyMatch(SelectorFactory::isAggregate);
        Set<ColumnMetadata> read = new LinkedHashSet<>();
        selectors.forEach(s -> s.collectColumns(read));
        this.readColumns = Set.copyOf(read);
        this.readColumnList = List.copyOf(read);
    }

    /** {@code SELECT *}: every column in Cassandra's order (partition key, clustering, then the rest by name). */
    public static Selection wildcard(TableMetadata table, boolean json) {
        List<SelectorFactory> s = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        for (ColumnMetadata c : table.allColumnsInSelectOrder()) {
            s.add(new ColumnSelector(c));
            aliases.add(null);
        }
        return new Selection(table, s, aliases, json);
    }

    /** {@code SELECT *}. */
    public static Selection wildcard(TableMetadata table) {
        return wildcard(table, false);
    }

    /**
     * A selection of the given selectors.
     *
     * @param aliases the alias of each selector, null where it has none
     * @param json    whether each row is returned as one JSON object (SELECT JSON)
     */
    public static Selection of(TableMetadata table, List<SelectorFactory> selectors, List<String> aliases,
                               boolean json) {
        return new Selection(table, selectors, aliases, json);
    }

    public List<ColumnSpec> columns() {
        return columns;
    }

    public List<SelectorFactory> selectors() {
        return selectors;
    }

    /** Whether the query returns one row computed over every row read. */
    public boolean isAggregate() {
        return aggregate;
    }

    /** The columns the selectors read. */
    public Set<ColumnMetadata> readColumns() {
        return readColumns;
    }

    /** The columns the selectors read, in the order they first appear. */
    public List<ColumnMetadata> readColumnList() {
        return readColumnList;
    }

    /** Whether any selected column is a non-frozen collection. */
    public boolean selectsMultiCellColumn() {
        return readColumns.stream().anyMatch(ColumnMetadata::isComplex);
    }

    /** Whether every column read is static or part of the partition key (and at least one is static). */
    public boolean selectsOnlyStaticColumns() {
        boolean anyStatic = false;
        for (ColumnMetadata c : readColumns) {
            if (c.isStatic()) {
                anyStatic = true;
            } else if (c.kind() != org.ringlet.api.schema.ColumnKind.PARTITION_KEY) {
                return false;
            }
        }
        return anyStatic;
    }

    /** A builder of one result, for the request's bound values. */
    public ResultBuilder newResultBuilder(BoundValues values) {
        return new ResultBuilder(this, false, values);
    }

    /** A builder of one result of a GROUP BY query: a row per group. */
    public ResultBuilder newGroupingResultBuilder(BoundValues values) {
        return new ResultBuilder(this, true, values);
    }

    TableMetadata table() {
        return table;
    }

    /** The values of a row as output by the selectors (one JSON text for SELECT JSON). */
    List<ByteBuffer> outputOf(List<Selector> instances) {
        List<ByteBuffer> out = new ArrayList<>(instances.size());
        instances.forEach(s -> out.add(s.output()));
        if (!json) {
            return out;
        }
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < out.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            ColumnSpec c = valueColumns.get(i);
            sb.append('"').append(ValueFormats.quote(ValueFormats.jsonName(c.name()))).append("\": ");
            ValueFormats.appendJson(sb, c.type(), out.get(i));
        }
        sb.append('}');
        List<ByteBuffer> row = new ArrayList<>(1);
        row.add(ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8)));
        return row;
    }
}
