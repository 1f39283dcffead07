/**
 * CQL functions: the native scalar functions (starting with {@code token()}), aggregates (starting with
 * {@code count}), and how a call is resolved to a function by name, arity and argument types.
 */
package org.ringlet.cql.functions;
