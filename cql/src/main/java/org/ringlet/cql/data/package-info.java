/**
 * How CQL column values map to the storage data model: writing a value as cells (one cell for simple and frozen
 * columns, one cell per element for non-frozen collections and user types) and reading a column's value back from
 * a row's cells.
 */
package org.ringlet.cql.data;
