package org.ringlet.cql.restrictions;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ringlet.api.data.Clustering;
import org.ringlet.api.data.ClusteringBound;
import org.ringlet.api.data.ClusteringComparator;
import org.ringlet.api.data.Slice;
import org.ringlet.api.data.Slices;
import org.ringlet.api.query.BoundValues;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.schema.ClusteringOrder;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.storage.KeyRange;
import org.ringlet.cql.terms.Term;

/**
 * The prepared WHERE clause of a SELECT (or the key part of a modification). Immutable and thread-safe; the
 * methods that take {@link BoundValues} compute what one execution reads.
 */
public final class StatementRestrictions {
    private final TableMetadata table;
    private final Map<ColumnMetadata, Restriction> partitionKey;
    private final TokenRestriction token;
    private final List<Restriction> clustering;
    private final List<Restriction> others;
    private final boolean keyRange;
    private final boolean partitionKeyFiltered;
    private final boolean clusteringFiltered;

    StatementRestrictions(TableMetadata table, Map<ColumnMetadata, Restriction> partitionKey, TokenRestriction token,
                          List<Restriction> clustering, List<Restriction> others, boolean keyRange,
                          boolean partitionKeyFiltered, boolean clusteringFiltered) {
        this.table = table;
        this.partitionKey = Map.copyOf(partitionKey);
        this.token = token;
        this.clustering = List.copyOf(clustering);
        this.others = List.copyOf(others);
        this.keyRange = keyRange;
        this.partitionKeyFiltered = partitionKeyFiltered;
        this.clusteringFiltered = clusteringFiltered;
    }

    /** Whether the query scans a range of partitions (rather than reading the partitions of given keys). */
    public boolean isKeyRange() {
        return keyRange;
    }

    public boolean hasClusteringRestrictions() {
        return !clustering.isEmpty();
    }

    /** Whether the partition key is restricted by IN (several partitions may be read). */
    public boolean hasPartitionKeyIn() {
        return partitionKey.values().stream().anyMatch(r -> r instanceof Restriction.In);
    }

    /** Whether rows are filtered after they are read. */
    public boolean needsRowFilter() {
        return !others.isEmpty() || partitionKeyFiltered || clusteringFiltered;
    }

    /**
     * The serialized partition keys to read, sorted by their columns' values and distinct (none for
     * {@code IN ()}). Only for queries that are not key ranges.
     */
    public List<ByteBuffer> partitionKeys(BoundValues values) {
        List<List<ByteBuffer>> combos = new ArrayList<>();
        combos.add(List.of());
        for (ColumnMetadata c : table.partitionKeyColumns()) {
            Restriction r = partitionKey.get(c);
            List<ByteBuffer> vs = r instanceof Restriction.Eq eq
                    ? List.of(Restrictions.bindNonNull(eq.value(), values, c))
                    : ((Restriction.In) r).bind(values);
            List<List<ByteBuffer>> next = new ArrayList<>();
            for (List<ByteBuffer> prefix : combos) {
                for (ByteBuffer v : vs) {
                    List<ByteBuffer> l = new ArrayList<>(prefix);
                    l.add(v);
                    next.add(l);
                }
            }
            combos = next;
        }
        List<ByteBuffer> keys = new ArrayList<>(combos.size());
        for (List<ByteBuffer> components : combos) {
            keys.add(table.serializePartitionKey(components));
        }
        return keys;
    }

    /** Whether every clustering column is restricted by equality or IN (the query names whole rows). */
    public boolean restrictsWholeRows() {
        return clustering.size() == table.clusteringColumns().size()
                && clustering.stream().noneMatch(r -> r instanceof Restriction.Slice);
    }

    /** The clustering columns that are not restricted, in order. */
    public List<String> unrestrictedClusteringColumns() {
        List<String> out = new ArrayList<>();
        for (ColumnMetadata c : table.clusteringColumns()) {
            if (clustering.stream().noneMatch(r -> r.column().equals(c))) {
                out.add(c.name());
            }
        }
        return out;
    }

    /**
     * The whole clusterings the restrictions name (every combination of the EQ and IN values), sorted; only when
     * {@link #restrictsWholeRows()}.
     */
    public List<Clustering> clusterings(BoundValues values) {
        List<List<ByteBuffer>> prefixes = new ArrayList<>();
        prefixes.add(List.of());
        for (Restriction r : clustering) {
            List<ByteBuffer> vs = r instanceof Restriction.Eq eq
                    ? List.of(Restrictions.bindNonNull(eq.value(), values, r.column()))
                    : ((Restriction.In) r).bind(values);
            List<List<ByteBuffer>> next = new ArrayList<>();
            for (List<ByteBuffer> prefix : prefixes) {
                for (ByteBuffer v : vs) {
                    List<ByteBuffer> l = new ArrayList<>(prefix);
                    l.add(v);
                    next.add(l);
                }
            }
            prefixes = next;
        }
        List<Clustering> out = new ArrayList<>(prefixes.size());
        prefixes.forEach(p -> out.add(Clustering.of(p)));
        return out;
    }

    /** The token range a key-range query scans. */
    public KeyRange keyRange(BoundValues values, Partitioner partitioner) {
        return token == null ? KeyRange.all() : token.range(values, partitioner);
    }

    /**
     * The clustering slices to read; every row when clustering restrictions are applied by filtering.
     */
    public Slices slices(BoundValues values) {
        ClusteringComparator comparator = ClusteringComparator.of(table);
        if (clustering.isEmpty() || clusteringFiltered) {
            return Slices.ALL;
        }
        List<List<ByteBuffer>> prefixes = new ArrayList<>();
        prefixes.add(List.of());
        Restriction.Slice last = null;
        for (Restriction r : clustering) {
            if (r instanceof Restriction.Slice s) {
                last = s;
                break;
            }
            List<ByteBuffer> vs = r instanceof Restriction.Eq eq
                    ? List.of(Restrictions.bindNonNull(eq.value(), values, r.column()))
                    : ((Restriction.In) r).bind(values);
            List<List<ByteBuffer>> next = new ArrayList<>();
            for (List<ByteBuffer> prefix : prefixes) {
                for (ByteBuffer v : vs) {
                    List<ByteBuffer> l = new ArrayList<>(prefix);
                    l.add(v);
                    next.add(l);
                }
            }
            prefixes = next;
        }
        List<Slice> slices = new ArrayList<>();
        for (List<ByteBuffer> prefix : prefixes) {
            slices.add(slice(prefix, last, values));
        }
        return Slices.of(comparator, slices);
    }

    private static Slice slice(List<ByteBuffer> prefix, Restriction.Slice s, BoundValues values) {
        ClusteringBound start = ClusteringBound.create(ClusteringBound.Kind.INCL_START, prefix);
        ClusteringBound end = ClusteringBound.create(ClusteringBound.Kind.INCL_END, prefix);
        if (s == null) {
            return new Slice(start, end);
        }
        boolean reversed = s.column().order() == ClusteringOrder.DESC;
        Term lowTerm = reversed ? s.upper() : s.lower();
        boolean lowInclusive = reversed ? s.upperInclusive() : s.lowerInclusive();
        Term highTerm = reversed ? s.lower() : s.upper();
        boolean highInclusive = reversed ? s.lowerInclusive() : s.upperInclusive();
        if (lowTerm != null) {
            List<ByteBuffer> p = new ArrayList<>(prefix);
            p.add(Restrictions.bindNonNull(lowTerm, values, s.column()));
            start = ClusteringBound.create(lowInclusive ? ClusteringBound.Kind.INCL_START
                    : ClusteringBound.Kind.EXCL_START, p);
        }
        if (highTerm != null) {
            List<ByteBuffer> p = new ArrayList<>(prefix);
            p.add(Restrictions.bindNonNull(highTerm, values, s.column()));
            end = ClusteringBound.create(highInclusive ? ClusteringBound.Kind.INCL_END
                    : ClusteringBound.Kind.EXCL_END, p);
        }
        return new Slice(start, end);
    }

    /** The filter for what the read cannot restrict itself. */
    public RowFilter rowFilter(BoundValues values) {
        List<RowFilter.Condition> conditions = new ArrayList<>();
        if (partitionKeyFiltered) {
            partitionKey.values().forEach(r -> conditions.add(condition(r, values)));
        }
        if (clusteringFiltered) {
            clustering.forEach(r -> conditions.add(condition(r, values)));
        }
        others.forEach(r -> conditions.add(condition(r, values)));
        return conditions.isEmpty() ? RowFilter.NONE : new RowFilter(conditions);
    }

    private static RowFilter.Condition condition(Restriction r, BoundValues values) {
        ColumnMetadata c = r.column();
        if (r instanceof Restriction.Eq eq) {
            return new RowFilter.Condition(c, r, Restrictions.bindNonNull(eq.value(), values, c), null, null, false,
                    null, false);
        }
        if (r instanceof Restriction.In in) {
            return new RowFilter.Condition(c, r, null, in.bind(values), null, false, null, false);
        }
        Restriction.Slice s = (Restriction.Slice) r;
        ByteBuffer lo = s.lower() == null ? null : Restrictions.bindNonNull(s.lower(), values, c);
        ByteBuffer hi = s.upper() == null ? null : Restrictions.bindNonNull(s.upper(), values, c);
        return new RowFilter.Condition(c, r, null, null, lo, s.lowerInclusive(), hi, s.upperInclusive());
    }
}
