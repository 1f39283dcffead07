package org.ringlet.cql.statements.select;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.query.ColumnSpec;
import org.ringlet.api.schema.ClusteringOrder;
import org.ringlet.api.schema.ColumnKind;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.types.NativeType;
import org.ringlet.cql.ast.RawSelectable;
import org.ringlet.cql.ast.RawStatement;
import org.ringlet.cql.parser.ParsedStatement;
import org.ringlet.cql.restrictions.RestrictionsPreparer;
import org.ringlet.cql.restrictions.StatementRestrictions;
import org.ringlet.cql.selection.Selection;
import org.ringlet.cql.selection.SelectionPreparer;
import org.ringlet.cql.statements.QueryContext;
import org.ringlet.cql.statements.Tables;
import org.ringlet.cql.terms.BindSpecs;
import org.ringlet.cql.terms.Term;
import org.ringlet.cql.terms.TermPreparer;

/** Prepares SELECT statements against the current schema, with Cassandra's checks in Cassandra's order. */
public final class SelectPreparer {
    private SelectPreparer() {
    }

    /**
     * Prepares a SELECT.
     *
     * @param keyspace the keyspace unqualified tables are in, or null
     * @throws InvalidRequestException with Cassandra's messages when the statement is invalid
     */
    public static SelectStatement prepare(ParsedStatement parsed, RawStatement.Select raw, QueryContext context,
                                          String keyspace) {
        TableMetadata table = Tables.table(context.schema(), raw.table(), keyspace);
        BindSpecs binds = new BindSpecs(parsed.markers());
        TermPreparer terms = new TermPreparer(binds, context.functions(), table, context.clock());
        Selection selection = new SelectionPreparer(table, terms).prepare(raw.selectors(), raw.json());
        Map<ColumnMetadata, Boolean> orderings = new LinkedHashMap<>();
        for (RawStatement.Ordering o : raw.orderBy()) {
            orderings.put(table.requireColumn(o.column()), o.descending());
        }
        StatementRestrictions restrictions = new RestrictionsPreparer(table, terms, context.topology().partitioner())
                .prepare(raw.where(), raw.allowFiltering());
        if (restrictions.hasClusteringRestrictions() && selection.selectsOnlyStaticColumns()) {
            throw new InvalidRequestException("Cannot restrict clustering columns when selecting only static columns");
        }
        if (raw.distinct()) {
            if (raw.perPartitionLimit() != null) {
                throw new InvalidRequestException("PER PARTITION LIMIT is not allowed with SELECT DISTINCT queries");
            }
            validateDistinct(table, selection, restrictions);
        }
        int groupPrefix = groupBy(table, raw, restrictions);
        boolean aggregatesEverything = groupPrefix < 0 && selection.isAggregate();
        if (aggregatesEverything && raw.perPartitionLimit() != null) {
            throw new InvalidRequestException("PER PARTITION LIMIT is not allowed with aggregate queries.");
        }
        boolean reversed = false;
        RowOrder postOrdering = null;
        if (!orderings.isEmpty()) {
            if (restrictions.isKeyRange()) {
                throw new InvalidRequestException("ORDER BY is only supported when the partition key is restricted "
                        + "by an EQ or an IN.");
            }
            reversed = isReversed(table, orderings, restrictions);
            if (restrictions.hasPartitionKeyIn()) {
                postOrdering = new RowOrder(List.copyOf(orderings.keySet()), reversed);
            }
        }
        Term limit = raw.limit() == null ? null : terms.prepare(raw.limit(),
                new ColumnSpec(table.keyspace(), table.name(), "[limit]", NativeType.INT));
        Term perPartitionLimit = raw.perPartitionLimit() == null ? null : terms.prepare(raw.perPartitionLimit(),
                new ColumnSpec(table.keyspace(), table.name(), "[per_partition_limit]", NativeType.INT));
        SelectStatement.Shape shape = new SelectStatement.Shape(reversed, raw.distinct(), groupPrefix, postOrdering);
        return new SelectStatement(table, selection, restrictions, limit, perPartitionLimit, shape, binds.toList(),
                binds.partitionKeyIndexes(table));
    }

    private static void validateDistinct(TableMetadata table, Selection selection, StatementRestrictions r) {
        if (r.hasClusteringRestrictions() || (r.hasNonPrimaryKeyRestrictions()
                && !r.nonPrimaryKeyRestrictionsAreStatic())) {
            throw new InvalidRequestException("SELECT DISTINCT with WHERE clause only supports restriction by "
                    + "partition key and/or static columns.");
        }
        List<ColumnMetadata> requested = selection.readColumnList();
        for (ColumnMetadata c : requested) {
            if (c.kind() != ColumnKind.PARTITION_KEY && !c.isStatic()) {
                throw new InvalidRequestException("SELECT DISTINCT queries must only request partition key columns "
                        + "and/or static columns (not " + c.name() + ")");
            }
        }
        if (!r.isKeyRange()) {
            return;
        }
        for (ColumnMetadata c : table.partitionKeyColumns()) {
            if (!requested.contains(c)) {
                throw new InvalidRequestException("SELECT DISTINCT queries must request all the partition key "
                        + "columns (missing " + c.name() + ")");
            }
        }
    }

    /** The number of clustering columns the groups of GROUP BY span, or -1 when there is no GROUP BY. */
    private static int groupBy(TableMetadata table, RawStatement.Select raw, StatementRestrictions restrictions) {
        if (raw.groupBy().isEmpty()) {
            return -1;
        }
        List<ColumnMetadata> primaryKey = new ArrayList<>(table.partitionKeyColumns());
        primaryKey.addAll(table.clusteringColumns());
        Iterator<ColumnMetadata> pk = primaryKey.iterator();
        int prefix = 0;
        String order = "Group by currently only support groups of columns following their declared order in the "
                + "PRIMARY KEY";
        for (RawSelectable s : raw.groupBy()) {
            if (!(s instanceof RawSelectable.Column column)) {
                throw new InvalidRequestException("Functions in the GROUP BY clause are not supported yet");
            }
            ColumnMetadata def = table.requireColumn(column.name());
            if (!def.isPrimaryKeyColumn()) {
                throw new InvalidRequestException("Group by is currently only supported on the columns of the "
                        + "PRIMARY KEY, got " + def.name());
            }
            while (true) {
                if (!pk.hasNext()) {
                    throw new InvalidRequestException(order);
                }
                ColumnMetadata next = pk.next();
                if (next.kind() == ColumnKind.CLUSTERING) {
                    prefix++;
                }
                if (next.equals(def)) {
                    break;
                }
                if (!restrictions.isRestrictedByEq(next)) {
                    throw new InvalidRequestException(order);
                }
            }
        }
        if (pk.hasNext() && pk.next().kind() == ColumnKind.PARTITION_KEY) {
            throw new InvalidRequestException("Group by is not supported on only a part of the partition key");
        }
        if (prefix > 0 && raw.distinct()) {
            throw new InvalidRequestException("Grouping on clustering columns is not allowed for SELECT DISTINCT "
                    + "queries");
        }
        return prefix;
    }

    private static boolean isReversed(TableMetadata table, Map<ColumnMetadata, Boolean> orderings,
                                      StatementRestrictions restrictions) {
        Boolean[] reversedAt = new Boolean[table.clusteringColumns().size()];
        int i = 0;
        for (Map.Entry<ColumnMetadata, Boolean> e : orderings.entrySet()) {
            ColumnMetadata def = e.getKey();
            if (def.kind() != ColumnKind.CLUSTERING) {
                throw new InvalidRequestException("Order by is currently only supported on the clustered columns of "
                        + "the PRIMARY KEY, got " + def.name());
            }
            while (i != def.position()) {
                if (i > def.position() || !restrictions.isRestrictedByEq(table.clusteringColumns().get(i++))) {
                    throw new InvalidRequestException("Order by currently only supports the ordering of columns "
                            + "following their declared order in the PRIMARY KEY");
                }
            }
            i++;
            reversedAt[def.position()] = e.getValue() != (def.order() == ClusteringOrder.DESC);
        }
        Boolean reversed = null;
        for (Boolean b : reversedAt) {
            if (b == null) {
                continue;
            }
            if (reversed == null) {
                reversed = b;
            } else if (!reversed.equals(b)) {
                throw new InvalidRequestException("Unsupported order by relation");
            }
        }
        return reversed != null && reversed;
    }
}
