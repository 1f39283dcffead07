/**
 * The system keyspaces: their table definitions (Cassandra 5.0's, from {@code system-tables.txt}), the
 * {@code system.local} row (this node's identity, versions, addresses, tokens and schema version, kept on the
 * storage engine), and the virtual keyspaces computed on read ({@code system_virtual_schema}, {@code system_views}).
 */
package org.ringlet.cql.system;
