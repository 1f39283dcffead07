/**
 * {@code cqlsh}: the CQL shell on the Java driver, with Apache Cassandra's cqlsh options, shell commands, result
 * layouts, error texts and batch-mode behaviour ({@code -e}, {@code -f}: errors prefixed with the input position,
 * exit code 2), and a JLine terminal with history and completion.
 */
package org.ringlet.tools.cqlsh;
