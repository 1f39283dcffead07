/**
 * Turns CQL text into the {@link org.ringlet.cql.ast abstract syntax}: runs the generated ANTLR lexer and parser,
 * reports the first syntax error with Cassandra's message shape (code 0x2000), and builds the AST records.
 */
package org.ringlet.cql.parser;
