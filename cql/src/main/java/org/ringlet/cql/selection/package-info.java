/**
 * The SELECT clause: selectors (columns, function calls, aggregates, casts, arithmetic, type hints, terms, field
 * selection, writetime and ttl) prepared into {@link org.ringlet.cql.selection.SelectorFactory factories}, the
 * result columns they make (one JSON column for SELECT JSON), and the
 * {@link org.ringlet.cql.selection.ResultBuilder} that turns the rows read into result rows (a row per row, per
 * GROUP BY group, or one for an aggregate).
 */
package org.ringlet.cql.selection;
