package org.ringlet.cql.restrictions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.query.ColumnSpec;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.schema.ColumnKind;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.types.ListType;
import org.ringlet.cql.ast.Operator;
import org.ringlet.cql.ast.RawRelation;
import org.ringlet.cql.ast.RawTerm;
import org.ringlet.cql.terms.Term;
import org.ringlet.cql.terms.TermPreparer;

/**
 * Prepares a WHERE clause into {@link StatementRestrictions}, with Cassandra's rules and messages: how relations on
 * one column combine, when the partition key or clustering columns are restricted in a way the read cannot serve
 * directly, and when that needs ALLOW FILTERING.
 */
public final class RestrictionsPreparer {
    private final TableMetadata table;
    private final TermPreparer terms;
    private final Partitioner partitioner;

    public RestrictionsPreparer(TableMetadata table, TermPreparer terms, Partitioner partitioner) {
        this.table = table;
        this.terms = terms;
        this.partitioner = partitioner;
    }

    private ColumnSpec receiver(ColumnMetadata c) {
        return new ColumnSpec(table.keyspace(), table.name(), c.name(), c.type());
    }

    /**
     * Prepares the relations of a SELECT.
     *
     * @param allowFiltering whether the statement says ALLOW FILTERING
     */
    public StatementRestrictions prepare(List<RawRelation> where, boolean allowFiltering) {
        SelectRestrictionsBuilder builder = new SelectRestrictionsBuilder(table, terms, this, allowFiltering);
        TokenRestriction token = null;
        for (RawRelation relation : where) {
            if (relation instanceof RawRelation.Token t) {
                token = mergeToken(token, t);
                continue;
            }
            builder.add(relation);
        }
        Map<ColumnMetadata, Restriction> pk = builder.partitionKey();
        List<Restriction> ck = builder.clustering();
        List<Restriction> others = builder.others();
        boolean pkComplete = pk.size() == table.partitionKeyColumns().size()
                && pk.values().stream().noneMatch(r -> r instanceof Restriction.Slice);
        boolean pkFiltered = !pk.isEmpty() && !pkComplete;
        if (pkFiltered && !allowFiltering) {
            throw new InvalidRequestException(Restrictions.REQUIRES_ALLOW_FILTERING);
        }
        boolean keyRange = !pkComplete;
        boolean ckFiltered = builder.clusteringNeedsFiltering();
        if (ck.stream().anyMatch(r -> r instanceof Restriction.Contains) && !allowFiltering) {
            throw new InvalidRequestException("Clustering columns can only be restricted with CONTAINS with a "
                    + "secondary index or filtering");
        }
        if (ckFiltered && !allowFiltering) {
            List<ColumnMetadata> restricted = builder.restrictedClusteringColumns();
            for (int i = 0; i < restricted.size(); i++) {
                ColumnMetadata expected = table.clusteringColumns().get(i);
                if (!expected.equals(restricted.get(i))) {
                    throw new InvalidRequestException("PRIMARY KEY column \"" + restricted.get(i).name() + "\" "
                            + "cannot be restricted as preceding column \"" + expected.name() + "\" is not restricted");
                }
            }
        }
        if (!others.isEmpty() && !allowFiltering) {
            throw new InvalidRequestException(Restrictions.REQUIRES_ALLOW_FILTERING);
        }
        if (keyRange && !ck.isEmpty() && !allowFiltering) {
            throw new InvalidRequestException(Restrictions.REQUIRES_ALLOW_FILTERING);
        }
        if (ckFiltered) {
            StatementRestrictions.checkFilterable(ck);
        }
        return new StatementRestrictions(table, pk, token, ck, others, keyRange, pkFiltered, ckFiltered);
    }

    /**
     * Prepares the WHERE clause of an UPDATE or DELETE: only the primary key may be restricted, the partition key
     * completely (by equality or IN), the clustering columns by equality or IN (a DELETE may also give a prefix or
     * a slice, deleting a range of rows).
     *
     * @param statement {@code UPDATE} or {@code DELETE}, for messages
     */
    public StatementRestrictions prepareForModification(List<RawRelation> where, String statement) {
        Map<ColumnMetadata, Restriction> byColumn = new LinkedHashMap<>();
        TreeMap<Integer, Restriction> clusteringSoFar = new TreeMap<>();
        SelectRestrictionsBuilder multi = new SelectRestrictionsBuilder(table, terms, this, false);
        for (RawRelation relation : where) {
            if (relation instanceof RawRelation.Token) {
                throw new InvalidRequestException("The token function cannot be used in WHERE clauses for "
                        + statement + " statements");
            }
            List<Restriction> restrictions = relation instanceof RawRelation.MultiColumn
                    || relation instanceof RawRelation.MultiColumnIn ? multi.toRestrictions(relation)
                    : List.of(restriction(relation));
            for (Restriction r : restrictions) {
                if (r.column().kind() == ColumnKind.CLUSTERING) {
                    checkClusteringAddition(clusteringSoFar, r);
                    clusteringSoFar.merge(r.column().position(), r, RestrictionsPreparer::merge);
                }
                byColumn.merge(r.column(), r, RestrictionsPreparer::merge);
            }
        }
        Map<ColumnMetadata, Restriction> pk = new LinkedHashMap<>();
        List<Restriction> ck = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (Restriction r : byColumn.values()) {
            switch (r.column().kind()) {
                case PARTITION_KEY -> pk.put(r.column(), r);
                case CLUSTERING -> ck.add(r);
                default -> others.add(r.column().name());
            }
        }
        // Cassandra's order: the partition key, then the clustering columns, then the other columns
        List<String> missing = table.partitionKeyColumns().stream().filter(c -> !pk.containsKey(c))
                .map(ColumnMetadata::name).toList();
        if (!missing.isEmpty()) {
            throw new InvalidRequestException("Some partition key parts are missing: " + String.join(", ", missing));
        }
        for (Restriction r : pk.values()) {
            if (r instanceof Restriction.Slice) {
                throw new InvalidRequestException("Only EQ and IN relation are supported on the partition key "
                        + "(unless you use the token() function) for " + statement + " statements");
            }
        }
        ck.sort(Comparator.comparingInt(r -> r.column().position()));
        boolean slice = ck.stream().anyMatch(r -> r instanceof Restriction.Slice);
        if (statement.equals("UPDATE")) {
            if (slice) {
                throw new InvalidRequestException("Slice restrictions are not supported on the clustering columns "
                        + "in UPDATE statements");
            }
            // clustering columns left out are reported by the statement (not when it only sets static columns)
        } else {
            checkClustering(ck, false);
        }
        if (!others.isEmpty()) {
            throw new InvalidRequestException("Non PRIMARY KEY columns found in where clause: "
                    + String.join(", ", others) + " ");
        }
        return new StatementRestrictions(table, pk, null, ck, List.of(), false, false, false);
    }

    /**
     * The checks Cassandra makes as each clustering restriction is added, in the order written: nothing may follow
     * a slice, and a slice may not precede a restricted column.
     */
    private static void checkClusteringAddition(TreeMap<Integer, Restriction> soFar, Restriction r) {
        if (soFar.isEmpty()) {
            return;
        }
        Restriction last = soFar.lastEntry().getValue();
        int position = r.column().position();
        int lastPosition = last.column().position();
        if (last instanceof Restriction.Slice && position > lastPosition) {
            throw new InvalidRequestException("Clustering column \"" + r.column().name() + "\" cannot be restricted "
                    + "(preceding column \"" + last.column().name() + "\" is restricted by a non-EQ relation)");
        }
        if (position < lastPosition && r instanceof Restriction.Slice) {
            Restriction next = soFar.higherEntry(position).getValue();
            throw new InvalidRequestException("PRIMARY KEY column \"" + next.column().name() + "\" cannot be "
                    + "restricted (preceding column \"" + r.column().name() + "\" is restricted by a non-EQ "
                    + "relation)");
        }
    }

    /** Returns whether the clustering restrictions must be applied by filtering rows. */
    private boolean checkClustering(List<Restriction> ck, boolean allowFiltering) {
        int expected = 0;
        boolean filtered = false;
        Restriction previous = null;
        for (Restriction r : ck) {
            int position = r.column().position();
            if (previous instanceof Restriction.Slice && !allowFiltering) {
                throw new InvalidRequestException("Clustering column \"" + r.column().name() + "\" cannot be "
                        + "restricted (preceding column \"" + previous.column().name() + "\" is restricted by a "
                        + "non-EQ relation)");
            }
            if (position != expected || previous instanceof Restriction.Slice) {
                filtered = true;
                if (!allowFiltering) {
                    ColumnMetadata missing = table.clusteringColumns().get(expected);
                    throw new InvalidRequestException("PRIMARY KEY column \"" + r.column().name() + "\" cannot be "
                            + "restricted as preceding column \"" + missing.name() + "\" is not restricted");
                }
            }
            expected = r.lastColumn().position() + 1;
            previous = r;
        }
        return filtered;
    }

    Restriction restriction(RawRelation relation) {
        if (relation instanceof RawRelation.Single s) {
            ColumnMetadata c = table.requireColumn(s.column());
            if (s.operator() == Operator.NEQ) {
                throw new InvalidRequestException("Unsupported \"!=\" relation: " + s);
            }
            checkNotMultiCell(c, s.operator());
            Term value = terms.prepare(s.value(), receiver(c));
            return switch (s.operator()) {
                case EQ -> new Restriction.Eq(c, value);
                case GT -> new Restriction.Slice(c, value, false, null, false);
                case GTE -> new Restriction.Slice(c, value, true, null, false);
                case LT -> new Restriction.Slice(c, null, false, value, false);
                case LTE -> new Restriction.Slice(c, null, false, value, true);
                default -> throw new InvalidRequestException("Unsupported relation " + s);
            };
        }
        if (relation instanceof RawRelation.In in) {
            ColumnMetadata c = table.requireColumn(in.column());
            checkNotMultiCell(c, Operator.IN);
            if (in.marker() != null) {
                ColumnSpec listSpec = new ColumnSpec(table.keyspace(), table.name(), "in(" + c.name() + ")",
                        ListType.frozen(c.type()));
                return new Restriction.In(c, null, terms.prepare(in.marker(), listSpec));
            }
            List<Term> values = new ArrayList<>();
            for (RawTerm t : in.values()) {
                values.add(terms.prepare(t, receiver(c)));
            }
            return new Restriction.In(c, values, null);
        }
        if (relation instanceof RawRelation.IsNotNull n) {
            throw new InvalidRequestException("Unsupported restriction: " + n.column() + " IS NOT NULL");
        }
        String kind;
        if (relation instanceof RawRelation.Contains) {
            kind = "CONTAINS relations";
        } else if (relation instanceof RawRelation.MapElement) {
            kind = "Restrictions on map elements";
        } else if (relation instanceof RawRelation.Like) {
            kind = "LIKE restrictions";
        } else {
            kind = "Multi-column relations";
        }
        throw new InvalidRequestException(kind + " are not supported yet");
    }

    private static void checkNotMultiCell(ColumnMetadata c, Operator op) {
        if (c.isComplex()) {
            throw new InvalidRequestException("Collection column '" + c.name() + "' (" + c.type().cqlName()
                    + ") cannot be restricted by a '" + op + "' relation");
        }
    }

    private static Restriction merge(Restriction a, Restriction b) {
        String name = a.column().name();
        if (a instanceof Restriction.Eq || b instanceof Restriction.Eq) {
            if (a instanceof Restriction.In && b instanceof Restriction.Eq) {
                throw new InvalidRequestException(name + " cannot be restricted by more than one relation if it "
                        + "includes a IN");
            }
            throw new InvalidRequestException(name + " cannot be restricted by more than one relation if it "
                    + "includes an Equal");
        }
        if (a instanceof Restriction.In || b instanceof Restriction.In) {
            throw new InvalidRequestException(name + " cannot be restricted by more than one relation if it "
                    + "includes a IN");
        }
        Restriction.Slice x = (Restriction.Slice) a;
        Restriction.Slice y = (Restriction.Slice) b;
        if (x.lower() != null && y.lower() != null) {
            throw new InvalidRequestException("More than one restriction was found for the start bound on "
                    + name);
        }
        if (x.upper() != null && y.upper() != null) {
            throw new InvalidRequestException("More than one restriction was found for the end bound on " + name);
        }
        if (!x.columns().equals(y.columns()) && (x.isMultiColumn() || y.isMultiColumn())) {
            ColumnMetadata c = x.column().position() > y.column().position() ? x.column() : y.column();
            if (!x.column().equals(y.column())) {
                throw new InvalidRequestException("Column \"" + c.name() + "\" cannot be restricted by two "
                        + "inequalities not starting with the same column");
            }
        }
        return new Restriction.Slice(x.columns().size() >= y.columns().size() ? x.columns() : y.columns(),
                x.lower() != null ? x.lower() : y.lower(), x.upper() != null ? x.upper() : y.upper(),
                x.isMultiColumn() || y.isMultiColumn());
    }

    private TokenRestriction mergeToken(TokenRestriction current, RawRelation.Token t) {
        List<ColumnMetadata> pk = table.partitionKeyColumns();
        List<ColumnMetadata> cols = new ArrayList<>();
        for (String name : t.columns()) {
            cols.add(table.requireColumn(name));
        }
        if (cols.size() != pk.size() || cols.stream().anyMatch(c -> c.kind() != ColumnKind.PARTITION_KEY)) {
            throw new InvalidRequestException("The token() function must be applied to all partition key "
                    + "components or none of them");
        }
        if (!cols.equals(pk)) {
            throw new InvalidRequestException("The token function arguments must be in the partition key order: "
                    + pk.stream().map(ColumnMetadata::name).collect(Collectors.joining(", ")));
        }
        if (t.operator() == Operator.NEQ) {
            throw new InvalidRequestException("Unsupported \"!=\" relation: " + t);
        }
        Term value = terms.prepare(t.value(), new ColumnSpec(table.keyspace(), table.name(), "partition key token",
                partitioner.tokenType()));
        TokenRestriction next = switch (t.operator()) {
            case EQ -> new TokenRestriction(value, null, false, null, false);
            case GT -> new TokenRestriction(null, value, false, null, false);
            case GTE -> new TokenRestriction(null, value, true, null, false);
            case LT -> new TokenRestriction(null, null, false, value, false);
            default -> new TokenRestriction(null, null, false, value, true);
        };
        if (current == null) {
            return next;
        }
        if (current.equal() != null || next.equal() != null) {
            throw new InvalidRequestException(SelectRestrictionsBuilder.list(pk) + " cannot be restricted by more "
                    + "than one relation if it includes an Equal");
        }
        if (current.lower() != null && next.lower() != null) {
            throw new InvalidRequestException("More than one restriction was found for the start bound on "
                    + SelectRestrictionsBuilder.list(pk));
        }
        if (current.upper() != null && next.upper() != null) {
            throw new InvalidRequestException("More than one restriction was found for the end bound on "
                    + SelectRestrictionsBuilder.list(pk));
        }
        return new TokenRestriction(null, current.lower() != null ? current.lower() : next.lower(),
                current.lower() != null ? current.lowerInclusive() : next.lowerInclusive(),
                current.upper() != null ? current.upper() : next.upper(),
                current.upper() != null ? current.upperInclusive() : next.upperInclusive());
    }
}
