/**
 * The CQL language: grammar, statements, functions, schema tables and system keyspaces.
 */
package org.ringlet.cql;
