/**
 * CQL functions: the native functions of Cassandra 5.0 in a per-node {@link org.ringlet.cql.functions.FunctionRegistry}
 * (overloads by name and factories for functions whose signature depends on the call), the scalar and aggregate
 * function shapes, and {@link org.ringlet.cql.functions.FunctionResolver}, which resolves a call to an overload
 * with Cassandra's rules and messages.
 */
package org.ringlet.cql.functions;
