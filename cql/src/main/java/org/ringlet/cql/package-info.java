/**
 * The CQL query layer: {@link org.ringlet.cql.CqlQueryHandler} parses, prepares and executes statements for the
 * native protocol server, keeps prepared statements ({@link org.ringlet.cql.PreparedStatements}) and pushes schema
 * events; {@link org.ringlet.cql.CqlQueryHandlerFactory} ({@code cql}) builds it from the node's services.
 * Subpackages hold the grammar and AST, terms and functions, selection and restrictions, the statements, the
 * schema tables and the system keyspaces.
 */
package org.ringlet.cql;
