/**
 * The SELECT clause: selectors (columns, function calls, aggregates, writetime and ttl) prepared into
 * {@link org.ringlet.cql.selection.SelectorFactory factories}, the result columns they make, and the
 * {@link org.ringlet.cql.selection.ResultBuilder} that turns the rows read into result rows.
 */
package org.ringlet.cql.selection;
