package org.ringlet.cql.statements.select;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.query.ColumnSpec;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.types.NativeType;
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

/** Prepares SELECT statements against the current schema. */
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
        checkSupported(raw);
        Selection selection = new SelectionPreparer(table, terms).prepare(raw.selectors());
        StatementRestrictions restrictions = new RestrictionsPreparer(table, terms, context.topology().partitioner())
                .prepare(raw.where(), raw.allowFiltering());
        if (restrictions.hasClusteringRestrictions() && selection.selectsOnlyStaticColumns()) {
            throw new InvalidRequestException("Cannot restrict clustering columns when selecting only static columns");
        }
        Term limit = null;
        if (raw.limit() != null) {
            limit = terms.prepare(raw.limit(), new ColumnSpec(table.keyspace(), table.name(), "[limit]",
                    NativeType.INT));
        }
        return new SelectStatement(table, selection, restrictions, limit, binds.toList(),
                binds.partitionKeyIndexes(table));
    }

    private static void checkSupported(RawStatement.Select raw) {
        String unsupported = null;
        if (raw.json()) {
            unsupported = "SELECT JSON";
        } else if (raw.distinct()) {
            unsupported = "SELECT DISTINCT";
        } else if (!raw.groupBy().isEmpty()) {
            unsupported = "GROUP BY";
        } else if (!raw.orderBy().isEmpty()) {
            unsupported = "ORDER BY";
        } else if (raw.perPartitionLimit() != null) {
            unsupported = "PER PARTITION LIMIT";
        }
        if (unsupported != null) {
            throw new InvalidRequestException(unsupported + " is not supported yet");
        }
    }
}
