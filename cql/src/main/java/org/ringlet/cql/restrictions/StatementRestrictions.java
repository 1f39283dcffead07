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
import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.query.BoundValues;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.schema.ColumnKind;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.storage.KeyRange;

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
    private final ClusteringComparator comparator;
    private final boolean partitionKeyIn;
    private final boolean fullPartitions;

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
        this.comparator = ClusteringComparator.of(table);
        this.partitionKeyIn = this.partitionKey.values().stream().anyMatch(r -> r instanceof Restriction.In);
        this.fullPartitions = this.clustering.isEmpty()
                && this.others.stream().noneMatch(r -> r.column().kind() == ColumnKind.REGULAR);
    }

    /** Cassandra refuses to filter rows by a multi-column slice. */
    static void checkFilterable(List<Restriction> clustering) {
        int position = 0;
        for (Restriction r : clustering) {
            boolean filtered = r instanceof Restriction.Contains || r.column().position() != position;
            if (filtered && r instanceof Restriction.Slice && r.isMultiColumn()) {
                throw new InvalidRequestException("Multi-column slice restrictions cannot be used for filtering.");
            }
            if (filtered && r instanceof Restriction.In && r.isMultiColumn()) {
                throw new InvalidRequestException("Multicolumn IN filters are not supported");
            }
            if (!filtered && !(r instanceof Restriction.Slice)) {
                position = r.lastColumn().position() + 1;
            } else if (!filtered) {
                position = Integer.MIN_VALUE;
            }
        }
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
        return partitionKeyIn;
    }

    /** Whether the partition key (or its token) is restricted at all. */
    public boolean hasPartitionKeyRestrictions() {
        return !partitionKey.isEmpty() || token != null;
    }

    /** Whether rows are filtered after they are read. */
    public boolean needsRowFilter() {
        return !others.isEmpty() || partitionKeyFiltered || clusteringFiltered;
    }

    /**
     * Whether the query reads whole partitions (no clustering or regular column restrictions), so a partition
     * holding only static values still yields a row.
     */
    public boolean queriesFullPartitions() {
        return fullPartitions;
    }

    /** Whether some restriction is on a column outside the primary key. */
    public boolean hasNonPrimaryKeyRestrictions() {
        return !others.isEmpty();
    }

    /** Whether every restriction outside the primary key is on a static column. */
    public boolean nonPrimaryKeyRestrictionsAreStatic() {
        return others.stream().allMatch(r -> r.column().isStatic());
    }

    /** Whether a primary key column is restricted by an equality. */
    public boolean isRestrictedByEq(ColumnMetadata column) {
        if (column.kind() == ColumnKind.PARTITION_KEY) {
            return partitionKey.get(column) instanceof Restriction.Eq;
        }
        for (Restriction r : clustering) {
            if (r instanceof Restriction.Eq && r.columns().contains(column)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The serialized partition keys to read, sorted by their columns' values and distinct (none for
     * {@code IN ()}). Only for queries that are not key ranges. A token restriction is not applied here: see
     * {@link #tokenFilter}.
     */
    public List<ByteBuffer> partitionKeys(BoundValues values) {
        if (partitionKey.size() == 1 && table.partitionKeyColumns().size() == 1) {
            // the common case of prepared single-partition reads: no intermediate lists
            Restriction r = partitionKey.values().iterator().next();
            if (r instanceof Restriction.Eq eq) {
                return List.of(table.serializePartitionKey(eq.value().bind(values)));
            }
        }
        List<List<ByteBuffer>> combos = new ArrayList<>();
        combos.add(List.of());
        for (ColumnMetadata c : table.partitionKeyColumns()) {
            Restriction r = partitionKey.get(c);
            List<ByteBuffer> vs = r instanceof Restriction.Eq eq
                    ? eq.value().bind(values)
                    : ((Restriction.In) r).bind(values);
            List<List<ByteBuffer>> single = new ArrayList<>(vs.size());
            for (ByteBuffer v : vs) {
                single.add(List.of(v));
            }
            combos = extend(combos, single);
        }
        List<ByteBuffer> keys = new ArrayList<>(combos.size());
        for (List<ByteBuffer> components : combos) {
            keys.add(table.serializePartitionKey(components));
        }
        return keys;
    }

    /**
     * The token range the partitions of a key read must also fall in ({@code p = 1 AND token(p) > x}), or null
     * when there is no token restriction.
     */
    public KeyRange tokenFilter(BoundValues values, Partitioner partitioner) {
        return token == null || keyRange ? null : token.range(values, partitioner);
    }

    /** Whether every clustering column is restricted by equality or IN (the query names whole rows). */
    public boolean restrictsWholeRows() {
        int restricted = 0;
        for (Restriction r : clustering) {
            if (r instanceof Restriction.Slice || r instanceof Restriction.Contains) {
                return false;
            }
            restricted += r.columns().size();
        }
        return restricted == table.clusteringColumns().size();
    }

    /** The clustering columns that are not restricted, in order. */
    public List<String> unrestrictedClusteringColumns() {
        List<String> out = new ArrayList<>();
        for (ColumnMetadata c : table.clusteringColumns()) {
            if (clustering.stream().noneMatch(r -> r.columns().contains(c))) {
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
            prefixes = extend(prefixes, tuples(r, values));
        }
        List<Clustering> out = new ArrayList<>(prefixes.size());
        prefixes.forEach(p -> out.add(Clustering.of(p)));
        out.sort(comparator);
        return out;
    }

    private List<List<ByteBuffer>> tuples(Restriction r, BoundValues values) {
        if (r instanceof Restriction.Eq eq) {
            return List.of(eq.value().bind(values));
        }
        return ((Restriction.In) r).bindTuples(values, r.column().comparisonType());
    }

    private static List<List<ByteBuffer>> extend(List<List<ByteBuffer>> prefixes, List<List<ByteBuffer>> tuples) {
        List<List<ByteBuffer>> next = new ArrayList<>(prefixes.size() * tuples.size());
        for (List<ByteBuffer> prefix : prefixes) {
            for (List<ByteBuffer> t : tuples) {
                List<ByteBuffer> l = new ArrayList<>(prefix.size() + t.size());
                l.addAll(prefix);
                l.addAll(t);
                next.add(l);
            }
        }
        return next;
    }

    /** The token range a key-range query scans. */
    public KeyRange keyRange(BoundValues values, Partitioner partitioner) {
        return token == null ? KeyRange.all() : token.range(values, partitioner);
    }

    /**
     * The clustering slices to read: the equalities and INs that continue the clustering prefix, then at most one
     * slice; what follows is filtered.
     */
    public Slices slices(BoundValues values) {
        if (clustering.isEmpty()) {
            return Slices.ALL;
        }
        List<List<ByteBuffer>> prefixes = new ArrayList<>();
        prefixes.add(List.of());
        int position = 0;
        for (Restriction r : clustering) {
            if (r instanceof Restriction.Contains || r.column().position() != position) {
                break;
            }
            if (r instanceof Restriction.Slice s) {
                List<Slice> out = new ArrayList<>();
                for (List<ByteBuffer> prefix : prefixes) {
                    ClusteringSlices.add(comparator, table, prefix, s, values, out);
                }
                return Slices.of(comparator, out);
            }
            prefixes = extend(prefixes, tuples(r, values));
            if (prefixes.isEmpty()) {
                return Slices.NONE;
            }
            position = r.lastColumn().position() + 1;
        }
        List<Slice> out = new ArrayList<>(prefixes.size());
        for (List<ByteBuffer> prefix : prefixes) {
            out.add(new Slice(ClusteringBound.create(ClusteringBound.Kind.INCL_START, prefix),
                    ClusteringBound.create(ClusteringBound.Kind.INCL_END, prefix)));
        }
        return Slices.of(comparator, out);
    }

    /** The filter for what the read cannot restrict itself. */
    public RowFilter rowFilter(BoundValues values) {
        if (!needsRowFilter()) {
            return RowFilter.NONE;
        }
        List<RowFilter.Condition> conditions = new ArrayList<>();
        if (partitionKeyFiltered) {
            partitionKey.values().forEach(r -> conditions.add(RowFilter.condition(r, values)));
        }
        if (clusteringFiltered) {
            int position = 0;
            for (Restriction r : clustering) {
                boolean filtered = r instanceof Restriction.Contains || r.column().position() != position;
                if (filtered) {
                    conditions.add(RowFilter.condition(r, values));
                } else if (r instanceof Restriction.Slice) {
                    position = Integer.MIN_VALUE;
                } else {
                    position = r.lastColumn().position() + 1;
                }
            }
        }
        others.forEach(r -> conditions.add(RowFilter.condition(r, values)));
        return conditions.isEmpty() ? RowFilter.NONE : new RowFilter(conditions);
    }
}
