package org.ringlet.cql.selection;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.ringlet.api.query.ColumnSpec;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.schema.TableMetadata;

import static java.util.Objects.requireNonNull;

/**
 * The prepared SELECT clause: the selectors, the result columns they make (named by alias or as Cassandra names
 * them), and whether the query aggregates. Immutable and thread-safe.
 */
public final class Selection {
    private final TableMetadata table;
    private final List<SelectorFactory> selectors;
    private final List<ColumnSpec> columns;
    private final boolean aggregate;
    private final Set<ColumnMetadata> readColumns;
    private final List<ColumnMetadata> readColumnList;

    private Selection(TableMetadata table, List<SelectorFactory> selectors, List<String> aliases) {
        this.table = requireNonNull(table, "table is null");
        this.selectors = List.copyOf(selectors);
        List<ColumnSpec> specs = new ArrayList<>(selectors.size());
        for (int i = 0; i < selectors.size(); i++) {
            SelectorFactory s = selectors.get(i);
            String name = aliases.get(i) != null ? aliases.get(i) : s.columnName();
            specs.add(new ColumnSpec(table.keyspace(), table.name(), name, s.type()));
        }
        this.columns = List.copyOf(specs);
        this.aggregate = selectors.stream().anyMatch(SelectorFactory::isAggregate);
        Set<ColumnMetadata> read = new LinkedHashSet<>();
        selectors.forEach(s -> s.collectColumns(read));
        this.readColumns = Set.copyOf(read);
        this.readColumnList = List.copyOf(read);
    }

    /** {@code SELECT *}: every column in Cassandra's order (partition key, clustering, then the rest by name). */
    public static Selection wildcard(TableMetadata table) {
        List<SelectorFactory> s = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        for (ColumnMetadata c : table.allColumnsInSelectOrder()) {
            s.add(new ColumnSelector(c));
            aliases.add(null);
        }
        return new Selection(table, s, aliases);
    }

    /**
     * A selection of the given selectors.
     *
     * @param aliases the alias of each selector, null where it has none
     */
    public static Selection of(TableMetadata table, List<SelectorFactory> selectors, List<String> aliases) {
        return new Selection(table, selectors, aliases);
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

    /** A builder of one result. */
    public ResultBuilder newResultBuilder() {
        return new ResultBuilder(this, false);
    }

    /** A builder of one result of a GROUP BY query: a row per group. */
    public ResultBuilder newGroupingResultBuilder() {
        return new ResultBuilder(this, true);
    }

    TableMetadata table() {
        return table;
    }

    /** The values of a row as output by fresh selectors (used for non-aggregate rows). */
    List<ByteBuffer> outputOf(List<Selector> instances) {
        List<ByteBuffer> out = new ArrayList<>(instances.size());
        instances.forEach(s -> out.add(s.output()));
        return out;
    }
}
