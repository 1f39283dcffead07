/**
 * Executable statements: each parsed statement is prepared against the schema into a {@link
 * org.ringlet.cql.statements.CqlStatement} (its bind variables, result columns and partition key markers known),
 * which executes with a request's options. Subpackages split them by concept: DDL, DML and SELECT.
 */
package org.ringlet.cql.statements;
