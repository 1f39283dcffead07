/**
 * Server-side DESCRIBE as Cassandra 4.0+ answers it: the schema elements a DESCRIBE names, listed
 * ({@code keyspace_name, type, name}) or with the CQL that recreates each ({@code create_statement}), paged by
 * element; and the CQL text of keyspaces, tables and user types, written exactly as Cassandra writes it.
 */
package org.ringlet.cql.statements.describe;
