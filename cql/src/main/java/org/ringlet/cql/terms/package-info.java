/**
 * Values of statements: constants, bind markers, collection literals and function calls, prepared against the
 * type of what receives them (a column, an element, a function argument) with Cassandra's assignment rules and
 * messages, and bound to the request's values at execution.
 */
package org.ringlet.cql.terms;
