/**
 * SELECT: preparation against the table, execution as single-partition reads or token-ordered range scans through
 * the coordinator (or the virtual tables), row filtering, aggregation, and paging with an opaque paging state that
 * resumes after the last row a page examined.
 */
package org.ringlet.cql.statements.select;
