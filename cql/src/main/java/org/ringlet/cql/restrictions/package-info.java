/**
 * The WHERE clause: relations prepared into restrictions on the partition key (or its token), the clustering
 * columns and other columns, checked with Cassandra's rules (when a query needs ALLOW FILTERING, which
 * combinations are invalid), and turned at execution into the partition keys or token range to read, the
 * clustering slices, and the row filter applied to what is read.
 */
package org.ringlet.cql.restrictions;
