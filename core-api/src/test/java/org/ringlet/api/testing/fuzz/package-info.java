/**
 * Generators of hostile input for fuzz tests, shared through core-api's test-jar: {@link
 * org.ringlet.api.testing.fuzz.CqlStatementGenerator} makes random CQL statements of every kind and mutates them
 * (deleted and duplicated spans, stray quotes and comment markers, unusual Unicode, huge literals, deep nesting).
 * Plain Java driven by a {@link java.util.Random}, so any test framework can use them.
 */
package org.ringlet.api.testing.fuzz;
