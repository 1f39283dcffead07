/**
 * SELECT: preparation against the table with Cassandra's checks (DISTINCT, GROUP BY, ORDER BY, PER PARTITION
 * LIMIT), execution as single-partition reads or token-ordered range scans through the coordinator (or the virtual
 * tables), in clustering order or reversed, row filtering, grouping and aggregation, and paging by rows, groups or
 * partitions with an opaque paging state that resumes after the last row a page examined.
 */
package org.ringlet.cql.statements.select;
