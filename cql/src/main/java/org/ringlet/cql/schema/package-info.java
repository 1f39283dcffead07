/**
 * The node's schema: {@link org.ringlet.cql.schema.SystemKeyspaces} defines the system keyspaces (Cassandra 5.0's
 * tables, from {@code system-tables.txt}); {@link org.ringlet.cql.schema.LocalSchema} holds the current immutable
 * snapshot and tells listeners what changed; {@link org.ringlet.cql.schema.SchemaStore} keeps it in the
 * {@code system_schema} tables on the storage engine (reading it at start, writing every change) and computes the
 * schema version.
 */
package org.ringlet.cql.schema;
