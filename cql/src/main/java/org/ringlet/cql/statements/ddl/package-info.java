/**
 * Schema statements: CREATE and DROP of keyspaces and tables (later ALTER, types and indexes). They are validated
 * against the schema when they execute, change it through the {@link org.ringlet.cql.schema.SchemaStore}, and
 * answer with a schema-change result (or void when IF [NOT] EXISTS made them do nothing).
 */
package org.ringlet.cql.statements.ddl;
