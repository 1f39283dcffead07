/**
 * The WHERE clause: relations (single- and multi-column, token, CONTAINS) prepared into restrictions on the
 * partition key (or its token), the clustering columns and other columns, merged and checked with Cassandra 5.0's
 * rules (when a query needs ALLOW FILTERING, which combinations are invalid), and turned at execution into the
 * partition keys or token range to read, the clustering slices (also on mixed ASC/DESC clustering), and the row
 * filter applied to what is read.
 */
package org.ringlet.cql.restrictions;
