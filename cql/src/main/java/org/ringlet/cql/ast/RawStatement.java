package org.ringlet.cql.ast;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A parsed statement, before it is prepared against the schema. Each kind of statement is a record here; the
 * statements package turns them into executable statements.
 */
public sealed interface RawStatement permits RawStatement.Select, RawStatement.Insert, RawStatement.Update,
        RawStatement.Delete, RawStatement.Batch, RawStatement.Use, RawStatement.Truncate,
        RawStatement.CreateKeyspace, RawStatement.AlterKeyspace, RawStatement.DropKeyspace,
        RawStatement.CreateTable, RawStatement.AlterTable, RawStatement.DropTable, RawStatement.CreateType,
        RawStatement.AlterType, RawStatement.DropType, RawStatement.CreateIndex, RawStatement.DropIndex,
        RawStatement.Describe {

    /** A short name of the statement kind for messages, e.g. {@code SELECT} or {@code CREATE TABLE}. */
    String kind();

    // ------------------------------------------------------------------------------------------------ SELECT

    /** One expression of a SELECT clause with its alias (null when none). */
    record Selector(RawSelectable selectable, String alias) {
        public Selector {
            requireNonNull(selectable, "selectable is null");
        }
    }

    /** One column of ORDER BY or CLUSTERING ORDER BY. */
    record Ordering(String column, boolean descending) {
        public Ordering {
            requireNonNull(column, "column is null");
        }
    }

    /**
     * SELECT.
     *
     * @param selectors         the selectors; empty for {@code *}
     * @param perPartitionLimit the PER PARTITION LIMIT (integer literal or marker), or null
     * @param limit             the LIMIT (integer literal or marker), or null
     */
    record Select(QualifiedName table, boolean json, boolean distinct, List<Selector> selectors,
                  List<RawRelation> where, List<RawSelectable> groupBy, List<Ordering> orderBy,
                  RawTerm perPartitionLimit, RawTerm limit, boolean allowFiltering) implements RawStatement {
        public Select {
            requireNonNull(table, "table is null");
            selectors = List.copyOf(selectors);
            where = List.copyOf(where);
            groupBy = List.copyOf(groupBy);
            orderBy = List.copyOf(orderBy);
        }

        /** Whether the statement selects {@code *}. */
        public boolean selectsAll() {
            return selectors.isEmpty();
        }

        @Override
        public String kind() {
            return "SELECT";
        }
    }

    // --------------------------------------------------------------------------------------------- mutations

    /** {@code USING TIMESTAMP t AND TTL n}: each null when absent. */
    record Attributes(RawTerm timestamp, RawTerm timeToLive) {
        public static final Attributes NONE = new Attributes(null, null);
    }

    /**
     * INSERT.
     *
     * @param columns      the columns (empty for INSERT JSON)
     * @param values       their values (empty for INSERT JSON)
     * @param json         the JSON value of INSERT JSON, or null
     * @param defaultUnset for INSERT JSON, whether omitted columns are left unset (DEFAULT UNSET)
     */
    record Insert(QualifiedName table, List<String> columns, List<RawTerm> values, RawTerm json,
                  boolean defaultUnset, boolean ifNotExists, Attributes attributes) implements RawStatement {
        public Insert {
            requireNonNull(table, "table is null");
            columns = List.copyOf(columns);
            values = List.copyOf(values);
            requireNonNull(attributes, "attributes is null");
        }

        @Override
        public String kind() {
            return "INSERT";
        }
    }

    /** An assignment of UPDATE's SET clause. */
    sealed interface Assignment permits SetValue, ColumnArithmetic, Prepend, CompoundAssignment, SetElement,
            SetField {
        String column();
    }

    /** {@code c = term}. */
    record SetValue(String column, RawTerm value) implements Assignment {
    }

    /** {@code c = c + term} or {@code c = c - term} (other must be c). */
    record ColumnArithmetic(String column, String other, char operator, RawTerm value) implements Assignment {
    }

    /** {@code c = term + c} (other must be c). */
    record Prepend(String column, RawTerm value, String other) implements Assignment {
    }

    /** {@code c += term} or {@code c -= term}. */
    record CompoundAssignment(String column, char operator, RawTerm value) implements Assignment {
    }

    /** {@code c[key] = term}. */
    record SetElement(String column, RawTerm key, RawTerm value) implements Assignment {
    }

    /** {@code c.field = term}. */
    record SetField(String column, String field, RawTerm value) implements Assignment {
    }

    /**
     * A condition of {@code IF}: {@code column[element].field op value}.
     *
     * @param element the collection element ({@code c[key]}), or null
     * @param field   the UDT field ({@code c.f}), or null
     * @param values  for IN, the listed values (or a single marker); otherwise one value
     */
    record Condition(String column, RawTerm element, String field, Operator operator, List<RawTerm> values) {
        public Condition {
            requireNonNull(column, "column is null");
            requireNonNull(operator, "operator is null");
            values = List.copyOf(values);
        }
    }

    /** The {@code IF} part of UPDATE and DELETE: none, {@code IF EXISTS}, or conditions. */
    record Conditions(boolean ifExists, List<Condition> conditions) {
        public static final Conditions NONE = new Conditions(false, List.of());

        public Conditions {
            conditions = List.copyOf(conditions);
        }

        public boolean isEmpty() {
            return !ifExists && conditions.isEmpty();
        }
    }

    record Update(QualifiedName table, Attributes attributes, List<Assignment> assignments,
                  List<RawRelation> where, Conditions conditions) implements RawStatement {
        public Update {
            requireNonNull(table, "table is null");
            requireNonNull(attributes, "attributes is null");
            assignments = List.copyOf(assignments);
            where = List.copyOf(where);
            requireNonNull(conditions, "conditions is null");
        }

        @Override
        public String kind() {
            return "UPDATE";
        }
    }

    /** What a DELETE removes: a column, a collection element ({@code c[key]}) or a UDT field ({@code c.f}). */
    record Deletion(String column, RawTerm element, String field) {
        public Deletion {
            requireNonNull(column, "column is null");
        }
    }

    /**
     * DELETE.
     *
     * @param deletions the columns to delete; empty to delete rows
     * @param timestamp {@code USING TIMESTAMP}, or null
     */
    record Delete(QualifiedName table, List<Deletion> deletions, RawTerm timestamp, List<RawRelation> where,
                  Conditions conditions) implements RawStatement {
        public Delete {
            requireNonNull(table, "table is null");
            deletions = List.copyOf(deletions);
            where = List.copyOf(where);
            requireNonNull(conditions, "conditions is null");
        }

        @Override
        public String kind() {
            return "DELETE";
        }
    }

    /** The batch types. */
    enum BatchType { LOGGED, UNLOGGED, COUNTER }

    /** BEGIN BATCH ... APPLY BATCH; children are Insert, Update or Delete. */
    record Batch(BatchType type, Attributes attributes, List<RawStatement> statements) implements RawStatement {
        public Batch {
            requireNonNull(type, "type is null");
            requireNonNull(attributes, "attributes is null");
            statements = List.copyOf(statements);
        }

        @Override
        public String kind() {
            return "BATCH";
        }
    }

    // ------------------------------------------------------------------------------------------------ others

    record Use(String keyspace) implements RawStatement {
        public Use {
            requireNonNull(keyspace, "keyspace is null");
        }

        @Override
        public String kind() {
            return "USE";
        }
    }

    record Truncate(QualifiedName table) implements RawStatement {
        public Truncate {
            requireNonNull(table, "table is null");
        }

        @Override
        public String kind() {
            return "TRUNCATE";
        }
    }

    // --------------------------------------------------------------------------------------------------- DDL

    record CreateKeyspace(String keyspace, boolean ifNotExists, RawProperties properties) implements RawStatement {
        public CreateKeyspace {
            requireNonNull(keyspace, "keyspace is null");
            requireNonNull(properties, "properties is null");
        }

        @Override
        public String kind() {
            return "CREATE KEYSPACE";
        }
    }

    record AlterKeyspace(String keyspace, boolean ifExists, RawProperties properties) implements RawStatement {
        public AlterKeyspace {
            requireNonNull(keyspace, "keyspace is null");
            requireNonNull(properties, "properties is null");
        }

        @Override
        public String kind() {
            return "ALTER KEYSPACE";
        }
    }

    record DropKeyspace(String keyspace, boolean ifExists) implements RawStatement {
        public DropKeyspace {
            requireNonNull(keyspace, "keyspace is null");
        }

        @Override
        public String kind() {
            return "DROP KEYSPACE";
        }
    }

    /**
     * A column of CREATE TABLE.
     *
     * @param primaryKey whether it was declared {@code PRIMARY KEY} inline
     */
    record ColumnDefinition(String name, RawType type, boolean isStatic, boolean primaryKey) {
        public ColumnDefinition {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
        }
    }

    /** A {@code PRIMARY KEY ((p1, p2), c1, c2)} clause. */
    record PrimaryKey(List<String> partitionKey, List<String> clustering) {
        public PrimaryKey {
            partitionKey = List.copyOf(partitionKey);
            clustering = List.copyOf(clustering);
        }
    }

    /**
     * CREATE TABLE.
     *
     * @param primaryKeys     the {@code PRIMARY KEY (...)} clauses (more than one is an error reported later)
     * @param clusteringOrder {@code WITH CLUSTERING ORDER BY}, empty when absent
     */
    record CreateTable(QualifiedName table, boolean ifNotExists, List<ColumnDefinition> columns,
                       List<PrimaryKey> primaryKeys, List<Ordering> clusteringOrder, boolean compactStorage,
                       RawProperties properties) implements RawStatement {
        public CreateTable {
            requireNonNull(table, "table is null");
            columns = List.copyOf(columns);
            primaryKeys = List.copyOf(primaryKeys);
            clusteringOrder = List.copyOf(clusteringOrder);
            requireNonNull(properties, "properties is null");
        }

        @Override
        public String kind() {
            return "CREATE TABLE";
        }
    }

    /** The change an ALTER TABLE makes. */
    sealed interface TableAlteration permits AlterColumnType, AddColumns, DropColumns, DropCompactStorage,
            RenameColumns, AlterOptions {
    }

    record AlterColumnType(String column, RawType type) implements TableAlteration {
    }

    record AddColumns(boolean ifNotExists, List<ColumnDefinition> columns) implements TableAlteration {
        public AddColumns {
            columns = List.copyOf(columns);
        }
    }

    /** @param timestamp {@code USING TIMESTAMP}, or null */
    record DropColumns(boolean ifExists, List<String> columns, Long timestamp) implements TableAlteration {
        public DropColumns {
            columns = List.copyOf(columns);
        }
    }

    record DropCompactStorage() implements TableAlteration {
    }

    /** @param renames pairs of (from, to), in order */
    record RenameColumns(boolean ifExists, List<List<String>> renames) implements TableAlteration {
        public RenameColumns {
            renames = List.copyOf(renames);
        }
    }

    record AlterOptions(RawProperties properties) implements TableAlteration {
    }

    record AlterTable(QualifiedName table, boolean ifExists, TableAlteration alteration) implements RawStatement {
        public AlterTable {
            requireNonNull(table, "table is null");
            requireNonNull(alteration, "alteration is null");
        }

        @Override
        public String kind() {
            return "ALTER TABLE";
        }
    }

    record DropTable(QualifiedName table, boolean ifExists) implements RawStatement {
        public DropTable {
            requireNonNull(table, "table is null");
        }

        @Override
        public String kind() {
            return "DROP TABLE";
        }
    }

    /** A field of CREATE TYPE. */
    record Field(String name, RawType type) {
        public Field {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
        }
    }

    record CreateType(QualifiedName type, boolean ifNotExists, List<Field> fields) implements RawStatement {
        public CreateType {
            requireNonNull(type, "type is null");
            fields = List.copyOf(fields);
        }

        @Override
        public String kind() {
            return "CREATE TYPE";
        }
    }

    /** The change an ALTER TYPE makes. */
    sealed interface TypeAlteration permits AddField, RenameFields, AlterFieldType {
    }

    record AddField(boolean ifNotExists, Field field) implements TypeAlteration {
    }

    /** @param renames pairs of (from, to), in order */
    record RenameFields(boolean ifExists, List<List<String>> renames) implements TypeAlteration {
        public RenameFields {
            renames = List.copyOf(renames);
        }
    }

    record AlterFieldType(String field, RawType type) implements TypeAlteration {
    }

    record AlterType(QualifiedName type, boolean ifExists, TypeAlteration alteration) implements RawStatement {
        public AlterType {
            requireNonNull(type, "type is null");
            requireNonNull(alteration, "alteration is null");
        }

        @Override
        public String kind() {
            return "ALTER TYPE";
        }
    }

    record DropType(QualifiedName type, boolean ifExists) implements RawStatement {
        public DropType {
            requireNonNull(type, "type is null");
        }

        @Override
        public String kind() {
            return "DROP TYPE";
        }
    }

    /** A target of CREATE INDEX: a column, or {@code keys(c)}, {@code entries(c)}, {@code full(c)}, {@code values(c)}. */
    record IndexTarget(String column, String kind) {
        public IndexTarget {
            requireNonNull(column, "column is null");
            requireNonNull(kind, "kind is null");
        }
    }

    /**
     * CREATE [CUSTOM] INDEX.
     *
     * @param name        the index name, or null for a generated one
     * @param customClass {@code USING 'class'}, or null
     */
    record CreateIndex(QualifiedName table, String name, boolean ifNotExists, boolean custom,
                       List<IndexTarget> targets, String customClass, RawProperties properties)
            implements RawStatement {
        public CreateIndex {
            requireNonNull(table, "table is null");
            targets = List.copyOf(targets);
            requireNonNull(properties, "properties is null");
        }

        @Override
        public String kind() {
            return "CREATE INDEX";
        }
    }

    record DropIndex(QualifiedName index, boolean ifExists) implements RawStatement {
        public DropIndex {
            requireNonNull(index, "index is null");
        }

        @Override
        public String kind() {
            return "DROP INDEX";
        }
    }

    // ---------------------------------------------------------------------------------------------- DESCRIBE

    /** What a DESCRIBE statement describes. */
    enum DescribeKind {
        SCHEMA, FULL_SCHEMA, CLUSTER, KEYSPACES, KEYSPACE, ONLY_KEYSPACE, TABLES, TABLE, INDEX, MATERIALIZED_VIEW,
        TYPES, TYPE, FUNCTIONS, FUNCTION, AGGREGATES, AGGREGATE, GENERIC
    }

    /**
     * DESCRIBE (server-side).
     *
     * @param name      the element described (a keyspace for KEYSPACE, possibly null then), null for listings
     * @param internals {@code WITH INTERNALS}
     */
    record Describe(DescribeKind what, QualifiedName name, boolean internals) implements RawStatement {
        public Describe {
            requireNonNull(what, "what is null");
        }

        @Override
        public String kind() {
            return "DESCRIBE";
        }
    }
}
