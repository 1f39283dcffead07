package org.ringlet.cql.restrictions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.query.ColumnSpec;
import org.ringlet.api.schema.ColumnKind;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.ListType;
import org.ringlet.api.types.MapType;
import org.ringlet.api.types.SetType;
import org.ringlet.api.types.TupleType;
import org.ringlet.cql.ast.Operator;
import org.ringlet.cql.ast.RawRelation;
import org.ringlet.cql.ast.RawTerm;
import org.ringlet.cql.terms.Term;
import org.ringlet.cql.terms.TermPreparer;

/**
 * Builds the restrictions of a SELECT's WHERE clause, relation by relation, with Cassandra 5.0's rules: how
 * restrictions on the same columns merge, which clustering restrictions the read can apply as slices and which
 * need filtering, and the messages when that is not allowed. Not thread-safe; one per statement.
 */
final class SelectRestrictionsBuilder {
    private final TableMetadata table;
    private final TermPreparer terms;
    private final RestrictionsPreparer single;
    private final boolean allowFiltering;

    private final Map<ColumnMetadata, Restriction> partitionKey = new LinkedHashMap<>();
    /** Clustering restrictions by the position of each column they restrict (a merged one under each). */
    private final TreeMap<Integer, Restriction> clustering = new TreeMap<>();
    private final Map<ColumnMetadata, List<Restriction>> others = new LinkedHashMap<>();

    SelectRestrictionsBuilder(TableMetadata table, TermPreparer terms, RestrictionsPreparer single,
                              boolean allowFiltering) {
        this.table = table;
        this.terms = terms;
        this.single = single;
        this.allowFiltering = allowFiltering;
    }

    /** Adds one relation (not a token relation). */
    void add(RawRelation relation) {
        for (Restriction r : toRestrictions(relation)) {
            switch (r.column().kind()) {
                case PARTITION_KEY -> partitionKey.merge(r.column(), r, SelectRestrictionsBuilder::merge);
                case CLUSTERING -> addClustering(r);
                default -> {
                    List<Restriction> existing = others.computeIfAbsent(r.column(), c -> new ArrayList<>());
                    for (Restriction e : existing) {
                        validate(e, r);
                    }
                    mergeInto(existing, r);
                }
            }
        }
    }

    Map<ColumnMetadata, Restriction> partitionKey() {
        return partitionKey;
    }

    /** The distinct clustering restrictions, in the order of their first column. */
    List<Restriction> clustering() {
        List<Restriction> out = new ArrayList<>();
        for (Restriction r : clustering.values()) {
            if (out.isEmpty() || out.get(out.size() - 1) != r) {
                out.add(r);
            }
        }
        return out;
    }

    List<Restriction> others() {
        List<Restriction> out = new ArrayList<>();
        others.values().forEach(out::addAll);
        return out;
    }

    /** The restricted clustering columns, in order. */
    List<ColumnMetadata> restrictedClusteringColumns() {
        List<ColumnMetadata> out = new ArrayList<>();
        for (Integer p : clustering.keySet()) {
            out.add(table.clusteringColumns().get(p));
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------ clustering

    private void addClustering(Restriction r) {
        Restriction last = clustering.isEmpty() ? null : clustering.lastEntry().getValue();
        List<Restriction> existing = new ArrayList<>();
        for (ColumnMetadata c : r.columns()) {
            Restriction e = clustering.get(c.position());
            if (e != null && !existing.contains(e)) {
                existing.add(e);
            }
        }
        Restriction merged = r;
        for (Restriction e : existing) {
            validate(e, r);
            merged = mergeClustering(e, merged);
        }
        TreeMap<Integer, Restriction> before = new TreeMap<>(clustering);
        for (ColumnMetadata c : r.columns()) {
            clustering.put(c.position(), merged);
        }
        if (last != null && !allowFiltering) {
            ColumnMetadata lastStart = last.column();
            ColumnMetadata newStart = r.column();
            if (isSlice(last) && newStart.position() > lastStart.position()) {
                throw new InvalidRequestException("Clustering column \"" + newStart.name() + "\" cannot be "
                        + "restricted (preceding column \"" + lastStart.name() + "\" is restricted by a non-EQ "
                        + "relation)");
            }
            if (newStart.position() < lastStart.position() && isSlice(r)) {
                Integer next = before.higherKey(newStart.position());
                throw new InvalidRequestException("PRIMARY KEY column \"" + table.clusteringColumns().get(next).name()
                        + "\" cannot be restricted (preceding column \"" + newStart.name() + "\" is restricted by a "
                        + "non-EQ relation)");
            }
        }
    }

    private static boolean isSlice(Restriction r) {
        return r instanceof Restriction.Slice;
    }

    private static Restriction mergeClustering(Restriction existing, Restriction added) {
        if (existing instanceof Restriction.Slice a && added instanceof Restriction.Slice b) {
            List<ColumnMetadata> columns = a.columns().size() >= b.columns().size() ? a.columns() : b.columns();
            return new Restriction.Slice(columns, a.lower() != null ? a.lower() : b.lower(),
                    a.upper() != null ? a.upper() : b.upper(), a.isMultiColumn() || b.isMultiColumn());
        }
        if (existing instanceof Restriction.Contains a && added instanceof Restriction.Contains b) {
            return a.merge(b);
        }
        throw new InvalidRequestException(Restriction.names(added.columns()) + " cannot be restricted by more than "
                + "one relation of this kind");
    }

    private static void mergeInto(List<Restriction> existing, Restriction r) {
        for (int i = 0; i < existing.size(); i++) {
            Restriction e = existing.get(i);
            if (e instanceof Restriction.Slice && r instanceof Restriction.Slice) {
                existing.set(i, mergeClustering(e, r));
                return;
            }
            if (e instanceof Restriction.Contains a && r instanceof Restriction.Contains b) {
                existing.set(i, a.merge(b));
                return;
            }
        }
        existing.add(r);
    }

    private static Restriction merge(Restriction a, Restriction b) {
        validate(a, b);
        return mergeClustering(a, b);
    }

    /** Cassandra's checks when two restrictions apply to common columns. */
    static void validate(Restriction existing, Restriction added) {
        if (existing instanceof Restriction.Eq || added instanceof Restriction.Eq) {
            throw new InvalidRequestException(common(existing, added) + " cannot be restricted by more than one "
                    + "relation if it includes an Equal");
        }
        if (existing instanceof Restriction.In || added instanceof Restriction.In) {
            throw new InvalidRequestException(common(existing, added) + " cannot be restricted by more than one "
                    + "relation if it includes a IN");
        }
        if (existing instanceof Restriction.Slice a && added instanceof Restriction.Slice b) {
            if (!a.column().equals(b.column())) {
                ColumnMetadata c = a.column().position() > b.column().position() ? a.column() : b.column();
                throw new InvalidRequestException("Column \"" + c.name() + "\" cannot be restricted by two "
                        + "inequalities not starting with the same column");
            }
            if (a.lower() != null && b.lower() != null) {
                throw new InvalidRequestException("More than one restriction was found for the start bound on "
                        + common(a, b));
            }
            if (a.upper() != null && b.upper() != null) {
                throw new InvalidRequestException("More than one restriction was found for the end bound on "
                        + common(a, b));
            }
        }
    }

    /**
     * The columns two restrictions have in common, as Cassandra's messages list them. (Cassandra takes them from a
     * hash set, whose order for several columns is arbitrary; here they are in clustering order.)
     */
    private static String common(Restriction a, Restriction b) {
        List<ColumnMetadata> out = new ArrayList<>(a.columns());
        out.retainAll(b.columns());
        return list(out);
    }

    /** Columns as Cassandra's merge messages list them: {@code c1 ,c2}. */
    static String list(List<ColumnMetadata> columns) {
        StringBuilder sb = new StringBuilder();
        for (ColumnMetadata c : columns) {
            if (!sb.isEmpty()) {
                sb.append(" ,");
            }
            sb.append(c.name());
        }
        return sb.toString();
    }

    /**
     * Whether clustering restrictions must be applied by filtering: a restriction that does not continue the
     * prefix of equalities (a gap, or anything after a slice), or a CONTAINS.
     */
    boolean clusteringNeedsFiltering() {
        int position = 0;
        for (Restriction r : clustering()) {
            if (r instanceof Restriction.Contains || r.column().position() != position) {
                return true;
            }
            if (!(r instanceof Restriction.Slice)) {
                position = r.lastColumn().position() + 1;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------ relations

    /** The restrictions a relation gives (a multi-column equality on a tuple literal gives one per column). */
    List<Restriction> toRestrictions(RawRelation relation) {
        if (relation instanceof RawRelation.MultiColumn m) {
            return multiColumn(m);
        }
        if (relation instanceof RawRelation.MultiColumnIn m) {
            return List.of(multiColumnIn(m));
        }
        if (relation instanceof RawRelation.Contains c) {
            return List.of(contains(c));
        }
        if (relation instanceof RawRelation.MapElement m) {
            return List.of(mapElement(m));
        }
        return List.of(single.restriction(relation));
    }

    private Restriction contains(RawRelation.Contains c) {
        ColumnMetadata column = table.requireColumn(c.column());
        CqlType type = column.type().unwrap();
        if (!type.isCollection()) {
            throw new InvalidRequestException("Cannot use CONTAINS on non-collection column " + column.name());
        }
        if (c.key() && !(type instanceof MapType)) {
            throw new InvalidRequestException("Cannot use CONTAINS KEY on non-map column " + column.name());
        }
        CqlType element;
        String name;
        if (c.key()) {
            element = ((MapType) type).keyType();
            name = "key(" + column.name() + ")";
        } else if (type instanceof MapType mt) {
            element = mt.valueType();
            name = "value(" + column.name() + ")";
        } else if (type instanceof SetType st) {
            element = st.elementType();
            name = "value(" + column.name() + ")";
        } else {
            element = ((ListType) type).elementType();
            name = "value(" + column.name() + ")";
        }
        Term value = terms.prepare(c.value(), new ColumnSpec(table.keyspace(), table.name(), name, element));
        return c.key() ? new Restriction.Contains(column, List.of(), List.of(value), List.of())
                : new Restriction.Contains(column, List.of(value), List.of(), List.of());
    }

    private Restriction mapElement(RawRelation.MapElement m) {
        ColumnMetadata column = table.requireColumn(m.column());
        if (!(column.type().unwrap() instanceof MapType mt)) {
            throw new InvalidRequestException("Column " + column.name() + " cannot be used as a map");
        }
        if (m.operator() != Operator.EQ) {
            throw new InvalidRequestException("Only EQ relations are supported on map entries");
        }
        Term key = terms.prepare(m.key(), new ColumnSpec(table.keyspace(), table.name(), "key(" + column.name()
                + ")", mt.keyType()));
        Term value = terms.prepare(m.value(), new ColumnSpec(table.keyspace(), table.name(), "value("
                + column.name() + ")", mt.valueType()));
        return new Restriction.Contains(column, List.of(), List.of(), List.<Term[]>of(new Term[] {key, value}));
    }

    private List<ColumnMetadata> multiColumns(List<String> names, String relationText) {
        List<ColumnMetadata> columns = new ArrayList<>();
        for (String n : names) {
            ColumnMetadata c = table.requireColumn(n);
            if (c.kind() != ColumnKind.CLUSTERING) {
                throw new InvalidRequestException("Multi-column relations can only be applied to clustering columns "
                        + "but was applied to: " + c.name());
            }
            if (columns.contains(c)) {
                throw new InvalidRequestException("Column \"" + c.name() + "\" appeared twice in a relation: "
                        + relationText);
            }
            columns.add(c);
        }
        for (int i = 1; i < columns.size(); i++) {
            if (columns.get(i).position() != columns.get(i - 1).position() + 1) {
                throw new InvalidRequestException("Clustering columns must appear in the PRIMARY KEY order in "
                        + "multi-column relations: " + relationText);
            }
        }
        return columns;
    }

    private Restriction.Values tupleValues(List<ColumnMetadata> columns, RawTerm raw) {
        if (raw instanceof RawTerm.TupleLiteral t) {
            if (t.elements().size() != columns.size()) {
                throw new InvalidRequestException("Expected " + columns.size() + " elements in value tuple, but got "
                        + t.elements().size() + ": " + tupleText(t));
            }
            List<Term> elements = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                ColumnMetadata c = columns.get(i);
                elements.add(terms.prepare(t.elements().get(i), new ColumnSpec(table.keyspace(), table.name(),
                        c.name(), c.type())));
            }
            return new Restriction.Values(columns, elements, null, true);
        }
        Term tuple = terms.prepare(raw, new ColumnSpec(table.keyspace(), table.name(), names(columns),
                tupleType(columns)));
        return new Restriction.Values(columns, null, tuple, true);
    }

    private static TupleType tupleType(List<ColumnMetadata> columns) {
        List<CqlType> types = new ArrayList<>();
        columns.forEach(c -> types.add(c.type()));
        return TupleType.of(types);
    }

    private static String names(List<ColumnMetadata> columns) {
        return Restriction.names(columns);
    }

    private static String tupleText(RawTerm.TupleLiteral t) {
        List<String> parts = new ArrayList<>();
        t.elements().forEach(e -> parts.add(e.toString()));
        return "(" + String.join(", ", parts) + ")";
    }

    private static String relationText(List<String> columns, String op, RawTerm value) {
        String v = value instanceof RawTerm.TupleLiteral t ? tupleText(t) : value.toString();
        return "(" + String.join(", ", columns) + ") " + op + " " + v;
    }

    private List<Restriction> multiColumn(RawRelation.MultiColumn m) {
        String text = relationText(m.columns(), m.operator().toString(), m.value());
        List<ColumnMetadata> columns = multiColumns(m.columns(), text);
        if (m.operator() == Operator.NEQ) {
            throw new InvalidRequestException("Unsupported \"!=\" relation: " + text);
        }
        Restriction.Values values = tupleValues(columns, m.value());
        if (m.operator() == Operator.EQ) {
            if (values.elements() != null) {
                // an equality on a tuple is an equality on each of its columns
                List<Restriction> out = new ArrayList<>();
                for (int i = 0; i < columns.size(); i++) {
                    out.add(new Restriction.Eq(List.of(columns.get(i)), new Restriction.Values(
                            List.of(columns.get(i)), List.of(values.elements().get(i)), null, true), true));
                }
                return out;
            }
            return List.of(new Restriction.Eq(columns, values, true));
        }
        Restriction.Bound bound = new Restriction.Bound(values, m.operator().isInclusive());
        return List.of(m.operator().isStart() ? new Restriction.Slice(columns, bound, null, true)
                : new Restriction.Slice(columns, null, bound, true));
    }

    private Restriction multiColumnIn(RawRelation.MultiColumnIn m) {
        String text = "(" + String.join(", ", m.columns()) + ") IN " + (m.marker() != null ? m.marker().toString()
                : "(" + String.join(", ", m.values().stream().map(v -> v instanceof RawTerm.TupleLiteral t
                ? tupleText(t) : v.toString()).toList()) + ")");
        List<ColumnMetadata> columns = multiColumns(m.columns(), text);
        if (m.marker() != null) {
            Term list = terms.prepare(m.marker(), new ColumnSpec(table.keyspace(), table.name(), "in"
                    + names(columns), ListType.frozen(tupleType(columns))));
            return new Restriction.In(columns, null, list, true);
        }
        List<Restriction.Values> values = new ArrayList<>();
        for (RawTerm t : m.values()) {
            values.add(tupleValues(columns, t));
        }
        return new Restriction.In(columns, values, null, true);
    }
}
