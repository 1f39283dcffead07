package org.ringlet.api.schema;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.ring.PartitionKeys;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.Identifiers;

import static java.util.Objects.requireNonNull;

/**
 * A table's definition. Immutable; build with {@link #builder(String, String)}.
 *
 * <p>Column order: partition key columns by position, clustering columns by position, then static and regular
 * columns sorted by name. {@code SELECT *} returns columns in {@link #allColumnsInSelectOrder()} order.
 */
public final class TableMetadata {

    /** What a table is. */
    public enum Kind {
        /** A table stored on the storage engine. */
        REGULAR,
        /** A virtual table computed by the node (system_views, system_virtual_schema). */
        VIRTUAL
    }

    private final String keyspace;
    private final String name;
    private final TableId id;
    private final Kind kind;
    private final List<ColumnMetadata> partitionKey;
    private final List<ColumnMetadata> clustering;
    private final List<ColumnMetadata> staticColumns;
    private final List<ColumnMetadata> regularColumns;
    private final Map<String, ColumnMetadata> columnsByName;
    private final TableParams params;
    private final Map<String, DroppedColumn> droppedColumns;
    private final boolean counter;
    /** {@link #clusteringComparisonTypes()}, computed once: every partition built or read asks for it. */
    private final List<CqlType> clusteringComparisonTypes;

    private TableMetadata(Builder b) {
        this.keyspace = requireNonNull(b.keyspace, "keyspace is null");
        this.name = requireNonNull(b.name, "name is null");
        this.id = requireNonNull(b.id, "id is null");
        this.kind = b.kind;
        this.params = requireNonNull(b.params, "params is null");
        List<ColumnMetadata> pk = new ArrayList<>();
        List<ColumnMetadata> ck = new ArrayList<>();
        List<ColumnMetadata> st = new ArrayList<>();
        List<ColumnMetadata> rg = new ArrayList<>();
        for (ColumnMetadata c : b.columns.values()) {
            switch (c.kind()) {
                case PARTITION_KEY -> pk.add(c);
                case CLUSTERING -> ck.add(c);
                case STATIC -> st.add(c);
                case REGULAR -> rg.add(c);
            }
        }
        pk.sort(Comparator.comparingInt(ColumnMetadata::position));
        ck.sort(Comparator.comparingInt(ColumnMetadata::position));
        st.sort(Comparator.comparing(ColumnMetadata::name, TableMetadata::compareNames));
        rg.sort(Comparator.comparing(ColumnMetadata::name, TableMetadata::compareNames));
        if (pk.isEmpty()) {
            throw new InvalidRequestException("No PRIMARY KEY specifed for table '" + name
                    + "' (exactly one required)");
        }
        checkPositions(pk, "partition key");
        checkPositions(ck, "clustering");
        this.partitionKey = List.copyOf(pk);
        this.clustering = List.copyOf(ck);
        this.clusteringComparisonTypes = clustering.stream().map(ColumnMetadata::comparisonType).toList();
        this.staticColumns = List.copyOf(st);
        this.regularColumns = List.copyOf(rg);
        Map<String, ColumnMetadata> byName = new LinkedHashMap<>();
        for (List<ColumnMetadata> l : List.of(this.partitionKey, this.clustering, this.staticColumns,
                this.regularColumns)) {
            l.forEach(c -> byName.put(c.name(), c));
        }
        this.columnsByName = Collections.unmodifiableMap(byName);
        this.droppedColumns = Collections.unmodifiableMap(new TreeMap<>(b.dropped));
        this.counter = byName.values().stream().anyMatch(c -> c.type().isCounter());
    }

    /** Cassandra's order of column names: their UTF-8 bytes, unsigned (that is, by code point). */
    private static int compareNames(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    private static void checkPositions(List<ColumnMetadata> columns, String what) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).position() != i) {
                throw new IllegalArgumentException(what + " column positions must be 0.." + (columns.size() - 1));
            }
        }
    }

    public static Builder builder(String keyspace, String name) {
        return new Builder(keyspace, name);
    }

    /** A builder holding this table's definition, to derive a changed one. */
    public Builder toBuilder() {
        Builder b = new Builder(keyspace, name).id(id).kind(kind).params(params);
        columnsByName.values().forEach(b::addColumn);
        droppedColumns.values().forEach(b::addDroppedColumn);
        return b;
    }

    public String keyspace() {
        return keyspace;
    }

    public String name() {
        return name;
    }

    public TableId id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isVirtual() {
        return kind == Kind.VIRTUAL;
    }

    public TableParams params() {
        return params;
    }

    public List<ColumnMetadata> partitionKeyColumns() {
        return partitionKey;
    }

    public List<ColumnMetadata> clusteringColumns() {
        return clustering;
    }

    public List<ColumnMetadata> staticColumns() {
        return staticColumns;
    }

    public List<ColumnMetadata> regularColumns() {
        return regularColumns;
    }

    public boolean hasStaticColumns() {
        return !staticColumns.isEmpty();
    }

    /** Every column: partition key, clustering, static, regular. */
    public List<ColumnMetadata> allColumnsInSelectOrder() {
        return List.copyOf(columnsByName.values());
    }

    /** A column by its (case-preserved) name. */
    public Optional<ColumnMetadata> column(String columnName) {
        return Optional.ofNullable(columnsByName.get(columnName));
    }

    /**
     * A column by name.
     *
     * @throws InvalidRequestException with Cassandra's message when there is no such column (names quoted as CQL
     *                                 needs them)
     */
    public ColumnMetadata requireColumn(String columnName) {
        ColumnMetadata c = columnsByName.get(columnName);
        if (c == null) {
            throw new InvalidRequestException("Undefined column name " + Identifiers.maybeQuote(columnName)
                    + " in table " + Identifiers.maybeQuote(keyspace) + "." + Identifiers.maybeQuote(name));
        }
        return c;
    }

    public Map<String, DroppedColumn> droppedColumns() {
        return droppedColumns;
    }

    /** Whether the table's non-key columns are counters. */
    public boolean isCounter() {
        return counter;
    }

    /** The {@code flags} of {@code system_schema.tables}: always compound, plus counter for counter tables. */
    public Set<String> flags() {
        Set<String> flags = new TreeSet<>();
        flags.add("compound");
        if (counter) {
            flags.add("counter");
        }
        return Collections.unmodifiableSet(flags);
    }

    /** The types clustering values are ordered by (reversed for DESC columns). */
    public List<CqlType> clusteringComparisonTypes() {
        return clusteringComparisonTypes;
    }

    /**
     * The serialized partition key from its components: the component itself for a single-column key; for a
     * composite key, each component as a 2-byte big-endian length, the bytes and a {@code 0x00} byte (see
     * {@link PartitionKeys}).
     *
     * @throws InvalidRequestException when the key is longer than 65535 bytes
     */
    public ByteBuffer serializePartitionKey(List<ByteBuffer> components) {
        if (components.size() != partitionKey.size()) {
            throw new IllegalArgumentException("expected " + partitionKey.size() + " key components, got "
                    + components.size());
        }
        return PartitionKeys.serialize(components);
    }

    /**
     * The components of a serialized partition key (the inverse of {@link #serializePartitionKey}).
     *
     * @throws IllegalArgumentException when the key is not a well-formed key of this table
     */
    public List<ByteBuffer> splitPartitionKey(ByteBuffer key) {
        return PartitionKeys.split(key, partitionKey.size());
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TableMetadata t)) {
            return false;
        }
        return keyspace.equals(t.keyspace) && name.equals(t.name) && id.equals(t.id) && kind == t.kind
                && columnsByName.equals(t.columnsByName) && params.equals(t.params)
                && droppedColumns.equals(t.droppedColumns);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return keyspace + "." + name + "(" + id + ")";
    }

    /** Builds a {@link TableMetadata}. Not thread-safe. */
    public static final class Builder {
        private final String keyspace;
        private final String name;
        private TableId id;
        private Kind kind = Kind.REGULAR;
        private TableParams params = TableParams.defaults();
        private final Map<String, ColumnMetadata> columns = new LinkedHashMap<>();
        private final Map<String, DroppedColumn> dropped = new LinkedHashMap<>();

        private Builder(String keyspace, String name) {
            this.keyspace = keyspace;
            this.name = name;
        }

        public Builder id(TableId tableId) {
            this.id = tableId;
            return this;
        }

        public Builder kind(Kind k) {
            this.kind = requireNonNull(k, "kind is null");
            return this;
        }

        public Builder params(TableParams p) {
            this.params = requireNonNull(p, "params is null");
            return this;
        }

        /**
         * Adds or replaces a column.
         */
        public Builder addColumn(ColumnMetadata column) {
            columns.put(column.name(), column);
            return this;
        }

        public Builder addPartitionKey(String columnName, CqlType type) {
            int pos = (int) columns.values().stream().filter(c -> c.kind() == ColumnKind.PARTITION_KEY).count();
            return addColumn(ColumnMetadata.partitionKey(columnName, type, pos));
        }

        public Builder addClustering(String columnName, CqlType type, ClusteringOrder order) {
            int pos = (int) columns.values().stream().filter(c -> c.kind() == ColumnKind.CLUSTERING).count();
            return addColumn(ColumnMetadata.clustering(columnName, type, pos, order));
        }

        public Builder addRegular(String columnName, CqlType type) {
            return addColumn(ColumnMetadata.regular(columnName, type));
        }

        public Builder addStatic(String columnName, CqlType type) {
            return addColumn(ColumnMetadata.staticColumn(columnName, type));
        }

        public Builder removeColumn(String columnName) {
            columns.remove(columnName);
            return this;
        }

        public Builder addDroppedColumn(DroppedColumn column) {
            dropped.put(column.name(), column);
            return this;
        }

        public Builder removeDroppedColumn(String columnName) {
            dropped.remove(columnName);
            return this;
        }

        /** Whether a column of that name is defined. */
        public boolean hasColumn(String columnName) {
            return columns.containsKey(columnName);
        }

        public TableMetadata build() {
            if (id == null) {
                id = TableId.forSystemTable(keyspace, name);
            }
            return new TableMetadata(this);
        }
    }
}
