/**
 * The ANTLR4-generated lexer, parser and visitor of the CQL grammar ({@code src/main/antlr4/.../Cql.g4}). Nothing
 * outside {@link org.ringlet.cql.parser} uses these classes directly.
 */
package org.ringlet.cql.grammar;
