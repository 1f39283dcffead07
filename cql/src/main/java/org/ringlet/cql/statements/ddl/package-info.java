/**
 * Schema statements: CREATE, ALTER and DROP of keyspaces, tables and user types. They are validated against the
 * schema when they execute, in Cassandra's order of checks, change it through the
 * {@link org.ringlet.cql.schema.SchemaStore}, and answer with a schema-change result (or void when IF [NOT] EXISTS
 * or an alteration that changes nothing made them do nothing). See ADR 0100.
 */
package org.ringlet.cql.statements.ddl;
